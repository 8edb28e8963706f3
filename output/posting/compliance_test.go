package posting

import (
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
)

// complianceModel resolves the done-when scenario on 2026-12-02,
// with the Toronto role's Ontario statements set.
func complianceModel(t *testing.T) *generator.Model {
	t.Helper()
	cfg, err := generator.Load("../../testdata/compliance-done-when/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ai := true
	for i := range cfg.Roles {
		if cfg.Roles[i].ID == "toronto-ops-manager" {
			if cfg.Roles[i].Extra == nil {
				cfg.Roles[i].Extra = &generator.RoleExtra{}
			}
			cfg.Roles[i].Extra.Posting = &generator.PostingConfig{Vacancy: "existing", AIScreening: &ai}
		}
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "letter", Date: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPostingCarriesWhatTheLawAsks(t *testing.T) {
	m := complianceModel(t)
	role := func(id string) *generator.Role {
		r, ok := m.Role(id)
		if !ok {
			t.Fatalf("no role %s", id)
		}
		return r
	}
	// Denver (Colorado): the range, the benefits and the deadline.
	text := Text(Build(m, role("denver-ops-manager")))
	for _, want := range []string{
		"Pay: $85,000 – $110,000 per year",
		"Benefits\n",
		"401(k) with 4% match",
		"Apply by: January 31, 2027",
		"Apply at https://northwind.example/careers",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Denver posting lacks %q:\n%s", want, text)
		}
	}
	// Toronto (Ontario): the AI-screening and vacancy statements.
	d := Build(m, role("toronto-ops-manager"))
	how, ok := d.Section(HowToApply)
	if !ok {
		t.Fatal("no How to apply section")
	}
	got := strings.Join(how.Paragraphs[1:], "|")
	want := "This posting is for an existing vacancy.|We use artificial intelligence to screen, assess or select applicants for this position."
	if got != want {
		t.Errorf("Toronto statements %q, want %q", got, want)
	}
	// The US-remote role (California among others): the good-faith wording.
	section := func(d Document) *Section {
		s, ok := d.Section(HowToApply)
		if !ok {
			t.Fatal("no How to apply section")
		}
		return s
	}
	how = section(Build(m, role("remote-analyst")))
	if len(how.Paragraphs) != 1 {
		t.Errorf("the remote role has no pay, so no good-faith sentence: %q", how.Paragraphs)
	}
	how = section(Build(m, role("nyc-ops-director")))
	if len(how.Paragraphs) != 1 {
		t.Errorf("no pay, no good-faith sentence: %q", how.Paragraphs)
	}
	// London: no law, nothing added.
	how = section(Build(m, role("london-analyst")))
	if len(how.Paragraphs) != 1 {
		t.Errorf("London posting has %q", how.Paragraphs)
	}
}

func TestPostingGoodFaith(t *testing.T) {
	m := complianceModel(t)
	r, _ := m.Role("denver-ops-manager")
	// Colorado asks for no good-faith sentence; a New York role with pay does.
	if s := lawStatements(r); s["good_faith"] != "" {
		t.Errorf("Denver: %q", s)
	}
	r.Compliance.Statements = append(r.Compliance.Statements, generator.PostingStatement{Kind: "good_faith", Text: "This range is our good-faith estimate of the pay we expect to offer at hire."})
	d := Build(m, r)
	pay, _ := d.Section(Benefits)
	if len(pay.Paragraphs) != 1 || !strings.Contains(pay.Paragraphs[0], "good-faith estimate") || !strings.Contains(pay.Paragraphs[0], r.Salary.Text) {
		t.Errorf("good-faith sentence missing beside the range: %q", pay.Paragraphs)
	}
}
