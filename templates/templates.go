package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

const (
	// builtinDir is the folder of the embedded library.
	builtinDir = "builtin"
	// focusesFile holds the director focuses; every other YAML file in
	// builtinDir is one template named <id>.yaml.
	focusesFile = "focuses.yaml"
)

// Reporting targets that are not templates.
const (
	// ReportsToCEO is the ReportsTo value for a role reporting to the
	// Chief Executive Officer.
	ReportsToCEO = "ceo"
	// ReportsToBoard is the ReportsTo value for a role reporting to the
	// Board of Directors.
	ReportsToBoard = "board"
)

// Qualification areas.
const (
	AreaEducation  = "Education"
	AreaExperience = "Experience"
	AreaSkills     = "Skills"
)

// FLSA statuses.
const (
	FLSAExempt    = "exempt"
	FLSANonExempt = "non-exempt"
)

var (
	slugRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	levelRE = regexp.MustCompile(`^([A-Z]+)-([1-9][0-9]*)$`)
)

var (
	loadOnce sync.Once
	loaded   []Template
	loadErr  error
)

// library parses the embedded files once; callers must not modify the result.
func library() ([]Template, error) {
	loadOnce.Do(func() { loaded, loadErr = load(builtinFS, builtinDir) })
	return loaded, loadErr
}

// Builtin returns the built-in templates ordered by level, lowest first
// (OPS-1 to OPS-9), with the director focuses attached. The embedded files are
// parsed and validated once; every call returns a fresh deep copy, so callers
// may modify the result freely. The error, which wraps the package's Err
// values, only occurs if the embedded library itself is broken.
func Builtin() ([]Template, error) {
	ts, err := library()
	if err != nil {
		return nil, err
	}
	out := make([]Template, len(ts))
	for i, t := range ts {
		out[i] = t.Clone()
	}
	return out, nil
}

// Lookup returns a deep copy of the built-in template with the given id. It
// reports false for an unknown id, and when the embedded library is broken
// (Builtin returns that error).
func Lookup(id string) (Template, bool) {
	ts, err := library()
	if err != nil {
		return Template{}, false
	}
	for _, t := range ts {
		if t.ID == id {
			return t.Clone(), true
		}
	}
	return Template{}, false
}

// IDs returns the ids of the built-in templates ordered by level, lowest
// first; nil when the embedded library is broken (Builtin returns that error).
func IDs() []string {
	ts, err := library()
	if err != nil {
		return nil
	}
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

// Clone returns a deep copy of t: no slice of the copy shares memory with t.
func (t Template) Clone() Template {
	c := t
	c.Responsibilities = slices.Clone(t.Responsibilities)
	c.KPIs = slices.Clone(t.KPIs)
	c.Qualifications = slices.Clone(t.Qualifications)
	c.WorkingConditions = slices.Clone(t.WorkingConditions)
	c.PhysicalDemands = slices.Clone(t.PhysicalDemands)
	c.WorkingEnvironment = slices.Clone(t.WorkingEnvironment)
	c.SummaryVariants = slices.Clone(t.SummaryVariants)
	if t.DimensionVariants != nil {
		c.DimensionVariants = make(map[string][]Variant, len(t.DimensionVariants))
		for k, v := range t.DimensionVariants {
			c.DimensionVariants[k] = slices.Clone(v)
		}
	}
	if t.Focuses != nil {
		c.Focuses = make([]Focus, len(t.Focuses))
		for i, f := range t.Focuses {
			c.Focuses[i] = f.Clone()
		}
	}
	return c
}

// Clone returns a deep copy of f: no slice of the copy shares memory with f.
func (f Focus) Clone() Focus {
	c := f
	c.Aliases = slices.Clone(f.Aliases)
	c.Removes = slices.Clone(f.Removes)
	c.Responsibilities = slices.Clone(f.Responsibilities)
	c.KPIs = slices.Clone(f.KPIs)
	c.Qualifications = slices.Clone(f.Qualifications)
	return c
}

// focusSet is the shape of focusesFile.
type focusSet struct {
	// Templates are the ids of the templates the focuses attach to.
	Templates []string `yaml:"templates"`
	// Focuses are the focuses, in display order.
	Focuses []Focus `yaml:"focuses"`
}

// load reads every *.yaml file in dir of fsys, validates the library and
// returns the templates ordered by level with their focuses attached. All
// problems are reported at once, joined.
func load(fsys fs.FS, dir string) ([]Template, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrDecode, dir, err)
	}
	var (
		p       problems
		tfs     []templateFile
		files   = map[string]string{} // template id -> file name
		fset    focusSet
		haveSet bool
	)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".yaml" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			p.add(ErrDecode, name, "%v", err)
			continue
		}
		if name == focusesFile {
			if err := decodeStrict(data, &fset); err != nil {
				p.add(ErrDecode, name, "%v", err)
				continue
			}
			haveSet = true
			continue
		}
		var tf templateFile
		if err := decodeStrict(data, &tf); err != nil {
			p.add(ErrDecode, name, "%v", err)
			continue
		}
		if tf.ID != "" && name != tf.ID+".yaml" {
			p.add(ErrInvalidValue, name, "id %q does not match the file name (want %s.yaml)", tf.ID, tf.ID)
		}
		validateTemplate(&p, name, tf)
		if prev, dup := files[tf.ID]; dup && tf.ID != "" {
			p.add(ErrDuplicate, name, "id %q is also defined in %s", tf.ID, prev)
		}
		files[tf.ID] = name
		tfs = append(tfs, tf)
	}
	if len(tfs) == 0 && len(p.errs) == 0 {
		p.add(ErrMissingField, dir, "no templates found")
	}

	// The typical position of a template: at the top when it reports to the
	// CEO or board, with reports when another template reports to it.
	ts := make([]Template, len(tfs))
	for i, tf := range tfs {
		typical := Position{TopOps: tf.ReportsTo == ReportsToCEO || tf.ReportsTo == ReportsToBoard}
		for _, other := range tfs {
			typical.HasReports = typical.HasReports || (other.ReportsTo == tf.ID && tf.ID != "")
		}
		ts[i] = tf.template(typical)
	}

	// Order by level; levels must be unique so the order is total.
	rank := func(t Template) int {
		m := levelRE.FindStringSubmatch(t.Level)
		if m == nil {
			return 0
		}
		n, _ := strconv.Atoi(m[2])
		return n
	}
	slices.SortStableFunc(ts, func(a, b Template) int { return rank(a) - rank(b) })
	byID := map[string]int{}
	levels := map[string]string{}
	for i, t := range ts {
		byID[t.ID] = i
		if prev, dup := levels[t.Level]; dup && t.Level != "" {
			p.add(ErrDuplicate, files[t.ID], "level %q is also used by %s", t.Level, prev)
		}
		levels[t.Level] = t.ID
	}

	// Reporting lines point to "ceo", "board" or a template at a higher level.
	for _, t := range ts {
		switch t.ReportsTo {
		case ReportsToCEO, ReportsToBoard, "":
			continue
		}
		j, ok := byID[t.ReportsTo]
		switch {
		case !ok:
			p.add(ErrUnknownReference, files[t.ID], "reports_to: unknown template %q (want %q, %q or a built-in id)", t.ReportsTo, ReportsToCEO, ReportsToBoard)
		case rank(ts[j]) <= rank(t):
			p.add(ErrUnknownReference, files[t.ID], "reports_to: %q (%s) is not above %s", t.ReportsTo, ts[j].Level, t.Level)
		}
	}

	if haveSet {
		attachFocuses(&p, fset, ts, byID)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return ts, nil
}

// attachFocuses validates the focus set and appends it to the templates it
// names.
func attachFocuses(p *problems, fset focusSet, ts []Template, byID map[string]int) {
	const where = focusesFile
	if len(fset.Templates) == 0 {
		p.add(ErrMissingField, where, "templates: no template to attach the focuses to")
	}
	if len(fset.Focuses) == 0 {
		p.add(ErrMissingField, where, "focuses: no focus defined")
	}
	spellings := map[string]string{} // normalised spelling -> focus key
	keys := map[string]bool{}
	for i, f := range fset.Focuses {
		at := fmt.Sprintf("focuses[%d]", i)
		checkSlug(p, where, at+".key", f.Key)
		if keys[f.Key] && f.Key != "" {
			p.add(ErrDuplicate, where, "%s.key %q", at, f.Key)
		}
		keys[f.Key] = true
		checkText(p, where, at+".name", f.Name)
		checkText(p, where, at+".summary", f.Summary)
		for j, a := range f.Aliases {
			checkText(p, where, fmt.Sprintf("%s.aliases[%d]", at, j), a)
			if a != strings.ToLower(a) {
				p.add(ErrInvalidValue, where, "%s.aliases[%d] %q is not lower case", at, j, a)
			}
		}
		for _, s := range append([]string{f.Key, f.Name}, f.Aliases...) {
			n := normalizeFocus(s)
			if other, dup := spellings[n]; dup && other != f.Key {
				p.add(ErrDuplicate, where, "%s: %q also selects focus %q", at, s, other)
			}
			spellings[n] = f.Key
		}
		if len(f.Responsibilities) == 0 {
			p.add(ErrMissingField, where, "%s.responsibilities: none", at)
		}
		if len(f.KPIs) == 0 {
			p.add(ErrMissingField, where, "%s.kpis: none", at)
		}
		validateItems(p, where, at+".responsibilities", f.Responsibilities, itemResponsibility)
		validateItems(p, where, at+".kpis", f.KPIs, itemKPI)
		validateItems(p, where, at+".qualifications", f.Qualifications, itemQualification)
		checkPlaceholders(p, where, at+".summary", f.Summary)
		for j, k := range f.Removes {
			checkSlug(p, where, fmt.Sprintf("%s.removes[%d]", at, j), k)
		}
	}
	// Every key a focus removes exists in at least one of its templates.
	known := map[string]bool{}
	for _, id := range fset.Templates {
		if i, ok := byID[id]; ok {
			t := ts[i]
			for _, l := range [][]Item{t.Responsibilities, t.KPIs, t.Qualifications} {
				maps.Copy(known, itemKeys(l))
			}
		}
	}
	for i, f := range fset.Focuses {
		for j, k := range f.Removes {
			if !known[k] {
				p.add(ErrUnknownReference, where, "focuses[%d].removes[%d]: no template under templates has an item with key %q", i, j, k)
			}
		}
	}
	seen := map[string]bool{}
	for _, id := range fset.Templates {
		i, ok := byID[id]
		if !ok {
			p.add(ErrUnknownReference, where, "templates: unknown template %q", id)
			continue
		}
		if seen[id] {
			p.add(ErrDuplicate, where, "templates: %q listed twice", id)
			continue
		}
		seen[id] = true
		t := &ts[i]
		resp := itemKeys(t.Responsibilities)
		kpis := itemKeys(t.KPIs)
		quals := itemKeys(t.Qualifications)
		for _, f := range fset.Focuses {
			for _, l := range []struct {
				what  string
				items []Item
				keys  map[string]bool
			}{{"responsibility", f.Responsibilities, resp}, {"KPI", f.KPIs, kpis}, {"qualification", f.Qualifications, quals}} {
				for _, it := range l.items {
					if l.keys[it.Key] {
						p.add(ErrDuplicate, where, "focus %q: %s key %q is already used by template %s", f.Key, l.what, it.Key, id)
					}
				}
			}
			// A tie names a responsibility the specialised template still has.
			applied := t.WithFocus(f)
			kept := itemKeys(applied.Responsibilities)
			for _, it := range append(slices.Clone(f.KPIs), f.Qualifications...) {
				if it.For != "" && !kept[it.For] {
					p.add(ErrUnknownReference, where, "focus %q: item %q is for %q, which template %s with this focus does not have", f.Key, it.Key, it.For, id)
				}
			}
			t.Focuses = append(t.Focuses, f.Clone())
		}
	}
}

func itemKeys(items []Item) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it.Key] = true
	}
	return m
}

// decodeStrict decodes exactly one YAML document into v, refusing unknown
// fields.
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("the file is empty")
		}
		return err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("the file holds more than one YAML document")
	}
	return nil
}

// itemKind says which rules apply to a list of items.
type itemKind int

const (
	itemResponsibility itemKind = iota
	itemKPI
	itemQualification
)

func validateTemplate(p *problems, where string, t templateFile) {
	checkSlug(p, where, "id", t.ID)
	checkText(p, where, "title", t.Title)
	checkVariants(p, where, "summary", t.Summary)
	if checkText(p, where, "level", t.Level) && !levelRE.MatchString(t.Level) {
		p.add(ErrInvalidValue, where, "level %q: want a code such as OPS-4", t.Level)
	}
	if t.Extends != "" {
		p.add(ErrInvalidValue, where, "extends: built-in templates extend nothing")
	}
	if len(t.Focuses) > 0 {
		p.add(ErrInvalidValue, where, "focuses: define focuses in %s, not in a template", focusesFile)
	}
	if t.FLSA != FLSAExempt && t.FLSA != FLSANonExempt {
		p.add(ErrInvalidValue, where, "flsa %q: want %q or %q", t.FLSA, FLSAExempt, FLSANonExempt)
	}
	if t.ReportsTo == "" {
		p.add(ErrMissingField, where, "reports_to")
	}
	if t.ExperienceYears < 1 {
		p.add(ErrMissingField, where, "experience_years: want a whole number of years, 1 or more")
	}
	if t.ONET == "" {
		p.add(ErrMissingField, where, "onet")
	} else if !onetRE.MatchString(t.ONET) {
		p.add(ErrInvalidValue, where, "onet %q: want an O*NET-SOC code such as 11-1021.00", t.ONET)
	}
	for _, l := range []struct {
		name  string
		items []Item
		kind  itemKind
	}{
		{"responsibilities", t.Responsibilities, itemResponsibility},
		{"kpis", t.KPIs, itemKPI},
		{"qualifications", t.Qualifications, itemQualification},
	} {
		if len(l.items) == 0 {
			p.add(ErrMissingField, where, "%s: none", l.name)
		}
		validateItems(p, where, l.name, l.items, l.kind)
	}
	resp := itemKeys(t.Responsibilities)
	for _, l := range []struct {
		name  string
		items []Item
	}{{"kpis", t.KPIs}, {"qualifications", t.Qualifications}} {
		for i, it := range l.items {
			if it.For != "" && !resp[it.For] {
				p.add(ErrUnknownReference, where, "%s[%d].for: no responsibility with key %q", l.name, i, it.For)
			}
		}
	}
	for _, name := range DimensionNames {
		checkVariants(p, where, "dimensions."+name, *t.Dimensions.byName()[name])
	}
	for _, l := range []struct {
		name string
		list []string
	}{{"physical_demands", t.PhysicalDemands}, {"working_environment", t.WorkingEnvironment}} {
		if len(l.list) == 0 {
			p.add(ErrMissingField, where, "%s: none", l.name)
		}
		for i, w := range l.list {
			if checkText(p, where, fmt.Sprintf("%s[%d]", l.name, i), w) {
				checkPlaceholders(p, where, fmt.Sprintf("%s[%d]", l.name, i), w)
			}
		}
	}
	if len(t.WorkingConditions) > 0 {
		p.add(ErrInvalidValue, where, "working_conditions: built-in templates use physical_demands and working_environment")
	}
}

// onetRE is an O*NET-SOC code.
var onetRE = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}\.[0-9]{2}$`)

// checkVariants validates a string-or-variants value: every text present,
// every condition known and used once, and a wording for every position.
func checkVariants(p *problems, where, field string, v variantText) {
	if v.plain || len(v.variants) == 0 {
		var s string
		if len(v.variants) > 0 {
			s = v.variants[0].Text
		}
		if checkText(p, where, field, s) {
			checkPlaceholders(p, where, field, s)
		}
		return
	}
	seen := map[Cond]bool{}
	for i, vr := range v.variants {
		at := fmt.Sprintf("%s[%d]", field, i)
		if !validCond(vr.When) {
			p.add(ErrInvalidValue, where, "%s.when %q: want one of %v", at, vr.When, Conds)
		} else if seen[vr.When] {
			p.add(ErrDuplicate, where, "%s.when %s: used by an earlier variant", at, vr.When)
		}
		seen[vr.When] = true
		if checkText(p, where, at+".text", vr.Text) {
			checkPlaceholders(p, where, at+".text", vr.Text)
		}
	}
	if !covers(v.variants) {
		for _, pos := range Positions {
			if _, ok := Pick(v.variants, pos); !ok {
				p.add(ErrMissingField, where, "%s: no variant for a role that is %s (add a variant without when)", field, pos)
				break
			}
		}
	}
}

// checkPlaceholders records a problem for every brace expression in s that
// is not a placeholder.
func checkPlaceholders(p *problems, where, field, s string) {
	for _, u := range unknownPlaceholders(s) {
		p.add(ErrInvalidValue, where, "%s: %q is not a placeholder (want one of %s)", field, u, strings.Join(Placeholders, ", "))
	}
}

func validateItems(p *problems, where, list string, items []Item, kind itemKind) {
	seen := map[string]map[Cond]bool{}
	for i, it := range items {
		at := fmt.Sprintf("%s[%d]", list, i)
		if checkSlug(p, where, at+".key", it.Key) {
			conds := seen[it.Key]
			if conds == nil {
				conds = map[Cond]bool{}
				seen[it.Key] = conds
			}
			if conds[it.When] {
				p.add(ErrDuplicate, where, "%s.key %q (when %s)", at, it.Key, it.When)
			}
			conds[it.When] = true
		}
		if !validCond(it.When) {
			p.add(ErrInvalidValue, where, "%s.when %q: want one of %v", at, it.When, Conds)
		}
		if checkText(p, where, at+".text", it.Text) {
			checkPlaceholders(p, where, at+".text", it.Text)
		}
		switch kind {
		case itemResponsibility:
			checkText(p, where, at+".area", it.Area)
			if it.For != "" {
				p.add(ErrInvalidValue, where, "%s.for: only KPIs and qualifications are tied to a responsibility", at)
			}
		case itemKPI:
			if it.Area != "" {
				p.add(ErrInvalidValue, where, "%s.area: KPIs have no area", at)
			}
		case itemQualification:
			switch it.Area {
			case AreaEducation, AreaExperience, AreaSkills:
			default:
				p.add(ErrInvalidValue, where, "%s.area %q: want %s, %s or %s", at, it.Area, AreaEducation, AreaExperience, AreaSkills)
			}
		}
		if it.Preferred && kind != itemQualification {
			p.add(ErrInvalidValue, where, "%s.preferred: only qualifications can be preferred", at)
		}
	}
}

// checkSlug reports whether s is a valid slug, recording a problem if not.
func checkSlug(p *problems, where, field, s string) bool {
	switch {
	case s == "":
		p.add(ErrMissingField, where, "%s", field)
		return false
	case !slugRE.MatchString(s):
		p.add(ErrInvalidKey, where, "%s %q: want lower-case letters, digits and hyphens", field, s)
		return false
	}
	return true
}

// checkText reports whether s has content, recording a problem if not.
func checkText(p *problems, where, field, s string) bool {
	if strings.TrimSpace(s) == "" {
		p.add(ErrMissingField, where, "%s", field)
		return false
	}
	return true
}

// problems collects every validation failure so that one load reports all.
type problems struct{ errs []error }

func (p *problems) add(kind error, where, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%w: %s: %s", kind, where, fmt.Sprintf(format, args...)))
}

func (p *problems) err() error { return errors.Join(p.errs...) }
