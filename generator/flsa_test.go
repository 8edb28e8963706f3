package generator

import (
	"strings"
	"testing"
)

func TestFLSAStatusPrecedence(t *testing.T) {
	for _, c := range []struct{ role, template, dflt, want string }{
		{"", "non-exempt", "exempt", "non-exempt"}, // a default never overrides a template's non-exempt
		{"exempt", "non-exempt", "", "exempt"},     // the role itself does
		{"", "exempt", "non-exempt", "non-exempt"}, // a default may make an exempt template non-exempt
		{"", "exempt", "", "exempt"},
		{"non-exempt", "exempt", "exempt", "non-exempt"},
		{"", "", "", "exempt"},
	} {
		if got := flsaStatus(c.role, c.template, c.dflt); got != c.want {
			t.Errorf("flsaStatus(%q, %q, %q) = %q, want %q", c.role, c.template, c.dflt, got, c.want)
		}
	}
}

func TestUSState(t *testing.T) {
	for loc, want := range map[string]string{
		"Chicago, IL": "IL", "Los Angeles, CA": "CA", "Seattle, Washington": "WA",
		"Toronto, ON": "", "Leeds, UK": "", "Chicago": "", "": "",
	} {
		got, ok := usState(loc)
		if got != want || ok != (want != "") {
			t.Errorf("usState(%q) = %q, %v; want %q", loc, got, ok, want)
		}
	}
	for loc, want := range map[string]string{"Boulder, CO": "US", "Austin, USA": "US", "Leeds, UK": "other", "Remote": ""} {
		if got := locationCountry(loc); got != want {
			t.Errorf("locationCountry(%q) = %q, want %q", loc, got, want)
		}
	}
}

// warningsOf resolves a config and returns its pay and FLSA warnings as
// text.
func warningsOf(t *testing.T, doc string) []string {
	t.Helper()
	m := parse(t, doc)
	var out []string
	for _, w := range m.Warnings {
		// Only the pay and FLSA findings of this file; other checks
		// (pay transparency, ...) have their own tests.
		if strings.Contains(w.Message, "FLSA") || strings.Contains(w.Message, "no salary") {
			out = append(out, w.Path+": "+w.Message)
		}
	}
	return out
}

func TestFLSAWarnings(t *testing.T) {
	for _, c := range []struct {
		name, roles string
		want        []string // substrings, one warning each, in order
	}{
		{"template non-exempt kept under an exempt default", `defaults: {flsa: exempt, location: "Chicago, IL"}
roles:
  - {id: coord, template: operations-coordinator, reports_to: ceo, salary: {min: 20, max: 24, period: hour}}
`, nil},
		{"exempt paid by the hour", `roles:
  - {id: coord, template: operations-coordinator, reports_to: ceo, flsa: exempt, salary: {min: 20, max: 24, period: hour}}
`, []string{"roles[0].salary: coord is FLSA exempt but paid by the hour"}},
		{"below the federal threshold", `defaults: {location: "Dallas, TX"}
roles:
  - {id: mgr, template: operations-manager, reports_to: ceo, salary: {min: 30000, max: 40000}}
`, []string{"roles[0].salary: mgr is FLSA exempt but its pay starts at $30,000 a year, below the federal salary threshold of $684 a week ($35,568 a year): raise"}},
		{"below federal, naming California", `roles:
  - {id: mgr, template: operations-manager, reports_to: ceo, location: "Fresno, CA", salary: {min: 30000, max: 40000}}
`, []string{"federal salary threshold of $684 a week ($35,568 a year); California's threshold is $70,304 a year"}},
		{"above federal, below Washington", `roles:
  - {id: mgr, template: operations-manager, reports_to: ceo, location: "Seattle, WA", salary: {min: 75000, max: 90000}}
`, []string{"below Washington's salary threshold for exempt employees of $80,168.40 a year"}},
		{"band below the threshold", `roles:
  - {id: mgr, template: operations-manager, reports_to: ceo}
ladder:
  bands:
    OPS-4: {min: 30000, max: 40000}
`, []string{"ladder.bands.OPS-4: mgr is FLSA exempt"}},
		{"no salary and no band", `roles:
  - {id: mgr, template: operations-manager, reports_to: ceo}
`, []string{"roles[0]: no salary and no pay band for level OPS-4"}},
		{"outside the US: no FLSA checks", `roles:
  - {id: mgr, template: operations-manager, reports_to: ceo, location: "Leeds, UK", salary: {min: 30000, max: 40000, currency: GBP}}
`, nil},
		{"non-exempt below the threshold is fine", `roles:
  - {id: sup, template: operations-supervisor, reports_to: ceo, salary: {min: 30000, max: 40000}}
`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			// The pay-transparency checks speak about these roles too
			// (company.employees, company.benefits): only the pay and FLSA
			// findings on roles and bands are this test's.
			var got []string
			for _, w := range warningsOf(t, head+c.roles) {
				if !strings.HasPrefix(w, "company.") {
					got = append(got, w)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("warnings:\n%s\nwant %d", strings.Join(got, "\n"), len(c.want))
			}
			for i, w := range c.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

func TestFLSAOnlyForUSRoles(t *testing.T) {
	m := parse(t, head+`roles:
  - {id: us, template: operations-manager, reports_to: ceo, location: "Chicago, IL", salary: {min: 80000, max: 90000}}
  - {id: uk, template: operations-manager, reports_to: ceo, location: "Leeds, UK", salary: {min: 50000, max: 60000, currency: GBP}}
  - {id: coord, template: operations-coordinator, reports_to: us, location: "Chicago, IL", salary: {min: 20, max: 24, period: hour}}
`)
	if got := role(t, m, "us").FLSA; got != "exempt" {
		t.Errorf("US manager FLSA = %q, want exempt", got)
	}
	if got := role(t, m, "uk").FLSA; got != "" {
		t.Errorf("UK manager FLSA = %q, want none", got)
	}
	if got := role(t, m, "coord").FLSA; got != "non-exempt" {
		t.Errorf("coordinator FLSA = %q, want the template's non-exempt", got)
	}
	gb := parse(t, "version: 1\ncompany:\n  name: Acme\n  locale: en-GB\nroles:\n  - {id: m, template: operations-manager, reports_to: ceo, salary: {min: 50000, max: 60000, currency: GBP}}\n")
	if got := role(t, gb, "m").FLSA; got != "" {
		t.Errorf("en-GB company, no location: FLSA = %q, want none", got)
	}
}
