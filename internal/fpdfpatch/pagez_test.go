package fpdfpatch

// Tests for patch 9 (third_party/fpdf/PATCHES.md): a page's content is
// compressed when the page is finished, not all pages at Output.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// anyStreamRe finds every stream and whether it is compressed.
var anyStreamRe = regexp.MustCompile(`(?s)<<(/Filter /FlateDecode )?/Length (\d+)>>\nstream\n`)

// pageStreams are the decoded streams of a document drawn with core
// fonts only (so its only streams are the pages', in order), and whether
// each was compressed.
func pageStreams(t *testing.T, doc []byte) (plain [][]byte, compressed []bool) {
	t.Helper()
	for _, m := range anyStreamRe.FindAllSubmatchIndex(doc, -1) {
		n, err := strconv.Atoi(string(doc[m[4]:m[5]]))
		if err != nil {
			t.Fatal(err)
		}
		data := doc[m[1] : m[1]+n]
		if m[2] < 0 {
			plain, compressed = append(plain, data), append(compressed, false)
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		p, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&again, zlib.BestSpeed)
		zw.Write(p)
		zw.Close()
		if !bytes.Equal(again.Bytes(), data) {
			t.Errorf("stream %d: not the bytes a BestSpeed zlib writer makes of its content", len(plain))
		}
		plain, compressed = append(plain, p), append(compressed, true)
	}
	return plain, compressed
}

// newPagesDoc starts a document with core fonts.
func newPagesDoc() *fpdf.Fpdf {
	pdf := fixedDoc("pt")
	pdf.SetFont("Helvetica", "", 10)
	return pdf
}

// drawLines draws n lines of text on the current page.
func drawLines(pdf *fpdf.Fpdf, page, n int) {
	for l := range n {
		pdf.Text(40, float64(40+l%70*10), fmt.Sprintf("page %d line %d of text that repeats and repeats", page, l%50))
	}
}

func output(t *testing.T, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes()
}

// live is the live heap after a collection.
func live() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// A compressed document of many pages holds its finished pages
// compressed: its live memory before Output grows by far less than the
// raw content drawn. Without the patch all pages are held raw.
func TestJdgenPatchPagesCompressedWhenFinished(t *testing.T) {
	const pages, lines = 100, 1000
	// held is what a document of n lines a page holds live before Output.
	held := func(n int) int64 {
		before := live()
		pdf := newPagesDoc()
		pdf.SetCompression(true)
		for p := range pages {
			pdf.AddPage()
			drawLines(pdf, p, n)
		}
		h := int64(live()) - int64(before)
		runtime.KeepAlive(pdf)
		return h
	}
	// What the content adds, beyond a document of as many pages of one line.
	content := held(lines) - held(1)

	// The raw content, measured on the same document uncompressed.
	u := newPagesDoc()
	u.SetCompression(false)
	for p := range pages {
		u.AddPage()
		drawLines(u, p, lines)
	}
	raw := 0
	plain, _ := pageStreams(t, output(t, u))
	for _, s := range plain {
		raw += len(s)
	}
	if raw < 4<<20 {
		t.Fatalf("raw content %d bytes: too little to measure", raw)
	}
	t.Logf("%d pages: the content holds %d bytes live before Output; raw it is %d", pages, content, raw)
	if content > int64(raw/4) {
		t.Errorf("%d pages' content holds %d bytes live before Output, the raw content is %d: finished pages are not compressed", pages, content, raw)
	}
	pdf := newPagesDoc()
	for p := range pages {
		pdf.AddPage()
		drawLines(pdf, p, lines)
	}
	if z := len(output(t, pdf)); z > raw/8 {
		t.Fatalf("compressed document %d bytes, raw content %d: too little compression to measure", z, raw)
	}
}

// The content written is the same as drawn, also when a finished page is
// written to again (SetPage), an alias is registered after pages were
// finished, or compression is turned off before Output.
func TestJdgenPatchPagesCompressedSameContent(t *testing.T) {
	draw := func(compress bool, late func(*fpdf.Fpdf)) []byte {
		pdf := newPagesDoc()
		pdf.SetCompression(compress)
		for p := range 3 {
			pdf.AddPage()
			drawLines(pdf, p, 30)
			pdf.Text(40, 800, "page {nb} {who}")
		}
		late(pdf)
		return output(t, pdf)
	}
	cases := map[string]struct {
		late func(*fpdf.Fpdf)
		want []string // in page 1's content
	}{
		"plain": {func(*fpdf.Fpdf) {}, []string{"(page 0 line 29 of"}},
		"SetPage": {func(pdf *fpdf.Fpdf) {
			pdf.SetPage(1)
			pdf.Text(40, 20, "added to page one")
			pdf.SetPage(3)
		}, []string{"(added to page one)", "(page 0 line 29 of"}},
		"AliasNbPages":  {func(pdf *fpdf.Fpdf) { pdf.AliasNbPages("") }, []string{"(page 3 {who})"}},
		"RegisterAlias": {func(pdf *fpdf.Fpdf) { pdf.RegisterAlias("{who}", "me") }, []string{"(page {nb} me)"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			want, wantZ := pageStreams(t, draw(false, c.late))
			for _, z := range wantZ {
				if z {
					t.Fatal("uncompressed document has a compressed stream")
				}
			}
			got, gotZ := pageStreams(t, draw(true, c.late))
			if len(got) != 3 || len(want) != 3 {
				t.Fatalf("%d and %d page streams, want 3", len(got), len(want))
			}
			for i := range got {
				if !gotZ[i] {
					t.Errorf("page %d not compressed", i+1)
				}
				if !bytes.Equal(got[i], want[i]) {
					t.Errorf("page %d content differs from the uncompressed document's", i+1)
				}
			}
			for _, w := range c.want {
				if !strings.Contains(string(got[0]), w) {
					t.Errorf("page 1 lacks %q", w)
				}
			}
			off, offZ := pageStreams(t, draw(true, func(pdf *fpdf.Fpdf) { c.late(pdf); pdf.SetCompression(false) }))
			for i := range off {
				if offZ[i] || !bytes.Equal(off[i], want[i]) {
					t.Errorf("compression off before Output: page %d differs or is compressed", i+1)
				}
			}
		})
	}
}
