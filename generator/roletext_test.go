package generator

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/templates"
)

func TestChainInTheModel(t *testing.T) {
	m := parse(t, head+`roles:
  - {id: vp, template: vp-of-operations, reports_to: ceo}
  - {id: sd, template: senior-director-of-operations, reports_to: vp}
  - {id: d, template: director-of-operations, reports_to: sd, title: "Director of Operations, Logistics"}
  - {id: chair, template: chief-operating-officer, reports_to: board}
`)
	vp, d, chair := role(t, m, "vp"), role(t, m, "d"), role(t, m, "chair")
	if !vp.IsTopOps || vp.TopOpsTitle != vp.Title || vp.ExecutiveTitle != templates.CEOTitle {
		t.Errorf("vp: top ops %v %q, executive %q", vp.IsTopOps, vp.TopOpsTitle, vp.ExecutiveTitle)
	}
	if d.IsTopOps || d.TopOpsTitle != "Vice President of Operations" || d.ReportsToTitle != "Senior Director of Operations" {
		t.Errorf("director: top ops %v %q, manager %q", d.IsTopOps, d.TopOpsTitle, d.ReportsToTitle)
	}
	if want := []string{"Senior Director of Operations", "Vice President of Operations", templates.CEOTitle}; !slices.Equal(d.Chain, want) {
		t.Errorf("director chain = %q, want %q", d.Chain, want)
	}
	if chair.ExecutiveTitle != templates.BoardTitle {
		t.Errorf("board-reporting COO: executive %q", chair.ExecutiveTitle)
	}
	// The career path has only levels this company has: the director
	// moves up to senior director (OPS-7); the VP, at the top, has no
	// step above; below the VP is OPS-7, the next level held.
	if a := d.CareerPath.Above; a == nil || a.Code != "OPS-7" {
		t.Errorf("director's level above = %+v, want OPS-7", a)
	}
	if vp.CareerPath.Above != nil || vp.CareerPath.Promotion != "" {
		t.Errorf("top ops VP has a step above: %+v", vp.CareerPath)
	}
	if b := vp.CareerPath.Below; b == nil || b.Code != "OPS-7" {
		t.Errorf("VP's level below = %+v, want OPS-7", b)
	}
	if b := d.CareerPath.Below; b != nil {
		t.Errorf("director's level below = %+v, want none (no lower role in this company)", b)
	}
}

// TestOwnTitleEverywhere: a role with its own title is named by it, never
// by the template's title.
func TestOwnTitleEverywhere(t *testing.T) {
	lib, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range lib {
		m := parse(t, head+fmt.Sprintf("roles:\n  - {id: x, template: %s, reports_to: ceo, title: Zephyr Lead}\n", tp.ID))
		r := role(t, m, "x")
		for where, text := range roleTextsOf(r) {
			if strings.HasPrefix(where, "competencies.") || where == "career_path.promotion" {
				continue // ladder text about the level, not the role
			}
			if strings.Contains(text, tp.Title) {
				t.Errorf("%s: %s names the template title %q: %s", tp.ID, where, tp.Title, text)
			}
		}
		if !strings.Contains(r.Summary, "Zephyr Lead") {
			t.Errorf("%s: summary does not use the role's title: %s", tp.ID, r.Summary)
		}
	}
}

// TestConfigTextIsLiteral: placeholders and spellings in text the user
// wrote are printed as written.
func TestConfigTextIsLiteral(t *testing.T) {
	m := parse(t, "version: 1\ncompany:\n  name: Acme\n  locale: en-GB\n"+`roles:
  - id: mgr
    template: operations-manager
    reports_to: ceo
    title: "Optimization Manager {title}"
    summary: "Works with the {manager} on optimization and color coding."
    responsibilities:
      add: ["Reports to the {top_ops} on labor."]
`)
	r := role(t, m, "mgr")
	if r.Summary != "Works with the {manager} on optimization and color coding." {
		t.Errorf("config summary changed: %q", r.Summary)
	}
	if r.Title != "Optimization Manager {title}" {
		t.Errorf("title changed: %q", r.Title)
	}
	last := r.Responsibilities[len(r.Responsibilities)-1]
	if last.Text != "Reports to the {top_ops} on labor." {
		t.Errorf("added responsibility changed: %q", last.Text)
	}
	// Built-in text naming the role uses the title as written, braces
	// and all, and is not expanded again.
	for where, text := range roleTextsOf(r) {
		if strings.Contains(text, "{") && !strings.Contains(text, "{title}") && !strings.Contains(text, "{manager}") && !strings.Contains(text, "{top_ops}") {
			t.Errorf("%s: an unexpanded placeholder: %s", where, text)
		}
	}
}

// TestNoPlaceholderLeft: every built-in template, worded for every
// position, leaves no placeholder behind.
func TestNoPlaceholderLeft(t *testing.T) {
	lib, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range lib {
		for _, mgr := range []string{"ceo", "boss"} {
			doc := head + "roles:\n  - {id: boss, template: chief-operating-officer, reports_to: board}\n" +
				fmt.Sprintf("  - {id: x, template: %s, reports_to: %s}\n  - {id: y, template: operations-coordinator, reports_to: x}\n", tp.ID, mgr)
			r := role(t, parse(t, doc), "x")
			for where, text := range roleTextsOf(r) {
				if strings.ContainsAny(text, "{}") {
					t.Errorf("%s under %s: %s has a placeholder: %s", tp.ID, mgr, where, text)
				}
			}
		}
	}
}

// TestTiedItemsGoWithTheirResponsibility removes, for every built-in
// template, each responsibility that KPIs or qualifications are tied to,
// and checks the tied items go while the others stay.
func TestTiedItemsGoWithTheirResponsibility(t *testing.T) {
	lib, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ties := 0
	for _, tp := range lib {
		base := role(t, parse(t, head+fmt.Sprintf("roles:\n  - {id: x, template: %s, reports_to: ceo}\n", tp.ID)), "x")
		for _, resp := range base.Responsibilities {
			var tied []string
			for _, it := range append(slices.Clone(base.KPIs), base.Qualifications...) {
				if it.For == resp.Key {
					tied = append(tied, it.Key)
				}
			}
			if len(tied) == 0 {
				continue
			}
			ties++
			r := role(t, parse(t, head+fmt.Sprintf("roles:\n  - {id: x, template: %s, reports_to: ceo, responsibilities: {remove: [%s]}}\n", tp.ID, resp.Key)), "x")
			left := append(keys(r.KPIs), keys(r.Qualifications)...)
			for _, k := range tied {
				if slices.Contains(left, k) {
					t.Errorf("%s: removing %s kept the item %s tied to it", tp.ID, resp.Key, k)
				}
			}
			if got, want := len(r.KPIs)+len(r.Qualifications), len(base.KPIs)+len(base.Qualifications)-len(tied); got != want {
				t.Errorf("%s: removing %s left %d KPIs and qualifications, want %d", tp.ID, resp.Key, got, want)
			}
		}
	}
	if ties == 0 {
		t.Fatal("no built-in KPI or qualification is tied to a responsibility")
	}
}

func TestConfigTieToMissingResponsibility(t *testing.T) {
	ps := problemsOf(t, head+`roles:
  - id: x
    template: operations-manager
    reports_to: ceo
    kpis:
      add:
        - {text: Dock-to-stock time under 4 hours., for: dock-to-stock}
`)
	if len(ps) != 1 || ps[0].Path != "roles[0].kpis.add[0].for" || !strings.Contains(ps[0].Message, `responsibility "dock-to-stock" is not in this role`) {
		t.Errorf("problems = %v", ps)
	}
	// Tied to a responsibility the config adds: fine, and the item stays.
	m := parse(t, head+`roles:
  - id: x
    template: operations-manager
    reports_to: ceo
    responsibilities:
      add: [{key: dock-to-stock, text: Runs the dock-to-stock review.}]
    kpis:
      add: [{text: Dock-to-stock time under 4 hours., for: dock-to-stock}]
`)
	r := role(t, m, "x")
	if k := r.KPIs[len(r.KPIs)-1]; k.For != "dock-to-stock" {
		t.Errorf("added KPI = %+v", k)
	}
}

// TestLevelOverrideBringsTheLevel: a manager moved to OPS-5 gets that
// level's dimensions and competencies, not the template's.
func TestLevelOverrideBringsTheLevel(t *testing.T) {
	m := parse(t, head+`roles:
  - {id: top, template: vp-of-operations, reports_to: ceo}
  - {id: plain, template: operations-manager, reports_to: top}
  - {id: moved, template: operations-manager, reports_to: top, level: OPS-5}
  - {id: som, template: senior-operations-manager, reports_to: top}
`)
	plain, moved, som := role(t, m, "plain"), role(t, m, "moved"), role(t, m, "som")
	if moved.Dimensions.Scope != som.Dimensions.Scope || moved.Dimensions.DecisionAuthority != som.Dimensions.DecisionAuthority {
		t.Errorf("OPS-5 manager scope/authority = %q / %q, want the OPS-5 template's %q / %q",
			moved.Dimensions.Scope, moved.Dimensions.DecisionAuthority, som.Dimensions.Scope, som.Dimensions.DecisionAuthority)
	}
	if moved.Dimensions.Scope == plain.Dimensions.Scope {
		t.Errorf("OPS-5 manager kept the OPS-4 scope %q", plain.Dimensions.Scope)
	}
	if len(moved.Competencies) == 0 || moved.Competencies[0].Text != som.Competencies[0].Text {
		t.Errorf("OPS-5 manager competencies are not the OPS-5 ones")
	}
	if moved.ExperienceYears != som.ExperienceYears {
		t.Errorf("OPS-5 manager experience %d, want OPS-5's %d", moved.ExperienceYears, som.ExperienceYears)
	}
}

// TestFocusReplacesGenericItems: a director's focus drops the generic
// items it names in removes, in every list.
func TestFocusReplacesGenericItems(t *testing.T) {
	base, ok := templates.Lookup("director-of-operations")
	if !ok {
		t.Fatal("no director template")
	}
	checked := 0
	for _, f := range base.Focuses {
		if len(f.Removes) == 0 {
			continue
		}
		r := role(t, parse(t, head+fmt.Sprintf("roles:\n  - {id: d, template: director-of-operations, reports_to: ceo, focus: %q}\n", f.Name)), "d")
		all := append(append(keys(r.Responsibilities), keys(r.KPIs)...), keys(r.Qualifications)...)
		for _, k := range f.Removes {
			if slices.Contains(all, k) {
				t.Errorf("focus %s keeps %s, which it removes", f.Key, k)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no focus removes anything")
	}
}

func TestLocale(t *testing.T) {
	cfg := func(loc, extra string) string {
		return "version: 1\ncompany:\n  name: Acme\n" + loc + "roles:\n  - {id: m, template: operations-manager, reports_to: ceo}\n" + extra
	}
	date := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	resolveWith := func(doc string, s Settings) *Model {
		c, err := Parse([]byte(doc), "company.yaml", t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		s.Date = date
		m, err := Resolve(c, s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	us := resolveWith(cfg("", ""), Settings{})
	if us.Company.Locale != "en-US" || us.Settings.Paper != "letter" || us.Settings.DateText != "December 1, 2026" {
		t.Errorf("default: locale %q, paper %q, date %q", us.Company.Locale, us.Settings.Paper, us.Settings.DateText)
	}
	gb := resolveWith(cfg("  locale: en-GB\n", ""), Settings{})
	if gb.Company.Locale != "en-GB" || gb.Settings.Paper != "a4" || gb.Settings.DateText != "1 December 2026" || gb.Company.Country != "GB" {
		t.Errorf("en-GB: locale %q, paper %q, date %q, country %q", gb.Company.Locale, gb.Settings.Paper, gb.Settings.DateText, gb.Company.Country)
	}
	if !strings.Contains(gb.Company.EqualOpportunity, "Equality Act 2010") || strings.Contains(us.Company.EqualOpportunity, "Equality Act") {
		t.Errorf("equal opportunity statements: US %q / GB %q", us.Company.EqualOpportunity, gb.Company.EqualOpportunity)
	}
	if !strings.Contains(us.Company.EqualOpportunity, "pregnancy") || !strings.Contains(us.Company.EqualOpportunity, "genetic information") {
		t.Errorf("US statement misses federal classes: %q", us.Company.EqualOpportunity)
	}
	if p := resolveWith(cfg("  locale: en-GB\n", ""), Settings{Paper: "letter"}).Settings.Paper; p != "letter" {
		t.Errorf("an explicit paper lost to the locale: %q", p)
	}
	if ca := resolveWith(cfg("  locale: en-CA\n", ""), Settings{}); ca.Settings.Paper != "letter" || ca.Roles[0].FLSA != "" {
		t.Errorf("en-CA: paper %q, FLSA %q", ca.Settings.Paper, ca.Roles[0].FLSA)
	}
	ps := problemsOf(t, cfg("  locale: fr-FR\n", ""))
	if len(ps) != 1 || ps[0].Path != "company.locale" || !strings.Contains(ps[0].Message, "en-US, en-GB, en-CA, en-AU") {
		t.Errorf("unknown locale: %v", ps)
	}
}

func TestAtWillAndAccommodation(t *testing.T) {
	m := parse(t, "version: 1\ncompany:\n  name: Acme\n  at_will: true\n  accommodation_contact: hr@acme.example\nroles:\n  - {id: m, template: operations-manager, reports_to: ceo}\n")
	if !strings.Contains(m.Company.AtWill, "at will") {
		t.Errorf("at-will statement = %q", m.Company.AtWill)
	}
	// The contact is said once: in the equal-opportunity statement, which
	// every document prints beside the accommodation note.
	if strings.Contains(m.Company.Accommodation, "hr@acme.example") || strings.Count(m.Company.EqualOpportunity, "hr@acme.example") != 1 {
		t.Errorf("accommodation contact not said exactly once: %q / %q", m.Company.Accommodation, m.Company.EqualOpportunity)
	}
	// A company's own statement that does not say how to ask: the note does.
	own := parse(t, "version: 1\ncompany:\n  name: Acme\n  equal_opportunity: Acme hires on merit alone.\n  accommodation_contact: hr@acme.example\nroles:\n  - {id: m, template: operations-manager, reports_to: ceo}\n")
	if !strings.Contains(own.Company.Accommodation, "hr@acme.example") {
		t.Errorf("with the company's own statement, the note does not say how to ask: %q", own.Company.Accommodation)
	}
	plain := parse(t, head+"roles:\n  - {id: m, template: operations-manager, reports_to: ceo}\n")
	if plain.Company.AtWill != "" || plain.Company.Accommodation == "" {
		t.Errorf("defaults: at-will %q, accommodation %q", plain.Company.AtWill, plain.Company.Accommodation)
	}
	gb := parse(t, "version: 1\ncompany:\n  name: Acme\n  locale: en-GB\n  at_will: true\nroles:\n  - {id: m, template: operations-manager, reports_to: ceo}\n")
	if gb.Company.AtWill != "" || len(gb.Warnings) == 0 || gb.Warnings[0].Path != "company.at_will" {
		t.Errorf("en-GB at_will: statement %q, warnings %v", gb.Company.AtWill, gb.Warnings)
	}
}

// TestExpanderMatchesExpand: the resolver's cached replacer fills in
// placeholders exactly as templates.Vars.Expand does.
func TestExpanderMatchesExpand(t *testing.T) {
	r := &resolver{}
	v := templates.Vars{Title: "Depot Manager", Manager: "Logistics Director", TopOps: "COO", Executive: templates.BoardTitle, ExperienceYears: 7}
	s := "The {title} reports to the {manager}, then the {top_ops} and the {executive}; {experience} in operations. {unknown}"
	if got, want := r.word(s, v), v.Expand(s); got != want {
		t.Errorf("word = %q, Expand = %q", got, want)
	}
}

func TestCustomTemplateTieToMissingResponsibility(t *testing.T) {
	ps := problemsOf(t, head+`roles:
  - {id: x, template: yard-manager, reports_to: ceo}
templates:
  - id: yard-manager
    extends: operations-manager
    responsibilities:
      add: [{key: yard-moves, text: Plans the yard moves.}]
    kpis:
      add:
        - {text: Trailers found within 5 minutes., for: yard-moves}
        - {text: Gate time under 10 minutes., for: gate-checks}
`)
	if len(ps) != 1 || ps[0].Path != "templates[0].kpis.add[1].for" || !strings.Contains(ps[0].Message, `"gate-checks"`) {
		t.Errorf("problems = %v", ps)
	}
}
