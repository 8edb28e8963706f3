package generator

import (
	"errors"
	"strings"
	"testing"
)

func TestWarningsStayWarningsUnlessStrict(t *testing.T) {
	ps := &problems{}
	ps.warn(12, "roles[1].salary", "second")
	ps.warn(4, "roles[0].salary", "first")
	ps.warn(4, "roles[0].salary", "first") // the same finding twice is reported once
	if err := ps.result("c.yaml", false); err != nil {
		t.Fatalf("warnings alone must not fail a run: %v", err)
	}
	w := ps.sortedWarnings("c.yaml")
	if len(w) != 2 || w[0].Line != 4 || w[1].Line != 12 || w[0].File != "c.yaml" {
		t.Fatalf("sorted warnings = %+v", w)
	}
	err := ps.result("c.yaml", true)
	var ce *ConfigError
	if !errors.Is(err, ErrInvalidConfig) || !errors.As(err, &ce) {
		t.Fatalf("strict: err = %v, want a *ConfigError", err)
	}
	if len(ce.Problems) != 2 || len(ce.Warnings) != 0 || !strings.Contains(ce.Problems[0].Message, "--strict") {
		t.Fatalf("strict: problems %+v warnings %+v", ce.Problems, ce.Warnings)
	}
}

func TestProblemsCarryTheirWarnings(t *testing.T) {
	ps := &problems{}
	ps.add(3, "company.name", "required")
	ps.warn(9, "roles[0].title", "look at this")
	err := ps.result("c.yaml", false)
	var ce *ConfigError
	if !errors.As(err, &ce) || len(ce.Problems) != 1 || len(ce.Warnings) != 1 || ce.Warnings[0].Line != 9 {
		t.Fatalf("err = %#v", err)
	}
}

func TestPostingFalseShorthand(t *testing.T) {
	doc := `version: 1
company: {name: Acme}
posting: {apply_by: 2027-01-31, vacancy: existing, ai_screening: false}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, posting: false}
  - {id: vp, template: vp-of-operations, reports_to: coo, posting: {apply_by: 2027-02-28}}
`
	cfg, err := Parse([]byte(doc), "c.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	if p := cfg.Roles[0].Posting(); p == nil || p.Open == nil || *p.Open {
		t.Errorf("posting: false decoded as %+v", p)
	}
	if p := cfg.Roles[1].Posting(); p == nil || p.Open != nil || p.ApplyBy != "2027-02-28" {
		t.Errorf("posting mapping decoded as %+v", p)
	}
	if cfg.Posting.ApplyBy != "2027-01-31" || cfg.Posting.AIScreening == nil || *cfg.Posting.AIScreening {
		t.Errorf("top-level posting decoded as %+v", cfg.Posting)
	}
}
