package fpdfpatch

// Tests for patch 10 (third_party/fpdf/PATCHES.md): the file buffer and
// the page buffers are pooled between documents, and streams are written
// without a copy.

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/go-pdf/fpdf"
)

// drawnDoc is a document of pages pages of lines lines each, drawn and
// not yet written.
func drawnDoc(compress bool, pages, lines int) *fpdf.Fpdf {
	pdf := newPagesDoc()
	pdf.SetCompression(compress)
	for p := range pages {
		pdf.AddPage()
		drawLines(pdf, p, lines)
	}
	return pdf
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

// Documents made one after another and on several goroutines, sharing
// the pools, are identical, and a written file is not changed by the
// documents made after it.
func TestJdgenPatchPooledBuffersSameBytes(t *testing.T) {
	first := output(t, drawnDoc(true, 3, 200))
	keep := bytes.Clone(first)
	var wg sync.WaitGroup
	docs := make([][]byte, 8)
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for range 5 {
				buf.Reset()
				if err := drawnDoc(true, 3, 200).Output(&buf); err != nil {
					t.Error(err)
				}
			}
			docs[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i, d := range docs {
		if !bytes.Equal(d, keep) {
			t.Fatalf("document %d differs from the first", i)
		}
	}
	if !bytes.Equal(first, keep) {
		t.Fatal("a written file changed when later documents were made")
	}
}

// countWriter counts what is written and keeps nothing.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
