package pdftag_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/pdftag"
)

func TestVerifySample(t *testing.T) {
	rep, err := pdftag.Verify(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Fatalf("problems: %q", rep.Problems)
	}
	var got []string
	for _, e := range rep.Elements {
		got = append(got, strings.Repeat(" ", e.Depth)+e.Type)
	}
	if want := "Document| Sect|  H1|  P|   Link"; strings.Join(got, "|") != want {
		t.Errorf("elements %q, want %q", strings.Join(got, "|"), want)
	}
	// 5 text operators: heading, two paragraph pieces, the link, two footers.
	if rep.TextOps != 6 || rep.ArtifactTextOps != 2 || rep.Pages != 2 {
		t.Errorf("text ops %d (artifacts %d), pages %d", rep.TextOps, rep.ArtifactTextOps, rep.Pages)
	}
	link := rep.Elements[4]
	if link.Annots != 1 || link.Alt != "Example website" || link.TextOps != 1 {
		t.Errorf("link %+v", link)
	}
	if p := rep.Elements[3]; p.MCIDs != 2 || p.TextOps != 2 {
		t.Errorf("paragraph %+v: want 2 MCIDs (one per page), 2 text ops", p)
	}
}

// Verify finds what is missing from an untagged document, and text drawn
// outside marked content in a tagged one.
func TestVerifyFindsProblems(t *testing.T) {
	build := func(tagged bool) []byte {
		pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: "Letter"})
		pdf.AddUTF8FontFromBytes("F", "", fonts.Faces[0].TTF)
		pdf.AddPage()
		pdf.SetFont("F", "", 12)
		tr := pdftag.New()
		if tagged {
			pdf.SetLang("en-US")
			pdf.SetDisplayDocTitle(true)
			pdf.SetXmpMetadata(pdftag.XMP(pdftag.Meta{Title: "T"}))
			pdf.SetPageStructParents(tr.BeginPage(pdf))
			tr.Mark(pdf, tr.Add(tr.Root(), pdftag.P))
			pdf.Text(10, 10, "tagged")
			tr.End(pdf)
			pdf.SetStructTree(func(w *fpdf.StructWriter) int { return tr.Write(w) })
		}
		pdf.Text(10, 30, "loose")
		pdf.Rect(10, 40, 50, 5, "F")
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	rep, err := pdftag.Verify(build(false))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rep.Problems, "\n")
	for _, want := range []string{"/MarkInfo", "/Lang", "DisplayDocTitle", "/Metadata", "/StructTreeRoot"} {
		if !strings.Contains(all, want) {
			t.Errorf("untagged: no problem about %s in %q", want, all)
		}
	}
	rep, err = pdftag.Verify(build(true))
	if err != nil {
		t.Fatal(err)
	}
	all = strings.Join(rep.Problems, "\n")
	if len(rep.Problems) != 2 || !strings.Contains(all, "text shown outside marked content") || !strings.Contains(all, "f paints outside") {
		t.Errorf("tagged with loose text: %q", rep.Problems)
	}
	if _, err := pdftag.Verify([]byte("not a pdf")); err == nil {
		t.Error("Verify read garbage")
	}
}
