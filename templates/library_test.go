package templates

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/locale"
)

// positionedTemplate is a template worded for one position, with one of its
// focuses (or none).
type positionedTemplate struct {
	Template
	pos   Position
	focus string
}

// positioned returns every built-in template worded for every position and,
// for the directors, with every focus as well: everything the resolver can
// print from the library.
func positioned(t *testing.T) []positionedTemplate {
	t.Helper()
	var out []positionedTemplate
	for _, tmpl := range mustBuiltin(t) {
		for _, p := range Positions {
			out = append(out, positionedTemplate{tmpl.ForPosition(p), p, ""})
			for _, f := range tmpl.Focuses {
				out = append(out, positionedTemplate{tmpl.WithFocus(f).ForPosition(p), p, f.Key})
			}
		}
	}
	return out
}

// name says which template, position and focus a positioned template is.
func (pt positionedTemplate) name() string {
	s := fmt.Sprintf("%s (%s)", pt.ID, pt.pos)
	if pt.focus != "" {
		s += " focus " + pt.focus
	}
	return s
}

// libraryTexts is every printable string of the library: each template with
// all its variants, and each focus. Focus names, keys and aliases are left
// out: they select a focus and are not printed as sentences.
func libraryTexts(t *testing.T) []textField {
	t.Helper()
	var out []textField
	for _, tmpl := range mustBuiltin(t) {
		c := tmpl.Clone()
		focuses := c.Focuses
		c.Focuses = nil
		for _, f := range textFields(c) {
			switch {
			case strings.HasSuffix(f.path, ".key"), strings.HasSuffix(f.path, ".when"), strings.HasSuffix(f.path, ".for"),
				f.path == "id", f.path == "level", f.path == "flsa", f.path == "reports_to", f.path == "onet", f.path == "title":
				continue
			}
			out = append(out, textField{tmpl.ID + ": " + f.path, f.text})
		}
		if tmpl.ID != "director-of-operations" {
			continue // the same focuses are attached to both directors
		}
		for _, f := range focuses {
			out = append(out, textField{"focus " + f.Key + ": summary", f.Summary})
			for _, l := range [][]Item{f.Responsibilities, f.KPIs, f.Qualifications} {
				for _, it := range l {
					out = append(out, textField{"focus " + f.Key + ": " + it.Key, it.Text}, textField{"focus " + f.Key + ": " + it.Key + ".area", it.Area})
				}
			}
		}
	}
	return out
}

func TestLibraryTextsReachEverything(t *testing.T) {
	texts := libraryTexts(t)
	joined := ""
	for _, f := range texts {
		joined += f.text + "\n"
	}
	// A sample of strings from every kind of field must be there.
	for _, want := range []string{
		"Top operations executive, reporting to the {manager}.",          // a dimension variant
		"The {title} is the company's top operations executive",          // a summary variant
		"Lifts no more than 10 lb (4.5 kg) as part of normal duties.",    // physical demands
		"Travels little or not at all.",                                  // working environment
		"Sets inventory targets by item and location across the network", // a focus item
		"This position focuses on logistics",                             // a focus summary
		"Negotiates prices, terms and service levels with suppliers",     // a focus qualification
		"Runs a weekly performance review with their direct reports",     // an item variant
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("libraryTexts misses %q", want)
		}
	}
	if slices.ContainsFunc(texts, func(f textField) bool { return f.text == "senior-director-of-operations" || f.text == "OPS-9" }) {
		t.Error("libraryTexts includes ids or level codes")
	}
}

// No built-in sentence is over 35 words.
func TestSentenceLength(t *testing.T) {
	for _, f := range libraryTexts(t) {
		for _, s := range locale.Sentences(f.text) {
			if n := len(locale.Words(s)); n > 35 {
				t.Errorf("%s: sentence of %d words (max 35): %q", f.path, n, s)
			}
		}
	}
}

// Each template's summary and responsibilities read at Flesch reading ease 40
// or more, in every position and with every focus.
func TestReadingEase(t *testing.T) {
	for _, pt := range positioned(t) {
		var b strings.Builder
		b.WriteString(pt.Summary)
		for _, it := range pt.Responsibilities {
			b.WriteString(" " + it.Text)
		}
		// Placeholders stand for titles of two to five words; "Operations
		// Manager" is a fair stand-in for the score.
		text := GenericVars("Operations Manager").Expand(b.String())
		if f := locale.FleschReadingEase(text); f < 40 {
			t.Errorf("%s: Flesch reading ease %.1f, want 40 or more", pt.name(), f)
		}
	}
}

// fixedTitle finds a title of a superior, peer or report written into the
// text instead of a placeholder. Department names (Finance, HR) and generic
// words for people ("leaders", "the team") are fine.
var fixedTitle = regexp.MustCompile(`\b(?:Chief (?:Operating|Executive|Financial) Officer|COO|CEO|CFO|[Vv]ice [Pp]residents?|VPs?|[Pp]resident|Senior Directors?|[Dd]irectors?|Senior Operations Managers?|Operations (?:Managers?|Supervisors?|Analysts?|Coordinators?)|[Bb]oard|the (?:supervisor|manager|director|owner)s?)\b`)

func TestNoFixedTitles(t *testing.T) {
	for _, f := range libraryTexts(t) {
		if m := fixedTitle.FindString(f.text); m != "" {
			t.Errorf("%s: names %q; use {manager}, {top_ops}, {executive} or {title}: %q", f.path, m, f.text)
		}
	}
	// The pattern itself catches what it must and leaves the rest.
	for s, want := range map[string]bool{
		"reports to the COO":                    true,
		"with the Vice President of Operations": true,
		"the director signs off":                true,
		"presents to the board":                 true,
		"escalating to the Operations Manager":  true,
		"with the approval of the manager":      true,
		"reports to the {manager}":              false,
		"daily management boards":               false,
		"leads the leaders who report to it":    false,
		"works with Finance and HR":             false,
		"with the executive team":               false,
	} {
		if got := fixedTitle.MatchString(s); got != want {
			t.Errorf("fixedTitle.MatchString(%q) = %v, want %v", s, got, want)
		}
	}
}

// The library is US English: no British (or Canadian or Australian) form
// from the locale table appears in it, and every other locale's spelling of
// it has none of the US forms that locale changes.
func TestSpellingBothWays(t *testing.T) {
	tab := locale.Table()
	word := regexp.MustCompile(`\pL+`)
	foreign := map[string]string{}
	for _, e := range tab {
		for _, l := range locale.All[1:] {
			if f := e.For(l); f != e.US {
				foreign[f] = string(l)
			}
		}
	}
	texts := libraryTexts(t)
	for _, f := range texts {
		for _, w := range word.FindAllString(f.text, -1) {
			if l, ok := foreign[strings.ToLower(w)]; ok {
				t.Errorf("%s: non-US spelling %q (%s) in US text: %q", f.path, w, l, f.text)
			}
		}
	}
	changed := 0
	for _, l := range locale.All[1:] {
		us := map[string]bool{}
		for _, e := range tab {
			if e.For(l) != e.US {
				us[e.US] = true
			}
		}
		for _, f := range texts {
			spelled := locale.Spell(l, f.text)
			if spelled != f.text {
				changed++
			}
			for _, w := range word.FindAllString(spelled, -1) {
				if us[strings.ToLower(w)] {
					t.Errorf("%s: %s text keeps the US spelling %q: %q", f.path, l, w, spelled)
				}
			}
		}
	}
	// The library does use words the table changes, so the test above
	// checked something.
	if changed < 20 {
		t.Errorf("only %d texts change spelling outside the US; the check is not exercised", changed)
	}
}

func TestNewFields(t *testing.T) {
	onet := map[string]string{
		"operations-coordinator": "43-5061.00", "operations-analyst": "13-1111.00", "operations-supervisor": "53-1042.00",
		"operations-manager": "11-1021.00", "senior-operations-manager": "11-1021.00", "director-of-operations": "11-1021.00",
		"senior-director-of-operations": "11-1021.00", "vp-of-operations": "11-1021.00", "chief-operating-officer": "11-1011.00",
	}
	for _, tmpl := range mustBuiltin(t) {
		if tmpl.ONET != onet[tmpl.ID] {
			t.Errorf("%s: onet %q, want %q", tmpl.ID, tmpl.ONET, onet[tmpl.ID])
		}
		if len(tmpl.PhysicalDemands) == 0 || len(tmpl.WorkingEnvironment) == 0 || tmpl.ExperienceYears < 1 {
			t.Errorf("%s: physical demands %d, working environment %d, experience %d", tmpl.ID, len(tmpl.PhysicalDemands), len(tmpl.WorkingEnvironment), tmpl.ExperienceYears)
		}
		// Lifting is measured in pounds and kilograms, and the demands name
		// standing or walking and screen work.
		all := strings.Join(tmpl.PhysicalDemands, " ")
		if !regexp.MustCompile(`\d+ lb \(\d+(?:\.\d)? kg\)`).MatchString(all) {
			t.Errorf("%s: physical demands give no lifting weight as \"N lb (N kg)\": %q", tmpl.ID, all)
		}
		if !regexp.MustCompile(`(?i)\b(stands|walks)\b`).MatchString(all) || !regexp.MustCompile(`(?i)\b(computer|screens?|keyboards?)\b`).MatchString(all) {
			t.Errorf("%s: physical demands should cover standing or walking and screen work: %q", tmpl.ID, all)
		}
	}
}

// Every for: names a responsibility the template (or focus) has, and every
// removes: key exists in a template the focus attaches to.
func TestTiesAndRemoves(t *testing.T) {
	for _, tmpl := range mustBuiltin(t) {
		resp := itemKeys(tmpl.Responsibilities)
		ties := 0
		for _, it := range append(slices.Clone(tmpl.KPIs), tmpl.Qualifications...) {
			if it.For == "" {
				continue
			}
			ties++
			if !resp[it.For] {
				t.Errorf("%s: %s is for %q, which is no responsibility of the template", tmpl.ID, it.Key, it.For)
			}
		}
		if ties < 2 {
			t.Errorf("%s: %d items tied to a responsibility, want at least 2", tmpl.ID, ties)
		}
		for _, f := range tmpl.Focuses {
			applied := tmpl.WithFocus(f)
			have := itemKeys(applied.Responsibilities)
			for _, it := range append(slices.Clone(f.KPIs), f.Qualifications...) {
				if it.For != "" && !have[it.For] {
					t.Errorf("%s focus %s: %s is for %q, which the focused template lacks", tmpl.ID, f.Key, it.Key, it.For)
				}
			}
		}
	}
	// Each removes key exists in at least one director template.
	a, b := mustLookup(t, "director-of-operations"), mustLookup(t, "senior-director-of-operations")
	keys := map[string]bool{}
	for _, tmpl := range []Template{a, b} {
		for _, l := range [][]Item{tmpl.Responsibilities, tmpl.KPIs, tmpl.Qualifications} {
			for k := range itemKeys(l) {
				keys[k] = true
			}
		}
	}
	for _, f := range a.Focuses {
		if len(f.Removes) == 0 {
			t.Errorf("focus %s removes nothing: a focus specializes, it does not only add", f.Key)
		}
		for _, k := range f.Removes {
			if !keys[k] {
				t.Errorf("focus %s removes %q, which no director template has", f.Key, k)
			}
		}
	}
}

// A Transportation director has no inventory-policy duty or inventory-turns
// KPI, and no supplier-contract duty with its skill; a procurement director
// keeps supplier delivery but gets the focus's negotiation skill instead of
// the generic one.
func TestFocusSpecializes(t *testing.T) {
	dir := mustLookup(t, "director-of-operations")
	f, ok := dir.MatchFocus("Transportation")
	if !ok {
		t.Fatal("no focus for Transportation")
	}
	got := dir.WithFocus(f).ForPosition(Position{HasReports: true})
	keys := map[string]bool{}
	for _, l := range [][]Item{got.Responsibilities, got.KPIs, got.Qualifications} {
		for k := range itemKeys(l) {
			keys[k] = true
		}
	}
	for _, gone := range []string{"inventory-optimisation", "inventory-turns", "supplier-contracts", "supplier-otd", "negotiation"} {
		if keys[gone] {
			t.Errorf("logistics director still has %q", gone)
		}
	}
	for _, kept := range []string{"logistics-carrier-management", "logistics-freight-cost", "process-optimisation", "area-budget"} {
		if !keys[kept] {
			t.Errorf("logistics director lacks %q", kept)
		}
	}
	text := strings.ToLower(got.Summary)
	for _, it := range append(slices.Clone(got.Responsibilities), got.KPIs...) {
		text += " " + strings.ToLower(it.Text)
	}
	if strings.Contains(text, "inventory") {
		t.Errorf("logistics director text mentions inventory: %q", text)
	}
	p, _ := dir.MatchFocus("procurement")
	got = dir.WithFocus(p)
	if !slices.ContainsFunc(got.Qualifications, func(it Item) bool { return it.Key == "procurement-negotiation" }) ||
		slices.ContainsFunc(got.Qualifications, func(it Item) bool { return it.Key == "negotiation" }) {
		t.Errorf("procurement director qualifications: %v", got.Qualifications)
	}
}

// The roles that can report to the CEO or board get the top operations
// executive's wording, scope and authority there, and nothing of it
// otherwise.
func TestTopOpsWording(t *testing.T) {
	for _, id := range []string{"operations-manager", "senior-operations-manager", "director-of-operations", "senior-director-of-operations", "vp-of-operations"} {
		tmpl := mustLookup(t, id)
		for _, p := range Positions {
			got := tmpl.ForPosition(p)
			checks := map[string]string{
				"summary":            got.Summary,
				"scope":              got.Dimensions.Scope,
				"seniority":          got.Dimensions.Seniority,
				"decision_authority": got.Dimensions.DecisionAuthority,
			}
			wants := map[string]string{
				"summary": "top operations executive", "scope": "All of the company's operations",
				"seniority": "Top operations executive", "decision_authority": "highest operations authority after the {executive}",
			}
			for k, s := range checks {
				if has := strings.Contains(s, wants[k]); has != p.TopOps {
					t.Errorf("%s (%s): %s contains %q = %v, want %v: %q", id, p, k, wants[k], has, p.TopOps, s)
				}
			}
			budget := slices.ContainsFunc(got.Responsibilities, func(it Item) bool {
				return strings.Contains(it.Text, "{executive}")
			})
			if budget != p.TopOps {
				t.Errorf("%s (%s): a responsibility names the {executive}: %v, want %v", id, p, budget, p.TopOps)
			}
		}
	}
}

// Every template yields a complete text for every position: no empty
// summary or dimension, no key twice, nothing left unexpanded once the
// placeholders are filled.
func TestEveryPositionComplete(t *testing.T) {
	v := Vars{Title: "Warehouse Operations Manager", Manager: "Director of Operations, Supply Chain", TopOps: "Vice President of Operations", Executive: CEOTitle, ExperienceYears: 5}
	for _, pt := range positioned(t) {
		if pt.SummaryVariants != nil || pt.DimensionVariants != nil {
			t.Errorf("%s: ForPosition left variants", pt.name())
		}
		for _, l := range [][]Item{pt.Responsibilities, pt.KPIs, pt.Qualifications} {
			seen := map[string]bool{}
			for _, it := range l {
				if seen[it.Key] {
					t.Errorf("%s: key %q twice", pt.name(), it.Key)
				}
				seen[it.Key] = true
			}
		}
		for _, f := range textFields(pt.Template) {
			if strings.Contains(f.path, "aliases") {
				continue
			}
			if s := v.Expand(f.text); strings.ContainsAny(s, "{}") {
				t.Errorf("%s: %s keeps a brace after expansion: %q", pt.name(), f.path, s)
			}
		}
		if strings.TrimSpace(pt.Summary) == "" {
			t.Errorf("%s: empty summary", pt.name())
		}
	}
}

// {top_ops} names the top operations executive above the role; a role that
// is itself the top operations executive never gets a sentence with it (it
// would speak of itself as someone else).
func TestTopOpsPlaceholderOnlyBelowTheTop(t *testing.T) {
	used := 0
	for _, pt := range positioned(t) {
		for _, f := range textFields(pt.Template) {
			if !strings.Contains(f.text, PhTopOps) {
				continue
			}
			used++
			if pt.pos.TopOps {
				t.Errorf("%s: %s uses {top_ops} although the role is the top operations executive: %q", pt.name(), f.path, f.text)
			}
		}
	}
	if used == 0 {
		t.Error("no built-in text uses {top_ops}; the check is not exercised")
	}
}
