//go:build !race

package fpdfpatch

import (
	"bytes"
	"compress/zlib"
	"io"
	"runtime"
	"runtime/debug"
	"testing"
)

// collectorOff stops garbage collection until the test ends: a collection
// empties sync.Pools, and whether one falls inside a measurement depends
// on the rest of the process.
func collectorOff(t *testing.T) {
	t.Helper()
	runtime.GC()
	old := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(old) })
}

// The allocation tests of the pooling patches (8, 10, 13). They are left
// out of the race detector's runs: it makes sync.Pool drop a quarter of
// what is put back, at random, so what these tests measure is not what
// runs otherwise. go test ./... runs them; the byte-identity tests of the
// same patches run in both modes.

// A new zlib writer allocates about 1 MB of compressor state; with the
// pool, documents of many pages allocate far less than that per page.
func TestJdgenPatchPooledZlibAllocation(t *testing.T) {
	const docs, pages = 10, 20
	collectorOff(t)
	var zw bytes.Buffer
	before := allocated()
	w, _ := zlib.NewWriterLevel(&zw, zlib.BestSpeed)
	w.Write([]byte("x"))
	w.Close()
	oneWriter := allocated() - before

	pagesDoc(t, pages) // fill the pool
	before = allocated()
	for range docs {
		pagesDoc(t, pages)
	}
	perPage := (allocated() - before) / (docs * pages)
	if perPage >= oneWriter/2 {
		t.Errorf("%d bytes allocated per page, a new zlib writer is %d: the writers are not reused", perPage, oneWriter)
	}
}

// Writing a document allocates far less than the file: the file buffer
// comes from the pool and streams are not copied into strings. Without
// the patch an uncompressed document's Output allocates about three times
// its page content (the buffer grown by doubling, each stream copied).
func TestJdgenPatchPooledBuffersOutputAllocation(t *testing.T) {
	const pages, lines = 4, 600
	// The fewest bytes of several runs: a collection may empty the pools
	// (zlib writers included) during one.
	least, size := ^uint64(0), 0
	for range 5 {
		pdf := drawnDoc(false, pages, lines)
		var n countWriter
		before := allocated()
		if err := pdf.Output(&n); err != nil {
			t.Fatal(err)
		}
		least, size = min(least, allocated()-before), int(n)
	}
	t.Logf("Output allocated %d bytes for a file of %d", least, size)
	if size < 64<<10 {
		t.Fatalf("file of %d bytes, too small to measure", size)
	}
	if least > uint64(size/8) {
		t.Errorf("Output allocated %d bytes for a file of %d: the buffer is not reused or streams are copied", least, size)
	}
}

// Drawing pages reuses pooled page buffers: a document allocates less
// than its raw page content once the pool holds buffers.
func TestJdgenPatchPooledBuffersPages(t *testing.T) {
	const pages, lines = 4, 600
	raw := 0
	plain, _ := pageStreams(t, output(t, drawnDoc(false, pages, lines)))
	for _, p := range plain {
		raw += len(p)
	}
	var texts [pages * lines]string
	for i := range texts {
		texts[i] = "page 0 line 0 of text that repeats and repeats"
	}
	least := ^uint64(0)
	for range 5 { // the fewest bytes: a collection may empty the pools
		drawnDoc(true, pages, lines).Output(io.Discard) // fill the pools
		before := allocated()
		pdf := newPagesDoc()
		pdf.SetCompression(true)
		for p := range pages {
			pdf.AddPage()
			for l := range lines {
				pdf.Text(40, float64(40+l%70*10), texts[p*lines+l])
			}
		}
		least = min(least, allocated()-before)
		pdf.Output(io.Discard)
	}
	// fpdf formats each Text operator into a string (the content once);
	// growing new page buffers allocates several times more again.
	t.Logf("drawing %d pages of %d raw bytes allocated %d", pages, raw, least)
	if least > uint64(raw)*2 {
		t.Errorf("drawing %d pages of %d raw bytes allocated %d: page buffers are not reused", pages, raw, least)
	}
}

// OutputBytes gives the bytes Output writes, and allocates about a file
// less than writing to a bytes.Buffer: no copy.
func TestJdgenPatchOutputBytes(t *testing.T) {
	const pages, lines = 30, 600 // an uncompressed file of about 1.3 MB
	var want bytes.Buffer
	before := allocated()
	if err := drawnDoc(false, pages, lines).Output(&want); err != nil {
		t.Fatal(err)
	}
	viaOutput := allocated() - before
	before = allocated()
	got, err := drawnDoc(false, pages, lines).OutputBytes()
	if err != nil {
		t.Fatal(err)
	}
	viaBytes := allocated() - before
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatal("OutputBytes differs from Output")
	}
	size := uint64(len(got))
	t.Logf("file %d bytes; drawing and writing allocated %d with Output, %d with OutputBytes", size, viaOutput, viaBytes)
	if size < 1<<20 {
		t.Fatalf("file of %d bytes: too small to measure", size)
	}
	if viaBytes+size/2 > viaOutput {
		t.Errorf("OutputBytes allocated %d, Output %d, for a file of %d: the file is copied", viaBytes, viaOutput, size)
	}
	// A document in error gives its error and no bytes.
	pdf := drawnDoc(true, 1, 1)
	pdf.SetErrorf("broken")
	if data, err := pdf.OutputBytes(); err == nil || data != nil {
		t.Errorf("a document in error gave %d bytes, error %v", len(data), err)
	}
}
