// Package paylaw holds the pay-transparency rules jdgen checks postings
// against, as an embedded, versioned table (rules.csv: one row per
// jurisdiction with its code, effective date, employer threshold, the
// content a posting must carry, the remote rule, sources and the date the
// row was checked), and answers which requirements apply to a role on a
// date. It is a checklist built from public sources, not legal advice.
package paylaw

import (
	_ "embed" // the rules table
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jdgen/jdgen/internal/geo"
)

//go:embed rules.csv
var rulesCSV string

// Kinds of requirement a rule can carry.
const (
	// PayRange: the posting states the pay or its range.
	PayRange = "pay_range"
	// ClosedRange: the range has a finite bottom and top ("up to" fails).
	ClosedRange = "closed_range"
	// Benefits: a general description of benefits and other pay.
	Benefits = "benefits"
	// Deadline: the date applications close, or that they are ongoing.
	Deadline = "deadline"
	// HowToApply: how to apply.
	HowToApply = "how_to_apply"
	// GoodFaith: the range is presented as a good-faith estimate.
	GoodFaith = "good_faith"
	// MaxSpread: the range is at most Value wide (per year).
	MaxSpread = "max_spread"
	// ExemptAbove: no pay is needed when the pay (or its top) is over Value.
	ExemptAbove = "exempt_above"
	// AIStatement: whether AI screens, assesses or selects applicants.
	AIStatement = "ai_statement"
	// VacancyStatement: whether the posting is for an existing vacancy.
	VacancyStatement = "vacancy_statement"
	// PayBeforeInterview: pay or its range given before the interview.
	PayBeforeInterview = "pay_before_interview"
	// GenderNeutralTitle: the job title and notice are gender-neutral.
	GenderNeutralTitle = "gender_neutral_title"
	// NoCanadianExperience: the posting asks for no Canadian experience.
	NoCanadianExperience = "no_canadian_experience"
)

// Remote rules: when a remote role falls under a jurisdiction.
const (
	// RemoteOpen: covered when the job can be done from the jurisdiction.
	RemoteOpen = "open"
	// RemoteReports: covered when performed partly there or reporting to a
	// manager there.
	RemoteReports = "reports"
	// RemotePhysical: covered when the work is performed there.
	RemotePhysical = "physical"
	// RemoteUnclear: the sources are silent; applied when the person works there.
	RemoteUnclear = "unclear"
)

var (
	needKinds   = []string{PayRange, ClosedRange, Benefits, Deadline, HowToApply, GoodFaith, MaxSpread, ExemptAbove, AIStatement, VacancyStatement, PayBeforeInterview, GenderNeutralTitle, NoCanadianExperience}
	valueKinds  = []string{MaxSpread, ExemptAbove}
	remoteRules = []string{RemoteOpen, RemoteReports, RemotePhysical, RemoteUnclear}
	ruleKinds   = []string{"state", "city", "province", "member_state"}
)

// Need is one element a rule asks of a posting.
type Need struct {
	// Kind is one of the requirement kinds (PayRange, Benefits...).
	Kind string `json:"kind"`
	// Value is the amount of MaxSpread and ExemptAbove.
	Value float64 `json:"value,omitempty"`
	// From is when this element starts to apply, zero when with the rule.
	From time.Time `json:"from,omitempty"`
}

// Rule is one jurisdiction's row.
type Rule struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Kind is state, city, province or member_state.
	Kind string `json:"kind"`
	// Country is ISO alpha-2; Region the ISO 3166-2 code for US and
	// Canadian rows; Cities the names a city rule matches (folded).
	Country string   `json:"country"`
	Region  string   `json:"region,omitempty"`
	Cities  []string `json:"cities,omitempty"`
	// Effective is the day the posting rules start to apply.
	Effective time.Time `json:"effective"`
	// Threshold is the fewest employees the law covers (0: every employer);
	// ThresholdScope says whom it counts.
	Threshold      int    `json:"threshold"`
	ThresholdScope string `json:"threshold_scope"`
	// Law is the citation named in messages ("C.R.S. 8-5-201").
	Law        string `json:"law"`
	Requires   []Need `json:"requires"`
	Remote     string `json:"remote"`
	Confidence string `json:"confidence"`
	Source     string `json:"source"`
	// Checked is the day the row was last checked against its sources.
	Checked time.Time `json:"checked"`
	Notes   string    `json:"notes,omitempty"`
}

// Has reports whether the rule asks for kind (at any date).
func (r *Rule) Has(kind string) (Need, bool) {
	for _, n := range r.Requires {
		if n.Kind == kind {
			return n, true
		}
	}
	return Need{}, false
}

// Table is the parsed rules table.
type Table struct {
	// Version is the table's version (the date it was last revised).
	Version string
	Rules   []Rule
}

var (
	loadOnce sync.Once
	builtin  *Table
	loadErr  error
)

// Builtin returns the embedded rules table.
func Builtin() (*Table, error) {
	loadOnce.Do(func() { builtin, loadErr = Parse(rulesCSV) })
	return builtin, loadErr
}

const dateLayout = "2006-01-02"

// Parse reads a rules table in the rules.csv format. Every row must have a
// unique code, a known kind and remote rule, parseable dates, a law, a
// source and a checked date.
func Parse(text string) (*Table, error) {
	t := &Table{}
	var body []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") {
			if v, ok := strings.CutPrefix(line, "# version: "); ok {
				t.Version = strings.TrimSpace(v)
			}
			body = append(body, "")
			continue
		}
		body = append(body, line)
	}
	if t.Version == "" {
		return nil, fmt.Errorf("%w: no \"# version:\" line", ErrBadTable)
	}
	rd := csv.NewReader(strings.NewReader(strings.Join(body, "\n")))
	rd.FieldsPerRecord = 16
	records, err := rd.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadTable, err)
	}
	if len(records) < 2 {
		return nil, fmt.Errorf("%w: no rows", ErrBadTable)
	}
	codes := map[string]bool{}
	for _, rec := range records[1:] {
		r, err := parseRow(rec)
		if err != nil {
			return nil, fmt.Errorf("%w: row %s: %w", ErrBadTable, rec[0], err)
		}
		if codes[r.Code] {
			return nil, fmt.Errorf("%w: duplicate code %s", ErrBadTable, r.Code)
		}
		codes[r.Code] = true
		t.Rules = append(t.Rules, r)
	}
	return t, nil
}

func parseRow(f []string) (Rule, error) {
	r := Rule{Code: f[0], Name: f[1], Kind: f[2], Country: f[3], Region: f[4], ThresholdScope: f[8], Law: f[9],
		Remote: f[11], Confidence: f[12], Source: f[13], Notes: f[15]}
	if r.Code == "" || r.Name == "" || r.Law == "" {
		return r, fmt.Errorf("code, name and law are required")
	}
	if !slices.Contains(ruleKinds, r.Kind) {
		return r, fmt.Errorf("kind %q is not one of %v", r.Kind, ruleKinds)
	}
	if _, ok := geo.CountryName(r.Country); !ok {
		return r, fmt.Errorf("country %q is not an ISO code", r.Country)
	}
	if r.Region != "" {
		if _, ok := geo.RegionName(r.Region); !ok || !strings.HasPrefix(r.Region, r.Country+"-") {
			return r, fmt.Errorf("region %q is not a subdivision of %s", r.Region, r.Country)
		}
	}
	if f[5] != "" {
		for _, c := range strings.Split(f[5], ";") {
			r.Cities = append(r.Cities, geo.Fold(c))
		}
	}
	if (r.Kind == "city") != (len(r.Cities) > 0) {
		return r, fmt.Errorf("city rules, and only they, list cities")
	}
	var err error
	if r.Effective, err = time.Parse(dateLayout, f[6]); err != nil {
		return r, fmt.Errorf("effective date: %w", err)
	}
	if r.Threshold, err = strconv.Atoi(f[7]); err != nil || r.Threshold < 0 {
		return r, fmt.Errorf("threshold %q is not a whole number", f[7])
	}
	for _, tok := range strings.Split(f[10], ";") {
		n, err := parseNeed(tok)
		if err != nil {
			return r, err
		}
		r.Requires = append(r.Requires, n)
	}
	if len(r.Requires) == 0 {
		return r, fmt.Errorf("no requirements")
	}
	if !slices.Contains(remoteRules, r.Remote) {
		return r, fmt.Errorf("remote rule %q is not one of %v", r.Remote, remoteRules)
	}
	if !slices.Contains([]string{"high", "medium", "low"}, r.Confidence) {
		return r, fmt.Errorf("confidence %q is not high, medium or low", r.Confidence)
	}
	if strings.TrimSpace(r.Source) == "" {
		return r, fmt.Errorf("no source")
	}
	if r.Checked, err = time.Parse(dateLayout, f[14]); err != nil {
		return r, fmt.Errorf("checked date: %w", err)
	}
	return r, nil
}

func parseNeed(tok string) (Need, error) {
	var n Need
	tok, from, hasFrom := strings.Cut(strings.TrimSpace(tok), "@")
	if hasFrom {
		d, err := time.Parse(dateLayout, from)
		if err != nil {
			return n, fmt.Errorf("requirement %q: %w", tok, err)
		}
		n.From = d
	}
	kind, val, hasVal := strings.Cut(tok, "=")
	n.Kind = kind
	if !slices.Contains(needKinds, kind) {
		return n, fmt.Errorf("unknown requirement %q", kind)
	}
	if hasVal != slices.Contains(valueKinds, kind) {
		return n, fmt.Errorf("requirement %q: a value is needed for %v and only for them", kind, valueKinds)
	}
	if hasVal {
		v, err := strconv.ParseFloat(val, 64)
		if err != nil || v <= 0 {
			return n, fmt.Errorf("requirement %q: %q is not a positive number", kind, val)
		}
		n.Value = v
	}
	return n, nil
}

// Facts are what the rules need to know about a role.
type Facts struct {
	// Place is where an on-site or hybrid role is; nil when unknown.
	Place *geo.Place
	// Remote is true for a remote role; RemoteAreas are the area codes
	// ("US", "US-CO", "EU") its holder may live in.
	Remote      bool
	RemoteAreas []string
	// ManagerPlace is where the role's manager works, nil when unknown.
	ManagerPlace *geo.Place
	// Employees is the company's size, nil when not given.
	Employees *int
}

// Match is one jurisdiction whose rules apply to a role on a date.
type Match struct {
	Rule *Rule `json:"-"`
	// Needs are the rule's requirements in force on the date.
	Needs []Need `json:"-"`
	// Why says what ties the role to the jurisdiction: "this role is in
	// Denver, Colorado, United States", "this role is remote and open to US".
	Why string `json:"why"`
	// ThresholdAssumed is true when the law has a size threshold and the
	// company's size is unknown: the law is assumed to apply.
	ThresholdAssumed bool `json:"threshold_assumed,omitempty"`
}

// Requirement is one element a posting must carry, with its jurisdiction.
type Requirement struct {
	Rule *Rule
	Need Need
	Why  string
}

// Applicable lists the requirements in force on date for a role with the
// given facts, in table order.
func (t *Table) Applicable(f Facts, date time.Time) []Requirement {
	var out []Requirement
	for _, m := range t.Matches(f, date) {
		for _, n := range m.Needs {
			out = append(out, Requirement{Rule: m.Rule, Need: n, Why: m.Why})
		}
	}
	return out
}

// Matches lists the jurisdictions whose rules apply to a role on date, in
// table order, each with the requirements in force then.
func (t *Table) Matches(f Facts, date time.Time) []Match {
	var out []Match
	day := date.UTC().Truncate(24 * time.Hour)
	for i := range t.Rules {
		r := &t.Rules[i]
		if r.Effective.After(day) {
			continue
		}
		if f.Employees != nil && *f.Employees < r.Threshold {
			continue
		}
		why, ok := r.covers(f)
		if !ok {
			continue
		}
		m := Match{Rule: r, Why: why, ThresholdAssumed: f.Employees == nil && r.Threshold > 1}
		for _, n := range r.Requires {
			if n.From.IsZero() || !n.From.After(day) {
				m.Needs = append(m.Needs, n)
			}
		}
		out = append(out, m)
	}
	return out
}

// area is the code of the rule's territory ("US-CO", "IT"); a city rule's
// area is its state.
func (r *Rule) area() string {
	if r.Region != "" {
		return r.Region
	}
	return r.Country
}

// contains reports whether p lies in the rule's territory.
func (r *Rule) contains(p *geo.Place) bool {
	if p == nil || p.Country != r.Country || (r.Region != "" && p.Region != r.Region) {
		return false
	}
	return len(r.Cities) == 0 || slices.Contains(r.Cities, geo.Fold(p.City))
}

// covers says whether the rule reaches a role, and why.
func (r *Rule) covers(f Facts) (string, bool) {
	if !f.Remote {
		if r.contains(f.Place) {
			return "this role is in " + f.Place.String(), true
		}
		return "", false
	}
	for _, a := range f.RemoteAreas {
		// within: the person lives inside the rule's territory (a city
		// rule's territory is smaller than any area code).
		within := len(r.Cities) == 0 && geo.Contains(r.area(), a)
		// open: the territory is inside the area the job is open to.
		open := geo.Contains(a, r.area()) || within
		if within || (open && r.Remote == RemoteOpen) {
			return "this role is remote and open to " + a, true
		}
	}
	if r.Remote == RemoteReports && r.contains(f.ManagerPlace) {
		return "this role is remote and reports to a manager in " + f.ManagerPlace.String(), true
	}
	return "", false
}
