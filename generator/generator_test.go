package generator

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
)

// parse loads a config from text, failing the test on problems.
func parse(t *testing.T, doc string) *Model {
	t.Helper()
	cfg, err := Parse([]byte(doc), "company.yaml", t.TempDir())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	m, err := Resolve(cfg, Settings{Paper: "a4", Date: time.Unix(1700000000, 0).UTC()})
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	return m
}

// problemsOf parses a config that must fail and returns its problems.
func problemsOf(t *testing.T, doc string) []Problem {
	t.Helper()
	_, err := Parse([]byte(doc), "company.yaml", t.TempDir())
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("Parse succeeded or failed oddly: %v", err)
	}
	if !errors.Is(err, ErrInvalidConfig) {
		t.Fatalf("error does not wrap ErrInvalidConfig")
	}
	return ce.Problems
}

const head = "version: 1\ncompany:\n  name: Acme\n"

func role(t *testing.T, m *Model, id string) *Role {
	t.Helper()
	r, ok := m.Role(id)
	if !ok {
		t.Fatalf("no role %q", id)
	}
	return r
}

func keys(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Key
	}
	return out
}

func TestMergeAddRemoveSummary(t *testing.T) {
	m := parse(t, head+`roles:
  - id: plain
    template: operations-manager
    reports_to: ceo
  - id: changed
    template: operations-manager
    reports_to: ceo
    summary: Runs the night shift.
    responsibilities:
      add:
        - Run the weekly dock review.
        - {key: yard, area: Yard, text: Keeps the yard clear.}
      remove: [inventory-management]
    kpis:
      remove: [inventory-accuracy, department-trir]
    qualifications:
      add:
        - {text: Forklift licence., preferred: true}
`)
	plain, changed := role(t, m, "plain"), role(t, m, "changed")
	if plain.Summary == changed.Summary || changed.Summary != "Runs the night shift." {
		t.Errorf("summary not replaced: %q", changed.Summary)
	}
	pk, ck := keys(plain.Responsibilities), keys(changed.Responsibilities)
	if !slices.Contains(pk, "inventory-management") || slices.Contains(ck, "inventory-management") {
		t.Errorf("remove by key failed: %v", ck)
	}
	if len(ck) != len(pk)+1 || ck[len(ck)-1] != "yard" || ck[len(ck)-2] != "run-the-weekly-dock-review" {
		t.Errorf("add failed: %v", ck)
	}
	last := changed.Responsibilities[len(changed.Responsibilities)-2]
	if last.Area != AddedResponsibilityArea || last.Text != "Run the weekly dock review." {
		t.Errorf("added string item = %+v", last)
	}
	if len(changed.KPIs) != len(plain.KPIs)-2 || slices.Contains(keys(changed.KPIs), "department-trir") {
		t.Errorf("kpis remove failed: %v", keys(changed.KPIs))
	}
	q := changed.Qualifications[len(changed.Qualifications)-1]
	if !q.Preferred || q.Area != AddedQualificationArea {
		t.Errorf("added qualification = %+v", q)
	}
	// The template itself is not changed by a role's patch.
	if len(plain.Responsibilities) != 12 && !slices.Contains(pk, "inventory-management") {
		t.Errorf("template mutated: %v", pk)
	}
}

func TestOverridesAndDefaults(t *testing.T) {
	m := parse(t, head+`defaults:
  location: Chicago, IL
  workplace: hybrid
  flsa: non-exempt
  currency: EUR
roles:
  - id: mgr
    template: operations-manager
    title: Yard Manager
    level: OPS-5
    location: Joliet, IL
    flsa: exempt
    reports_to: ceo
    salary: {min: 80000, max: 90000}
  - id: coord
    template: operations-coordinator
    reports_to: mgr
    headcount: 3
ladder:
  bands:
    OPS-1: {min: 20, max: 25.5, period: hour}
`)
	mgr, coord := role(t, m, "mgr"), role(t, m, "coord")
	if mgr.Title != "Yard Manager" || mgr.Level != "OPS-5" || mgr.LevelTitle != "Senior Operations Manager" {
		t.Errorf("role overrides: %q %q %q", mgr.Title, mgr.Level, mgr.LevelTitle)
	}
	if mgr.Location != "Joliet, IL" || coord.Location != "Chicago, IL" {
		t.Errorf("location: %q %q", mgr.Location, coord.Location)
	}
	if mgr.Workplace != "hybrid" || mgr.EmploymentType != DefaultEmploymentType {
		t.Errorf("defaults: %q %q", mgr.Workplace, mgr.EmploymentType)
	}
	if mgr.FLSA != "exempt" || coord.FLSA != "non-exempt" {
		t.Errorf("flsa: %q %q", mgr.FLSA, coord.FLSA)
	}
	if mgr.Salary == nil || mgr.Salary.Source != "role" || mgr.Salary.Text != "€80,000 – €90,000 per year" {
		t.Errorf("role salary: %+v", mgr.Salary)
	}
	if coord.Salary == nil || coord.Salary.Source != "band" || coord.Salary.Text != "€20 – €25.50 per hour" {
		t.Errorf("band salary: %+v", coord.Salary)
	}
	// The next level up this company has is the manager's, OPS-5.
	if coord.CareerPath.Below != nil || coord.CareerPath.Above == nil || coord.CareerPath.Above.Code != "OPS-5" {
		t.Errorf("career path: %+v", coord.CareerPath)
	}
	if len(coord.Competencies) < 8 || coord.Competencies[0].Text == "" {
		t.Errorf("competencies: %d", len(coord.Competencies))
	}
	if m.Settings.Paper != "a4" {
		t.Errorf("settings: %+v", m.Settings)
	}
}

func TestCustomTemplateExtends(t *testing.T) {
	m := parse(t, head+`roles:
  - id: fleet
    template: fleet-manager
    reports_to: ceo
  - id: night-fleet
    template: night-fleet-manager
    reports_to: fleet
templates:
  - id: night-fleet-manager
    extends: fleet-manager
    level: OPS-3
    dimensions: {scope: The night fleet.}
  - id: fleet-manager
    extends: operations-manager
    title: Fleet Manager
    responsibilities:
      remove: [inventory-management]
      add: [{key: fleet, area: Fleet, text: Runs the fleet.}]
`)
	fleet, night := role(t, m, "fleet"), role(t, m, "night-fleet")
	if fleet.Title != "Fleet Manager" || fleet.Level != "OPS-4" {
		t.Errorf("extends: %q %q", fleet.Title, fleet.Level)
	}
	if night.Title != "Fleet Manager" || night.Level != "OPS-3" || night.Dimensions.Scope != "The night fleet." {
		t.Errorf("chained extends: %q %q %q", night.Title, night.Level, night.Dimensions.Scope)
	}
	// A custom template's level brings that level's dimensions, except
	// those it sets itself.
	if night.Dimensions.Seniority == fleet.Dimensions.Seniority || night.Dimensions.Seniority == "" {
		t.Errorf("the OPS-3 template kept the OPS-4 seniority %q", night.Dimensions.Seniority)
	}
	for _, r := range []*Role{fleet, night} {
		ks := keys(r.Responsibilities)
		if slices.Contains(ks, "inventory-management") || !slices.Contains(ks, "fleet") {
			t.Errorf("%s responsibilities: %v", r.ID, ks)
		}
	}
}

func TestFocus(t *testing.T) {
	m := parse(t, head+`roles:
  - id: plain
    template: director-of-operations
    reports_to: ceo
  - id: sc
    template: director-of-operations
    focus: SUPPLY-CHAIN
    reports_to: ceo
  - id: other
    template: director-of-operations
    focus: Facilities and real estate
    reports_to: ceo
`)
	plain, sc, other := role(t, m, "plain"), role(t, m, "sc"), role(t, m, "other")
	if sc.FocusKey != "supply-chain" || len(sc.Responsibilities) <= len(plain.Responsibilities) || len(sc.KPIs) <= len(plain.KPIs) {
		t.Errorf("supply-chain focus: key %q, %d/%d responsibilities", sc.FocusKey, len(sc.Responsibilities), len(plain.Responsibilities))
	}
	if other.FocusKey != "" || !strings.Contains(other.Summary, "facilities and real estate") {
		t.Errorf("free-text focus not in summary: %q", other.Summary)
	}
}

func TestOrgTree(t *testing.T) {
	m := parse(t, head+`roles:
  - id: coo
    template: chief-operating-officer
    reports_to: board
  - id: vp
    template: vp-of-operations
    reports_to: coo
  - id: mgr-b
    template: operations-manager
    reports_to: vp
    headcount: 3
  - id: mgr-a
    template: operations-manager
    reports_to: vp
    headcount: 2
`)
	coo, vp, mgr := role(t, m, "coo"), role(t, m, "vp"), role(t, m, "mgr-a")
	if coo.ReportsToTitle != "Board of Directors" || vp.ReportsToTitle != coo.Title || mgr.ReportsToTitle != vp.Title {
		t.Errorf("reports-to titles: %q %q %q", coo.ReportsToTitle, vp.ReportsToTitle, mgr.ReportsToTitle)
	}
	if !slices.Equal(vp.DirectReports, []string{"mgr-b", "mgr-a"}) || vp.DirectReportHeadcount != 5 {
		t.Errorf("direct reports: %v (%d people)", vp.DirectReports, vp.DirectReportHeadcount)
	}
	if coo.Depth != 0 || vp.Depth != 1 || mgr.Depth != 2 {
		t.Errorf("depths: %d %d %d", coo.Depth, vp.Depth, mgr.Depth)
	}
	if !slices.Equal(m.Ladder.Levels[3].Roles, []string{"mgr-b", "mgr-a"}) {
		t.Errorf("ladder roles at OPS-4: %v", m.Ladder.Levels[3].Roles)
	}
}

func TestLongChainAndCycle(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "roles:\n  - {id: r0, template: operations-manager, reports_to: ceo}\n")
	for i := 1; i < 500; i++ {
		fmt.Fprintf(&b, "  - {id: r%d, template: operations-manager, reports_to: r%d}\n", i, i-1)
	}
	m := parse(t, b.String())
	if d := role(t, m, "r499").Depth; d != 499 {
		t.Errorf("depth of r499 = %d", d)
	}
	ps := problemsOf(t, head+`roles:
  - {id: a, template: operations-manager, reports_to: c}
  - {id: b, template: operations-manager, reports_to: a}
  - {id: c, template: operations-manager, reports_to: b}
  - {id: d, template: operations-manager, reports_to: c}
`)
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "reporting cycle: a -> c -> b -> a") || ps[0].Line != 5 {
		t.Errorf("cycle problems: %v", ps)
	}
}

func TestDecodeStrict(t *testing.T) {
	cases := []struct{ doc, path, msg string }{
		{head + "roles:\n  - {id: a, template: operations-manager, reports_to: ceo, headcount: \"3\"}\n", "roles[0].headcount", "whole number"},
		{head + "  employees: 12.5\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\n", "company.employees", "whole number"},
		{head + "  nmae: X\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\n", "company.nmae", `did you mean "name"`},
		{head + "  name: Again\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\n", "company.name", "duplicate key"},
		{head + "roles: [{id: a, template: operations-manager, reports_to: ceo, title: true}]\n", "roles[0].title", "must be text"},
		{head + "roles: [{id: a, template: operations-manager, reports_to: ceo, summary: \"e\\u0301\\U0001F600\"}]\n", "roles[0].summary", "U+1F600"},
	}
	for _, c := range cases {
		ps := problemsOf(t, c.doc)
		found := false
		for _, p := range ps {
			if p.Path == c.path && strings.Contains(p.Message, c.msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("want %s: ...%s...; got %v", c.path, c.msg, ps)
		}
	}
}

func TestNFC(t *testing.T) {
	m := parse(t, head+"roles: [{id: a, template: operations-manager, reports_to: ceo, title: \"Cafe\\u0301 Manager\"}]\n")
	if got := role(t, m, "a").Title; got != "Café Manager" {
		t.Errorf("title not NFC: %q", got)
	}
}

func TestAliasBomb(t *testing.T) {
	doc := `version: 1
x-a: &a ["x","x","x","x","x","x","x","x","x","x"]
x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
x-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
company:
  name: Acme
  benefits: *h
roles: [{id: a, template: operations-manager, reports_to: ceo, responsibilities: {add: *h}}]
`
	// 10^8 leaves if expanded; the decoder refuses each wrong shape
	// without descending into it.
	ps := problemsOf(t, doc)
	if len(ps) > 40 {
		t.Fatalf("%d problems", len(ps))
	}
	text := fmt.Sprint(ps)
	if !strings.Contains(text, "company.benefits[0]: must be text") || !strings.Contains(text, "unknown key \"x-a\"") {
		t.Errorf("problems: %v", ps)
	}
}

func TestFormatMoney(t *testing.T) {
	cases := []struct {
		v    float64
		cur  string
		want string
	}{
		{82000, "USD", "$82,000"},
		{1234567.5, "USD", "$1,234,567.50"},
		{29, "USD", "$29"},
		{950, "EUR", "€950"},
		{12000, "SEK", "12,000 SEK"},
		{1500000, "JPY", "¥1,500,000"},
	}
	for _, c := range cases {
		if got := FormatMoney(c.v, c.cur); got != c.want {
			t.Errorf("FormatMoney(%v, %s) = %q, want %q", c.v, c.cur, got, c.want)
		}
	}
	if got := FormatPay(Pay{Min: 82000, Max: 98000, Currency: "USD", Period: "year"}); got != "$82,000 – $98,000 per year" {
		t.Errorf("FormatPay = %q", got)
	}
}

func TestGenerate(t *testing.T) {
	m := parse(t, head+"roles: [{id: a, template: operations-manager, reports_to: ceo}]\n")
	var got []string
	step := Step{Name: "test", Run: func(ctx context.Context, m *Model, emit Sink) error {
		for _, r := range m.Roles {
			if err := emit(File{Name: "x/" + r.ID + ".txt", Data: []byte(r.Title)}); err != nil {
				return err
			}
		}
		return nil
	}}
	if err := Generate(context.Background(), m, []Step{step}, func(f File) error { got = append(got, f.Name); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"x/a.txt"}) {
		t.Errorf("files: %v", got)
	}
	for _, bad := range []string{"../a.pdf", "/etc/passwd", "a/../../b", "", "a\\b"} {
		s := Step{Name: "bad", Run: func(ctx context.Context, m *Model, emit Sink) error { return emit(File{Name: bad}) }}
		err := Generate(context.Background(), m, []Step{s}, func(File) error { return nil })
		if !errors.Is(err, ErrStepFailed) {
			t.Errorf("unsafe name %q: err = %v", bad, err)
		}
	}
	twice := Step{Name: "twice", Run: func(ctx context.Context, m *Model, emit Sink) error {
		emit(File{Name: "a"})
		return emit(File{Name: "a"})
	}}
	if err := Generate(context.Background(), m, []Step{twice}, func(File) error { return nil }); !errors.Is(err, ErrStepFailed) {
		t.Errorf("duplicate file: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Generate(ctx, m, []Step{step}, func(File) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

func TestLabel(t *testing.T) {
	for in, want := range map[string]string{"on-site": "On-site", "non-exempt": "Non-exempt", "": "", "Full-time": "Full-time"} {
		if got := Label(in); got != want {
			t.Errorf("Label(%q) = %q", in, got)
		}
	}
}
