package pdf

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/locale"
	"github.com/jdgen/jdgen/ladders"
)

// pdfSectionIDs lists the ids of the document's sections.
func pdfSectionIDs(d JDDocument) []JDSectionID {
	ids := make([]JDSectionID, len(d.Sections))
	for i, s := range d.Sections {
		ids[i] = s.ID
	}
	return ids
}

// pdfCheckOrder fails unless ids appear in JDSectionOrder's order.
func pdfCheckOrder(t *testing.T, ids []JDSectionID) {
	t.Helper()
	last := -1
	for _, id := range ids {
		i := slices.Index(JDSectionOrder, id)
		if i < 0 {
			t.Errorf("unknown section %q", id)
			continue
		}
		if i <= last {
			t.Errorf("section %q out of order in %v", id, ids)
		}
		last = i
	}
}

func TestJDExampleStructure(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	for i := range m.Roles {
		r := &m.Roles[i]
		d := BuildJobDescription(m, r)
		ids := pdfSectionIDs(d)
		pdfCheckOrder(t, ids)
		// Every example role has content for every section except, at the
		// top of the ladder, no promotion (the career path still has the
		// level below).
		if !slices.Equal(ids, JDSectionOrder) {
			t.Errorf("%s: sections %v, want all of %v", r.ID, ids, JDSectionOrder)
		}
		for _, s := range d.Sections {
			if strings.TrimSpace(s.Heading) == "" || len(s.Blocks) == 0 {
				t.Errorf("%s: section %q has no heading or no blocks", r.ID, s.ID)
			}
			for _, b := range s.Blocks {
				if b.empty() {
					t.Errorf("%s: section %q has an empty %v block", r.ID, s.ID, b.Kind)
				}
			}
		}
		if d.Title != r.Title || d.Company != "Northwind Logistics" {
			t.Errorf("%s: header %q / %q", r.ID, d.Company, d.Title)
		}
		want := JDMeta{Title: r.Title, Author: "Northwind Logistics", Subject: "Job description",
			Keywords: pdfJoin(", ", r.Level, r.Department), Creator: "jdgen test", Lang: "en-US"}
		if d.Meta != want {
			t.Errorf("%s: meta %+v, want %+v", r.ID, d.Meta, want)
		}
	}
}

func TestJDIdentificationRows(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, ok := m.Role("ops-mgr-warehouse")
	if !ok {
		t.Fatal("no ops-mgr-warehouse in the example")
	}
	d := BuildJobDescription(m, r)
	s, ok := d.Section(JDIdentification)
	if !ok || len(s.Blocks) != 1 || s.Blocks[0].Kind != JDTable {
		t.Fatalf("identification section: %+v", s)
	}
	var labels []string
	got := map[string]string{}
	for _, row := range s.Blocks[0].Rows {
		labels = append(labels, row.Label)
		got[row.Label] = row.Value
	}
	wantLabels := []string{"Job title", "Level", "Seniority", "Department", "Reports to", "Direct reports", "Location",
		"Workplace", "Employment type", "FLSA status", "Required experience", "Pay range", "Effective date"}
	if !slices.Equal(labels, wantLabels) {
		t.Errorf("labels %q\nwant   %q", labels, wantLabels)
	}
	for label, want := range map[string]string{
		"Job title":           "Warehouse Operations Manager",
		"Level":               "OPS-5 · Senior Operations Manager (Management band)",
		"Reports to":          "Director of Operations, Supply Chain",
		"Direct reports":      "Night Shift Operations Supervisor (4 people)",
		"Workplace":           "On-site",
		"Employment type":     "Full-time",
		"FLSA status":         "Exempt",
		"Pay range":           "$100,000 – $128,000 per year",
		"Seniority":           r.Dimensions.Seniority,
		"Required experience": fmt.Sprintf("%d or more years", r.ExperienceYears),
		"Effective date":      "November 14, 2023",
	} {
		if got[label] != want {
			t.Errorf("%s = %q, want %q", label, got[label], want)
		}
	}
}

// pdfBareModel is a hand-built model with one role that has only a title
// and a summary.
func pdfBareModel() *generator.Model {
	bare := generator.NewRole("bare", "Bare Role")
	bare.Summary = "Does things."
	return &generator.Model{
		Company:  generator.Company{Name: "Acme"},
		Roles:    []generator.Role{bare},
		Settings: generator.Settings{Paper: "a4", Date: pdfTestDate, Version: "test"},
	}
}

func TestJDEmptySectionsOmitted(t *testing.T) {
	m := pdfBareModel()
	d := BuildJobDescription(m, &m.Roles[0])
	want := []JDSectionID{JDIdentification, JDSummary}
	if got := pdfSectionIDs(d); !slices.Equal(got, want) {
		t.Errorf("sections %v, want %v", got, want)
	}
	s, _ := d.Section(JDIdentification)
	if rows := s.Blocks[0].Rows; len(rows) != 2 || rows[0].Label != "Job title" || rows[1].Label != "Effective date" {
		t.Errorf("identification rows %+v", rows)
	}
	if d.Subtitle != "" {
		t.Errorf("subtitle %q, want none", d.Subtitle)
	}
	data, err := RenderJobDescription(d, JDRenderOptions{Paper: "a4", Date: pdfTestDate})
	if err != nil {
		t.Fatal(err)
	}
	if n := pdfCountPages(data); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
}

func TestJDPartialSections(t *testing.T) {
	m := pdfBareModel()
	r := &m.Roles[0]
	r.OwnText()
	r.Qualifications = []generator.Item{{Key: "p", Area: "Skills", Text: "Nice to have.", Preferred: true}}
	r.Competencies = []ladders.Expectation{{Key: "k", Name: "Planning", Text: "Plans."}}
	r.CareerPath = generator.CareerPath{Above: &generator.LevelRef{Code: "OPS-2", Title: "Analyst"}, Promotion: "Do more."}
	m.Company.Benefits = []string{"Lunch"}
	d := BuildJobDescription(m, r)
	want := []JDSectionID{JDIdentification, JDSummary, JDQualifications, JDCompetencies, JDCareerPath, JDCompensation}
	if got := pdfSectionIDs(d); !slices.Equal(got, want) {
		t.Fatalf("sections %v, want %v", got, want)
	}
	q, _ := d.Section(JDQualifications)
	if g := q.Blocks[0].Groups; len(g) != 1 || g[0].Heading != "Preferred" {
		t.Errorf("qualification groups %+v, want only Preferred", g)
	}
	c, _ := d.Section(JDCompensation)
	if len(c.Blocks) != 1 || c.Blocks[0].Kind != JDGroups {
		t.Errorf("compensation without pay: %+v", c.Blocks)
	}
	cp, _ := d.Section(JDCareerPath)
	// Levels side by side, then the promotion criteria across the page.
	if len(cp.Blocks) != 2 || cp.Blocks[0].Columns != 2 || len(cp.Blocks[0].Rows) != 1 || cp.Blocks[0].Rows[0].Label != "Level above" ||
		len(cp.Blocks[1].Rows) != 1 || cp.Blocks[1].Rows[0].Label != "Promotion" {
		t.Errorf("career path blocks %+v", cp.Blocks)
	}
}

func TestJDResponsibilitiesGrouped(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r, _ := m.Role("ops-mgr-fleet")
	d := BuildJobDescription(m, r)
	s, ok := d.Section(JDResponsibilities)
	if !ok {
		t.Fatal("no responsibilities")
	}
	groups := s.Blocks[0].Groups
	n := 0
	for i, g := range groups {
		want := r.ResponsibilityGroups()[i]
		if g.Heading != want.Area || len(g.Items) != len(want.Items) {
			t.Errorf("group %d: %q (%d items), want %q (%d)", i, g.Heading, len(g.Items), want.Area, len(want.Items))
		}
		n += len(g.Items)
	}
	if n != len(r.Responsibilities) {
		t.Errorf("%d responsibilities drawn, model has %d", n, len(r.Responsibilities))
	}
}

func TestJDDirectReports(t *testing.T) {
	m := pdfBareModel()
	boss := generator.NewRole("boss", "Boss")
	for i := range 40 {
		id := fmt.Sprintf("r%02d", i)
		boss.DirectReports = append(boss.DirectReports, id)
		boss.DirectReportHeadcount++
		r := generator.NewRole(id, fmt.Sprintf("Shift Lead %02d", i))
		r.Headcount = 1
		m.Roles = append(m.Roles, r)
	}
	got := pdfDirectReports(m, &boss)
	want := "40 roles, 40 people, including Shift Lead 00; Shift Lead 01; Shift Lead 02; Shift Lead 03; Shift Lead 04 and 35 more roles"
	if got != want {
		t.Errorf("40 reports:\n got %q\nwant %q", got, want)
	}

	boss.DirectReports = boss.DirectReports[:3]
	m.Roles[2].Headcount = 5
	boss.DirectReportHeadcount = 7
	got = pdfDirectReports(m, &boss)
	want = "3 roles, 7 people\nShift Lead 00\nShift Lead 01 (5 people)\nShift Lead 02"
	if got != want {
		t.Errorf("3 reports:\n got %q\nwant %q", got, want)
	}
}

func TestJDEffectiveDate(t *testing.T) {
	m := pdfBareModel()
	m.Settings.Date = time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC)
	d := BuildJobDescription(m, &m.Roles[0])
	s, _ := d.Section(JDIdentification)
	rows := s.Blocks[0].Rows
	if v := rows[len(rows)-1].Value; v != "November 22, 2026" {
		t.Errorf("effective date %q", v)
	}
}

// pdfRowsOf returns the identification table of a document as a map.
func pdfRowsOf(t *testing.T, d JDDocument) map[string]string {
	t.Helper()
	s, ok := d.Section(JDIdentification)
	if !ok || len(s.Blocks) != 1 {
		t.Fatalf("no identification table")
	}
	out := map[string]string{}
	for _, row := range s.Blocks[0].Rows {
		out[row.Label] = row.Value
	}
	return out
}

// pdfSectionText joins every text of a section.
func pdfSectionText(d JDDocument, id JDSectionID) (string, bool) {
	s, ok := d.Section(id)
	if !ok {
		return "", false
	}
	var parts []string
	for _, b := range s.Blocks {
		parts = append(parts, b.Text)
		parts = append(parts, b.Items...)
		for _, g := range b.Groups {
			parts = append(parts, g.Heading)
			parts = append(parts, g.Items...)
		}
		for _, r := range b.Rows {
			parts = append(parts, r.Label, r.Value)
		}
	}
	return strings.Join(parts, "\n"), true
}

// TestJDUSElements: a US job description heads the responsibilities
// "Essential functions" and ends them with the other-duties clause, has the
// physical demands and working environment with the accommodation
// sentence (how to ask is in the equal-opportunity statement), the at-will statement when the company asks for it, the
// seniority, and the required experience from the one figure the
// qualifications use.
func TestJDUSElements(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	for i := range m.Roles {
		r := &m.Roles[i]
		d := BuildJobDescription(m, r)
		resp, _ := d.Section(JDResponsibilities)
		if resp == nil || resp.Heading != "Essential functions" {
			t.Fatalf("%s: responsibilities section %+v", r.ID, resp)
		}
		if last := resp.Blocks[len(resp.Blocks)-1]; last.Kind != JDParagraph || !strings.Contains(last.Text, "not exhaustive") || !strings.Contains(last.Text, "other related duties as assigned") {
			t.Errorf("%s: no other-duties clause after the essential functions: %+v", r.ID, last)
		}
		work, ok := pdfSectionText(d, JDWorkingConditions)
		if !ok || !strings.Contains(work, "Physical demands") || !strings.Contains(work, "Working environment") || !strings.Contains(work, "Reasonable accommodations may be made") {
			t.Errorf("%s: physical demands and working environment:\n%s", r.ID, work)
		}
		// How to ask for an accommodation is said once, in the equal
		// opportunity statement.
		eo, _ := pdfSectionText(d, JDEqualOpportunity)
		if strings.Contains(work, "careers@northwind.example") || !strings.Contains(eo, "To ask for an accommodation at any stage, contact careers@northwind.example.") {
			t.Errorf("%s: the accommodation contact is not said once, in the equal-opportunity statement:\n%s\n%s", r.ID, work, eo)
		}
		for _, p := range r.PhysicalDemands {
			if !strings.Contains(work, p) {
				t.Errorf("%s: physical demand %q not printed", r.ID, p)
			}
		}
		if at, ok := pdfSectionText(d, JDAtWill); !ok || !strings.Contains(at, "at will") {
			t.Errorf("%s: no at-will statement", r.ID)
		}
		rows := pdfRowsOf(t, d)
		if rows["Seniority"] == "" || rows["Seniority"] != r.Dimensions.Seniority {
			t.Errorf("%s: seniority row %q", r.ID, rows["Seniority"])
		}
		if r.Template != "fleet-operations-manager" {
			years := fmt.Sprintf("%d or more years", r.ExperienceYears)
			if !strings.HasPrefix(rows["Required experience"], years) {
				t.Errorf("%s: required experience %q, want %s", r.ID, rows["Required experience"], years)
			}
			quals, _ := pdfSectionText(d, JDQualifications)
			if !strings.Contains(quals, years) {
				t.Errorf("%s: the qualifications do not state %q:\n%s", r.ID, years, quals)
			}
		}
		if rows["FLSA status"] == "" {
			t.Errorf("%s: a US role without FLSA status", r.ID)
		}
	}
}

// TestJDBritish: a British company's job description has British
// headings and dates, no FLSA status and no at-will statement, and its
// language tag is en-GB.
func TestJDBritish(t *testing.T) {
	m := pdfModelFromFile(t, "../../examples/british-company.yaml", "")
	if m.Settings.Paper != "a4" {
		t.Errorf("paper %q, want the en-GB default a4", m.Settings.Paper)
	}
	for i := range m.Roles {
		r := &m.Roles[i]
		d := BuildJobDescription(m, r)
		if d.Meta.Lang != "en-GB" {
			t.Errorf("%s: lang %q", r.ID, d.Meta.Lang)
		}
		rows := pdfRowsOf(t, d)
		if _, ok := rows["FLSA status"]; ok {
			t.Errorf("%s: FLSA status printed for a UK role", r.ID)
		}
		if rows["Effective date"] != "14 November 2023" {
			t.Errorf("%s: effective date %q", r.ID, rows["Effective date"])
		}
		if resp, _ := d.Section(JDResponsibilities); resp == nil || resp.Heading != "Key responsibilities" {
			t.Errorf("%s: responsibilities heading %+v", r.ID, resp)
		}
		if _, ok := d.Section(JDAtWill); ok {
			t.Errorf("%s: at-will statement in a UK document", r.ID)
		}
		scope, _ := pdfSectionText(d, JDScope)
		if !strings.Contains(scope, "Organisational impact") {
			t.Errorf("%s: scope labels not in British spelling:\n%s", r.ID, scope)
		}
		eo, _ := pdfSectionText(d, JDEqualOpportunity)
		if !strings.Contains(eo, "Equality Act 2010") {
			t.Errorf("%s: equal opportunities statement %q", r.ID, eo)
		}
	}
}

// TestJDCareerPathOfTheTop: the top operations role's career path has no
// step above in its company, and says so; the ladder's next level is not
// named.
func TestJDCareerPathOfTheTop(t *testing.T) {
	m := pdfModelFromFile(t, "../../examples/small-business.yaml", "letter")
	r, ok := m.Role("vp-ops")
	if !ok {
		t.Fatal("no vp-ops")
	}
	text, _ := pdfSectionText(BuildJobDescription(m, r), JDCareerPath)
	if !strings.Contains(text, pdfTopOfOperations) || strings.Contains(text, "Chief Operating Officer") || strings.Contains(text, "Promotion") {
		t.Errorf("career path of the top operations role:\n%s", text)
	}
}

// TestPDFSpellingFollowsLocale renders every job description of the three
// examples and reads the text back: a British company's documents hold no
// American spelling from the locale table, the American companies' no
// British one.
func TestPDFSpellingFollowsLocale(t *testing.T) {
	words := regexp.MustCompile(`[A-Za-z]+`)
	for file, loc := range map[string]locale.Locale{
		"company.yaml": locale.EnUS, "small-business.yaml": locale.EnUS, "british-company.yaml": locale.EnGB,
	} {
		m := pdfModelFromFile(t, "../../examples/"+file, "")
		seen := map[string]bool{}
		for i := range m.Roles {
			data, _ := pdfRenderRole(t, m, &m.Roles[i], false)
			for _, w := range words.FindAllString(pdfText(t, data), -1) {
				seen[strings.ToLower(w)] = true
			}
		}
		other := locale.EnGB
		if loc == locale.EnGB {
			other = locale.EnUS
		}
		checked := 0
		for _, e := range locale.Table() {
			wrong, right := strings.ToLower(e.For(other)), strings.ToLower(e.For(loc))
			if wrong == right {
				continue
			}
			checked++
			if seen[wrong] {
				t.Errorf("%s (%s): the documents spell %q, want %q", file, loc, wrong, right)
			}
		}
		if checked == 0 {
			t.Fatalf("%s: no table word checked", file)
		}
	}
}
