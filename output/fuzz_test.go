package output_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/output/markdown"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/web"
	"github.com/jdgen/jdgen/output/xlsx"
	"golang.org/x/net/html"
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
// responsibility, a KPI) through every renderer. Neither may panic or hang.
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
		r.OwnText() // its text and department are shared with other roles
		r.OwnLevel()
		r.Title, r.Department, r.Summary = title, dept, summary
		r.Responsibilities = append([]generator.Item{{Key: "fuzz", Area: "Fuzz", Text: resp}}, r.Responsibilities...)
		r.KPIs = append([]generator.Item{{Key: "fuzz", Text: kpi}}, r.KPIs...)
		m.Ladder.Levels = base.Ladder.Levels

		ok := drawable(title) && drawable(dept) && drawable(summary) && drawable(resp) && drawable(kpi)
		n := 0
		err := pdf.JobDescriptionsStep(pdf.Options{Workers: 1}).Run(context.Background(), &m, func(f generator.File) error {
			if len(f.Content()) == 0 {
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
		fuzzPostings(t, &m, drawable(title) && drawable(dept) && drawable(summary) && drawable(resp))
	})
}

// fuzzPostings renders the first role's posting in every format. The PDF
// succeeds when its text (no KPIs) can be drawn; the web page and the
// Markdown always build, and the text stays text: one h1, one script (the
// JSON-LD, whose title is the role's title), no heading or list made from
// the title in the Markdown.
func fuzzPostings(t *testing.T, m *generator.Model, drawable bool) {
	r := &m.Roles[0]
	want := strings.Join(strings.Fields(r.Title), " ")
	files := map[string][]byte{}
	sink := func(f generator.File) error { f, err := f.Hold(); files[f.Name] = f.Data; return err }
	err := pdf.PostingsStep(pdf.Options{Workers: 1}).Run(context.Background(), m, sink)
	switch {
	case drawable && err != nil:
		t.Fatalf("posting PDF: drawable text refused: %v", err)
	case !drawable && !errors.Is(err, pdf.ErrUnrenderable):
		t.Fatalf("posting PDF: undrawable text: err = %v", err)
	}
	for _, s := range []generator.Step{web.PostingsStep(web.Options{}), markdown.PostingsStep(markdown.Options{})} {
		if err := s.Run(context.Background(), m, sink); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
	}
	doc, err := html.Parse(bytes.NewReader(files["postings/"+r.ID+".html"]))
	if err != nil {
		t.Fatal(err)
	}
	var h1s, scripts int
	var ld string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h1" {
			h1s++
		}
		if n.Type == html.ElementNode && n.Data == "script" {
			scripts++
			if n.FirstChild != nil {
				ld = n.FirstChild.Data
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1s != 1 || scripts != 1 {
		t.Fatalf("title %q: %d h1, %d scripts", r.Title, h1s, scripts)
	}
	var jp struct{ Title string }
	if err := json.Unmarshal([]byte(ld), &jp); err != nil || jp.Title != want {
		t.Fatalf("JSON-LD title %q (%v), want %q", jp.Title, err, want)
	}
	md := string(files["postings/"+r.ID+".md"])
	first, _, _ := strings.Cut(md, "\n\n")
	if !strings.HasPrefix(first, "# ") || strings.Contains(first, "\n") {
		t.Fatalf("Markdown title block %q", first)
	}
}
