package generator

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/locale"
	"github.com/jdgen/jdgen/templates"
)

// allTemplatesDoc is a company in locale loc with one role of every
// built-in template, each with a direct report and a manager, and a
// director of every focus.
func allTemplatesDoc(t *testing.T, loc string) string {
	t.Helper()
	lib, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "version: 1\ncompany:\n  name: Acme\n  locale: %s\nroles:\n", loc)
	prev := "ceo"
	for i := len(lib) - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "  - {id: r%d, template: %s, reports_to: %s}\n", i, lib[i].ID, prev)
		prev = fmt.Sprintf("r%d", i)
	}
	for i, tp := range lib {
		fmt.Fprintf(&b, "  - {id: top%d, template: %s, reports_to: board}\n", i, tp.ID)
		for j, f := range tp.Focuses {
			fmt.Fprintf(&b, "  - {id: f%d-%d, template: %s, reports_to: top%d, focus: %q}\n", i, j, tp.ID, i, f.Name)
		}
	}
	return b.String()
}

// modelTexts is every built-in sentence of a model: the roles' text and
// the company's default statements.
func modelTexts(m *Model) []string {
	out := []string{m.Company.EqualOpportunity, m.Company.Accommodation, m.Company.AtWill}
	for i := range m.Roles {
		for _, s := range roleTextsOf(&m.Roles[i]) {
			out = append(out, s)
		}
		for _, it := range m.Roles[i].Responsibilities {
			out = append(out, it.Area)
		}
	}
	return out
}

// wordRE finds words, with inner apostrophes and hyphens.
var wordRE = regexp.MustCompile(`[A-Za-z]+(?:['’-][A-Za-z]+)*`)

// TestSpellingBothWays: an en-GB (and en-AU, en-CA) company's documents hold
// no American spelling from the locale table, and an en-US company's no
// British one.
func TestSpellingBothWays(t *testing.T) {
	table := locale.Table()
	if len(table) < 20 {
		t.Fatalf("spelling table has %d entries", len(table))
	}
	for _, loc := range []locale.Locale{locale.EnUS, locale.EnGB, locale.EnCA, locale.EnAU} {
		m := parse(t, allTemplatesDoc(t, string(loc)))
		words := map[string]bool{}
		for _, w := range wordRE.FindAllString(strings.Join(modelTexts(m), "\n"), -1) {
			words[strings.ToLower(w)] = true
		}
		checked := 0
		for _, e := range table {
			want := e.For(loc)
			for _, other := range []locale.Locale{locale.EnUS, locale.EnGB} {
				wrong := e.For(other)
				if strings.EqualFold(wrong, want) {
					continue
				}
				checked++
				if words[strings.ToLower(wrong)] {
					t.Errorf("%s documents spell %q (want %q)", loc, wrong, want)
				}
			}
		}
		if loc != locale.EnUS && checked == 0 {
			t.Errorf("%s: no table word differs from US", loc)
		}
	}
	// And the documents do use words the table respells: the test is not
	// vacuous.
	us := strings.Join(modelTexts(parse(t, allTemplatesDoc(t, "en-US"))), "\n")
	gb := strings.Join(modelTexts(parse(t, allTemplatesDoc(t, "en-GB"))), "\n")
	if us == gb {
		t.Fatal("en-US and en-GB documents are the same")
	}
}
