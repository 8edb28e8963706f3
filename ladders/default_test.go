package ladders

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jdgen/jdgen/internal/locale"
	"github.com/jdgen/jdgen/internal/wording"
	"github.com/jdgen/jdgen/templates"
)

// mustDefault returns the default ladder or stops the test.
func mustDefault(t *testing.T) Ladder {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatalf("Default() error: %v", err)
	}
	return l
}

func TestDefaultLevels(t *testing.T) {
	l := mustDefault(t)
	if l.Name != "Operations" {
		t.Errorf("Name = %q, want %q", l.Name, "Operations")
	}
	want := []struct {
		code, title string
		band        Band
	}{
		{"OPS-1", "Operations Coordinator", BandIndividual},
		{"OPS-2", "Operations Analyst", BandIndividual},
		{"OPS-3", "Operations Supervisor", BandManagement},
		{"OPS-4", "Operations Manager", BandManagement},
		{"OPS-5", "Senior Operations Manager", BandManagement},
		{"OPS-6", "Director of Operations", BandManagement},
		{"OPS-7", "Senior Director of Operations", BandManagement},
		{"OPS-8", "Vice President of Operations", BandExecutive},
		{"OPS-9", "Chief Operating Officer", BandExecutive},
	}
	if len(l.Levels) != len(want) {
		t.Fatalf("got %d levels %v, want %d", len(l.Levels), l.Codes(), len(want))
	}
	for i, w := range want {
		got := l.Levels[i]
		if got.Code != w.code || got.Title != w.title || got.Band != w.band {
			t.Errorf("levels[%d] = %s %q %s, want %s %q %s",
				i, got.Code, got.Title, got.Band, w.code, w.title, w.band)
		}
	}
}

func TestDefaultLevelTextsFilled(t *testing.T) {
	l := mustDefault(t)
	for i, lv := range l.Levels {
		for name, v := range map[string]string{
			"scope":              lv.Scope,
			"decision_authority": lv.DecisionAuthority,
			"typical_experience": lv.TypicalExperience,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", lv.Code, name)
			}
		}
		top := i == len(l.Levels)-1
		if !top && strings.TrimSpace(lv.NextLevel) == "" {
			t.Errorf("%s: next_level is empty below the top level", lv.Code)
		}
		if top && lv.NextLevel != "" {
			t.Errorf("%s: next_level = %q, want empty at the top level", lv.Code, lv.NextLevel)
		}
	}
}

// TestDefaultSeedLevels checks the four levels described by the domain facts
// against their scope and decision authority.
func TestDefaultSeedLevels(t *testing.T) {
	l := mustDefault(t)
	cases := []struct {
		code      string
		scope     []string
		authority []string
	}{
		{"OPS-4", []string{"one department"}, []string{"tactical", "strategy set by"}},
		{"OPS-6", []string{"one specialized area"}, []string{"within the area", "carrying out the strategy set by the {manager}"}},
		{"OPS-8", []string{"all operations", "across every function"}, []string{"across functions", "sets the operating plans"}},
		{"OPS-9", []string{"entire company", "all business units"}, []string{"highest decision authority after the {manager}"}},
	}
	for _, c := range cases {
		lv, ok := l.Level(c.code)
		if !ok {
			t.Errorf("level %s missing", c.code)
			continue
		}
		for _, s := range c.scope {
			if !strings.Contains(strings.ToLower(lv.Scope), s) {
				t.Errorf("%s scope %q does not mention %q", c.code, lv.Scope, s)
			}
		}
		for _, s := range c.authority {
			if !strings.Contains(strings.ToLower(lv.DecisionAuthority), s) {
				t.Errorf("%s decision_authority %q does not mention %q", c.code, lv.DecisionAuthority, s)
			}
		}
	}
}

func TestBelowAbove(t *testing.T) {
	l := mustDefault(t)
	if lv, ok := l.Below("OPS-1"); ok {
		t.Errorf("Below(OPS-1) = %s, want none", lv.Code)
	}
	if lv, ok := l.Above("OPS-9"); ok {
		t.Errorf("Above(OPS-9) = %s, want none", lv.Code)
	}
	for _, code := range []string{"", "OPS-10", "ops-4"} {
		if _, ok := l.Below(code); ok {
			t.Errorf("Below(%q) found a level, want none", code)
		}
		if _, ok := l.Above(code); ok {
			t.Errorf("Above(%q) found a level, want none", code)
		}
	}
	cases := []struct{ code, below, above string }{
		{"OPS-1", "", "OPS-2"},
		{"OPS-2", "OPS-1", "OPS-3"},
		{"OPS-4", "OPS-3", "OPS-5"},
		{"OPS-8", "OPS-7", "OPS-9"},
		{"OPS-9", "OPS-8", ""},
	}
	for _, c := range cases {
		b, okB := l.Below(c.code)
		if okB != (c.below != "") || b.Code != c.below {
			t.Errorf("Below(%s) = %q, %v; want %q", c.code, b.Code, okB, c.below)
		}
		a, okA := l.Above(c.code)
		if okA != (c.above != "") || a.Code != c.above {
			t.Errorf("Above(%s) = %q, %v; want %q", c.code, a.Code, okA, c.above)
		}
	}
}

func TestCompetencyMatrix(t *testing.T) {
	l := mustDefault(t)
	want := []struct{ key, name string }{
		{"strategic-planning", "Strategic planning"},
		{"process-optimisation", "Process optimization"},
		{"resource-management", "Resource management"},
		{"quality-control", "Quality control"},
		{"financial-management", "Financial management"},
		{"leadership-and-talent", "Leadership and talent"},
		{"collaboration-and-communication", "Cross-functional collaboration and communication"},
		{"risk-and-continuity", "Risk and business continuity"},
		{"stakeholder-and-vendor-relationships", "Stakeholder and vendor relationships"},
		{"data-analysis-and-kpis", "Data analysis and KPIs"},
	}
	if len(l.Competencies) < 8 {
		t.Fatalf("got %d competencies, want at least 8", len(l.Competencies))
	}
	if len(l.Competencies) != len(want) {
		t.Fatalf("got %d competencies, want %d", len(l.Competencies), len(want))
	}
	codes := l.Codes()
	seen := map[string]string{}
	for i, c := range l.Competencies {
		if c.Key != want[i].key || c.Name != want[i].name {
			t.Errorf("competencies[%d] = %s %q, want %s %q", i, c.Key, c.Name, want[i].key, want[i].name)
		}
		if strings.TrimSpace(c.Description) == "" {
			t.Errorf("%s: description is empty", c.Key)
		}
		if len(c.Levels) != len(codes) {
			t.Errorf("%s: %d cells, want %d", c.Key, len(c.Levels), len(codes))
		}
		for j, code := range codes {
			cell := c.Levels[code]
			if strings.TrimSpace(cell) == "" {
				t.Errorf("%s/%s: cell is empty", c.Key, code)
				continue
			}
			if n := utf8.RuneCountInString(cell); n > 220 {
				t.Errorf("%s/%s: cell is %d characters, want at most 220", c.Key, code, n)
			}
			if !strings.HasSuffix(cell, ".") {
				t.Errorf("%s/%s: cell %q does not end with a full stop", c.Key, code, cell)
			}
			if j > 0 && cell == c.Levels[codes[j-1]] {
				t.Errorf("%s/%s: cell repeats the level below: %q", c.Key, code, cell)
			}
			if prev, dup := seen[cell]; dup {
				t.Errorf("%s/%s: cell also used at %s", c.Key, code, prev)
			}
			seen[cell] = c.Key + "/" + code
		}
	}
}

// TestPromotionPath checks that the route from Operations Manager upward
// named by the domain facts is written into the promotion texts (broader
// efficiency, leadership, strategic thinking, decision-making, communication
// and the whole organization's goals) without naming a title: a role's career
// path shows only the steps its company has, so "toward Chief Operating
// Officer" would be false where there is no COO.
func TestPromotionPath(t *testing.T) {
	l := mustDefault(t)
	mgr, ok := l.Level("OPS-4")
	if !ok {
		t.Fatal("OPS-4 missing")
	}
	first := strings.ToLower(mgr.NextLevel)
	for _, s := range []string{"efficiency", "leadership", "strategic thinking", "decision", "communicat", "whole organization"} {
		if !strings.Contains(first, s) {
			t.Errorf("OPS-4 next_level does not mention %q: %q", s, mgr.NextLevel)
		}
	}
	if top, _ := l.Level("OPS-8"); !strings.Contains(top.NextLevel, "whole organization") {
		t.Errorf("OPS-8 next_level does not mention the whole organization: %q", top.NextLevel)
	}
	for _, lv := range l.Levels {
		for _, other := range l.Levels {
			if strings.Contains(lv.NextLevel, other.Title) {
				t.Errorf("%s next_level names the title %q: %q", lv.Code, other.Title, lv.NextLevel)
			}
		}
		// Promotion sentences are short.
		for _, s := range locale.Sentences(lv.NextLevel) {
			if n := len(locale.Words(s)); n > 20 {
				t.Errorf("%s next_level: sentence of %d words (max 20): %q", lv.Code, n, s)
			}
		}
	}
}

// fixedTitle finds a superior's, peer's or report's title written into
// ladder text instead of a placeholder (as in the templates' test).
var fixedTitle = regexp.MustCompile(`\b(?:Chief (?:Operating|Executive|Financial) Officer|COO|CEO|CFO|[Vv]ice [Pp]residents?|VPs?|[Pp]resident|Senior Directors?|[Dd]irectors?|Senior Operations Managers?|Operations (?:Managers?|Supervisors?|Analysts?|Coordinators?)|[Bb]oard|the (?:supervisor|manager|director|owner)s?)\b`)

// The ladder's text (level titles aside: they name the ladder's own levels)
// names no fixed superior, uses only known placeholders, keeps sentences to
// 35 words and is US English in every locale's table sense.
func TestLadderText(t *testing.T) {
	l := mustDefault(t)
	foreign := map[string]string{}
	for _, e := range locale.Table() {
		for _, loc := range locale.All[1:] {
			if f := e.For(loc); f != e.US {
				foreign[f] = string(loc)
			}
		}
	}
	usForm := map[locale.Locale]map[string]bool{}
	for _, loc := range locale.All[1:] {
		usForm[loc] = map[string]bool{}
		for _, e := range locale.Table() {
			if e.For(loc) != e.US {
				usForm[loc][e.US] = true
			}
		}
	}
	respelled := 0
	word := regexp.MustCompile(`\pL+`)
	brace := regexp.MustCompile(`\{[^{}]*\}|[{}]`)
	n := 0
	eachText(l, func(where, text string) {
		for _, skip := range []string{" title", " code", " key", " band"} {
			if strings.HasSuffix(where, skip) {
				return
			}
		}
		n++
		if m := fixedTitle.FindString(text); m != "" {
			t.Errorf("%s names %q; use a placeholder: %q", where, m, text)
		}
		if strings.HasPrefix(where, "competency ") && brace.MatchString(text) {
			t.Errorf("%s: competency cells describe the level for every role at it and take no placeholder: %q", where, text)
		}
		for _, b := range brace.FindAllString(text, -1) {
			if !slices.Contains(templates.Placeholders, b) || b == templates.PhExperience {
				t.Errorf("%s: %q is not a placeholder the resolver fills: %q", where, b, text)
			}
		}
		for _, s := range locale.Sentences(text) {
			if k := len(locale.Words(s)); k > 35 {
				t.Errorf("%s: sentence of %d words: %q", where, k, s)
			}
		}
		for _, w := range word.FindAllString(text, -1) {
			if loc, ok := foreign[strings.ToLower(w)]; ok {
				t.Errorf("%s: non-US spelling %q (%s) in US text: %q", where, w, loc, text)
			}
		}
		// And the other way: no US form that a locale changes survives its
		// spelling.
		for _, loc := range locale.All[1:] {
			spelled := locale.Spell(loc, text)
			if spelled != text {
				respelled++
			}
			for _, w := range word.FindAllString(spelled, -1) {
				if usForm[loc][strings.ToLower(w)] {
					t.Errorf("%s: %s text keeps the US spelling %q: %q", where, loc, w, spelled)
				}
			}
		}
	})
	if respelled < 10 {
		t.Errorf("only %d ladder texts change spelling outside the US; the check is not exercised", respelled)
	}
	if n < 100 {
		t.Errorf("checked only %d strings", n)
	}
}

// Required experience comes from the templates: each level's figure is the
// experience_years of the built-in template at that level, and the typical
// experience text starts with it.
func TestExperienceFromTemplates(t *testing.T) {
	l := mustDefault(t)
	ts, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range ts {
		lv, ok := l.Level(tmpl.Level)
		if !ok {
			t.Errorf("no level %s for %s", tmpl.Level, tmpl.ID)
			continue
		}
		if lv.ExperienceYears != tmpl.ExperienceYears {
			t.Errorf("%s: ExperienceYears %d, template %s says %d", lv.Code, lv.ExperienceYears, tmpl.ID, tmpl.ExperienceYears)
		}
		if want := templates.ExperienceText(tmpl.ExperienceYears); !strings.HasPrefix(lv.TypicalExperience, want) {
			t.Errorf("%s: typical experience %q does not start with %q", lv.Code, lv.TypicalExperience, want)
		}
	}
	// A level with {experience} but no template is refused.
	broken := Ladder{Name: "X", Levels: []Level{{Code: "X-1", TypicalExperience: "{experience} somewhere"}}}
	if err := broken.fillExperience(); !errors.Is(err, ErrEmptyField) {
		t.Errorf("fillExperience of a level without a template: %v, want ErrEmptyField", err)
	}
}

// eachText calls fn with a label and every string in the ladder.
func eachText(l Ladder, fn func(where, text string)) {
	fn("name", l.Name)
	for _, lv := range l.Levels {
		fn(lv.Code+" code", lv.Code)
		fn(lv.Code+" title", lv.Title)
		fn(lv.Code+" band", string(lv.Band))
		fn(lv.Code+" band title", lv.Band.Title())
		fn(lv.Code+" scope", lv.Scope)
		fn(lv.Code+" decision_authority", lv.DecisionAuthority)
		fn(lv.Code+" typical_experience", lv.TypicalExperience)
		fn(lv.Code+" next_level", lv.NextLevel)
	}
	for _, c := range l.Competencies {
		fn("competency "+c.Key+" key", c.Key)
		fn("competency "+c.Key+" name", c.Name)
		fn("competency "+c.Key+" description", c.Description)
		for code, cell := range c.Levels {
			fn("competency "+c.Key+" at "+code, cell)
		}
	}
}

func TestInclusiveWording(t *testing.T) {
	l := mustDefault(t)
	n := 0
	eachText(l, func(where, text string) {
		n++
		if words := wording.Find(text); len(words) > 0 {
			t.Errorf("%s uses %q: %q", where, words, text)
		}
	})
	if n < 100 {
		t.Errorf("scanned only %d strings, want every string of the ladder", n)
	}
}

// TestPlainText keeps the texts printable by the PDF and workbook renderers:
// ASCII plus the en dash and curly quotes, no control characters, no stray
// spaces, no doubled spaces.
func TestPlainText(t *testing.T) {
	l := mustDefault(t)
	eachText(l, func(where, text string) {
		for _, r := range text {
			switch {
			case r >= 0x20 && r < 0x7f:
			case r == '\u2013', r == '\u2018', r == '\u2019', r == '\u201c', r == '\u201d':
			default:
				t.Errorf("%s has character %U: %q", where, r, text)
			}
		}
		if text != strings.TrimSpace(text) || strings.Contains(text, "  ") {
			t.Errorf("%s has stray spaces: %q", where, text)
		}
	})
}

func TestDefaultReturnsCopies(t *testing.T) {
	first := mustDefault(t)
	pristine := mustDefault(t)

	first.Name = "Changed"
	first.Levels[0].Title = "Changed"
	first.Levels = append(first.Levels[:1], first.Levels[2:]...)
	first.Competencies[0].Name = "Changed"
	first.Competencies[0].Levels["OPS-1"] = "Changed"
	delete(first.Competencies[1].Levels, "OPS-2")
	first.Competencies = first.Competencies[:1]

	second := mustDefault(t)
	if !reflect.DeepEqual(second, pristine) {
		t.Fatal("changing one result of Default() changed a later result")
	}
	if second.Levels[0].Title != "Operations Coordinator" || second.Competencies[0].Levels["OPS-1"] == "Changed" {
		t.Fatal("Default() shares data between calls")
	}
}
