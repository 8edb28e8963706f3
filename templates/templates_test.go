package templates

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// contract is the table of built-in templates in DESIGN.md: ids, titles and
// levels are part of the config contract.
var contract = []struct{ id, title, level string }{
	{"operations-coordinator", "Operations Coordinator", "OPS-1"},
	{"operations-analyst", "Operations Analyst", "OPS-2"},
	{"operations-supervisor", "Operations Supervisor", "OPS-3"},
	{"operations-manager", "Operations Manager", "OPS-4"},
	{"senior-operations-manager", "Senior Operations Manager", "OPS-5"},
	{"director-of-operations", "Director of Operations", "OPS-6"},
	{"senior-director-of-operations", "Senior Director of Operations", "OPS-7"},
	{"vp-of-operations", "Vice President of Operations", "OPS-8"},
	{"chief-operating-officer", "Chief Operating Officer", "OPS-9"},
}

func mustBuiltin(t *testing.T) []Template {
	t.Helper()
	ts, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return ts
}

func mustLookup(t *testing.T, id string) Template {
	t.Helper()
	tmpl, ok := Lookup(id)
	if !ok {
		t.Fatalf("Lookup(%q): not found", id)
	}
	return tmpl
}

func TestBuiltinMatchesContract(t *testing.T) {
	ts := mustBuiltin(t)
	if len(ts) != len(contract) {
		t.Fatalf("Builtin returned %d templates, want %d", len(ts), len(contract))
	}
	for i, want := range contract {
		got := ts[i]
		if got.ID != want.id || got.Title != want.title || got.Level != want.level {
			t.Errorf("template %d = (%q, %q, %q), want (%q, %q, %q)",
				i, got.ID, got.Title, got.Level, want.id, want.title, want.level)
		}
	}
}

func TestIDsInLevelOrder(t *testing.T) {
	var want []string
	for _, c := range contract {
		want = append(want, c.id)
	}
	if got := IDs(); !reflect.DeepEqual(got, want) {
		t.Errorf("IDs() = %v, want %v", got, want)
	}
}

func TestLookup(t *testing.T) {
	for _, c := range contract {
		tmpl, ok := Lookup(c.id)
		if !ok || tmpl.ID != c.id || tmpl.Title != c.title {
			t.Errorf("Lookup(%q) = (%q, %v)", c.id, tmpl.ID, ok)
		}
	}
	for _, id := range []string{"", "ceo", "Operations-Manager", "operations manager", "vp-opps"} {
		if tmpl, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) found %q, want no match", id, tmpl.ID)
		}
	}
}

func TestBuiltinReturnsCopies(t *testing.T) {
	pristine := mustBuiltin(t)

	mutated := mustBuiltin(t)
	for i := range mutated {
		m := &mutated[i]
		m.Title = "changed"
		m.Responsibilities[0].Text = "changed"
		m.Responsibilities = append(m.Responsibilities[:1], m.Responsibilities[2:]...)
		m.KPIs[0].Key = "changed"
		m.Qualifications[0].Preferred = !m.Qualifications[0].Preferred
		m.PhysicalDemands[0] = "changed"
		m.WorkingEnvironment[0] = "changed"
		for j := range m.SummaryVariants {
			m.SummaryVariants[j].Text = "changed"
		}
		for _, vs := range m.DimensionVariants {
			vs[0].Text = "changed"
		}
		for j := range m.Focuses {
			m.Focuses[j].Removes[0] = "changed"
			m.Focuses[j].Aliases[0] = "changed"
			m.Focuses[j].Responsibilities[0].Text = "changed"
			m.Focuses[j].KPIs[0].Text = "changed"
		}
	}

	if again := mustBuiltin(t); !reflect.DeepEqual(again, pristine) {
		t.Error("changing one Builtin result changed the next one")
	}
	for _, p := range pristine {
		if got := mustLookup(t, p.ID); !reflect.DeepEqual(got, p) {
			t.Errorf("Lookup(%q) differs from Builtin after a caller mutated a copy", p.ID)
		}
	}
}

func TestLookupReturnsCopy(t *testing.T) {
	a := mustLookup(t, "director-of-operations")
	a.Responsibilities[0].Text = "changed"
	a.Focuses[0].Summary = "changed"
	b := mustLookup(t, "director-of-operations")
	if b.Responsibilities[0].Text == "changed" || b.Focuses[0].Summary == "changed" {
		t.Error("mutating a Lookup result changed the library")
	}
}

func TestCloneIsDeep(t *testing.T) {
	orig := mustLookup(t, "senior-director-of-operations")
	want := mustLookup(t, "senior-director-of-operations")
	c := orig.Clone()
	if !reflect.DeepEqual(c, orig) {
		t.Fatal("Clone differs from its source")
	}
	c.Responsibilities[0].Key = "x"
	c.KPIs[0].Key = "x"
	c.Qualifications[0].Key = "x"
	c.PhysicalDemands[0] = "x"
	c.WorkingEnvironment[0] = "x"
	c.SummaryVariants[0].Text = "x"
	c.DimensionVariants["scope"][0].Text = "x"
	c.Focuses[0].Aliases[0] = "x"
	c.Focuses[0].Removes[0] = "x"
	c.Focuses[0].Responsibilities[0].Key = "x"
	c.Focuses[0].KPIs[0].Key = "x"
	if !reflect.DeepEqual(orig, want) {
		t.Error("changing a Clone changed the original")
	}
	if (Template{}).Clone().Focuses != nil {
		t.Error("Clone of a template without focuses should keep Focuses nil")
	}
}

// Minimal valid library for the loader tests: alpha (OPS-1) reports to beta
// (OPS-2), beta to the CEO, and one focus is attached to beta.
const (
	alphaYAML = `id: alpha
title: Alpha
level: OPS-1
summary: Alpha does the work. It is the first level.
responsibilities:
  - key: do-work
    area: Work
    text: Does the work.
kpis:
  - key: work-done
    text: Work done on time, target 95%.
qualifications:
  - key: school
    area: Education
    text: School diploma.
  - key: degree
    area: Education
    text: Degree.
    preferred: true
dimensions:
  scope: One team.
  seniority: Entry level.
  decision_authority: Routine matters.
  strategic_focus: Accuracy.
  organisational_impact: The team.
physical_demands: [Works at a desk.]
working_environment: [Office.]
experience_years: 1
onet: "43-5061.00"
flsa: non-exempt
reports_to: beta
`
	betaYAML = `id: beta
title: Beta
level: OPS-2
summary: Beta leads alpha. It is the second level.
responsibilities:
  - key: lead-alpha
    area: Leadership
    text: Leads the alpha team.
kpis:
  - key: team-output
    text: Team output against plan.
qualifications:
  - key: experience
    area: Experience
    text: Two years.
dimensions:
  scope: Two teams.
  seniority: Manager.
  decision_authority: Team matters.
  strategic_focus: Output.
  organisational_impact: The department.
physical_demands: [Works at a desk.]
working_environment: [Office.]
experience_years: 1
onet: "43-5061.00"
flsa: exempt
reports_to: ceo
`
	focusesYAML = `templates: [beta]
focuses:
  - key: widgets
    name: Widgets
    aliases: [widget making, gadgets]
    summary: This position focuses on widgets.
    responsibilities:
      - key: widgets-plan
        area: Widgets
        text: Plans the widgets.
    kpis:
      - key: widgets-made
        text: Widgets made per day.
  - key: sprockets
    name: Sprockets
    aliases: [sprocket making]
    summary: This position focuses on sprockets.
    responsibilities:
      - key: sprockets-plan
        area: Sprockets
        text: Plans the sprockets.
    kpis:
      - key: sprockets-made
        text: Sprockets made per day.
`
)

func testLibrary() fstest.MapFS {
	return fstest.MapFS{
		"lib/beta.yaml":    {Data: []byte(betaYAML)},
		"lib/alpha.yaml":   {Data: []byte(alphaYAML)},
		"lib/focuses.yaml": {Data: []byte(focusesYAML)},
		"lib/README.md":    {Data: []byte("not yaml, ignored")},
	}
}

// edit replaces old with new in the named file of fsys and fails the test if
// old does not occur there, so that a case cannot silently test nothing.
func edit(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f := fsys["lib/"+name]
	if f == nil || !strings.Contains(string(f.Data), old) {
		t.Fatalf("test setup: %q not found in %s", old, name)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
}

func TestLoadValidLibrary(t *testing.T) {
	ts, err := load(testLibrary(), "lib")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if len(ts) != 2 || ts[0].ID != "alpha" || ts[1].ID != "beta" {
		t.Fatalf("load returned %d templates in order %v, want alpha then beta", len(ts), ts)
	}
	if len(ts[0].Focuses) != 0 {
		t.Errorf("alpha got %d focuses, want none", len(ts[0].Focuses))
	}
	if len(ts[1].Focuses) != 2 || ts[1].Focuses[0].Key != "widgets" || ts[1].Focuses[1].Key != "sprockets" {
		t.Errorf("beta focuses = %+v, want widgets then sprockets", ts[1].Focuses)
	}
}

func TestLoadRejectsBrokenLibrary(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, fsys fstest.MapFS)
		want   error
		detail string
	}{
		{"unknown field", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "flsa:", "salary: 1\nflsa:")
		}, ErrDecode, "salary"},
		{"unknown field in focuses", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "    name: Widgets", "    name: Widgets\n    title: Widgets")
		}, ErrDecode, "focuses.yaml"},
		{"syntax error", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "title: Alpha", "title: [Alpha")
		}, ErrDecode, "alpha.yaml"},
		{"empty file", func(t *testing.T, f fstest.MapFS) {
			f["lib/gamma.yaml"] = &fstest.MapFile{Data: []byte("# nothing\n")}
		}, ErrDecode, "empty"},
		{"two documents", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "reports_to: ceo\n", "reports_to: ceo\n---\nid: other\n")
		}, ErrDecode, "more than one"},
		{"missing summary", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "summary: Alpha does the work. It is the first level.", "summary: ''")
		}, ErrMissingField, "summary"},
		{"missing title", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "title: Beta", "title: ' '")
		}, ErrMissingField, "title"},
		{"missing dimension", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "strategic_focus: Output.", "strategic_focus: ''")
		}, ErrMissingField, "dimensions.strategic_focus"},
		{"no KPIs", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "kpis:\n  - key: team-output\n    text: Team output against plan.\n", "kpis: []\n")
		}, ErrMissingField, "kpis"},
		{"key not a slug", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "key: do-work", "key: Do_Work")
		}, ErrInvalidKey, "Do_Work"},
		{"key starts with hyphen", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "key: work-done", "key: -work-done")
		}, ErrInvalidKey, "kpis[0].key"},
		{"duplicate key", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "key: degree", "key: school")
		}, ErrDuplicate, "qualifications[1].key"},
		{"duplicate level", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "level: OPS-1", "level: OPS-2")
		}, ErrDuplicate, "level"},
		{"duplicate id", func(t *testing.T, f fstest.MapFS) {
			f["lib/alpha-copy.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(alphaYAML, "level: OPS-1", "level: OPS-0", 1))}
		}, ErrDuplicate, "also defined in"},
		{"file name differs from id", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "id: alpha", "id: alpha-two")
		}, ErrInvalidValue, "alpha-two.yaml"},
		{"bad level code", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "level: OPS-1", "level: ops one")
		}, ErrInvalidValue, "level"},
		{"bad flsa", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "flsa: non-exempt", "flsa: salaried")
		}, ErrInvalidValue, "salaried"},
		{"bad qualification area", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "area: Experience", "area: Certificates")
		}, ErrInvalidValue, "Certificates"},
		{"KPI with an area", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "  - key: team-output\n", "  - key: team-output\n    area: Output\n")
		}, ErrInvalidValue, "kpis[0].area"},
		{"preferred responsibility", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "text: Leads the alpha team.", "text: Leads the alpha team.\n    preferred: true")
		}, ErrInvalidValue, "responsibilities[0].preferred"},
		{"template extends", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "title: Alpha", "title: Alpha\nextends: beta")
		}, ErrInvalidValue, "extends"},
		{"focus inside a template", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "flsa:", "focuses: [{key: x, name: X, summary: X.}]\nflsa:")
		}, ErrInvalidValue, "focuses"},
		{"unknown manager", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "reports_to: beta", "reports_to: gamma")
		}, ErrUnknownReference, "gamma"},
		{"manager below the role", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "reports_to: ceo", "reports_to: alpha")
		}, ErrUnknownReference, "not above"},
		{"reports to itself", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "reports_to: ceo", "reports_to: beta")
		}, ErrUnknownReference, "not above"},
		{"missing manager", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "reports_to: ceo", "reports_to: ''")
		}, ErrMissingField, "reports_to"},
		{"focus for unknown template", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "templates: [beta]", "templates: [beta, gamma]")
		}, ErrUnknownReference, "gamma"},
		{"focus key collides with template key", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "key: widgets-plan", "key: lead-alpha")
		}, ErrDuplicate, "lead-alpha"},
		{"focus KPI key collides with template key", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "key: sprockets-made", "key: team-output")
		}, ErrDuplicate, "team-output"},
		{"alias selects two focuses", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "aliases: [sprocket making]", "aliases: [sprocket making, Widget-Making]")
		}, ErrDuplicate, "Widget-Making"},
		{"alias equals another focus's name after normalisation", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "aliases: [sprocket making]", "aliases: [sprocket making, widgets]")
		}, ErrDuplicate, "widgets"},
		{"upper-case alias", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "aliases: [sprocket making]", "aliases: [Sprocket Making]")
		}, ErrInvalidValue, "lower case"},
		{"focus without summary", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "summary: This position focuses on sprockets.", "summary: ''")
		}, ErrMissingField, "focuses[1].summary"},
		{"focus without KPIs", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "    kpis:\n      - key: sprockets-made\n        text: Sprockets made per day.\n", "")
		}, ErrMissingField, "focuses[1].kpis"},
		{"focus key not a slug", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "key: sprockets\n", "key: Sprockets\n")
		}, ErrInvalidKey, "Sprockets"},
		{"unknown condition", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "  - key: lead-alpha\n", "  - key: lead-alpha\n    when: sometimes\n")
		}, ErrInvalidValue, "sometimes"},
		{"two variants with the same condition", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "    text: Does the work.\n", "    text: Does the work.\n  - key: do-work\n    area: Work\n    text: Does other work.\n")
		}, ErrDuplicate, "do-work"},
		{"summary variants leave a position out", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "summary: Alpha does the work. It is the first level.", "summary:\n  - when: top_ops\n    text: Alpha leads.\n  - when: has_reports\n    text: Alpha leads a team.")
		}, ErrMissingField, "no variant for a role that is not_top_ops, no_reports"},
		{"variant with an unknown field", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "summary: Alpha does the work. It is the first level.", "summary:\n  - text: Alpha.\n    cond: top_ops")
		}, ErrDecode, "cond"},
		{"summary as a mapping", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "summary: Alpha does the work. It is the first level.", "summary: {text: Alpha.}")
		}, ErrDecode, "a string or a list"},
		{"dimension variants with the same condition", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "  scope: Two teams.", "  scope:\n    - text: Two teams.\n    - text: Three teams.")
		}, ErrDuplicate, "dimensions.scope[1].when"},
		{"unknown placeholder", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "text: Does the work.", "text: Does the work for the {boss}.")
		}, ErrInvalidValue, "{boss}"},
		{"tie to an unknown responsibility", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "  - key: work-done\n", "  - key: work-done\n    for: no-such-duty\n")
		}, ErrUnknownReference, "no-such-duty"},
		{"tie on a responsibility", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "alpha.yaml", "  - key: do-work\n", "  - key: do-work\n    for: do-work\n")
		}, ErrInvalidValue, "responsibilities[0].for"},
		{"focus removes an unknown key", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "    aliases: [widget making, gadgets]\n", "    aliases: [widget making, gadgets]\n    removes: [no-such-item]\n")
		}, ErrUnknownReference, "no-such-item"},
		{"focus item tied to a removed duty", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "focuses.yaml", "      - key: widgets-made\n", "      - key: widgets-made\n        for: lead-alpha\n")
			edit(t, f, "focuses.yaml", "    aliases: [widget making, gadgets]\n", "    aliases: [widget making, gadgets]\n    removes: [lead-alpha]\n")
		}, ErrUnknownReference, "lead-alpha"},
		{"no physical demands", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "physical_demands: [Works at a desk.]\n", "")
		}, ErrMissingField, "physical_demands"},
		{"no working environment", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "working_environment: [Office.]\n", "")
		}, ErrMissingField, "working_environment"},
		{"no experience", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "experience_years: 1", "experience_years: 0")
		}, ErrMissingField, "experience_years"},
		{"bad O*NET code", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", `onet: "43-5061.00"`, `onet: "43-5061"`)
		}, ErrInvalidValue, "43-5061"},
		{"working conditions in a built-in", func(t *testing.T, f fstest.MapFS) {
			edit(t, f, "beta.yaml", "working_environment: [Office.]\n", "working_environment: [Office.]\nworking_conditions: [Office.]\n")
		}, ErrInvalidValue, "working_conditions"},
		{"no templates", func(t *testing.T, f fstest.MapFS) {
			delete(f, "lib/alpha.yaml")
			delete(f, "lib/beta.yaml")
			delete(f, "lib/focuses.yaml")
		}, ErrMissingField, "no templates"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := testLibrary()
			c.change(t, fsys)
			ts, err := load(fsys, "lib")
			if err == nil {
				t.Fatalf("load accepted the library (%d templates), want an error wrapping %v", len(ts), c.want)
			}
			if !errors.Is(err, c.want) {
				t.Errorf("error %q does not wrap %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.detail) {
				t.Errorf("error %q does not mention %q", err, c.detail)
			}
			if ts != nil {
				t.Errorf("load returned templates together with an error")
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	fsys := testLibrary()
	edit(t, fsys, "alpha.yaml", "key: do-work", "key: Do_Work")
	edit(t, fsys, "beta.yaml", "flsa: exempt", "flsa: salaried")
	edit(t, fsys, "beta.yaml", "summary: Beta leads alpha. It is the second level.", "summary: ''")
	_, err := load(fsys, "lib")
	for _, want := range []error{ErrInvalidKey, ErrInvalidValue, ErrMissingField} {
		if !errors.Is(err, want) {
			t.Errorf("error %q does not wrap %v", err, want)
		}
	}
	if n := strings.Count(err.Error(), "templates: "); n != 3 {
		t.Errorf("error reports %d problems, want 3:\n%v", n, err)
	}
}

func TestLoadMissingFolder(t *testing.T) {
	if _, err := load(fstest.MapFS{}, "lib"); !errors.Is(err, ErrDecode) {
		t.Errorf("load of a missing folder: error %v, want ErrDecode", err)
	}
}

// Variants survive loading: the summary and dimensions are worded for the
// template's typical position (beta reports to the CEO and alpha reports to
// it: top_ops, has_reports), and every variant is kept for ForPosition.
func TestLoadVariants(t *testing.T) {
	fsys := testLibrary()
	edit(t, fsys, "beta.yaml", "summary: Beta leads alpha. It is the second level.", `summary:
  - text: Beta works. It is the second level.
  - when: has_reports
    text: Beta leads alpha. It is the second level.
  - when: no_reports
    text: Beta works alone. It is the second level.`)
	edit(t, fsys, "beta.yaml", "  seniority: Manager.", "  seniority:\n    - when: top_ops\n      text: Top.\n    - when: not_top_ops\n      text: Not top.")
	edit(t, fsys, "alpha.yaml", "  - key: work-done\n", "  - key: work-done\n    for: do-work\n")
	ts, err := load(fsys, "lib")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	beta := ts[1]
	if beta.Summary != "Beta leads alpha. It is the second level." || len(beta.SummaryVariants) != 3 {
		t.Errorf("beta summary %q, variants %v", beta.Summary, beta.SummaryVariants)
	}
	if beta.Dimensions.Seniority != "Top." || len(beta.DimensionVariants["seniority"]) != 2 || beta.DimensionVariants["scope"] != nil {
		t.Errorf("beta seniority %q, variants %v", beta.Dimensions.Seniority, beta.DimensionVariants)
	}
	low := beta.ForPosition(Position{})
	if low.Summary != "Beta works alone. It is the second level." || low.Dimensions.Seniority != "Not top." {
		t.Errorf("beta for a role without reports: %q, %q", low.Summary, low.Dimensions.Seniority)
	}
	if ts[0].SummaryVariants != nil || ts[0].KPIs[0].For != "do-work" {
		t.Errorf("alpha: summary variants %v, KPI %+v", ts[0].SummaryVariants, ts[0].KPIs[0])
	}
}
