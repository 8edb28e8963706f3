package generator

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdgen/jdgen/internal/locale"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/templates"
)

// Resolve builds the model renderers read: every role with its template
// merged, defaults filled in, its level, manager, direct reports and pay.
// settings carries the run values (paper, date, version, paths).
//
// Warnings found on the way are in Model.Warnings; with settings.Strict
// they are problems instead, and the error is a *ConfigError.
func Resolve(c *Config, settings Settings) (*Model, error) {
	ps := &problems{warnings: slices.Clone(c.warnings), pos: c.pos}
	m, err := resolve(c, settings, ps)
	if err != nil {
		return nil, err
	}
	if len(ps.list) == 0 {
		checkModelLimits(c, m, ps) // Load leaves these to Resolve
	}
	shareRoles(m)
	return m, ps.result(c.File, settings.Strict || (c.Output.Strict != nil && *c.Output.Strict))
}

// resolve does the work of Resolve, recording config problems in ps. Its
// error is for broken built-in data only.
func resolve(c *Config, settings Settings, ps *problems) (*Model, error) {
	lad, err := ladders.Default()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBuiltinData, err)
	}
	builtin, err := templates.Builtin()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBuiltinData, err)
	}
	settings.PayChart = settings.PayChart || (c.Output.PayChart != nil && *c.Output.PayChart)
	r := &resolver{c: c, ps: ps, ladder: lad, tmpl: map[string]*templates.Template{}, broken: map[string]bool{}, customIndex: map[string]int{}}
	for i := range builtin {
		r.builtinIDs = append(r.builtinIDs, builtin[i].ID)
		r.tmpl[builtin[i].ID] = &builtin[i]
	}
	r.loc = r.companyLocale()
	r.localeSettings(&settings)
	r.customTemplates()
	m := &Model{Settings: settings, byID: map[string]int{}, share: newSharer()}
	r.share = m.share
	m.Company = r.company()
	m.Roles = r.roles()
	for i, role := range m.Roles {
		if _, dup := m.byID[role.ID]; !dup && role.ID != "" {
			m.byID[role.ID] = i
		}
	}
	r.orgTree(m)
	r.relate(m)
	r.careerPath(m)
	r.roleTexts(m)
	// After roleTexts: the compliance checks read the text the documents
	// print.
	r.compliance(m)
	m.Ladder = r.ladderModel(m)
	r.checkRoles(m)
	if fs := r.checkFormats(); len(m.Settings.Formats) == 0 {
		m.Settings.Formats = fs
	}
	r.postings(m)
	r.payChecks(m)
	m.Warnings = ps.sortedWarnings(c.File)
	return m, nil
}

type resolver struct {
	c *Config
	// share is the model's sharer while resolving (see shareText).
	share      *sharer
	ps         *problems
	ladder     ladders.Ladder
	tmpl       map[string]*templates.Template
	builtinIDs []string
	customIDs  []string
	// broken are custom templates already reported as wrong; roles using
	// them are not reported again.
	broken map[string]bool
	// shared holds, per template and focus, the lists roles share when they
	// do not change them, and expectations holds the competencies of each
	// level: a role's lists point at these instead of copies, so the model
	// stays small however many roles there are (see docs/performance.md).
	shared       map[sharedKey]*templates.Template
	expectations map[string][]ladders.Expectation

	// customIndex is the index in c.Templates of each custom template id.
	customIndex map[string]int
	// src is, per role, where its text comes from (see roleText).
	src []roleSource
	// worded holds each template's wording per kind of role (see wording).
	worded map[wordingKey]*templates.Template
	// quiet > 0 while config text already checked is applied again: r.at
	// reports nothing then.
	quiet int
	// loc is the company's locale.
	loc locale.Locale
	// expanders are the placeholder replacers by their values.
	expanders map[templates.Vars]*strings.Replacer
	// noPayAnywhere is true when no role has pay (one warning says so).
	noPayAnywhere bool
}

// sharedKey names a template with one of its focuses ("" for none).
type sharedKey struct {
	base  *templates.Template
	focus string
}

// sharedTemplate is the template base with the focus f (nil for none)
// merged in, made once per run and shared by every role that uses them.
// Its lists are clipped, so appending to a role's list copies it; the
// lists must not be modified in place.
func (r *resolver) sharedTemplate(base *templates.Template, f *templates.Focus) *templates.Template {
	key := sharedKey{base: base}
	if f != nil {
		key.focus = f.Key
	}
	if t, ok := r.shared[key]; ok {
		return t
	}
	t := cloneTemplate(*base)
	if f != nil {
		t = base.WithFocus(*f)
	}
	t.Responsibilities = slices.Clip(t.Responsibilities)
	t.KPIs = slices.Clip(t.KPIs)
	t.Qualifications = slices.Clip(t.Qualifications)
	t.WorkingConditions = slices.Clip(t.WorkingConditions)
	if r.shared == nil {
		r.shared = map[sharedKey]*templates.Template{}
	}
	r.shared[key] = &t
	return &t
}

// levelExpectations is the competencies expected at level code, shared.
func (r *resolver) levelExpectations(code string) []ladders.Expectation {
	if e, ok := r.expectations[code]; ok {
		return e
	}
	e := slices.Clip(r.ladder.Expectations(code))
	if r.expectations == nil {
		r.expectations = map[string][]ladders.Expectation{}
	}
	r.expectations[code] = e
	return e
}

func (r *resolver) at(path, format string, args ...any) {
	if r.quiet > 0 {
		return
	}
	r.ps.addAt(path, path, format, args...)
}

// warnAt records a warning at the config line of path.
func (r *resolver) warnAt(path, format string, args ...any) {
	r.ps.warnAt(path, path, format, args...)
}

func (r *resolver) templateIDs() []string { return append(slices.Clone(r.builtinIDs), r.customIDs...) }

func (r *resolver) checkLevel(path, code string) bool {
	if r.ladder.Index(code) >= 0 {
		return true
	}
	hint := ""
	if s, ok := closest(code, r.ladder.Codes()); ok {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	r.at(path, "unknown level %q; the ladder has %s to %s%s", code, r.ladder.Levels[0].Code, r.ladder.Levels[len(r.ladder.Levels)-1].Code, hint)
	return false
}

// customTemplates merges the config's templates onto what they extend, in
// dependency order.
func (r *resolver) customTemplates() {
	byID := map[string]int{}
	for i, t := range r.c.Templates {
		if t.ID == "" || !slugRe.MatchString(t.ID) {
			continue
		}
		if _, ok := r.tmpl[t.ID]; ok && slices.Contains(r.builtinIDs, t.ID) {
			r.at(fmt.Sprintf("templates[%d].id", i), "%q is a built-in template; give yours another id and use extends: %s", t.ID, t.ID)
			continue
		}
		if _, dup := byID[t.ID]; !dup {
			byID[t.ID] = i
			r.customIndex[t.ID] = i
			r.customIDs = append(r.customIDs, t.ID)
		}
	}
	state := map[string]int{} // 1 visiting, 2 done, 3 failed
	var visit func(id string, chain []string) bool
	visit = func(id string, chain []string) bool {
		i := byID[id]
		switch state[id] {
		case 1:
			cyc := append(chain[slices.Index(chain, id):], id)
			r.at(fmt.Sprintf("templates[%d].extends", i), "templates extend each other in a cycle: %s", strings.Join(cyc, " -> "))
			state[id] = 3
			return false
		case 2:
			return true
		case 3:
			return false
		}
		state[id] = 1
		tc := r.c.Templates[i]
		p := fmt.Sprintf("templates[%d]", i)
		var t templates.Template
		if tc.Extends != "" {
			if _, custom := byID[tc.Extends]; custom {
				if !visit(tc.Extends, append(chain, id)) {
					state[id] = 3
					return false
				}
			}
			base, ok := r.tmpl[tc.Extends]
			if !ok {
				r.at(p+".extends", "unknown template %q%s", tc.Extends, didYouMean(tc.Extends, r.templateIDs()))
				state[id] = 3
				return false
			}
			t = cloneTemplate(*base)
		}
		t.ID, t.Extends = tc.ID, tc.Extends
		if tc.Title != "" {
			t.Title = tc.Title
		}
		if tc.Level != "" {
			if !r.checkLevel(p+".level", tc.Level) {
				state[id] = 3
				return false
			}
			t.Level = tc.Level
		}
		if tc.Summary != "" {
			t.Summary = tc.Summary
		}
		if tc.FLSA != "" {
			t.FLSA = tc.FLSA
		}
		if tc.ReportsTo != "" {
			t.ReportsTo = tc.ReportsTo
		}
		if len(tc.WorkingConditions) > 0 {
			t.WorkingConditions = slices.Clone(tc.WorkingConditions)
		}
		overrideDims(&t.Dimensions, tc.Dimensions)
		t.Responsibilities = r.patch(p+".responsibilities", t.Responsibilities, tc.Responsibilities, AddedResponsibilityArea)
		t.KPIs = r.patch(p+".kpis", t.KPIs, tc.KPIs, "")
		t.Qualifications = r.patch(p+".qualifications", t.Qualifications, tc.Qualifications, AddedQualificationArea)
		r.checkTies(p, t.Responsibilities, tc.KPIs, tc.Qualifications)
		r.tmpl[id] = &t
		state[id] = 2
		return true
	}
	for _, id := range r.customIDs {
		if !visit(id, nil) {
			r.broken[id] = true
		}
	}
}

func overrideDims(d *templates.Dimensions, o DimensionsConfig) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&d.Scope, o.Scope)
	set(&d.Seniority, o.Seniority)
	set(&d.DecisionAuthority, o.DecisionAuthority)
	set(&d.StrategicFocus, o.StrategicFocus)
	set(&d.OrganisationalImpact, o.OrganisationalImpact)
}

func cloneTemplate(t templates.Template) templates.Template {
	t.Responsibilities = slices.Clone(t.Responsibilities)
	t.KPIs = slices.Clone(t.KPIs)
	t.Qualifications = slices.Clone(t.Qualifications)
	t.WorkingConditions = slices.Clone(t.WorkingConditions)
	t.Focuses = slices.Clone(t.Focuses)
	return t
}

func didYouMean(v string, candidates []string) string {
	if s, ok := closest(v, candidates); ok {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// patchAdded checks a config list patch against a template list, like
// patch, and returns only the items it adds (every item when it replaces
// the list), without copying the items it keeps.
func (r *resolver) patchAdded(path string, items []Item, lp ListPatch, defaultArea string) []Item {
	if lp.Replaces {
		return r.patch(path, items, lp, defaultArea)
	}
	if len(lp.Add) == 0 && len(lp.Remove) == 0 {
		return nil
	}
	drop := r.checkRemove(path, items, lp.Remove)
	present := map[string]bool{}
	for _, it := range items {
		if !drop[it.Key] {
			present[it.Key] = true
		}
	}
	var out []Item
	for i, ic := range lp.Add {
		if it, ok := r.newItem(fmt.Sprintf("%s.add[%d]", path, i), ic, defaultArea, present); ok {
			out = append(out, it)
		}
	}
	return out
}

// checkRemove reports the keys of remove that items lack and returns the
// others.
func (r *resolver) checkRemove(path string, items []Item, remove []string) map[string]bool {
	drop := map[string]bool{}
	if len(remove) == 0 {
		return drop
	}
	// Variants of one item share its key: list each key once.
	keys := make([]string, 0, len(items))
	for _, it := range items {
		if !slices.Contains(keys, it.Key) {
			keys = append(keys, it.Key)
		}
	}
	for i, k := range remove {
		p := fmt.Sprintf("%s.remove[%d]", path, i)
		if !slices.Contains(keys, k) {
			r.at(p, "the template has no item with key %q%s; keys here: %s", k, didYouMean(k, keys), strings.Join(keys, ", "))
			continue
		}
		drop[k] = true
	}
	return drop
}

// patch applies a config list patch to a template list: remove by key, then
// add; or replace the whole list. Without a patch it returns items itself.
func (r *resolver) patch(path string, items []Item, lp ListPatch, defaultArea string) []Item {
	if !lp.Replaces && len(lp.Add) == 0 && len(lp.Remove) == 0 && len(items) > 0 {
		return items
	}
	if lp.Replaces {
		out := make([]Item, 0, len(lp.Replace))
		keys := map[string]bool{}
		for i, ic := range lp.Replace {
			if it, ok := r.newItem(fmt.Sprintf("%s[%d]", path, i), ic, defaultArea, keys); ok {
				out = append(out, it)
			}
		}
		return out
	}
	drop := r.checkRemove(path, items, lp.Remove)
	out := make([]Item, 0, len(items)+len(lp.Add))
	present := map[string]bool{}
	for _, it := range items {
		if !drop[it.Key] {
			out = append(out, it)
			present[it.Key] = true
		}
	}
	for i, ic := range lp.Add {
		if it, ok := r.newItem(fmt.Sprintf("%s.add[%d]", path, i), ic, defaultArea, present); ok {
			out = append(out, it)
		}
	}
	return out
}

// newItem turns a config item into a list item with a unique key.
func (r *resolver) newItem(path string, ic ItemConfig, defaultArea string, keys map[string]bool) (Item, bool) {
	if ic.Text == "" {
		r.at(path, "the item has no text")
		return Item{}, false
	}
	it := Item{Key: ic.Key, Area: ic.Area, Text: ic.Text, Preferred: ic.Preferred, For: ic.For}
	if it.Area == "" {
		it.Area = defaultArea
	}
	if it.Key != "" {
		if !slugRe.MatchString(it.Key) {
			r.at(path+".key", "%q is not a valid key; use lower-case letters, digits and hyphens", it.Key)
			return Item{}, false
		}
		if keys[it.Key] {
			r.at(path+".key", "key %q is already in the list; remove it first or pick another key", it.Key)
			return Item{}, false
		}
	} else {
		base := slugify(it.Text)
		it.Key = base
		for n := 2; keys[it.Key]; n++ {
			it.Key = fmt.Sprintf("%s-%d", base, n)
		}
	}
	keys[it.Key] = true
	return it, true
}

// slugify makes a key from the first words of a text.
func slugify(s string) string {
	var b strings.Builder
	words := 0
	dash := false
	for _, ch := range strings.ToLower(s) {
		switch {
		case ch == '\'' || ch == '’':
			// "plant's" -> "plants"
		case ch < utf8.RuneSelf && (unicode.IsLetter(ch) || unicode.IsDigit(ch)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				words++
			}
			dash = false
			if words >= 5 {
				return strings.Trim(b.String(), "-")
			}
			b.WriteRune(ch)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "item"
	}
	return strings.Trim(b.String(), "-")
}

func (r *resolver) company() Company {
	co := r.c.Company
	out := Company{
		Name: co.Name, Industry: co.Industry, About: co.About, Website: co.Website,
		LogoPath: co.Logo, Logo: r.c.Logo, Fonts: r.c.FontSet, BrandColor: strings.ToUpper(co.BrandColor),
		Benefits: slices.Clone(co.Benefits), EqualOpportunity: co.EqualOpportunity,
	}
	if co.Employees != nil {
		out.Employees = *co.Employees
		out.SizeClass = sizeClass(out.Employees)
	}
	if out.BrandColor == "" {
		out.BrandColor = DefaultBrandColor
	}
	r.localeCompany(&out)
	return out
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func (r *resolver) roles() []Role {
	out := make([]Role, 0, len(r.c.Roles))
	// Each role's text, level and terms are made on their own and then
	// shared (shareText, shareGroups): roles of one template and level
	// start with equal texts, and many roles have one level or location.
	// The passes that change a role's text or terms later (careerPath,
	// roleTexts, checkRoles) take a copy of their own first (Role.OwnText,
	// OwnTerms) and share the result again. A role's reporting line is its
	// own until relate has made it whole and shares it: orgTree and relate
	// write into it (each version shared would stay in the sharer's tables).
	d := r.c.Defaults
	for i, rc := range r.c.Roles {
		p := fmt.Sprintf("roles[%d]", i)
		role := Role{ID: rc.ID, Template: rc.Template, Headcount: DefaultHeadcount,
			RoleLevel:     &RoleLevel{Department: rc.Department, Focus: rc.Focus},
			RoleReporting: &RoleReporting{ReportsTo: rc.ReportsTo},
			RoleTerms:     new(RoleTerms), RoleText: new(RoleText)}
		role.Line = r.c.roleLine(i)
		base, ok := r.tmpl[rc.Template]
		if !ok {
			if rc.Template != "" && !r.broken[rc.Template] {
				r.at(p+".template", "unknown template %q%s; run \"jdgen roles\" for the built-in ones", rc.Template, didYouMean(rc.Template, r.templateIDs()))
			}
			out = append(out, role)
			r.src = append(r.src, roleSource{})
			continue
		}
		// This first pass checks the role's list changes against every
		// variant of the template's items; roleText words the role once
		// its place in the reporting chain is known.
		t := r.sharedTemplate(base, nil)
		src := roleSource{ok: true}
		if rc.Focus != "" {
			if f, ok := base.MatchFocus(rc.Focus); ok {
				role.FocusKey = f.Key
				t = r.sharedTemplate(base, &f)
				src.focus = &f
			}
		}
		role.Title = firstOf(rc.Title, t.Title)
		role.Level = firstOf(rc.Level, t.Level)
		if rc.Level != "" && !r.checkLevel(p+".level", rc.Level) {
			role.Level = t.Level
		}
		if lv, ok := r.ladder.Level(role.Level); ok {
			role.LevelTitle = lv.Title
			role.Band = lv.Band.Title()
			role.Competencies = r.levelExpectations(lv.Code)
			role.CareerPath.Promotion = lv.NextLevel
			if b, ok := r.ladder.Below(lv.Code); ok {
				role.CareerPath.Below = &LevelRef{Code: b.Code, Title: b.Title}
			}
			if a, ok := r.ladder.Above(lv.Code); ok {
				role.CareerPath.Above = &LevelRef{Code: a.Code, Title: a.Title}
			}
		}
		if rc.Headcount != nil && *rc.Headcount > 0 {
			role.Headcount = *rc.Headcount
		}
		role.Location = firstOf(rc.Location.String(), d.Location.String())
		role.Workplace = firstOf(rc.Workplace, d.Workplace, DefaultWorkplace)
		role.EmploymentType = firstOf(rc.EmploymentType, d.EmploymentType, DefaultEmploymentType)
		role.FLSA = flsaStatus(rc.FLSA, t.FLSA, d.FLSA)
		// The lists themselves are made by roleText; here the changes are
		// checked and the added items made, once.
		src.added = [3][]Item{
			r.patchAdded(p+".responsibilities", t.Responsibilities, rc.Responsibilities(), AddedResponsibilityArea),
			r.patchAdded(p+".kpis", t.KPIs, rc.KPIs(), ""),
			r.patchAdded(p+".qualifications", t.Qualifications, rc.Qualifications(), AddedQualificationArea),
		}
		role.Dimensions = t.Dimensions
		role.WorkingConditions = t.WorkingConditions
		if rc.Salary != nil {
			role.Salary = r.pay(*rc.Salary, "role")
		} else if b, ok := r.c.Ladder.Bands[role.Level]; ok {
			role.Salary = r.pay(b, "band")
		}
		r.shareText(&role)
		r.shareGroups(&role)
		out = append(out, role)
		r.src = append(r.src, src)
	}
	return out
}

// shareText replaces the text of role with an equal, shared copy, as soon
// as it is made: 10,000 roles' own texts and lists were about 7 MB more at
// the height of resolving when they were shared only when Resolve ended.
// Nothing changes a shared text: a pass that changes a role's text calls
// Role.OwnText first.
func (r *resolver) shareText(role *Role) {
	if role.RoleText != nil {
		r.shareNow(&role.RoleText)
	}
}

// shareGroups replaces the level and terms of role with equal, shared
// copies, as shareText does its text (relate shares the reporting line). Nothing
// changes a shared group: a pass that changes one calls Role.OwnLevel or
// OwnTerms first.
func (r *resolver) shareGroups(role *Role) {
	r.shareNow(&role.RoleLevel)
	r.shareNow(&role.RoleTerms)
}

// shareNow replaces what ptr points at (a field of a role) with an equal,
// shared copy while resolving (see shareWhileResolving).
func (r *resolver) shareNow(ptr any) {
	if shareWhileResolving && r.share != nil {
		r.share.value(reflect.ValueOf(ptr).Elem())
	}
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	// Keep acronyms ("EMEA logistics") as written.
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func (r *resolver) pay(s SalaryConfig, source string) *Pay {
	if s.Min == nil || s.Max == nil {
		return nil
	}
	p := &Pay{Min: *s.Min, Max: *s.Max, Source: source,
		Currency: firstOf(s.Currency, r.c.Defaults.Currency, DefaultCurrency),
		Period:   firstOf(s.Period, DefaultPeriod)}
	p.Text = FormatPay(*p)
	return p
}

// FormatPay renders a pay range: "$82,000 – $98,000 per year".
func FormatPay(p Pay) string {
	return fmt.Sprintf("%s – %s per %s", FormatMoney(p.Min, p.Currency), FormatMoney(p.Max, p.Currency), p.Period)
}

// FormatMoney renders an amount with its currency and thousands separators:
// "$82,000", "€29.50", "12,000 SEK".
func FormatMoney(v float64, currency string) string {
	cents := !zeroDecimalCurrencies[currency] && math.Abs(v-math.Round(v)) > 1e-9
	var s string
	if cents {
		s = fmt.Sprintf("%.2f", v)
	} else {
		s = fmt.Sprintf("%.0f", math.Round(v))
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, ch := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if sym, ok := currencySymbols[currency]; ok {
		return sym + b.String()
	}
	return b.String() + " " + currency
}

// orgTree links managers and direct reports and rejects bad reporting lines.
func (r *resolver) orgTree(m *Model) {
	ids := make([]string, 0, len(m.Roles))
	for _, role := range m.Roles {
		ids = append(ids, role.ID)
	}
	valid := make([]bool, len(m.Roles))
	for i := range m.Roles {
		role := &m.Roles[i]
		p := fmt.Sprintf("roles[%d].reports_to", i)
		role.DirectReports = []string{}
		switch role.ReportsTo {
		case "":
		case "ceo":
			role.ReportsToTitle = "Chief Executive Officer"
			valid[i] = true
		case "board":
			role.ReportsToTitle = "Board of Directors"
			valid[i] = true
		case role.ID:
			r.at(p, "role %q cannot report to itself", role.ID)
		default:
			if _, ok := m.byID[role.ReportsTo]; !ok {
				r.at(p, "unknown role %q%s; use ceo, board or another role's id", role.ReportsTo, didYouMean(role.ReportsTo, append(ids, "ceo", "board")))
				continue
			}
			valid[i] = true
		}
	}
	// A role whose id repeats an earlier one is reported already; keep it out
	// of the tree.
	for i, role := range m.Roles {
		if m.byID[role.ID] != i {
			valid[i] = false
		}
	}
	// Cycles: follow each chain by index; report each cycle once, starting
	// at the role written first.
	reported := map[int]bool{}
	for i := range m.Roles {
		onChain := map[int]int{}
		var chain []int
		cur := i
		for valid[cur] {
			if at, ok := onChain[cur]; ok {
				cyc := chain[at:]
				first := slices.Min(cyc)
				if !reported[first] {
					for _, c := range cyc {
						reported[c] = true
					}
					start := slices.Index(cyc, first)
					rot := append(slices.Clone(cyc[start:]), cyc[:start]...)
					names := make([]string, 0, len(rot)+1)
					for _, c := range rot {
						names = append(names, m.Roles[c].ID)
					}
					names = append(names, m.Roles[first].ID)
					r.at(fmt.Sprintf("roles[%d].reports_to", first), "reporting cycle: %s", strings.Join(names, " -> "))
				}
				for _, c := range cyc {
					valid[c] = false
				}
				break
			}
			onChain[cur] = len(chain)
			chain = append(chain, cur)
			mi, ok := m.byID[m.Roles[cur].ReportsTo]
			if !ok {
				break
			}
			cur = mi
		}
	}
	for i := range m.Roles {
		role := &m.Roles[i]
		if mi, ok := m.byID[role.ReportsTo]; ok && valid[i] && role.ReportsTo != role.ID {
			mgr := &m.Roles[mi]
			role.ReportsToTitle = mgr.Title
			mgr.DirectReports = append(mgr.DirectReports, role.ID)
			mgr.DirectReportHeadcount += role.Headcount
		}
	}
	// Depth, iteratively (chains may be long).
	depth := make([]int, len(m.Roles))
	for i := range depth {
		depth[i] = -1
	}
	for i := range m.Roles {
		var stack []int
		cur := i
		for depth[cur] < 0 {
			stack = append(stack, cur)
			mi, ok := m.byID[m.Roles[cur].ReportsTo]
			if !ok || !valid[cur] || len(stack) > len(m.Roles) {
				depth[cur] = 0
				stack = stack[:len(stack)-1]
				break
			}
			cur = mi
		}
		for j := len(stack) - 1; j >= 0; j-- {
			s := stack[j]
			depth[s] = depth[m.byID[m.Roles[s].ReportsTo]] + 1
		}
	}
	for i := range m.Roles {
		m.Roles[i].Depth = depth[i]
	}
}

func (r *resolver) ladderModel(m *Model) Ladder {
	name := firstOf(r.c.Ladder.Name, r.ladder.Name)
	out := Ladder{Name: name, Competencies: r.genericCompetencies()}
	for code := range r.c.Ladder.Bands {
		if r.ladder.Index(code) < 0 {
			r.checkLevel("ladder.bands."+code, code)
		}
	}
	for _, lv := range r.ladder.Levels {
		ll := LadderLevel{Level: r.genericLevel(lv), BandTitle: lv.Band.Title(), Roles: []string{}}
		if b, ok := r.c.Ladder.Bands[lv.Code]; ok {
			ll.Pay = r.pay(b, "band")
		}
		for _, role := range m.Roles {
			if role.Level == lv.Code {
				ll.Roles = append(ll.Roles, role.ID)
			}
		}
		out.Levels = append(out.Levels, ll)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
