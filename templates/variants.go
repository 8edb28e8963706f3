package templates

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Pick returns the wording of vs for the position p: the first variant whose
// condition holds, trying conditioned variants in order before the fallback
// (the variant without a condition), wherever the fallback is written. It
// reports false when no variant applies.
func Pick(vs []Variant, p Position) (string, bool) {
	if i := pickIndex(len(vs), func(i int) Cond { return vs[i].When }, p); i >= 0 {
		return vs[i].Text, true
	}
	return "", false
}

// pickIndex applies the variant rule to n variants whose conditions cond
// returns: the first conditioned variant that holds, else the first
// unconditioned one, else -1.
func pickIndex(n int, cond func(int) Cond, p Position) int {
	fallback := -1
	for i := range n {
		c := cond(i)
		if c == Always {
			if fallback < 0 {
				fallback = i
			}
			continue
		}
		if c.Holds(p) {
			return i
		}
	}
	return fallback
}

// SelectItems returns the items that apply to the position p. Items sharing
// a key are variants of one item: the variant chosen by the rule of Pick
// stays, in its own place in the list, and the others go; a key none of whose
// variants holds is left out. The result is a new slice; items is unchanged.
func SelectItems(items []Item, p Position) []Item {
	groups := map[string][]int{}
	var order []string
	for i, it := range items {
		if _, ok := groups[it.Key]; !ok {
			order = append(order, it.Key)
		}
		groups[it.Key] = append(groups[it.Key], i)
	}
	keep := make([]bool, len(items))
	for _, k := range order {
		idx := groups[k]
		if j := pickIndex(len(idx), func(n int) Cond { return items[idx[n]].When }, p); j >= 0 {
			keep[idx[j]] = true
		}
	}
	out := make([]Item, 0, len(items))
	for i, it := range items {
		if keep[i] {
			out = append(out, it)
		}
	}
	return out
}

// DropOrphans splits items (KPIs or qualifications) into those whose For is
// empty or names a key present in responsibilities, and those tied to a
// responsibility that is not there. Both results are new slices in the
// order of items.
func DropOrphans(items, responsibilities []Item) (kept, dropped []Item) {
	have := itemKeys(responsibilities)
	kept = make([]Item, 0, len(items))
	for _, it := range items {
		if it.For != "" && !have[it.For] {
			dropped = append(dropped, it)
			continue
		}
		kept = append(kept, it)
	}
	return kept, dropped
}

// RemoveKeys returns items without every item (every variant) whose key is
// in keys. The result is a new slice.
func RemoveKeys(items []Item, keys []string) []Item {
	out := make([]Item, 0, len(items))
	for _, it := range items {
		if !slices.Contains(keys, it.Key) {
			out = append(out, it)
		}
	}
	return out
}

// WithFocus returns a copy of t specialised by the focus f: every item whose
// key f.Removes names goes from all three lists, f's items are appended, KPIs
// and qualifications tied to a removed responsibility go too, and f's summary
// sentence is appended to the summary and to every summary variant. t is
// unchanged.
func (t Template) WithFocus(f Focus) Template {
	c := t.Clone()
	c.Responsibilities = append(RemoveKeys(c.Responsibilities, f.Removes), f.Responsibilities...)
	c.KPIs = append(RemoveKeys(c.KPIs, f.Removes), f.KPIs...)
	c.Qualifications = append(RemoveKeys(c.Qualifications, f.Removes), f.Qualifications...)
	c.KPIs, _ = DropOrphans(c.KPIs, c.Responsibilities)
	c.Qualifications, _ = DropOrphans(c.Qualifications, c.Responsibilities)
	if s := strings.TrimSpace(f.Summary); s != "" {
		c.Summary = strings.TrimSpace(c.Summary + " " + s)
		for i := range c.SummaryVariants {
			c.SummaryVariants[i].Text = strings.TrimSpace(c.SummaryVariants[i].Text + " " + s)
		}
	}
	return c
}

// ForPosition returns a copy of t worded for the position p: the summary and
// every dimension set to their variant for p, the three lists reduced by
// SelectItems, and KPIs and qualifications tied to a responsibility that is
// not there dropped. The copy has no variants left (SummaryVariants and
// DimensionVariants are nil), so calling ForPosition again changes nothing
// but the lists. t is unchanged.
func (t Template) ForPosition(p Position) Template {
	c := t.Clone()
	if s, ok := Pick(c.SummaryVariants, p); ok {
		c.Summary = s
	}
	c.SummaryVariants = nil
	for name, vs := range c.DimensionVariants {
		if s, ok := Pick(vs, p); ok {
			if f := c.Dimensions.field(name); f != nil {
				*f = s
			}
		}
	}
	c.DimensionVariants = nil
	c.Responsibilities = SelectItems(c.Responsibilities, p)
	c.KPIs, _ = DropOrphans(SelectItems(c.KPIs, p), c.Responsibilities)
	c.Qualifications, _ = DropOrphans(SelectItems(c.Qualifications, p), c.Responsibilities)
	return c
}

// DimensionNames are the YAML names of the five dimensions, in display order.
var DimensionNames = []string{"scope", "seniority", "decision_authority", "strategic_focus", "organisational_impact"}

// field returns the dimension with the given YAML name, nil for an unknown
// name.
func (d *Dimensions) field(name string) *string {
	switch name {
	case "scope":
		return &d.Scope
	case "seniority":
		return &d.Seniority
	case "decision_authority":
		return &d.DecisionAuthority
	case "strategic_focus":
		return &d.StrategicFocus
	case "organisational_impact":
		return &d.OrganisationalImpact
	}
	return nil
}

// Vars are the values of the placeholders in built-in text for one role.
type Vars struct {
	// Title is the role's own title: {title}.
	Title string
	// Manager is the title of whom the role reports to: {manager}.
	Manager string
	// TopOps is the title of the top operations executive in the role's
	// chain (the role that reports to the CEO or board): {top_ops}.
	TopOps string
	// Executive is "Chief Executive Officer" or "Board of Directors":
	// {executive}.
	Executive string
	// ExperienceYears gives {experience} through ExperienceText.
	ExperienceYears int
}

// The placeholders of built-in text.
const (
	PhTitle      = "{title}"
	PhManager    = "{manager}"
	PhTopOps     = "{top_ops}"
	PhExecutive  = "{executive}"
	PhExperience = "{experience}"
)

// Placeholders lists every placeholder built-in text may hold.
var Placeholders = []string{PhTitle, PhManager, PhTopOps, PhExecutive, PhExperience}

// Titles of the top of a company, as the resolver shows reports_to ceo and
// board.
const (
	CEOTitle   = "Chief Executive Officer"
	BoardTitle = "Board of Directors"
)

// Expand replaces every placeholder in s with its value. Text without
// placeholders (config text) comes back unchanged.
func (v Vars) Expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return strings.NewReplacer(
		PhTitle, v.Title,
		PhManager, v.Manager,
		PhTopOps, v.TopOps,
		PhExecutive, v.Executive,
		PhExperience, ExperienceText(v.ExperienceYears),
	).Replace(s)
}

// GenericVars are placeholder values for text that describes a level rather
// than a role (the workbook's ladder and competency sheets): "the {manager}"
// reads "the manager", "the {top_ops}" "the top operations executive".
func GenericVars(title string) Vars {
	return Vars{Title: title, Manager: "manager", TopOps: "top operations executive", Executive: CEOTitle}
}

// ExperienceText renders a number of years of required experience as it
// starts a qualification: "1 year or more", "15 or more years". Zero or less
// gives "Relevant experience".
func ExperienceText(years int) string {
	switch {
	case years <= 0:
		return "Relevant experience"
	case years == 1:
		return "1 year or more"
	}
	return strconv.Itoa(years) + " or more years"
}

// braceRE finds anything in braces, and a lone brace.
var braceRE = regexp.MustCompile(`\{[^{}]*\}|[{}]`)

// unknownPlaceholders returns the brace expressions in s that are not
// placeholders.
func unknownPlaceholders(s string) []string {
	var out []string
	for _, m := range braceRE.FindAllString(s, -1) {
		if !slices.Contains(Placeholders, m) {
			out = append(out, m)
		}
	}
	return out
}

// String names the condition for messages: "always" for the empty one.
func (c Cond) String() string {
	if c == Always {
		return "always"
	}
	return string(c)
}

// covers reports whether vs yields a wording for every position.
func covers(vs []Variant) bool {
	for _, p := range Positions {
		if _, ok := Pick(vs, p); !ok {
			return false
		}
	}
	return true
}

// validCond reports whether c is Always or one of Conds.
func validCond(c Cond) bool { return c == Always || slices.Contains(Conds, c) }

// describe formats a position for messages.
func (p Position) String() string {
	top, rep := WhenNotTopOps, WhenNoReports
	if p.TopOps {
		top = WhenTopOps
	}
	if p.HasReports {
		rep = WhenHasReports
	}
	return fmt.Sprintf("%s, %s", top, rep)
}
