package pdf

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/benchutil"
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
	used, err := pdfCheckRoles(context.Background(), m, 1)
	if err != nil {
		b.Fatal(err)
	}
	run := o
	if run.fonts, err = pdfRunFonts(used); err != nil {
		b.Fatal(err)
	}
	b.Run("jdgen", func(b *testing.B) {
		r := newPDFRenderer(run)
		b.ReportAllocs()
		cpu := benchutil.StartCPU()
		i := 0
		for b.Loop() {
			doc := BuildJobDescription(m, &m.Roles[i%len(m.Roles)])
			if _, err := r.render(doc); err != nil {
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

// benchBareFpdf draws a laid-out document with fpdf calls only: no text
// checks, no layout, no jdgen helpers.
func benchBareFpdf(b *testing.B, p *pdfPlan) []byte {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: p.size})
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("Go", "B", gobold.TTF)
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
	for _, ops := range p.pages {
		pdf.AddPage()
		for _, op := range ops {
			c := op.style.color
			switch op.kind {
			case pdfOpText:
				pdf.SetFont("Go", op.style.face, op.style.size)
				pdf.SetTextColor(c.r, c.g, c.b)
				pdf.Text(op.x, op.y, op.text)
			case pdfOpRule:
				pdf.SetDrawColor(c.r, c.g, c.b)
				pdf.SetLineWidth(op.h)
				pdf.Line(op.x, op.y, op.x+op.w, op.y)
			case pdfOpFill:
				pdf.SetFillColor(c.r, c.g, c.b)
				pdf.Rect(op.x, op.y, op.w, op.h, "F")
			case pdfOpBookmark:
				pdf.SetFont("Go", "B", pdfHeadingSize)
				pdf.Bookmark(op.text, 0, op.y)
			}
		}
	}
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
