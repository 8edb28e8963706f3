package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/fonts/fontstest"
	"github.com/jdgen/jdgen/internal/pdftag"
	"github.com/jdgen/jdgen/internal/pdftext"
)

// pdfVerify renders a role and walks its structure tree: the document is
// tagged (pdftag.Verify finds no problem: every text-showing and painting
// operator is in marked content an element refers to, or an artifact),
// and the structure matches the document model.
func pdfVerify(t *testing.T, m *generator.Model, r *generator.Role) *pdftag.Report {
	t.Helper()
	data, pages := pdfRenderRole(t, m, r, false)
	rep, err := pdftag.Verify(data)
	if err != nil {
		t.Fatalf("%s: %v", r.ID, err)
	}
	for _, p := range rep.Problems {
		t.Errorf("%s: %s", r.ID, p)
	}
	if rep.Pages != pages {
		t.Errorf("%s: %d pages in the file, layout made %d", r.ID, rep.Pages, pages)
	}
	count := map[string]int{}
	tagged := 0
	for i, e := range rep.Elements {
		count[e.Type]++
		tagged += e.TextOps
		if e.Type == pdftag.Document && (i != 0 || e.MCIDs != 0) {
			t.Errorf("%s: content marked on the Document element itself", r.ID)
		}
		if e.Type == pdftag.TH && !strings.Contains(strings.Join(e.Attrs, " "), "/Scope Row") {
			t.Errorf("%s: TH without /Scope /Row: %q", r.ID, e.Attrs)
		}
		if (e.Type == pdftag.Figure || e.Type == pdftag.Link) && e.Alt == "" {
			t.Errorf("%s: %s without alternate text", r.ID, e.Type)
		}
		if e.Type == pdftag.Link && e.Annots == 0 {
			t.Errorf("%s: Link element without its annotation", r.ID)
		}
		if e.MCIDs > 0 && e.TextOps == 0 && e.Type != pdftag.Figure {
			t.Errorf("%s: %s element marks content without text", r.ID, e.Type)
		}
	}
	if tagged+rep.ArtifactTextOps != rep.TextOps || rep.ArtifactTextOps == 0 {
		t.Errorf("%s: %d text operators, %d in elements, %d in artifacts", r.ID, rep.TextOps, tagged, rep.ArtifactTextOps)
	}
	// The model's structure: one H1 (the title), an H2 per section but the
	// identification table, one table row per identification row.
	// As drawn: compacted when over budget.
	p, err := pdfPlanDocument(BuildJobDescription(m, r), JDRenderOptions{Paper: m.Settings.Paper, Fonts: m.Company.Fonts})
	if err != nil {
		t.Fatal(err)
	}
	d := p.doc
	id, _ := d.Section(JDIdentification)
	if count[pdftag.H1] != 1 || count[pdftag.H2] != len(d.Sections)-1 || count[pdftag.Sect] != len(d.Sections) ||
		count[pdftag.Table] != 1 || count[pdftag.TR] != len(id.Blocks[0].Rows) || count[pdftag.TH] != count[pdftag.TR] || count[pdftag.TD] != count[pdftag.TR] {
		t.Errorf("%s: structure %v for %d sections, %d identification rows", r.ID, count, len(d.Sections), len(id.Blocks[0].Rows))
	}
	if count[pdftag.LI] == 0 || count[pdftag.LI] != count[pdftag.Lbl] || count[pdftag.LI] != count[pdftag.LBody] {
		t.Errorf("%s: list items %v", r.ID, count)
	}
	if (m.Company.Website != "") != (count[pdftag.Link] > 0) {
		t.Errorf("%s: website %q, %d Link elements", r.ID, m.Company.Website, count[pdftag.Link])
	}
	if (len(m.Company.Logo) > 0) != (count[pdftag.Figure] == 1) {
		t.Errorf("%s: logo %v, %d Figure elements", r.ID, len(m.Company.Logo) > 0, count[pdftag.Figure])
	}
	return rep
}

func TestPDFTaggedExamples(t *testing.T) {
	for _, paper := range []string{"letter", "a4"} {
		m := pdfExampleModel(t, paper)
		for i := range m.Roles {
			pdfVerify(t, m, &m.Roles[i])
		}
	}
}

func TestPDFTaggedWithLogo(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	m.Company.Logo = pdfTestPNG(t)
	rep := pdfVerify(t, m, &m.Roles[0])
	for _, e := range rep.Elements {
		if e.Type == pdftag.Figure && e.Alt != "Northwind Logistics logo" {
			t.Errorf("figure alt %q", e.Alt)
		}
	}
}

// Reading order: the elements come in the order of the document model,
// and a section's heading comes right after its Sect.
func TestPDFTagOrder(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("ops-supervisor-night")
	rep := pdfVerify(t, m, r)
	var seq []string
	for _, e := range rep.Elements {
		if e.Depth <= 2 && e.Type != pdftag.TR {
			seq = append(seq, e.Type)
		}
	}
	got := strings.Join(seq, " ")
	want := "Document P P H1 P Sect Table Sect H2 P Sect H2 P"
	if !strings.HasPrefix(got, want) {
		t.Errorf("reading order starts %q, want %q", got, want)
	}
	if !strings.HasSuffix(got, "Sect H2 P") {
		t.Errorf("reading order ends %q, want the equal-opportunity paragraph last", got)
	}
}

// Every piece of reading text is set at 10 pt or more, at both paper
// sizes and in every example: nothing is scaled down to fit.
func TestPDFBodyTenPoint(t *testing.T) {
	for _, paper := range []string{"letter", "a4"} {
		m := pdfExampleModel(t, paper)
		for i := range m.Roles {
			p, err := pdfPlanDocument(BuildJobDescription(m, &m.Roles[i]), JDRenderOptions{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			for _, ops := range p.pages {
				for _, op := range ops {
					if op.kind == pdfOpText && op.elem >= 0 && op.style.size < 10 {
						t.Errorf("%s (%s): %q set at %.2f pt", m.Roles[i].ID, paper, op.text, op.style.size)
					}
				}
			}
		}
	}
}

// Only the faces drawn with are embedded: regular and bold.
func TestPDFEmbedsFacesUsed(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	data, _ := pdfRenderRole(t, m, &m.Roles[0], true)
	if n := strings.Count(string(data), "/Type /FontDescriptor"); n != 2 {
		t.Errorf("%d fonts embedded, want 2 (regular and bold)", n)
	}
}

// A document over its page budget gets a warning naming the role and its
// page count; in strict mode it is a problem and the step fails.
func TestPDFPageBudgetWarning(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("ops-supervisor-night")
	long := *r
	long.OwnText() // texts are shared between roles
	for i := range 30 {
		long.Responsibilities = append(long.Responsibilities, generator.Item{Key: fmt.Sprint("x", i), Area: "Extra", Text: strings.Repeat("A long added responsibility that takes room. ", 4)})
	}
	long.Line = 77
	m.Roles = []generator.Role{*r, long}
	m.Roles[1].ID = "long-supervisor"
	m.Settings.Config = "company.yaml"
	var warned []generator.Problem
	step := JobDescriptionsStep(Options{Workers: 2, Warn: func(p generator.Problem) { warned = append(warned, p) }})
	if err := step.Run(context.Background(), m, func(generator.File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(warned) != 1 {
		t.Fatalf("warnings %v, want one", warned)
	}
	w := warned[0]
	if w.Line != 77 || w.Path != "roles[1]" || !strings.Contains(w.Message, `"long-supervisor" (OPS-3) runs to`) || !strings.Contains(w.Message, "over its budget of 2") {
		t.Errorf("warning %s", w)
	}
	m.Settings.Strict = true
	err := step.Run(context.Background(), m, func(generator.File) error { return nil })
	var ce *generator.ConfigError
	if !errors.As(err, &ce) || !errors.Is(err, generator.ErrInvalidConfig) || len(ce.Problems) != 1 || ce.Problems[0].Line != 77 {
		t.Errorf("strict: %v", err)
	}
}

// With a CJK TrueType font (a Go-built test font here: see fontstest),
// Japanese and Chinese text renders, is tagged, extracts, and breaks
// between characters without starting a line with closing punctuation.
func TestPDFCJK(t *testing.T) {
	set, err := fonts.New(fonts.CompanyFamily, fontstest.CJK(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := pdfExampleModel(t, "a4")
	m.Company.Fonts = set
	m.Company.Name = "東京ロジスティクス株式会社"
	r := &m.Roles[len(m.Roles)-1]
	r.Title = "物流オペレーション担当"
	r.OwnText() // its text is shared with other roles
	ja := "倉庫の入出荷、在庫管理、配送の計画を担当し、チームと協力して「安全第一」を徹底します。毎週の業績を確認し、改善策を提案します。"
	zh := "负责仓库的日常运营，包括收货、库存管理和发货（按计划执行），并与团队合作持续改进。"
	r.Summary = strings.Repeat(ja, 6) + strings.Repeat(zh, 6)
	p, err := pdfPlanDocument(BuildJobDescription(m, r), JDRenderOptions{Paper: "a4", Fonts: set})
	if err != nil {
		t.Fatal(err)
	}
	starts := 0
	for _, ops := range p.pages {
		for _, op := range ops {
			if op.kind != pdfOpText || op.elem < 0 {
				continue
			}
			first := []rune(op.text)[0]
			if strings.ContainsRune("。、，）」", first) {
				t.Errorf("line starts with %q: %q", first, op.text)
			}
			if strings.ContainsRune(ja+zh, first) {
				starts++
			}
		}
	}
	if starts < 5 {
		t.Errorf("only %d lines start with CJK text: the text did not wrap between characters", starts)
	}
	rep := pdfVerify(t, m, r)
	if len(rep.Problems) > 0 {
		return
	}
	data, _ := pdfRenderRole(t, m, r, false)
	text, err := pdftext.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"物流オペレーション担当", "「安全第一」を徹底します。", "（按计划执行）"} {
		if !strings.Contains(flat, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
}

// pdfTestPNG is pdfTestImage as a PNG file.
func pdfTestPNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, pdfTestImage()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The compact forms, step by step: competency names in two columns, then
// the promotion criteria left to the workbook, then the competencies too;
// each said once, in the career path or the competencies section.
func TestPDFCompactSteps(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("ops-mgr-warehouse")
	full := BuildJobDescription(m, r)
	count := func(d JDDocument, s string) (n int) {
		for _, sec := range d.Sections {
			for _, b := range sec.Blocks {
				n += strings.Count(b.Text, s)
			}
		}
		return n
	}
	d1, ok1 := pdfCompact(full, 1)
	c1, _ := d1.Section(JDCompetencies)
	if !ok1 || c1.Blocks[0].Kind != JDBullets || c1.Blocks[0].Columns != 2 || count(d1, "career-ladder workbook") != 1 {
		t.Errorf("step 1: %+v", c1.Blocks)
	}
	d2, _ := pdfCompact(full, 2)
	cp2, _ := d2.Section(JDCareerPath)
	if len(cp2.Blocks) != 2 || cp2.Blocks[1].Kind != JDParagraph || count(d2, "career-ladder workbook") != 1 || count(d2, "promotion takes") != 1 {
		t.Errorf("step 2: career path %+v", cp2.Blocks)
	}
	d3, _ := pdfCompact(full, 3)
	if _, ok := d3.Section(JDCompetencies); ok || count(d3, "The competencies expected at OPS-5 and what promotion takes are set out in the career-ladder workbook.") != 1 {
		t.Errorf("step 3: sections %v", pdfSectionIDs(d3))
	}
	// The document as drawn uses the first form that fits its budget.
	p, err := pdfPlanDocument(full, JDRenderOptions{Paper: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	if p.stats.pages > full.PageBudget {
		t.Errorf("%d pages, budget %d", p.stats.pages, full.PageBudget)
	}
}
