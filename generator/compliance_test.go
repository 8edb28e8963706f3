package generator

import (
	"strings"
	"testing"
	"time"
)

// resolveOn resolves a config on the given date.
func resolveOn(t *testing.T, doc, date string) *Model {
	t.Helper()
	cfg, err := Parse([]byte(doc), "company.yaml", t.TempDir())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Resolve(cfg, Settings{Paper: "letter", Date: d})
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	return m
}

// isPayLawWarning reports whether w comes from the pay-transparency checks
// (it names a law, or the size assumption), so other tests can skip them.
func isPayLawWarning(w Problem) bool {
	return strings.Contains(w.Message, ") requires ") || strings.Contains(w.Message, "pay-transparency")
}

func warningsAt(m *Model, path string) []string {
	var out []string
	for _, w := range m.Warnings {
		if w.Path == path {
			out = append(out, w.Message)
		}
	}
	return out
}

func TestLocationTextOrMapping(t *testing.T) {
	m := resolveOn(t, head+`  employees: 50
defaults:
  location: {city: Toronto, region: ON, country: Canada}
roles:
  - {id: a, template: operations-manager, reports_to: ceo}
  - {id: b, template: operations-manager, reports_to: ceo, location: "Zürich, Schweiz"}
  - {id: c, template: operations-manager, reports_to: ceo, location: {city: Berlin, country: DE}}
`, "2026-12-02")
	a, b, c := role(t, m, "a"), role(t, m, "b"), role(t, m, "c")
	if a.Place == nil || a.Place.Region != "CA-ON" || a.Location != "Toronto, ON, Canada" {
		t.Errorf("a: place %+v location %q", a.Place, a.Location)
	}
	if b.Place == nil || b.Place.Country != "CH" || b.Place.City != "Zürich" {
		t.Errorf("b: place %+v", b.Place)
	}
	if c.Place == nil || c.Place.Country != "DE" || c.Place.Region != "" {
		t.Errorf("c: the mapping says Germany, not Delaware: %+v", c.Place)
	}
	if a.Compliance == nil || a.Compliance.Jurisdictions[0].Code != "CA-ON" || b.Compliance != nil || c.Compliance != nil {
		t.Errorf("compliance: a %+v, b %+v, c %+v", a.Compliance, b.Compliance, c.Compliance)
	}
}

func TestComplianceModel(t *testing.T) {
	doc := head + `  employees: 140
  benefits: [Medical cover, 401(k) match]
posting: {apply_by: 2027-01-31, how_to_apply: Apply at https://acme.example/jobs}
roles:
  - {id: denver, template: operations-manager, reports_to: ceo, location: "Denver, CO", salary: {min: 85000, max: 110000}}
  - id: toronto
    template: operations-manager
    reports_to: ceo
    location: Toronto, ON
    salary: {min: 90000, max: 160000, currency: CAD}
    posting: {vacancy: existing, ai_screening: false}
`
	m := resolveOn(t, doc, "2026-12-02")
	if m.PayLaw == nil || m.PayLaw.Version == "" || !strings.Contains(m.PayLaw.Note, "not legal advice") {
		t.Errorf("PayLaw = %+v", m.PayLaw)
	}
	d := role(t, m, "denver").Compliance
	if d == nil || len(d.Jurisdictions) != 1 || d.Jurisdictions[0].Law != "C.R.S. 8-5-201" {
		t.Fatalf("denver compliance = %+v", d)
	}
	for _, q := range d.Jurisdictions[0].Requirements {
		if q.Status != StatusMet {
			t.Errorf("denver: %s is %s (%s)", q.Kind, q.Status, q.Detail)
		}
	}
	var texts []string
	for _, s := range d.Statements {
		texts = append(texts, s.Text)
	}
	want := []string{
		"Pay range: $85,000 – $110,000 per year.",
		"Benefits: Medical cover; 401(k) match.",
		"Applications close on January 31, 2027.",
		"How to apply: Apply at https://acme.example/jobs.",
	}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("denver statements:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	to := role(t, m, "toronto").Compliance
	status := map[string]string{}
	for _, q := range to.Jurisdictions[0].Requirements {
		status[q.Kind] = q.Status
	}
	if status["max_spread"] != StatusMissing || status["ai_statement"] != StatusMet || status["vacancy_statement"] != StatusMet {
		t.Errorf("toronto statuses %v", status)
	}
	if w := warningsAt(m, "roles[1].salary"); len(w) != 1 || !strings.Contains(w[0], "CA$70,000 wide") {
		t.Errorf("toronto spread warning: %v", w)
	}
	last := to.Statements[len(to.Statements)-1]
	if last.Kind != "vacancy" || last.Text != "This posting is for an existing vacancy." {
		t.Errorf("toronto statements %+v", to.Statements)
	}

	// The same config the day before Ontario's rules: no Ontario checks.
	m = resolveOn(t, doc, "2025-12-31")
	if role(t, m, "toronto").Compliance != nil {
		t.Errorf("Ontario applied before 2026-01-01")
	}
}

func TestDeadlinePassed(t *testing.T) {
	m := resolveOn(t, head+`  employees: 10
  benefits: [Medical cover]
posting: {apply_by: 2026-01-31, how_to_apply: Apply online}
roles:
  - {id: denver, template: operations-manager, reports_to: ceo, location: "Denver, CO", salary: {min: 85000, max: 110000}}
`, "2026-12-02")
	// The posting's own check (a deadline before the posting date) and
	// the law's (Colorado asks for a deadline that is still to come) both
	// speak; the law's names the statute.
	w := warningsAt(m, "posting.apply_by")
	law := 0
	for _, x := range w {
		if strings.Contains(x, "apply_by 2026-01-31 is before the effective date 2026-12-02") && strings.Contains(x, "C.R.S. 8-5-201") {
			law++
		}
	}
	if law != 1 || len(w) > 2 {
		t.Errorf("deadline warnings: %v", w)
	}
}

func TestPostingFalseSkipsPostingWarnings(t *testing.T) {
	m := resolveOn(t, head+`  employees: 10
roles:
  - {id: denver, template: operations-manager, reports_to: ceo, location: "Denver, CO", posting: false}
`, "2026-12-02")
	for _, w := range m.Warnings {
		if isPayLawWarning(w) {
			t.Errorf("a role that is not posted needs no posting content: %v", w)
		}
	}
	if c := role(t, m, "denver").Compliance; c == nil || c.Jurisdictions[0].Requirements[0].Status != StatusMissing {
		t.Errorf("the model still shows what is missing: %+v", c)
	}
}

func TestRemoteRegionsUnknownIsAProblem(t *testing.T) {
	probs := problemsOf(t, head+`roles:
  - {id: a, template: operations-manager, reports_to: ceo, workplace: remote, remote_regions: [US, Colorado]}
`)
	if len(probs) != 1 || probs[0].Path != "roles[0].remote_regions[1]" || !strings.Contains(probs[0].Message, `did you mean "US-CO"?`) {
		t.Errorf("problems = %+v", probs)
	}
}

func TestWordingAndFormulaWarnings(t *testing.T) {
	m := resolveOn(t, head+`  about: "Our chairman founded us."
  benefits: ["+1 day of leave", "@home days"]
roles:
  - id: a
    template: operations-supervisor
    title: Foreman
    reports_to: ceo
    summary: >-
      Plans manpower.
`, "2026-12-02")
	got := map[string]string{}
	for _, w := range m.Warnings {
		got[w.Path] += w.Message + "|"
	}
	for path, want := range map[string]string{
		"company.about":       `column 15: "chairman" is gendered (suggestion: chair)`,
		"company.benefits[0]": `starts with "+"`,
		"company.benefits[1]": `starts with "@"`,
		"roles[0].title":      `column 12: "Foreman" is gendered`,
		"roles[0].summary":    `"manpower" is gendered`,
	} {
		if !strings.Contains(got[path], want) {
			t.Errorf("%s: %q does not contain %q", path, got[path], want)
		}
	}
	if strings.Contains(got["roles[0].summary"], "column") {
		t.Errorf("a folded block has no reliable column: %q", got["roles[0].summary"])
	}
}

func TestLocationWarnings(t *testing.T) {
	m := resolveOn(t, head+`defaults: {location: Denver}
roles:
  - {id: a, template: operations-manager, reports_to: ceo}
  - {id: b, template: operations-manager, reports_to: ceo}
`, "2026-12-02")
	w := warningsAt(m, "defaults.location")
	if len(w) != 1 || !strings.Contains(w[0], `cannot place "Denver"`) || !strings.Contains(w[0], `"Denver, CO"`) {
		t.Errorf("one warning for the shared default, saying how to write it: %v", w)
	}
	if role(t, m, "a").Place != nil {
		t.Errorf("an unplaceable location is never guessed")
	}
}

func TestRemoteLocationText(t *testing.T) {
	m := resolveOn(t, head+`  employees: 50
roles:
  - {id: a, template: operations-analyst, reports_to: ceo, workplace: remote, location: Remote, remote_regions: [US-MD]}
  - {id: b, template: operations-analyst, reports_to: ceo, workplace: remote, location: "Remote (Canada)"}
  - {id: c, template: operations-analyst, reports_to: ceo, location: Remote}
`, "2026-12-02")
	if a := role(t, m, "a"); a.Place != nil || a.Compliance == nil || a.Compliance.Jurisdictions[0].Code != "US-MD" {
		t.Errorf("a: place %+v compliance %+v", a.Place, a.Compliance)
	}
	if b := role(t, m, "b"); b.Place == nil || b.Place.Country != "CA" || b.Compliance == nil || b.Compliance.Jurisdictions[0].Code != "CA-BC" {
		t.Errorf("b: remote in Canada without regions takes the country: %+v %+v", b.Place, b.Compliance)
	}
	if len(warningsAt(m, "roles[0].location")) != 0 || len(warningsAt(m, "roles[1].location")) != 0 {
		t.Errorf("a remote role may be written Remote: %v", m.Warnings)
	}
	if w := warningsAt(m, "roles[2].location"); len(w) != 1 || !strings.Contains(w[0], `cannot place "Remote"`) {
		t.Errorf("an on-site role in \"Remote\" cannot be placed: %v", w)
	}
}

func TestOntarioCanadianExperience(t *testing.T) {
	m := resolveOn(t, head+`  employees: 50
posting: {vacancy: existing, ai_screening: false}
roles:
  - id: a
    template: operations-analyst
    reports_to: ceo
    location: Toronto, ON
    salary: {min: 60000, max: 80000, currency: CAD}
    qualifications: {add: [Two years of Canadian work experience.]}
`, "2026-12-02")
	w := warningsAt(m, "roles[0].qualifications")
	if len(w) != 1 || !strings.Contains(w[0], "Ontario") || !strings.Contains(w[0], `remove "Two years of Canadian work experience."`) {
		t.Errorf("warnings %v", w)
	}
}

func TestRemoteEU(t *testing.T) {
	m := resolveOn(t, head+`  employees: 50
roles:
  - {id: a, template: operations-analyst, reports_to: ceo, workplace: remote, remote_regions: [EU], salary: {min: 40000, max: 50000, currency: EUR}}
  - {id: b, template: operations-analyst, reports_to: ceo, workplace: remote, remote_regions: [IT, SK], salary: {min: 40000, max: 50000, currency: EUR}}
`, "2026-12-02")
	if w := warningsAt(m, "roles[0].remote_regions"); len(w) != 1 || !strings.Contains(w[0], "[IT, SK]") {
		t.Errorf("EU alone: %v", w)
	}
	var codes []string
	for _, j := range role(t, m, "b").Compliance.Jurisdictions {
		codes = append(codes, j.Code)
	}
	if strings.Join(codes, " ") != "EU-IT EU-SK" {
		t.Errorf("named member states: %v", codes)
	}
}
