package generator

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/templates"
)

// roleTextsOf returns every sentence a role's documents print from the
// library, labelled by where it comes from.
func roleTextsOf(r *Role) map[string]string {
	out := map[string]string{"summary": r.Summary}
	add := func(kind string, items []Item) {
		for _, it := range items {
			out[kind+"."+it.Key] = it.Text
		}
	}
	add("responsibilities", r.Responsibilities)
	add("kpis", r.KPIs)
	add("qualifications", r.Qualifications)
	d := r.Dimensions
	out["dimensions.scope"] = d.Scope
	out["dimensions.seniority"] = d.Seniority
	out["dimensions.decision_authority"] = d.DecisionAuthority
	out["dimensions.strategic_focus"] = d.StrategicFocus
	out["dimensions.organisational_impact"] = d.OrganisationalImpact
	for i, s := range r.PhysicalDemands {
		out[fmt.Sprintf("physical_demands[%d]", i)] = s
	}
	for i, s := range r.WorkingEnvironment {
		out[fmt.Sprintf("working_environment[%d]", i)] = s
	}
	for i, s := range r.WorkingConditions {
		out[fmt.Sprintf("working_conditions[%d]", i)] = s
	}
	out["career_path.promotion"] = r.CareerPath.Promotion
	for _, c := range r.Competencies {
		out["competencies."+c.Key] = c.Text
		out["competencies."+c.Key+".name"] = c.Name
	}
	return out
}

// titleNames are the built-in titles and the abbreviations that stand for
// them, longest first so that "Senior Director of Operations" is matched
// before "Director of Operations".
func titleNames(t *testing.T) (names []string, abbrev map[string]string) {
	t.Helper()
	lib, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range lib {
		names = append(names, tp.Title)
	}
	names = append(names, templates.CEOTitle, templates.BoardTitle)
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	abbrev = map[string]string{
		"COO": "Chief Operating Officer",
		"VP":  "Vice President of Operations",
		"CEO": templates.CEOTitle,
	}
	return names, abbrev
}

// foreignTitles returns the built-in titles and abbreviations in text that
// are not among allowed.
func foreignTitles(text string, allowed []string, names []string, abbrev map[string]string) []string {
	// Blank out the allowed titles first, longest first.
	al := slices.Clone(allowed)
	sort.Slice(al, func(i, j int) bool { return len(al[i]) > len(al[j]) })
	for _, a := range al {
		text = strings.ReplaceAll(text, a, "#")
	}
	var found []string
	for _, n := range names {
		if strings.Contains(text, n) {
			found = append(found, n)
			text = strings.ReplaceAll(text, n, "#")
		}
	}
	for ab, full := range abbrev {
		if slices.Contains(allowed, full) {
			continue
		}
		if regexp.MustCompile(`\b` + ab + `\b`).MatchString(text) {
			found = append(found, ab)
		}
	}
	sort.Strings(found)
	return found
}

// TestNoTitleOutsideTheChain words every built-in template in every
// reporting position it can take (to the CEO, to the board, to a role of
// every higher built-in level; with and without a direct report) and
// checks that no sentence names a built-in title, or its abbreviation,
// that is not in the role's real chain (itself, its managers, the CEO or
// board above them, its direct reports).
func TestNoTitleOutsideTheChain(t *testing.T) {
	lib, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names, abbrev := titleNames(t)
	cases := 0
	for i, tp := range lib {
		managers := []string{"ceo", "board"}
		for _, higher := range lib[i+1:] {
			managers = append(managers, higher.ID)
		}
		for _, mgr := range managers {
			for _, withReport := range []bool{false, true} {
				var b strings.Builder
				b.WriteString(head + "roles:\n")
				reportsTo := mgr
				if mgr != "ceo" && mgr != "board" {
					fmt.Fprintf(&b, "  - id: boss\n    template: %s\n    reports_to: ceo\n", mgr)
					reportsTo = "boss"
				}
				fmt.Fprintf(&b, "  - id: subject\n    template: %s\n    reports_to: %s\n", tp.ID, reportsTo)
				if withReport {
					b.WriteString("  - id: report\n    template: operations-coordinator\n    title: Shift Associate\n    reports_to: subject\n")
				}
				m := parse(t, b.String())
				cases++
				for _, rl := range m.Roles {
					allowed := append([]string{rl.Title}, rl.Chain...)
					for _, id := range rl.DirectReports {
						allowed = append(allowed, role(t, m, id).Title)
					}
					texts := roleTextsOf(&rl)
					for _, where := range slices.Sorted(maps.Keys(texts)) {
						if bad := foreignTitles(texts[where], allowed, names, abbrev); len(bad) > 0 {
							t.Errorf("%s (%s) reporting to %s, report=%v: %s names %s, not in its chain %q:\n  %s",
								rl.ID, rl.Template, rl.ReportsToTitle, withReport, where, strings.Join(bad, ", "), allowed, texts[where])
						}
					}
				}
			}
		}
	}
	if cases < 9*2*2 {
		t.Fatalf("only %d configurations checked", cases)
	}
}

// TestForeignTitles checks the scanner itself: it must find a title that
// is outside the chain, and not one that is in it.
func TestForeignTitles(t *testing.T) {
	names, abbrev := titleNames(t)
	allowed := []string{"Senior Director of Operations", "Vice President of Operations", templates.CEOTitle}
	got := foreignTitles("Reports to the Senior Director of Operations and the VP; briefs the COO and the Director of Operations.", allowed, names, abbrev)
	want := []string{"COO", "Director of Operations"}
	if !slices.Equal(got, want) {
		t.Errorf("foreignTitles = %q, want %q", got, want)
	}
	if got := foreignTitles("Works with the Vice President of Operations.", allowed, names, abbrev); len(got) != 0 {
		t.Errorf("allowed title reported: %q", got)
	}
}
