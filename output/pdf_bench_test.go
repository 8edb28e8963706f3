package output

import (
	"context"
	"testing"

	"github.com/jdgen/jdgen/generator"
)

// BenchmarkPDFRender renders one job description.
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

// BenchmarkPDFStep renders every example role with the default workers.
func BenchmarkPDFStep(b *testing.B) {
	m := pdfExampleModel(b, "letter")
	step := JobDescriptionsStep(PDFOptions{})
	b.ReportAllocs()
	for b.Loop() {
		if err := step.Run(context.Background(), m, func(generator.File) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
