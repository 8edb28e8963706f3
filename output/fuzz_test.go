package output_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/xlsx"
	"golang.org/x/text/unicode/norm"
)

// fuzzBase is the example company, resolved once per fuzz process.
func fuzzBase(t testing.TB) *generator.Model {
	cfg, err := generator.Load("../examples/small-business.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "a4", Date: time.Unix(1700000000, 0).UTC(), Version: "fuzz"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// drawable reports whether every rune of s (after NFC, without the
// surrounding white space the document model trims) has a glyph.
func drawable(s string) bool {
	for _, r := range norm.NFC.String(strings.TrimSpace(s)) {
		if !fonts.Covers(r) {
			return false
		}
	}
	return true
}

// FuzzRoleText pushes arbitrary role text (title, department, summary, a
// responsibility, a KPI) through both renderers. Neither may panic or hang.
// The PDF step succeeds when every character can be drawn and otherwise
// fails with pdf.ErrUnrenderable; the workbook always builds. Seeds live in
// testdata/fuzz/FuzzRoleText.
func FuzzRoleText(f *testing.F) {
	f.Add("Director of Operations", "Supply Chain", "Leads the area.", "Runs the weekly review.", "OTIF above 97%.")
	f.Add("Ředitel provozu — Διευθυντής — Директор", "Sklad", "Vede sklad.", "=SUM(A1:A9)", "+1 -1 @x")
	f.Add("東京", "", "😀", "\x00\x07", "e\u0301")
	f.Add("", "", "", "", "")
	f.Add("A very long title "+string(make([]byte, 300)), "\t", "line\nbreak", "«quotes» “curly” ‘single’ … • –", "€ £ ¥ ©")
	base := fuzzBase(f)
	f.Fuzz(func(t *testing.T, title, dept, summary, resp, kpi string) {
		for _, s := range []string{title, dept, summary, resp, kpi} {
			if !utf8.ValidString(s) || len(s) > 4000 {
				return // the config loader refuses these before any renderer
			}
		}
		m := *base
		m.Roles = append([]generator.Role(nil), base.Roles...)
		r := &m.Roles[0]
		r.Title, r.Department, r.Summary = title, dept, summary
		r.Responsibilities = append([]generator.Item{{Key: "fuzz", Area: "Fuzz", Text: resp}}, r.Responsibilities...)
		r.KPIs = append([]generator.Item{{Key: "fuzz", Text: kpi}}, r.KPIs...)
		m.Ladder.Levels = base.Ladder.Levels

		ok := drawable(title) && drawable(dept) && drawable(summary) && drawable(resp) && drawable(kpi)
		n := 0
		err := pdf.JobDescriptionsStep(pdf.Options{Workers: 1}).Run(context.Background(), &m, func(f generator.File) error {
			if len(f.Data) == 0 {
				t.Fatalf("%s is empty", f.Name)
			}
			n++
			return nil
		})
		switch {
		case ok && err != nil:
			t.Fatalf("drawable text refused: %v", err)
		case !ok && !errors.Is(err, pdf.ErrUnrenderable):
			t.Fatalf("undrawable text: err = %v", err)
		case ok && n != len(m.Roles):
			t.Fatalf("%d PDFs for %d roles", n, len(m.Roles))
		}
		if _, err := xlsx.BuildWorkbook(&m); err != nil {
			t.Fatalf("workbook: %v", err)
		}
	})
}
