package posting

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
	"github.com/jdgen/jdgen/internal/steptest"
)

// exampleModel resolves an example config at a fixed date.
func exampleModel(t testing.TB, name string) *generator.Model {
	t.Helper()
	return steptest.Example(t, name, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
}

// Text is every string of a document a reader sees, one per line.
func Text(d Document) string {
	var b strings.Builder
	b.WriteString(d.Title + "\n")
	for _, f := range d.Facts {
		b.WriteString(f.Label + ": " + f.Value + "\n")
	}
	for _, s := range d.Sections {
		b.WriteString(s.Heading + "\n")
		for _, p := range s.Paragraphs {
			b.WriteString(p + "\n")
		}
		for _, it := range s.Items {
			b.WriteString(it + "\n")
		}
		for _, g := range s.Groups {
			b.WriteString(g.Heading + "\n" + strings.Join(g.Items, "\n") + "\n")
		}
	}
	return b.String()
}

func TestOpenRoles(t *testing.T) {
	m := exampleModel(t, "company")
	var ids []string
	for _, r := range Open(m) {
		ids = append(ids, r.ID)
	}
	if len(ids) != len(m.Roles)-1 || slices.Contains(ids, "coo") {
		t.Errorf("open roles %v: the example's filled COO (posting: false) must be left out, all others in", ids)
	}
}

func TestExampleStructure(t *testing.T) {
	m := exampleModel(t, "company")
	r, _ := m.Role("ops-supervisor-night")
	d := Build(m, r)
	var ids []SectionID
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	want := []SectionID{AboutCompany, AboutRole, Responsibilities, Qualifications, WorkingConditions, Benefits, HowToApply, EqualOpportunity}
	if !slices.Equal(ids, want) {
		t.Errorf("sections %v, want %v", ids, want)
	}
	var labels []string
	for _, f := range d.Facts {
		labels = append(labels, f.Label)
	}
	if !slices.Equal(labels, []string{"Company", "Team", "Location", "Workplace", "Employment type", "Pay", "Apply by"}) {
		t.Errorf("facts %v", d.Facts)
	}
	if d.Facts[5].Value != "$29 – $36 per hour" || d.Facts[6].Value != "January 31, 2027" {
		t.Errorf("pay and deadline facts = %v", d.Facts[5:])
	}
	if len(r.Responsibilities) != len(d.Sections[2].Items) {
		t.Errorf("%d responsibilities, %d items", len(r.Responsibilities), len(d.Sections[2].Items))
	}
	q, _ := d.Section(Qualifications)
	nReq, nPref := 0, 0
	for _, it := range r.Qualifications {
		if it.Preferred {
			nPref++
		} else {
			nReq++
		}
	}
	if len(q.Groups) != 2 || q.Groups[0].Heading != "Required" || len(q.Groups[0].Items) != nReq || len(q.Groups[1].Items) != nPref {
		t.Errorf("qualifications groups %+v, want %d required then %d nice to have", q.Groups, nReq, nPref)
	}
	apply, _ := d.Section(HowToApply)
	if got := apply.Paragraphs[0]; got != "Apply online and include a short note on the operation you run today. Apply at https://northwind.example/careers/apply. Apply by January 31, 2027." {
		t.Errorf("how to apply = %q", got)
	}
	eo, _ := d.Section(EqualOpportunity)
	if !strings.Contains(eo.Paragraphs[0], "equal opportunity employer") || !strings.Contains(eo.Paragraphs[0], "contact careers@northwind.example") {
		t.Errorf("equal opportunity = %q, want the statement with how to ask for an accommodation", eo.Paragraphs)
	}
	if len(eo.Paragraphs) != 2 || !strings.Contains(eo.Paragraphs[1], "at will") || strings.Contains(eo.Paragraphs[1], "job description") {
		t.Errorf("at-will paragraph = %q", eo.Paragraphs[1:])
	}
	if d.Address != (Address{"Joliet", "IL", "US"}) || d.Occupation != "53-1042.00" || d.RoleID != "ops-supervisor-night" {
		t.Errorf("address %+v occupation %q id %q", d.Address, d.Occupation, d.RoleID)
	}
	if d.ExperienceMonths != 36 || d.Education != "high school" {
		t.Errorf("experience %d months, education %q; want 36 and high school from the supervisor's requirements", d.ExperienceMonths, d.Education)
	}
}

func TestOngoing(t *testing.T) {
	m := exampleModel(t, "small-business")
	d := Build(m, &m.Roles[0])
	if !d.ApplyBy.IsZero() {
		t.Fatalf("deadline %v without apply_by", d.ApplyBy)
	}
	apply, _ := d.Section(HowToApply)
	if !strings.HasSuffix(apply.Paragraphs[0], Ongoing) {
		t.Errorf("how to apply = %q, want it to end %q", apply.Paragraphs[0], Ongoing)
	}
	if d.Facts[len(d.Facts)-1] != (Fact{"Applications", "Accepted on an ongoing basis"}) {
		t.Errorf("last fact %v", d.Facts[len(d.Facts)-1])
	}
}

// TestNothingInternal: no posting of either example, nor of a role on
// every built-in template, names a level code, a level or band title as
// such, a competency, promotion criteria, a KPI, the headcount or a role id.
func TestNothingInternal(t *testing.T) {
	codeRe := regexp.MustCompile(`\bOPS-\d+\b`)
	for _, name := range []string{"company", "small-business", "british-company"} {
		m := exampleModel(t, name)
		var forbidden []string
		for _, c := range m.Ladder.Competencies {
			forbidden = append(forbidden, c.Name)
		}
		for _, lv := range m.Ladder.Levels {
			forbidden = append(forbidden, lv.Code, lv.BandTitle+" band", "Individual contributor")
		}
		for _, r := range m.Roles {
			forbidden = append(forbidden, fmt.Sprintf("Headcount %d", r.Headcount))
		}
		for _, r := range Open(m) {
			d := Build(m, r)
			for _, f := range d.Facts {
				if !slices.Contains([]string{"Company", "Team", "Location", "Workplace", "Employment type", "Pay", "Apply by", "Applications"}, f.Label) {
					t.Errorf("%s/%s: fact %q is not for candidates", name, r.ID, f.Label)
				}
			}
			text := Text(d)
			if codeRe.MatchString(text) {
				t.Errorf("%s/%s: level code %q in the posting", name, r.ID, codeRe.FindString(text))
			}
			for _, other := range m.Roles {
				if regexp.MustCompile(`\b`+regexp.QuoteMeta(other.ID)+`\b`).MatchString(text) && strings.Contains(other.ID, "-") {
					t.Errorf("%s/%s: role id %q in the posting", name, r.ID, other.ID)
				}
			}
			for _, f := range forbidden {
				if strings.Contains(text, f) {
					t.Errorf("%s/%s: %q in the posting", name, r.ID, f)
				}
			}
			for _, word := range []string{"headcount:", "level code", "pay band", "career path", "competency matrix", "promotion criteria"} {
				if strings.Contains(strings.ToLower(text), strings.ToLower(word)) {
					t.Errorf("%s/%s: %q in the posting", name, r.ID, word)
				}
			}
			if r.CareerPath.Promotion != "" && strings.Contains(text, r.CareerPath.Promotion) {
				t.Errorf("%s/%s: promotion criteria in the posting", name, r.ID)
			}
			for _, k := range r.KPIs {
				if strings.Contains(text, k.Text) {
					t.Errorf("%s/%s: KPI %q in the posting", name, r.ID, k.Text)
				}
			}
		}
	}
}

func TestConfigTextIsOneLine(t *testing.T) {
	m := exampleModel(t, "company")
	r := m.Roles[1]
	r.OwnText() // its text is shared with other roles
	r.Title = "Lead\n\n# Not a heading"
	r.Summary = "  First line.\nSecond line.  "
	d := Build(m, &r)
	if d.Title != "Lead # Not a heading" || d.Summary != "First line. Second line." {
		t.Errorf("title %q summary %q", d.Title, d.Summary)
	}
}

func TestParseAddress(t *testing.T) {
	usd := &generator.Pay{Currency: "USD"}
	for _, tc := range []struct {
		in   string
		pay  *generator.Pay
		lang string
		want Address
	}{
		{"Chicago, IL", nil, "US", Address{"Chicago", "IL", "US"}},
		{"Denver, Colorado", nil, "US", Address{"Denver", "CO", "US"}},
		{"Toronto, ON", nil, "US", Address{"Toronto", "ON", "CA"}},
		{"Milan, Italy", nil, "US", Address{"Milan", "", "IT"}},
		{"Leeds, West Yorkshire, United Kingdom", nil, "US", Address{"Leeds", "West Yorkshire", "GB"}},
		{"Springfield", usd, "GB", Address{"Springfield", "", "US"}},
		{"Anywhere", nil, "AU", Address{"Anywhere", "", "AU"}},
		{"", nil, "", Address{"", "", "US"}},
	} {
		if got := ParseAddress(tc.in, tc.pay, tc.lang); got != tc.want {
			t.Errorf("ParseAddress(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	if got := remoteText([]string{"US-CO", "US-CA", "CA", "US-NY", "XX-1"}); got != "Remote (Colorado, California or New York, United States; Canada; XX-1)" {
		t.Errorf("remoteText = %q", got)
	}
	if RegionName("US-CO") != "Colorado, United States" || RegionName("CA-ON") != "Ontario, Canada" || RegionName("XX-1") != "XX-1" {
		t.Error("RegionName is wrong")
	}
}

func TestExperienceAndEducation(t *testing.T) {
	for _, tc := range []struct {
		req    []string
		months int
	}{
		{[]string{"Fifteen years or more of leadership."}, 180},
		{[]string{"A degree.", "5+ years in a warehouse."}, 60},
		{[]string{"10 or more years in operations."}, 120},
		{[]string{"Experience with forklifts."}, 0},
	} {
		if got := experienceMonths(tc.req); got != tc.months {
			t.Errorf("experienceMonths(%q) = %d, want %d", tc.req, got, tc.months)
		}
	}
	items := func(texts ...string) []generator.Item {
		var out []generator.Item
		for _, s := range texts {
			out = append(out, generator.Item{Text: s})
		}
		return out
	}
	if got := education(items("Works with associates on the floor.", "High school diploma or equivalent.")); got != "high school" {
		t.Errorf("education = %q, want high school (the word associates alone is no degree)", got)
	}
	if got := education(append(items("Leads teams."), generator.Item{Text: "MBA or another advanced degree.", Preferred: true})); got != "" {
		t.Errorf("a preferred degree is a requirement: %q", got)
	}
	if got := education(items("Master's degree in logistics.")); got != "postgraduate degree" {
		t.Errorf("education = %q", got)
	}
}

// TestLawStatements: the statements the pay-transparency laws ask for
// (Ontario's AI-screening and vacancy statements, California's good-faith
// range) are in the posting.
func TestLawStatements(t *testing.T) {
	cfg, err := generator.Parse([]byte(`version: 1
company: {name: Acme, employees: 500, benefits: [Health cover]}
posting: {apply_by: 2027-01-31, how_to_apply: "Apply online.", ai_screening: false, vacancy: existing}
roles:
  - {id: to, template: operations-manager, reports_to: ceo, location: "Toronto, ON", salary: {min: 90000, max: 110000, currency: CAD}}
  - {id: la, template: operations-manager, reports_to: ceo, location: "Los Angeles, CA", salary: {min: 90000, max: 110000}}
`), "c.yaml", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "letter", Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	to := Text(Build(m, &m.Roles[0]))
	for _, want := range []string{"We do not use artificial intelligence to screen", "This posting is for an existing vacancy."} {
		if !strings.Contains(to, want) {
			t.Errorf("Toronto posting lacks %q:\n%s", want, to)
		}
	}
	la := Build(m, &m.Roles[1])
	b, ok := la.Section(Benefits)
	if !ok || b.Heading != "Pay and benefits" || len(b.Paragraphs) != 1 || !strings.Contains(b.Paragraphs[0], "good-faith estimate") || !strings.Contains(b.Paragraphs[0], "$90,000") {
		t.Errorf("Los Angeles pay section = %+v, want the range with the good-faith statement", b)
	}
	if strings.Contains(Text(la), "artificial intelligence") {
		t.Error("Ontario's statement in a California posting")
	}
}
