package fpdfpatch

// Tests for patch 13 (third_party/fpdf/PATCHES.md): OutputBytes hands
// over the document's buffer instead of copying it to a writer.

import (
	"bytes"
	"testing"
)

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
