package fpdfpatch

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

var (
	fontFileRe = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)
	baseFontRe = regexp.MustCompile(`/BaseFont /([^\s/]+)`)
)

// doc renders text with font and returns the PDF.
func doc(t *testing.T, font *fpdf.UTF8Font, text string) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	when := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddUTF8FontParsed("Body", "", font)
	pdf.AddPage()
	pdf.SetFont("Body", "", 11)
	pdf.MultiCell(0, 5, text, "", "L", false)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fontProgram returns the decompressed embedded font program and the
// subset font's /BaseFont name.
func fontProgram(t *testing.T, pdf []byte) ([]byte, string) {
	t.Helper()
	m := fontFileRe.FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("no embedded font program")
	}
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	length1, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
	zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog) != length1 {
		t.Errorf("font program is %d bytes, /Length1 says %d", len(prog), length1)
	}
	bm := baseFontRe.FindSubmatch(pdf)
	if bm == nil {
		t.Fatal("no /BaseFont")
	}
	return prog, string(bm[1])
}

// cmapLength returns the cmap table's length in the table directory and
// the length its format 4 subtable declares.
func cmapLength(t *testing.T, prog []byte) (table, declared int) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(prog[4:6]))
	for i := 0; i < n; i++ {
		rec := prog[12+16*i : 28+16*i]
		if string(rec[:4]) != "cmap" {
			continue
		}
		off := int(binary.BigEndian.Uint32(rec[8:12]))
		table = int(binary.BigEndian.Uint32(rec[12:16]))
		sub := prog[off+12:]
		if f := binary.BigEndian.Uint16(sub[0:2]); f != 4 {
			t.Fatalf("cmap subtable format %d, want 4", f)
		}
		return table, int(binary.BigEndian.Uint16(sub[2:4]))
	}
	t.Fatal("no cmap table")
	return 0, 0
}

func TestSharedSubsetIsEmbeddedIdenticallyAndParses(t *testing.T) {
	parsed, err := fpdf.ParseUTF8Font(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	const union = "Operations Manager – plans the shift; Director of Logistics, 2026."
	font := parsed.WithSubset([]rune(union))
	a := doc(t, font, "Operations Manager – plans the shift")
	b := doc(t, font, "Director of Logistics, 2026.")
	progA, nameA := fontProgram(t, a)
	progB, nameB := fontProgram(t, b)
	if !bytes.Equal(progA, progB) || nameA != nameB {
		t.Errorf("documents within one subset embed different fonts (%s, %s)", nameA, nameB)
	}
	if !regexp.MustCompile(`^[A-Z]{6}\+\S+$`).MatchString(nameA) {
		t.Errorf("BaseFont %q has no six-letter subset tag", nameA)
	}
	table, declared := cmapLength(t, progA)
	if table != declared+12 {
		t.Errorf("cmap table is %d bytes, its format 4 subtable declares %d (+12 header)", table, declared)
	}
	f, err := sfnt.Parse(progA)
	if err != nil {
		t.Fatalf("embedded subset does not parse: %v", err)
	}
	var sb sfnt.Buffer
	for _, r := range union {
		if r == ' ' {
			continue
		}
		if g, err := f.GlyphIndex(&sb, r); err != nil || g == 0 {
			t.Errorf("rune %q has no glyph in the embedded subset (%d, %v)", r, g, err)
		}
	}
	if g, _ := f.GlyphIndex(&sb, 'Z'); g != 0 {
		t.Errorf("'Z' was not in the subset but has glyph %d", g)
	}
	if !bytes.Equal(a, doc(t, font, "Operations Manager – plans the shift")) {
		t.Error("the same document twice is not byte-identical")
	}
}

func TestRuneOutsideSubsetStillEmbedded(t *testing.T) {
	parsed, err := fpdf.ParseUTF8Font(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	font := parsed.WithSubset([]rune("abc"))
	prog, name := fontProgram(t, doc(t, font, "abc Zürich"))
	inSubset, name2 := fontProgram(t, doc(t, font, "abc"))
	if bytes.Equal(prog, inSubset) || name == name2 {
		t.Error("a document drawing runes outside the subset reused the subset's embedding")
	}
	f, err := sfnt.Parse(prog)
	if err != nil {
		t.Fatal(err)
	}
	var sb sfnt.Buffer
	for _, r := range "Zürich" {
		if g, _ := f.GlyphIndex(&sb, r); g == 0 {
			t.Errorf("rune %q missing from the document's own subset", r)
		}
	}
}

func TestParsedFontMatchesUpstreamText(t *testing.T) {
	// The same text through AddUTF8FontFromBytes (parsed per document)
	// and AddUTF8FontParsed gives the same page content.
	parsed, err := fpdf.ParseUTF8Font(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	text := "Same text, same layout: 12 lines – or fewer."
	shared := doc(t, parsed, text)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	when := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddUTF8FontFromBytes("Body", "", goregular.TTF)
	pdf.AddPage()
	pdf.SetFont("Body", "", 11)
	pdf.MultiCell(0, 5, text, "", "L", false)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, buf.Bytes()) {
		t.Error("a parsed font renders differently from the same font added from bytes")
	}
}

func TestConcurrentDocumentsShareOneEmbedding(t *testing.T) {
	parsed, err := fpdf.ParseUTF8Font(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	font := parsed.WithSubset([]rune("The quick brown fox 0123456789"))
	var wg sync.WaitGroup
	out := make([][]byte, 8)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = doc(t, font, "The quick brown fox "+strconv.Itoa(i))
		}()
	}
	wg.Wait()
	first, _ := fontProgram(t, out[0])
	for i := range out[1:] {
		if p, _ := fontProgram(t, out[i+1]); !bytes.Equal(p, first) {
			t.Errorf("document %d embeds a different font program", i+1)
		}
	}
}

func TestBrokenFontRefused(t *testing.T) {
	if _, err := fpdf.ParseUTF8Font([]byte("not a font at all, just text")); err == nil {
		t.Error("ParseUTF8Font accepted garbage")
	}
	if _, err := fpdf.ParseUTF8Font(goregular.TTF[:2000]); err == nil {
		t.Error("ParseUTF8Font accepted a truncated font")
	}
}
