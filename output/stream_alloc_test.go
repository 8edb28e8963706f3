//go:build !race

// The race detector changes what is allocated; the test runs without it.

package output

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
)

// Streamed files (every PDF of a run) are written through buffers the
// writer reuses: 200 small files allocate far less than a 64 KB buffer
// each (12.8 MB), which a new buffer per file did.
func TestStreamedFilesReuseBuffers(t *testing.T) {
	w, err := NewDirWriter(context.Background(), filepath.Join(t.TempDir(), "out"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	data := []byte("%PDF-1.7 a small document\n")
	if err := w.Write(streamed("warm.pdf", data, 7)); err != nil {
		t.Fatal(err)
	}
	const n = 200
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range n {
		if err := w.Write(streamed(fmt.Sprintf("d/%03d.pdf", i), data, 7)); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	per := (after.TotalAlloc - before.TotalAlloc) / n
	t.Logf("%d bytes allocated per streamed file", per)
	if per > streamBufferSize/4 {
		t.Errorf("%d bytes allocated per streamed file: a new %d KB buffer each?", per, streamBufferSize>>10)
	}
}
