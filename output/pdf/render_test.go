package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"maps"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/golden"
	"github.com/jdgen/jdgen/internal/pdftext"
	"github.com/jdgen/jdgen/templates"
)

// TestPDFGolden renders every role of examples/company.yaml and compares
// the bytes with output/pdf/testdata/job-descriptions/<id>.pdf (go test -update rewrites).
func TestPDFGolden(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	for i := range m.Roles {
		r := &m.Roles[i]
		t.Run(r.ID, func(t *testing.T) {
			data, pages := pdfRenderRole(t, m, r, false)
			if pages < 1 || pages > 4 {
				t.Errorf("%d pages", pages)
			}
			pdfDump(t, "letter-"+r.ID+".pdf", data)
			golden.Check(t, "testdata/job-descriptions/"+r.ID+".pdf", data)
		})
	}
}

func TestPDFExampleA4(t *testing.T) {
	m := pdfExampleModel(t, "a4")
	for i := range m.Roles {
		data, pages := pdfRenderRole(t, m, &m.Roles[i], false)
		if got := pdfCountPages(data); got != pages || pages < 1 || pages > 4 {
			t.Errorf("%s: %d page objects, layout made %d", m.Roles[i].ID, got, pages)
		}
		if !bytes.Contains(data, []byte("/MediaBox [0 0 595.28 841.89]")) {
			t.Errorf("%s: not A4", m.Roles[i].ID)
		}
		pdfDump(t, "a4-"+m.Roles[i].ID+".pdf", data)
	}
}

// pdfTemplateConfig is a company with one role of the given template and
// the example company's about text and benefits.
func pdfTemplateConfig(id string) string {
	return `version: 1
company:
  name: Northwind Logistics
  industry: Third-party logistics
  employees: 640
  about: >-
    Northwind Logistics moves freight for more than 400 retailers across the
    Midwest from six distribution centres and a fleet of 180 trucks. We run
    warehousing, transportation and returns for our clients, and we measure
    ourselves on one thing: the order arrives complete and on time.
  website: https://northwind.example
  brand_color: "#1F4E79"
  benefits:
    - Medical, dental and vision cover from day one
    - 401(k) with a 4% company match
    - 20 days of paid time off plus 10 public holidays
    - Annual learning budget of $2,000
    - Paid parental leave of 16 weeks
defaults:
  location: Chicago, IL
roles:
  - id: role
    template: ` + id + `
    reports_to: ceo
    department: Operations
    salary: {min: 90000, max: 120000}
`
}

// TestPDFBuiltinTemplatesFit renders every built-in template with its
// default content at both paper sizes, at full type size: each fits its
// page budget (2 pages for OPS-1 to OPS-5, 3 above).
func TestPDFBuiltinTemplatesFit(t *testing.T) {
	ids := templates.IDs()
	if len(ids) == 0 {
		t.Fatal("no built-in templates")
	}
	for _, id := range ids {
		for _, paper := range []string{"letter", "a4"} {
			m := pdfModelFromYAML(t, pdfTemplateConfig(id), paper)
			data, pages := pdfRenderRole(t, m, &m.Roles[0], false)
			budget := PageBudget(m, &m.Roles[0])
			if want := map[bool]int{true: 2, false: 3}[m.Roles[0].Level <= "OPS-5"]; budget != want {
				t.Errorf("%s: budget %d, want %d", m.Roles[0].Level, budget, want)
			}
			if pages < 1 || pages > budget {
				t.Errorf("%s %s (%s): %d pages, want 1 to %d", id, m.Roles[0].Level, paper, pages, budget)
			}
			if got := pdfCountPages(data); got != pages {
				t.Errorf("%s (%s): %d page objects, layout made %d", id, paper, got, pages)
			}
			pdfDump(t, "tmpl-"+paper+"-"+id+".pdf", data)
		}
	}
}

// pdfExampleRole returns a copy of an example role to modify.
func pdfExampleRole(t *testing.T, m *generator.Model, id string) *generator.Role {
	t.Helper()
	r, ok := m.Role(id)
	if !ok {
		t.Fatalf("no role %s", id)
	}
	c := *r
	return &c
}

// pdfText extracts the text of a PDF with the pure-Go extractor of
// internal/pdftext. When pdftotext happens to be installed, its output is
// used as a cross-check: both must hold the same characters, whatever the
// order and spacing.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	text, err := pdftext.Text(data)
	if err != nil {
		t.Fatalf("extract PDF text: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if got, want := pdfRuneCounts(text), pdfRuneCounts(string(out)); !maps.Equal(got, want) {
			t.Errorf("extracted text and pdftotext differ in characters:\n%s\npdftotext:\n%s", text, out)
		}
	}
	return text
}

// pdfRuneCounts counts the non-space characters of s.
func pdfRuneCounts(s string) map[rune]int {
	n := map[rune]int{}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n[r]++
		}
	}
	return n
}

// pdfSquash collapses all white space to single spaces.
func pdfSquash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPDFStressLongResponsibilities(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r := pdfExampleRole(t, m, "ops-mgr-returns")
	r.OwnText() // its text is shared with other roles
	r.Responsibilities = nil
	for i := range 60 {
		r.Responsibilities = append(r.Responsibilities, generator.Item{
			Key: fmt.Sprintf("r%d", i), Area: fmt.Sprintf("Area %d", i/7),
			Text: fmt.Sprintf("Responsibility number %d keeps the department running smoothly and reports on progress every week to the director.", i),
		})
	}
	data, pages := pdfRenderRole(t, m, r, true)
	if pages < 4 || pages > 8 {
		t.Errorf("%d pages for 60 responsibilities", pages)
	}
	pdfDump(t, "stress-60.pdf", data)
	for _, i := range []int{0, 29, 59} {
		if !bytes.Contains(data, pdfUTF16(fmt.Sprintf("Responsibility number %d keeps", i))) {
			t.Errorf("responsibility %d missing", i)
		}
	}
}

func TestPDFStressLongTitle(t *testing.T) {
	m := pdfExampleModel(t, "a4")
	r := pdfExampleRole(t, m, "ops-analyst")
	r.Title = strings.Repeat("Senior Regional Operations Excellence ", 6)[:200]
	if n := len([]rune(r.Title)); n != 200 {
		t.Fatalf("title has %d characters", n)
	}
	data, pages := pdfRenderRole(t, m, r, false)
	if pages < 1 || pages > 4 {
		t.Errorf("%d pages", pages)
	}
	pdfDump(t, "stress-title.pdf", data)
	text := pdfSquash(pdfText(t, data))
	if !strings.Contains(text, pdfSquash(r.Title)) {
		t.Errorf("long title not found in the text")
	}
	// The footer shortens the title to fit on one line.
	if !strings.Contains(text, "… · Page 1 of") {
		t.Errorf("footer title not shortened:\n%s", text)
	}
}

// pdfManyReportsConfig has one manager with n direct-report roles.
func pdfManyReportsConfig(n int) string {
	var b strings.Builder
	b.WriteString("version: 1\ncompany:\n  name: Acme Distribution\n  brand_color: \"#8A1538\"\ndefaults:\n  location: Reno, NV\nroles:\n")
	b.WriteString("  - id: boss\n    template: director-of-operations\n    reports_to: ceo\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: lead-%02d\n    template: operations-supervisor\n    title: Shift Supervisor, Zone %02d\n    reports_to: boss\n    headcount: %d\n", i, i, 1+i%3)
	}
	return b.String()
}

func TestPDFStressManyDirectReports(t *testing.T) {
	m := pdfModelFromYAML(t, pdfManyReportsConfig(40), "letter")
	boss, _ := m.Role("boss")
	if len(boss.DirectReports) != 40 {
		t.Fatalf("%d direct reports", len(boss.DirectReports))
	}
	data, pages := pdfRenderRole(t, m, boss, false)
	if pages < 1 || pages > 3 {
		t.Errorf("%d pages", pages)
	}
	pdfDump(t, "stress-reports.pdf", data)
	text := pdfSquash(pdfText(t, data))
	if !strings.Contains(text, "40 roles, 79 people, including Shift Supervisor, Zone 00;") {
		t.Errorf("direct reports summary not found:\n%.600s", text)
	}
}

func TestPDFStressScripts(t *testing.T) {
	const title = "Ředitel provozu — Διευθυντής — Директор"
	m := pdfExampleModel(t, "a4")
	r := pdfExampleRole(t, m, "coo")
	r.OwnText()
	r.OwnLevel() // its level and department are shared with other roles
	r.Title = title
	r.Department = "Łódź Ústí Ærø"
	r.Summary = "Řídí provoz skladů. Διευθύνει τις λειτουργίες. Руководит операциями складов. " + r.Summary
	data, _ := pdfRenderRole(t, m, r, true)
	pdfDump(t, "stress-scripts.pdf", data)
	for _, s := range []string{"Ředitel provozu", "Διευθυντής", "Директор", "Руководит операциями складов.", "Łódź Ústí Ærø"} {
		if !bytes.Contains(data, pdfUTF16(s)) {
			t.Errorf("%q not drawn", s)
		}
	}
	text := pdfSquash(pdfText(t, data))
	for _, s := range []string{title, "Řídí provoz skladů. Διευθύνει τις λειτουργίες. Руководит операциями складов."} {
		if !strings.Contains(text, s) {
			t.Errorf("pdftotext lost %q", s)
		}
	}
}

func TestPDFNormalisesText(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r := pdfExampleRole(t, m, "ops-analyst")
	r.Title = "Analyste des ope\u0301rations" // e + combining acute: no glyph until composed
	data, _ := pdfRenderRole(t, m, r, true)
	if !bytes.Contains(data, pdfUTF16("Analyste des opérations")) {
		t.Error("title not drawn in NFC")
	}
}

func TestPDFUnrenderableRune(t *testing.T) {
	for _, tc := range []struct{ text, code string }{
		{"Operations Manager 東京", "U+6771"},
		{"Fleet Manager 🚚", "U+1F69A"},
		{"Supervisor ✓", "U+2713"},
		{"Tab\there", "U+0009"},
	} {
		m := pdfExampleModel(t, "letter")
		r := pdfExampleRole(t, m, "ops-analyst")
		r.Responsibilities[1].Text = tc.text
		_, err := RenderJobDescription(BuildJobDescription(m, r), JDRenderOptions{Paper: "letter", Date: pdfTestDate})
		if !errors.Is(err, ErrUnrenderable) {
			t.Errorf("%q: error %v, want ErrUnrenderable", tc.text, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.code) || !strings.Contains(err.Error(), "responsibilities") {
			t.Errorf("%q: error %q does not name %s and the section", tc.text, err, tc.code)
		}
	}
}

func TestPDFFidelityAndReadingOrder(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("ops-mgr-warehouse")
	p, err := pdfPlanDocument(BuildJobDescription(m, r), JDRenderOptions{Paper: "letter", Date: m.Settings.Date})
	if err != nil {
		t.Fatal(err)
	}
	doc := p.doc // as drawn: cleaned, and compacted when over budget
	data, pages := pdfRenderRole(t, m, r, false)
	text := pdfSquash(pdfText(t, data))
	// A paragraph may run on over a page break: read the body without
	// the page footers.
	body := regexp.MustCompile(` ?Northwind Logistics · Warehouse Operations Manager · Page \d+ of \d+`).ReplaceAllString(text, "")
	// Section headings come back in document order; every paragraph, item
	// and value comes back whole. (Reading order proper is the structure
	// tree's: TestPDFTagOrder. Group labels run down beside their items,
	// and the identification table packs short rows two to a line, so the
	// drawing order of those differs.)
	at := 0
	for _, s := range doc.Sections {
		if s.ID == JDIdentification {
			continue
		}
		i := strings.Index(body[at:], s.Heading)
		if i < 0 {
			t.Errorf("heading not found in order after offset %d: %q", at, s.Heading)
			continue
		}
		at += i + len(s.Heading)
	}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			want := append([]string{b.Text}, b.Items...)
			for _, row := range b.Rows {
				want = append(want, row.Label, row.Value)
			}
			for _, g := range b.Groups {
				want = append(want, g.Items...)
			}
			for _, w := range want {
				if w = pdfSquash(w); w != "" && !strings.Contains(body, w) {
					t.Errorf("%s: not found: %q", s.ID, w)
				}
			}
		}
	}
	total := fmt.Sprintf(" of %d", pages)
	for _, f := range []string{"Page 1" + total, fmt.Sprintf("Page %d%s", pages, total), "Northwind Logistics · Warehouse Operations Manager · Page 2" + total} {
		if !strings.Contains(text, f) {
			t.Errorf("footer %q missing", f)
		}
	}
}

func TestPDFMetadataAndOutline(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("dir-supply-chain")
	data, _ := pdfRenderRole(t, m, r, true)
	for _, s := range []string{"/Lang (en-US)", "/Type /Outlines", "/DisplayDocTitle true", "/MarkInfo <</Marked true>>", "/CreationDate (D:20231114221320", "/ModDate (D:20231114221320"} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("%q missing", s)
		}
	}
	for _, s := range []string{"Director of Operations, Supply Chain", "Northwind Logistics", "Job description", "OPS-6, Supply Chain", "jdgen test", "Essential functions", "Equal opportunity", "Position details"} {
		if !bytes.Contains(data, pdfUTF16(s)) {
			t.Errorf("metadata or outline %q missing", s)
		}
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		cmd := exec.Command("pdfinfo", "-")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"Title:           Director of Operations, Supply Chain", "Author:          Northwind Logistics", "Subject:         Job description", "Creator:         jdgen test"} {
			if !strings.Contains(string(out), s) {
				t.Errorf("pdfinfo: %q missing in\n%s", s, out)
			}
		}
	}
}

// pdfTestImage is a 300x100 logo with transparency.
func pdfTestImage() image.Image {
	im := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for y := range 100 {
		for x := range 300 {
			c := color.NRGBA{0x1F, 0x4E, 0x79, 0xFF}
			if (x/20+y/20)%2 == 0 {
				c.A = 0
			}
			im.Set(x, y, c)
		}
	}
	return im
}

func TestPDFLogo(t *testing.T) {
	var pngData, jpgData bytes.Buffer
	if err := png.Encode(&pngData, pdfTestImage()); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpgData, pdfTestImage(), nil); err != nil {
		t.Fatal(err)
	}
	m := pdfExampleModel(t, "letter")
	for name, logo := range map[string][]byte{"png": pngData.Bytes(), "jpeg": jpgData.Bytes()} {
		m.Company.Logo = logo
		data, _ := pdfRenderRole(t, m, &m.Roles[0], false)
		if !bytes.Contains(data, []byte("/Subtype /Image")) {
			t.Errorf("%s: no image in the PDF", name)
		}
		again, _ := pdfRenderRole(t, m, &m.Roles[0], false)
		if !bytes.Equal(data, again) {
			t.Errorf("%s: logo render not deterministic", name)
		}
		pdfDump(t, "logo-"+name+".pdf", data)
	}
	lg, err := NewLogo(pngData.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if w, h := lg.fit(pdfLogoMaxW, pdfLogoMaxH); h != pdfLogoMaxH || w != 3*pdfLogoMaxH {
		t.Errorf("logo fit %gx%g, want aspect 3:1 at height %g", w, h, pdfLogoMaxH)
	}
	big := image.NewGray(image.Rect(0, 0, 4000, 1000))
	var bigData bytes.Buffer
	if err := png.Encode(&bigData, big); err != nil {
		t.Fatal(err)
	}
	lg, err = NewLogo(bigData.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if lg.w != pdfLogoMaxPx || lg.h != pdfLogoMaxPx/4 {
		t.Errorf("large logo scaled to %dx%d", lg.w, lg.h)
	}
	if _, err := NewLogo([]byte("GIF89a not really")); !errors.Is(err, ErrLogo) {
		t.Errorf("bad logo: %v, want ErrLogo", err)
	}
}

func TestPDFBadOptions(t *testing.T) {
	m := pdfBareModel()
	d := BuildJobDescription(m, &m.Roles[0])
	if _, err := RenderJobDescription(d, JDRenderOptions{Paper: "legal"}); !errors.Is(err, ErrPaper) {
		t.Errorf("paper legal: %v", err)
	}
	d.BrandColor = "navy"
	if _, err := RenderJobDescription(d, JDRenderOptions{}); !errors.Is(err, ErrBrandColor) {
		t.Errorf("brand colour navy: %v", err)
	}
}

func TestPDFReadableBrand(t *testing.T) {
	for _, c := range []pdfRGB{{0xFF, 0xD7, 0x00}, {0xFF, 0xFF, 0xFF}, {0x1F, 0x4E, 0x79}} {
		if got := pdfReadable(c); pdfContrast(got) < 4.5 {
			t.Errorf("%v darkened to %v, contrast %.2f", c, got, pdfContrast(got))
		}
	}
	if got := pdfReadable(pdfRGB{0x1F, 0x4E, 0x79}); got != (pdfRGB{0x1F, 0x4E, 0x79}) {
		t.Errorf("dark brand colour changed to %v", got)
	}
}

func TestPDFWrapAndSplitRules(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("vp-ops")
	doc, err := pdfCleanDocument(BuildJobDescription(m, r), fonts.Default())
	if err != nil {
		t.Fatal(err)
	}
	lay := pdfTestLayout()
	pages := lay.document(doc)
	for p, ops := range pages {
		var lastHeading *pdfOp
		for i := range ops {
			op := &ops[i]
			if op.kind != pdfOpText {
				continue
			}
			// Nothing is drawn outside the content area except the footer.
			if op.y > lay.bottom+1 && op.style.size != pdfFooterSize {
				t.Errorf("page %d: %q drawn at y=%.1f below the content area", p+1, op.text, op.y)
			}
			// A wrapped line's trailing space is invisible (it keeps words
			// apart for extraction): it may reach past the margin.
			if lay.stringWidth(op.style, strings.TrimRight(op.text, " "))+op.x > lay.left+lay.width+0.01 {
				t.Errorf("page %d: %q overflows the right margin", p+1, op.text)
			}
			if op.style.face == "B" && op.style.color == lay.brandText {
				lastHeading = op
			} else if op.style.size != pdfFooterSize {
				lastHeading = nil
			}
		}
		if lastHeading != nil {
			t.Errorf("page %d ends with heading %q", p+1, lastHeading.text)
		}
	}
}

// pdfTextOps counts the text operations on each page.
func pdfTextOps(pages [][]pdfOp) []int {
	n := make([]int, len(pages))
	for i, ops := range pages {
		for _, op := range ops {
			if op.kind == pdfOpText {
				n[i]++
			}
		}
	}
	return n
}

// pdfLinesRow is a one-cell row of n lines.
func pdfLinesRow(n int) pdfRow {
	r := pdfRow{lead: 10, size: 9, cells: []pdfCell{{}}}
	for i := range n {
		r.cells[0].lines = append(r.cells[0].lines, pdfLine{{text: fmt.Sprint("line ", i)}})
	}
	return r
}

func TestPDFSplitRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		room  int // lines that fit on the first page
		lines int
		want  []int
	}{
		{"fits", 10, 10, []int{10}},
		{"split leaves two on the next page", 9, 10, []int{8, 2}},
		{"split in the middle", 5, 10, []int{5, 5}},
		{"one line of room: move", 1, 10, []int{0, 10}},
		{"short rows stay whole", 2, 3, []int{0, 3}},
		{"four lines split two and two", 3, 4, []int{2, 2}},
	} {
		l := pdfTestLayout()
		l.newPage()
		l.y = l.bottom - float64(tc.room)*10 - 0.001
		l.flow([]pdfRow{pdfLinesRow(tc.lines)})
		if got := pdfTextOps(l.pages); !slices.Equal(got, tc.want) {
			t.Errorf("%s: lines per page %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestPDFHeadingKeptWithNext(t *testing.T) {
	l := pdfTestLayout()
	l.newPage()
	heading := pdfLinesRow(1)
	heading.keepNext = true
	sub := pdfLinesRow(1)
	sub.keepNext = true
	// Room for the two headings and one line: not enough for the first two
	// lines of the paragraph, so all three move.
	l.y = l.bottom - 30 - 0.001
	l.flow([]pdfRow{heading, sub, pdfLinesRow(5)})
	if got := pdfTextOps(l.pages); !slices.Equal(got, []int{0, 7}) {
		t.Errorf("lines per page %v, want [0 7]", got)
	}
	l = pdfTestLayout()
	l.newPage()
	l.y = l.bottom - 40 - 0.001
	l.flow([]pdfRow{heading, sub, pdfLinesRow(5)})
	if got := pdfTextOps(l.pages); !slices.Equal(got, []int{4, 3}) {
		t.Errorf("lines per page %v, want [4 3]", got)
	}
}

func TestPDFWrapLongWord(t *testing.T) {
	l := pdfTestLayout()
	st := pdfStyle{size: 10}
	word := strings.Repeat("W", 200)
	lines := l.wrap(st, "Head "+word+" tail", 100)
	var got []string
	for _, line := range lines {
		if w := l.lineWidth(line); w > 100 {
			t.Errorf("line %q is %.1f wide", line[0].text, w)
		}
		var b strings.Builder
		for _, s := range line {
			b.WriteString(s.text)
		}
		got = append(got, b.String())
	}
	joined := strings.ReplaceAll(strings.Join(got, ""), " ", "")
	if joined != "Head"+word+"tail" || got[0] != "Head " || len(got) < 3 {
		t.Errorf("wrapped %q", got)
	}
}

// The lines of a wrapped text, drawn one after the other, spell the text
// with its spaces: a line that ends at a space keeps it, so extraction and
// screen readers (which join marked content) see the words apart. CJK text
// breaks between characters and gets no space.
func TestPDFWrapKeepsWordSpaces(t *testing.T) {
	l := pdfTestLayout()
	for _, text := range []string{
		"The Operations Supervisor leads one shift or frontline team, typically 8 to 25 associates, and is accountable for that team's safety.",
		"倉庫の入出荷、在庫管理、配送の計画を担当し、チームと協力して「安全第一」を徹底します。倉庫の入出荷、在庫管理、配送の計画を担当します。",
	} {
		bold := pdfStyle{face: "B", size: pdfBodySize, color: pdfInk}
		lines := l.wrapRuns([]pdfRun{{bold, "Term:"}, {l.body(), " " + text}}, 120)
		if len(lines) < 3 {
			t.Fatalf("%d lines: the test needs a text that wraps", len(lines))
		}
		var b strings.Builder
		for _, line := range lines {
			for _, s := range line {
				b.WriteString(s.text)
			}
		}
		if text = "Term: " + text; b.String() != text {
			t.Errorf("lines join to\n%q\nwant\n%q", b.String(), text)
		}
	}
}
