package fpdfpatch

// Tests for patch 10 (third_party/fpdf/PATCHES.md): the file buffer and
// the page buffers are pooled between documents, and streams are written
// without a copy.

import (
	"bytes"
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
