package pdf

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/benchutil"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/pdftag"
)

// BenchmarkPDFRender renders one job description of the example company,
// the same one every time.
func BenchmarkPDFRender(b *testing.B) {
	m := pdfExampleModel(b, "letter")
	doc := BuildJobDescription(m, &m.Roles[4])
	o := JDRenderOptions{Paper: "letter", Date: m.Settings.Date}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderJobDescription(doc, o); err != nil {
			b.Fatal(err)
		}
	}
}

// benchDocRoles is how many roles of a generated company the per-document
// benchmarks cycle through: documents differ as they do in a real run.
const benchDocRoles = 100

// BenchmarkJobDescription is jdgen's cost per document in a run, against
// the floor: a bare fpdf document of the same text and fonts.
//
//   - jdgen: what the job-descriptions step does per role (build the
//     document from the model, check and normalise its text, lay it out,
//     draw it with fpdf), cycling through the roles of a 100-role company
//     with one renderer, as one worker does, with the run's fonts: parsed
//     once and embedded as one subset built once (fonts.go, issue #17).
//   - bare-fpdf: a new fpdf document with the same two fonts and metadata,
//     drawing the same text runs, rules and bookmarks at the same places,
//     already laid out, and Output, adding the fonts from their bytes as
//     fpdf's API does (parse, identify, subset and compress per document).
//     Before timing, it is checked to make the very same bytes as jdgen's
//     RenderJobDescription of one document on its own (its own subset).
//
// Both hold the same data live (the model and the laid-out documents), so
// the garbage collector has the same heap to scan in both. cpu-ns/op counts
// every thread, the garbage collector included.
func BenchmarkJobDescription(b *testing.B) {
	m := benchutil.Model(b, benchDocRoles)
	o := JDRenderOptions{Paper: m.Settings.Paper, Date: m.Settings.Date}
	plans := make([]*pdfPlan, len(m.Roles))
	for i := range m.Roles {
		p, err := pdfPlanDocument(BuildJobDescription(m, &m.Roles[i]), o)
		if err != nil {
			b.Fatal(err)
		}
		plans[i] = p
		want, err := RenderJobDescription(BuildJobDescription(m, &m.Roles[i]), o)
		if err != nil {
			b.Fatal(err)
		}
		if got := benchBareFpdf(b, p); !bytes.Equal(got, want) {
			b.Fatalf("%s: the bare fpdf document differs from jdgen's", m.Roles[i].ID)
		}
	}

	// As the step does: the run's font subset, built once, copied into
	// every document (see fonts.go).
	all := make([]int, len(m.Roles))
	for i := range all {
		all[i] = i
	}
	used, err := pdfCheckRoles(context.Background(), m, all, 1, BuildJobDescription)
	if err != nil {
		b.Fatal(err)
	}
	run := o
	if run.runFonts, err = pdfRunFonts(run.set(), used); err != nil {
		b.Fatal(err)
	}
	b.Run("jdgen", func(b *testing.B) {
		r := newPDFRenderer(run)
		b.ReportAllocs()
		cpu := benchutil.StartCPU()
		i := 0
		for b.Loop() {
			doc := BuildJobDescription(m, &m.Roles[i%len(m.Roles)])
			if _, _, err := r.render(doc); err != nil {
				b.Fatal(err)
			}
			i++
		}
		cpu.Report(b, 1)
	})

	b.Run("bare-fpdf", func(b *testing.B) {
		b.ReportAllocs()
		cpu := benchutil.StartCPU()
		i := 0
		for b.Loop() {
			benchBareFpdf(b, plans[i%len(plans)])
			i++
		}
		cpu.Report(b, 1)
	})
	runtime.KeepAlive(m)
	runtime.KeepAlive(plans)
}

// benchBareFpdf draws a laid-out document with fpdf and pdftag calls only:
// no text checks, no layout, no jdgen helpers. The document is tagged as
// jdgen's is (structure tree, marked content, artifacts, XMP), so tagging
// is part of the floor.
func benchBareFpdf(b *testing.B, p *pdfPlan) []byte {
	set := fonts.Default()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: p.size})
	pdf.AddUTF8FontFromBytes(set.Family, "", liberationsansregular.TTF)
	pdf.AddUTF8FontFromBytes(set.Family, "B", liberationsansbold.TTF)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(p.date)
	pdf.SetModificationDate(p.date)
	meta := p.doc.Meta
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(meta.Subject, true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetCreator(meta.Creator, true)
	pdf.SetLang(meta.Lang)
	pdf.SetDisplayDocTitle(true)
	pdf.SetXmpMetadata(pdftag.XMP(pdftag.Meta{
		Title: meta.Title, Author: meta.Author, Subject: meta.Subject, Keywords: meta.Keywords,
		CreatorTool: meta.Creator, Lang: meta.Lang, Date: p.date,
	}))
	tree := pdftag.New()
	for _, e := range p.elems {
		el := tree.Add(e.parent, e.typ)
		if e.alt != "" {
			tree.SetAlt(el, e.alt)
		}
		if e.attrs != "" {
			tree.SetAttrs(el, e.attrs)
		}
	}
	for _, ops := range p.pages {
		pdf.AddPage()
		pdf.SetPageStructParents(tree.BeginPage(pdf))
		for _, op := range ops {
			c := op.style.color
			switch op.elem {
			case pdfArtifactLayout:
				tree.Artifact(pdf, pdftag.ArtifactLayout)
			case pdfArtifactFooter:
				tree.Artifact(pdf, pdftag.ArtifactFooter)
			}
			switch op.kind {
			case pdfOpText:
				pdf.SetTextColor(c.r, c.g, c.b)
				if op.style.link != "" {
					link := tree.Add(op.elem, pdftag.Link)
					alt := "Company website: " + op.style.link
					tree.SetAlt(link, alt)
					tree.Mark(pdf, link)
					pdf.SetFont(set.Family, op.style.face, op.style.size)
					pdf.Text(op.x, op.y, op.text)
					w := pdf.GetStringWidth(op.text)
					pdf.LinkStringTagged(op.x, op.y-pdfLinkRise*op.style.size, w, (pdfLinkRise+pdfLinkDrop)*op.style.size, op.style.link, tree.Link(link), alt)
					continue
				}
				if op.elem >= 0 {
					tree.Mark(pdf, op.elem)
				}
				pdf.SetFont(set.Family, op.style.face, op.style.size)
				pdf.Text(op.x, op.y, op.text)
			case pdfOpRule:
				pdf.SetDrawColor(c.r, c.g, c.b)
				pdf.SetLineWidth(op.h)
				pdf.Line(op.x, op.y, op.x+op.w, op.y)
			case pdfOpFill:
				pdf.SetFillColor(c.r, c.g, c.b)
				pdf.Rect(op.x, op.y, op.w, op.h, "F")
			case pdfOpBookmark:
				pdf.SetFont(set.Family, "B", pdfHeadingSize)
				pdf.Bookmark(op.text, 0, op.y)
			}
		}
		tree.End(pdf)
	}
	pdf.SetStructTree(func(w *fpdf.StructWriter) int { return tree.Write(w) })
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkPDFStep renders every example role with the default workers.
func BenchmarkPDFStep(b *testing.B) {
	m := pdfExampleModel(b, "letter")
	step := JobDescriptionsStep(Options{})
	b.ReportAllocs()
	for b.Loop() {
		if err := step.Run(context.Background(), m, func(generator.File) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
