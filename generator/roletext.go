package generator

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jdgen/jdgen/internal/locale"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/templates"
)

// This file words each role: it takes the built-in text of the role's
// template, chooses the variants for the role's real position, respells it
// for the company's locale and fills in its placeholders, and only then
// lays the config's own text over it. Text from the config is never
// respelled and never expanded: a literal "{manager}" in a config summary
// is printed as written.

// wordingKey names one wording of a template for one kind of role.
type wordingKey struct {
	template, focus, level string
	pos                    templates.Position
	vars                   templates.Vars
}

// roleSource is what the first pass over the roles learned about where a
// role's text comes from.
type roleSource struct {
	// ok is false when the role's template is unknown.
	ok bool
	// focus is the built-in focus the role's focus selects, nil for none.
	focus *templates.Focus
	// added are the items the role's config adds to its responsibilities,
	// KPIs and qualifications (all of them when it replaces the list),
	// made once by the first pass.
	added [3][]Item
}

// applyPatch lays a role's list changes over its worded template list: the
// removed keys go (every variant), the added items (made by the first
// pass) follow. An unchanged list is shared.
func applyPatch(items []Item, lp ListPatch, added []Item) []Item {
	if lp.Replaces {
		return added
	}
	if len(lp.Remove) == 0 && len(added) == 0 {
		return items
	}
	return append(templates.RemoveKeys(items, lp.Remove), added...)
}

// lineage returns the built-in template a template id rests on and the
// indices in c.Templates of the custom templates laid over it, the one
// closest to the built-in first. ok is false for an unknown or broken id.
func (r *resolver) lineage(id string) (root *templates.Template, overlays []int, ok bool) {
	for range len(r.c.Templates) + 1 {
		if slices.Contains(r.builtinIDs, id) {
			slices.Reverse(overlays)
			return r.tmpl[id], overlays, true
		}
		ci, custom := r.customIndex[id]
		if !custom || r.broken[id] {
			return nil, nil, false
		}
		overlays = append(overlays, ci)
		id = r.c.Templates[ci].Extends
	}
	return nil, nil, false
}

// builtinAt returns the built-in template at a level, nil when none.
func (r *resolver) builtinAt(level string) *templates.Template {
	for _, id := range r.builtinIDs {
		if t := r.tmpl[id]; t.Level == level {
			return t
		}
	}
	return nil
}

// word respells one piece of built-in text for the company's locale, then
// fills in its placeholders.
func (r *resolver) word(s string, v templates.Vars) string {
	s = r.spell(s)
	if !strings.Contains(s, "{") {
		return s
	}
	return r.expander(v).Replace(s)
}

// expander fills in placeholders like templates.Vars.Expand, with one
// replacer per set of values (building one is the costly part).
func (r *resolver) expander(v templates.Vars) *strings.Replacer {
	if x, ok := r.expanders[v]; ok {
		return x
	}
	x := strings.NewReplacer(
		templates.PhTitle, v.Title,
		templates.PhManager, v.Manager,
		templates.PhTopOps, v.TopOps,
		templates.PhExecutive, v.Executive,
		templates.PhExperience, templates.ExperienceText(v.ExperienceYears),
	)
	if r.expanders == nil {
		r.expanders = map[templates.Vars]*strings.Replacer{}
	}
	r.expanders[v] = x
	return x
}

// wordAll words every text of a built-in list (nil stays nil).
func (r *resolver) wordAll(ss []string, v templates.Vars) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = r.word(s, v)
	}
	return out
}

// wordItems words the text and area of built-in items.
func (r *resolver) wordItems(items []Item, v templates.Vars) []Item {
	out := make([]Item, len(items))
	for i, it := range items {
		it.Text = r.word(it.Text, v)
		it.Area = r.spell(it.Area)
		out[i] = it
	}
	return out
}

// wordTemplate returns a copy of the built-in template t (with focus f
// applied, if any) worded for the position p with the values v: variants
// chosen, spelling applied, placeholders filled. It holds no config text.
func (r *resolver) wordTemplate(t *templates.Template, f *templates.Focus, p templates.Position, v templates.Vars) templates.Template {
	c := *t
	if f != nil {
		c = c.WithFocus(*f)
	}
	c = c.ForPosition(p)
	c.Summary = r.word(c.Summary, v)
	c.Responsibilities = r.wordItems(c.Responsibilities, v)
	c.KPIs = r.wordItems(c.KPIs, v)
	c.Qualifications = r.wordItems(c.Qualifications, v)
	d := &c.Dimensions
	for _, s := range []*string{&d.Scope, &d.Seniority, &d.DecisionAuthority, &d.StrategicFocus, &d.OrganisationalImpact} {
		*s = r.word(*s, v)
	}
	c.PhysicalDemands = r.wordAll(c.PhysicalDemands, v)
	c.WorkingEnvironment = r.wordAll(c.WorkingEnvironment, v)
	c.WorkingConditions = r.wordAll(c.WorkingConditions, v)
	return c
}

// wording returns the template text for a role of template id at level,
// with the built-in focus f, in the position p with the values v: the
// built-in text worded (wordTemplate), the built-in template of the level's
// dimensions when level is not the template's own, then every custom
// template's config text laid over it. It is made once per key and shared:
// its lists must not be modified in place.
func (r *resolver) wording(id, level string, f *templates.Focus, p templates.Position, v templates.Vars) (*templates.Template, bool) {
	key := wordingKey{template: id, level: level, pos: p, vars: v}
	if f != nil {
		key.focus = f.Key
	}
	if t, ok := r.worded[key]; ok {
		return t, true
	}
	root, overlays, ok := r.lineage(id)
	if !ok {
		return nil, false
	}
	t := r.wordTemplate(root, f, p, v)
	if level != root.Level {
		if lt := r.builtinAt(level); lt != nil {
			t.Dimensions = r.wordTemplate(lt, nil, p, v).Dimensions
		}
	}
	focusSummary := ""
	if f != nil {
		focusSummary = r.word(f.Summary, v)
	}
	// Custom templates were checked when they were merged; laying them over
	// again reports nothing.
	r.quiet++
	for _, ci := range overlays {
		tc := r.c.Templates[ci]
		p := fmt.Sprintf("templates[%d]", ci)
		if tc.Summary != "" {
			t.Summary = strings.TrimSpace(tc.Summary + " " + focusSummary)
		}
		if len(tc.WorkingConditions) > 0 {
			t.WorkingConditions = slices.Clone(tc.WorkingConditions)
		}
		overrideDims(&t.Dimensions, tc.Dimensions)
		t.Responsibilities = r.patch(p+".responsibilities", t.Responsibilities, tc.Responsibilities, AddedResponsibilityArea)
		t.KPIs = r.patch(p+".kpis", t.KPIs, tc.KPIs, "")
		t.Qualifications = r.patch(p+".qualifications", t.Qualifications, tc.Qualifications, AddedQualificationArea)
		t.KPIs, _ = templates.DropOrphans(t.KPIs, t.Responsibilities)
		t.Qualifications, _ = templates.DropOrphans(t.Qualifications, t.Responsibilities)
	}
	r.quiet--
	t.Responsibilities = slices.Clip(t.Responsibilities)
	t.KPIs = slices.Clip(t.KPIs)
	t.Qualifications = slices.Clip(t.Qualifications)
	t.PhysicalDemands = slices.Clip(t.PhysicalDemands)
	t.WorkingEnvironment = slices.Clip(t.WorkingEnvironment)
	t.WorkingConditions = slices.Clip(t.WorkingConditions)
	if r.worded == nil {
		r.worded = map[wordingKey]*templates.Template{}
	}
	r.worded[key] = &t
	return &t, true
}

// roleTexts words every role once the reporting chains are known.
func (r *resolver) roleTexts(m *Model) {
	for i := range m.Roles {
		if i < len(r.src) && r.src[i].ok && len(m.Roles[i].Chain) > 0 {
			r.roleText(i, &m.Roles[i], r.src[i].focus)
			// Shared again once final: nothing after roleTexts changes a
			// role's text.
			r.shareText(&m.Roles[i])
		}
	}
}

// roleText sets the text of role i: the template's wording for the role,
// then the role's own config text (summary, focus, list changes), then the
// removal of KPIs and qualifications tied to a responsibility the role no
// longer has.
func (r *resolver) roleText(i int, role *Role, f *templates.Focus) {
	rc := r.c.Roles[i]
	p := fmt.Sprintf("roles[%d]", i)
	root, _, ok := r.lineage(rc.Template)
	if !ok {
		return
	}
	years := root.ExperienceYears
	if lt := r.builtinAt(role.Level); lt != nil && role.Level != root.Level {
		years = lt.ExperienceYears
	}
	v := role.vars(years)
	t, ok := r.wording(rc.Template, role.Level, f, role.position(), v)
	if !ok {
		return
	}
	role.OwnText() // the text may be shared with other roles: changed in a copy
	role.ExperienceYears = years
	role.ONET = root.ONET
	role.Summary = t.Summary
	if rc.Focus != "" && f == nil {
		role.Summary = strings.TrimSpace(role.Summary + " " + fmt.Sprintf(r.spell(freeFocusSentence), lowerFirst(strings.TrimSuffix(rc.Focus, "."))))
	}
	if rc.Summary != "" {
		role.Summary = rc.Summary
	}
	role.Dimensions = t.Dimensions
	role.PhysicalDemands = t.PhysicalDemands
	role.WorkingEnvironment = t.WorkingEnvironment
	role.WorkingConditions = t.WorkingConditions
	added := r.src[i].added
	resp, kpis, quals := rc.Responsibilities(), rc.KPIs(), rc.Qualifications()
	role.Responsibilities = applyPatch(t.Responsibilities, resp, added[0])
	role.KPIs = applyPatch(t.KPIs, kpis, added[1])
	role.Qualifications = applyPatch(t.Qualifications, quals, added[2])
	if len(role.Responsibilities) != len(t.Responsibilities) || resp.Replaces || len(resp.Remove) > 0 {
		role.KPIs, _ = templates.DropOrphans(role.KPIs, role.Responsibilities)
		role.Qualifications, _ = templates.DropOrphans(role.Qualifications, role.Responsibilities)
	}
	r.checkTies(p, role.Responsibilities, kpis, quals)
	role.CareerPath.Promotion = r.word(role.CareerPath.Promotion, v)
	role.Competencies = r.wordExpectations(role.Competencies, v)
}

// freeFocusSentence ends the summary of a role whose focus is not a
// built-in one; the focus is config text and goes in as written.
const freeFocusSentence = "This position specializes in %s."

// checkTies reports config items whose `for:` names a responsibility the
// role (or custom template, path p) does not have.
func (r *resolver) checkTies(p string, resp []Item, lists ...ListPatch) {
	have := map[string]bool{}
	for _, it := range resp {
		have[it.Key] = true
	}
	names := []string{"kpis", "qualifications"}
	what := "role"
	if strings.HasPrefix(p, "templates[") {
		what = "template"
	}
	for li, lp := range lists {
		check := func(path string, items []ItemConfig) {
			for j, ic := range items {
				if ic.For != "" && !have[ic.For] {
					r.at(fmt.Sprintf("%s[%d].for", path, j), "responsibility %q is not in this %s%s; the item is tied to it and is left out", ic.For, what, didYouMean(ic.For, slices.Sorted(maps.Keys(have))))
				}
			}
		}
		if lp.Replaces {
			check(p+"."+names[li], lp.Replace)
		} else {
			check(p+"."+names[li]+".add", lp.Add)
		}
	}
}

// wordExpectations words the ladder's competency cells (and respells the
// competency names) for the role; the shared slice comes back when nothing
// changes.
func (r *resolver) wordExpectations(es []ladders.Expectation, v templates.Vars) []ladders.Expectation {
	var out []ladders.Expectation
	for i, e := range es {
		w, n := r.word(e.Text, v), r.spell(e.Name)
		if w == e.Text && n == e.Name && out == nil {
			continue
		}
		if out == nil {
			out = slices.Clone(es)
		}
		out[i].Text, out[i].Name = w, n
	}
	if out == nil {
		return es
	}
	return out
}

// genericLevel words a ladder level's text for the ladder itself (the
// workbook's Ladder sheet), where there is no role: "the {manager}" reads
// "the manager" (templates.GenericVars).
func (r *resolver) genericLevel(lv ladders.Level) ladders.Level {
	v := templates.GenericVars(lv.Title)
	lv.Scope = r.word(lv.Scope, v)
	lv.DecisionAuthority = r.word(lv.DecisionAuthority, v)
	lv.TypicalExperience = r.word(lv.TypicalExperience, v)
	lv.NextLevel = r.word(lv.NextLevel, v)
	return lv
}

// genericCompetencies words the competency matrix for the ladder itself.
func (r *resolver) genericCompetencies() []ladders.Competency {
	out := make([]ladders.Competency, len(r.ladder.Competencies))
	for i, c := range r.ladder.Competencies {
		c.Name = r.spell(c.Name)
		c.Description = r.spell(c.Description)
		levels := make(map[string]string, len(c.Levels))
		for code, text := range c.Levels {
			title := code
			if lv, ok := r.ladder.Level(code); ok {
				title = lv.Title
			}
			levels[code] = r.word(text, templates.GenericVars(title))
		}
		c.Levels = levels
		out[i] = c
	}
	return out
}

// GenericText words a piece of built-in text that describes a level or a
// template rather than a configured role (the workbook's comparison of the
// built-in positions): placeholders take the generic values of
// templates.GenericVars with title as {title}, and the spelling is the
// company's.
func (m *Model) GenericText(s, title string) string {
	loc, err := locale.Parse(m.Company.Locale)
	if err != nil {
		loc = locale.Default
	}
	return templates.GenericVars(title).Expand(locale.Spell(loc, s))
}
