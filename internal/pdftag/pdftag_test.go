package pdftag_test

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/pdftag"
)

// sample draws a two-page tagged document: a heading, a paragraph split
// across the pages with a link in it, and a footer artifact on each page.
func sample(t *testing.T) []byte {
	t.Helper()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: "Letter"})
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	d := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pdf.SetCreationDate(d)
	pdf.SetModificationDate(d)
	pdf.AddUTF8FontFromBytes("F", "", fonts.Faces[0].TTF)
	pdf.SetTitle("Sample", true)
	pdf.SetLang("en-US")
	pdf.SetDisplayDocTitle(true)
	pdf.SetXmpMetadata(pdftag.XMP(pdftag.Meta{Title: "Sample <&>", Lang: "en-US", Date: d}))
	tr := pdftag.New()
	sect := tr.Add(tr.Root(), pdftag.Sect)
	h := tr.Add(sect, pdftag.H1)
	p := tr.Add(sect, pdftag.P)
	for page := range 2 {
		pdf.AddPage()
		pdf.SetPageStructParents(tr.BeginPage(pdf))
		pdf.SetFont("F", "", 12)
		if page == 0 {
			tr.Mark(pdf, h)
			pdf.Text(50, 50, "Heading")
			tr.Mark(pdf, p)
			pdf.Text(50, 80, "First part, see")
			link := tr.Add(p, pdftag.Link)
			tr.SetAlt(link, "Example website")
			tr.Mark(pdf, link)
			pdf.Text(150, 80, "example.com")
			pdf.LinkStringTagged(150, 70, 80, 12, "https://example.com", tr.Link(link), "Example website")
		} else {
			tr.Mark(pdf, p)
			pdf.Text(50, 50, "second part.")
		}
		tr.Artifact(pdf, pdftag.ArtifactFooter)
		pdf.Text(50, 700, "Page "+strconv.Itoa(page+1))
		tr.End(pdf)
	}
	pdf.SetStructTree(func(w *fpdf.StructWriter) int { return tr.Write(w) })
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// obj returns the body of object n.
func obj(t *testing.T, data []byte, n int) string {
	t.Helper()
	re := regexp.MustCompile(`(?s)\n` + strconv.Itoa(n) + ` 0 obj\n(.*?)\nendobj`)
	m := re.FindSubmatch(data)
	if m == nil {
		t.Fatalf("no object %d", n)
	}
	return string(m[1])
}

func ref(t *testing.T, s, key string) int {
	t.Helper()
	m := regexp.MustCompile(`/` + key + ` ?(\d+) 0 R`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no /%s reference in %q", key, s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestTaggedDocument(t *testing.T) {
	data := sample(t)
	if out := os.Getenv("PDFTAG_SAMPLE"); out != "" {
		// For looking at by hand: pdfinfo -struct-text, qpdf --check.
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(data, sample(t)) {
		t.Fatal("two renders differ")
	}
	if !bytes.HasPrefix(data, []byte("%PDF-1.7")) {
		t.Errorf("header %q, want PDF 1.7", data[:8])
	}
	m := regexp.MustCompile(`/Root (\d+) 0 R`).FindSubmatch(data)
	catN, _ := strconv.Atoi(string(m[1]))
	cat := obj(t, data, catN)
	for _, want := range []string{"/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>", "/Lang (en-US)"} {
		if !strings.Contains(cat, want) {
			t.Errorf("catalog lacks %s: %s", want, cat)
		}
	}
	xmp := obj(t, data, ref(t, cat, "Metadata"))
	for _, want := range []string{"/Type /Metadata", "<pdfuaid:part>1</pdfuaid:part>", "Sample &lt;&amp;&gt;", "<rdf:li>en-US</rdf:li>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("metadata lacks %s", want)
		}
	}
	root := obj(t, data, ref(t, cat, "StructTreeRoot"))
	if !strings.Contains(root, "/ParentTreeNextKey 3") {
		t.Errorf("root: %s", root)
	}
	// Pages 3 and 5 (fpdf numbers pages 1+2n) carry their keys.
	for i, n := range []int{3, 5} {
		pg := obj(t, data, n)
		if !strings.Contains(pg, "/StructParents "+strconv.Itoa([]int{0, 2}[i])) || !strings.Contains(pg, "/Tabs /S") {
			t.Errorf("page %d: %s", i+1, pg)
		}
	}
	// Page 1's annotation is an object of its own with its key.
	annotN := ref(t, obj(t, data, 3), `Annots \[`)
	annot := obj(t, data, annotN)
	for _, want := range []string{"/Subtype /Link", "/StructParent 1", "/P 3 0 R", "/URI (https://example.com)", "/Contents ("} {
		if !strings.Contains(annot, want) {
			t.Errorf("annotation lacks %s: %s", want, annot)
		}
	}
	pt := obj(t, data, ref(t, root, "ParentTree"))
	// Key 0: page 1's MCIDs (H1, P, Link); 1: the annotation's Link; 2: page 2 (P).
	re := regexp.MustCompile(`^<</Nums \[0 \[(\d+) 0 R (\d+) 0 R (\d+) 0 R\] 1 (\d+) 0 R 2 \[(\d+) 0 R\] \]>>$`)
	pm := re.FindStringSubmatch(pt)
	if pm == nil {
		t.Fatalf("parent tree: %s", pt)
	}
	h1, p, link, annotLink, p2 := pm[1], pm[2], pm[3], pm[4], pm[5]
	if annotLink != link || p2 != p {
		t.Errorf("parent tree: %s", pt)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	if e := obj(t, data, n(h1)); !strings.Contains(e, "/S /H1") || !strings.Contains(e, "/K [0]") || !strings.Contains(e, "/Pg 3 0 R") {
		t.Errorf("H1: %s", e)
	}
	if e := obj(t, data, n(p)); !strings.Contains(e, "/S /P") || !strings.Contains(e, "/K [1 "+link+" 0 R <</Type /MCR /Pg 5 0 R /MCID 0>>]") {
		t.Errorf("P: %s", e)
	}
	if e := obj(t, data, n(link)); !strings.Contains(e, "/S /Link") || !strings.Contains(e, "/K [2 <</Type /OBJR /Obj "+strconv.Itoa(annotN)+" 0 R /Pg 3 0 R>>]") || !strings.Contains(e, "/Alt (") {
		t.Errorf("Link: %s", e)
	}
	// Page content: every text object inside a marked-content sequence.
	content := obj(t, data, 4)
	for _, want := range []string{"/H1 <</MCID 0>> BDC", "/P <</MCID 1>> BDC", "/Link <</MCID 2>> BDC", "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"} {
		if !strings.Contains(content, want) {
			t.Errorf("page 1 content lacks %s", want)
		}
	}
	if got := strings.Count(content, " BDC"); got != strings.Count(content, "EMC") || got != 4 {
		t.Errorf("page 1: %d BDC, %d EMC, want 4 each", got, strings.Count(content, "EMC"))
	}
}

// An element with no content is left out of the tree.
func TestEmptyElementsDropped(t *testing.T) {
	tr := pdftag.New()
	tr.Add(tr.Root(), pdftag.L)
	w := &objs{}
	tr.Write(w)
	if strings.Contains(w.String(), "/S /L") {
		t.Errorf("empty list written: %s", w)
	}
	if !strings.Contains(w.String(), "/S /Document") {
		t.Errorf("no document element: %s", w)
	}
}

type objs struct {
	n int
	strings.Builder
}

func (o *objs) NextObj() int               { return o.n + 1 }
func (o *objs) NewObj() int                { o.n++; return o.n }
func (o *objs) Out(s string)               { o.WriteString(s + "\n") }
func (o *objs) EndObj()                    {}
func (o *objs) PageObj(int) int            { return 3 }
func (o *objs) AnnotObj(int) (int, bool)   { return 0, false }
func (o *objs) TextString(s string) string { return "(" + s + ")" }

// rw records page-content operators.
type rw struct{ strings.Builder }

func (r *rw) RawWriteStr(s string) { r.WriteString(s + "\n") }

// tagDoc tags a document of pages pages, n paragraphs a page (some with a
// link, some empty), into tr and returns its content and objects.
func tagDoc(tr *pdftag.Tree, pages, n int) string {
	var content rw
	sect := tr.Add(tr.Root(), pdftag.Sect)
	for p := range pages {
		tr.BeginPage(&content)
		for i := range n {
			e := tr.Add(sect, pdftag.P)
			if i%7 == 3 {
				continue // no content: left out
			}
			tr.Mark(&content, e)
			if i%5 == 0 {
				l := tr.Add(e, pdftag.Link)
				tr.SetAlt(l, "link")
				tr.Mark(&content, l)
				tr.Link(l)
			}
			if p > 0 && i == 0 {
				tr.Mark(&content, sect) // content of an element begun on an earlier page
			}
		}
		tr.Artifact(&content, pdftag.ArtifactFooter)
		tr.End(&content)
	}
	w := &objs{}
	tr.Write(w)
	return content.String() + w.String()
}

// A tree Reset for the next document tags it exactly as a new tree does,
// whether the document before was larger or smaller, and reuses its
// memory: a second document of the same shape allocates far less.
func TestResetSameAsNew(t *testing.T) {
	tr := pdftag.New()
	for _, shape := range [][2]int{{3, 40}, {1, 5}, {4, 60}, {2, 20}} {
		want := tagDoc(pdftag.New(), shape[0], shape[1])
		tr.Reset()
		if got := tagDoc(tr, shape[0], shape[1]); got != want {
			t.Fatalf("%v: a reset tree tags differently from a new one:\n%s\nwant:\n%s", shape, got, want)
		}
	}
	add := func(tr *pdftag.Tree) {
		var content rw
		content.Grow(1 << 16)
		for range 2 {
			tr.BeginPage(&content)
			for range 100 {
				tr.Mark(&content, tr.Add(tr.Root(), pdftag.P))
			}
		}
	}
	fresh := testing.AllocsPerRun(20, func() { add(pdftag.New()) })
	reused := testing.AllocsPerRun(20, func() { tr.Reset(); add(tr) })
	t.Logf("allocations per document: %.0f with a new tree, %.0f with a reset one", fresh, reused)
	// Mark makes its operator string each time; the tree's own lists are
	// what Reset keeps.
	if reused > fresh*3/4 {
		t.Errorf("a reset tree allocates %.0f times for a document, a new one %.0f: memory not reused", reused, fresh)
	}
}
