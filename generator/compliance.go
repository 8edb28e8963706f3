package generator

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/jdgen/jdgen/internal/geo"
	"github.com/jdgen/jdgen/internal/paylaw"
	"github.com/jdgen/jdgen/internal/wording"
)

// Place is where a role is: city, ISO 3166-2 region (US states, Canadian
// provinces), ISO 3166-1 country (see internal/geo).
type Place = geo.Place

// Compliance is what the pay-transparency laws that apply to a role ask of
// its posting and job description, whether the config supplies it, and
// the statements the documents print because of it. It is a checklist
// built from public sources (internal/paylaw), not legal advice.
type Compliance struct {
	// Jurisdictions are the laws that apply on the run's date, in table order.
	Jurisdictions []Jurisdiction `json:"jurisdictions"`
	// Statements are the sentences the posting and the job description
	// carry because a law asks for them, in print order.
	Statements []PostingStatement `json:"statements,omitempty"`
}

// Jurisdiction is one law that applies to a role.
type Jurisdiction struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Law  string `json:"law"`
	// Why says what ties the role to the jurisdiction.
	Why string `json:"why"`
	// ThresholdAssumed is true when the law has an employer-size threshold
	// and company.employees is not given: the law is assumed to apply.
	ThresholdAssumed bool   `json:"threshold_assumed,omitempty"`
	Threshold        string `json:"threshold"`
	Source           string `json:"source"`
	// Checked is the date the rule was last checked against its sources.
	Checked    string `json:"checked"`
	Confidence string `json:"confidence"`
	// Requirements are what the law asks, each met or not.
	Requirements []LegalRequirement `json:"requirements"`
}

// Requirement statuses.
const (
	StatusMet     = "met"
	StatusMissing = "missing"
	// StatusExempt: the law's own exemption applies (Ontario over $200,000).
	StatusExempt = "exempt"
	// StatusCheck: jdgen cannot tell (a range in another currency); a
	// person must look.
	StatusCheck = "check"
)

// LegalRequirement is one element a law asks a posting to carry.
type LegalRequirement struct {
	// Kind is a paylaw requirement kind ("pay_range", "benefits"...).
	Kind string `json:"kind"`
	// Text says what is required, in plain words.
	Text string `json:"text"`
	// Status is met, missing, exempt or check.
	Status string `json:"status"`
	// Detail says what the config supplies, or what is wrong.
	Detail string `json:"detail,omitempty"`
}

// PostingStatement is a sentence a posting must carry.
type PostingStatement struct {
	// Kind is pay, good_faith, benefits, deadline, how_to_apply,
	// ai_screening or vacancy.
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// PayLawInfo names the rules table used.
type PayLawInfo struct {
	Version string `json:"version"`
	Note    string `json:"note"`
}

// payLawNote is shown wherever the checks are.
const payLawNote = "Pay-transparency checks from jdgen's rules table; a checklist built from public sources, not legal advice."

var requirementTexts = map[string]string{
	paylaw.PayRange:             "a pay range in postings",
	paylaw.PayBeforeInterview:   "the starting pay or its range before the interview",
	paylaw.ClosedRange:          "a range with a finite minimum and maximum",
	paylaw.MaxSpread:            "a range no wider than %s a year",
	paylaw.Benefits:             "a general description of benefits and other compensation in postings",
	paylaw.Deadline:             "the application deadline in postings, or that applications are accepted on an ongoing basis",
	paylaw.HowToApply:           "postings to say how to apply",
	paylaw.GoodFaith:            "the range to be a good-faith estimate of the pay expected at hire",
	paylaw.AIStatement:          "postings to say whether artificial intelligence is used to screen, assess or select applicants",
	paylaw.VacancyStatement:     "postings to say whether they are for an existing vacancy",
	paylaw.GenderNeutralTitle:   "gender-neutral job titles",
	paylaw.NoCanadianExperience: "postings not to require Canadian experience",
}

// scope is the part of a message that says which roles a law covers.
func scope(rule *paylaw.Rule) string {
	switch rule.Remote {
	case paylaw.RemoteOpen:
		return "for roles that can be done from " + rule.Name
	case paylaw.RemoteReports:
		return "for roles performed at least partly in " + rule.Name + " or reporting to a manager there"
	case paylaw.RemotePhysical:
		return "for roles performed in " + rule.Name
	}
	return "for roles in " + rule.Name
}

func lawName(rule *paylaw.Rule) string { return fmt.Sprintf("%s (%s)", rule.Name, rule.Law) }

// postingValues are a role's effective posting keys: the role's own over
// the top-level posting section.
type postingValues struct {
	open                       bool
	applyBy, howTo, url, vac   string
	ai                         *bool
	applyByPath, howPath       string
	aiPath, vacancyPath, label string
}

func (r *resolver) postingFor(i int) postingValues {
	top := r.c.Posting
	pv := postingValues{open: true, applyBy: top.ApplyBy, howTo: top.HowToApply, url: top.ApplyURL, vac: top.Vacancy, ai: top.AIScreening,
		applyByPath: "posting.apply_by", howPath: "posting.how_to_apply", aiPath: "posting.ai_screening", vacancyPath: "posting.vacancy"}
	if top.Open != nil && !*top.Open {
		pv.open = false
	}
	own := r.c.Roles[i].Posting()
	if own == nil {
		return pv
	}
	p := fmt.Sprintf("roles[%d].posting.", i)
	if own.Open != nil {
		pv.open = *own.Open
	}
	if own.ApplyBy != "" {
		pv.applyBy, pv.applyByPath = own.ApplyBy, p+"apply_by"
	}
	if own.HowToApply != "" || own.ApplyURL != "" {
		pv.howTo, pv.url, pv.howPath = own.HowToApply, own.ApplyURL, p+"how_to_apply"
	}
	if own.Vacancy != "" {
		pv.vac, pv.vacancyPath = own.Vacancy, p+"vacancy"
	}
	if own.AIScreening != nil {
		pv.ai, pv.aiPath = own.AIScreening, p+"ai_screening"
	}
	return pv
}

// aggregate gathers one warning about several roles: the same law and
// the same missing key, reported once with the roles it covers.
type aggregate struct {
	path, msg, fix string
	roles          []string
}

// maxListedRoles is how many role ids one warning names; the rest are counted.
const maxListedRoles = 10

type aggregates struct {
	order []string
	byKey map[string]*aggregate
}

func (a *aggregates) add(path, msg, fix, role string) {
	if a.byKey == nil {
		a.byKey = map[string]*aggregate{}
	}
	key := path + "\x00" + msg
	g, ok := a.byKey[key]
	if !ok {
		g = &aggregate{path: path, msg: msg, fix: fix}
		a.byKey[key] = g
		a.order = append(a.order, key)
	}
	if !slices.Contains(g.roles, role) {
		g.roles = append(g.roles, role)
	}
}

func (a *aggregates) flush(r *resolver) {
	for _, k := range a.order {
		g := a.byKey[k]
		noun := "role"
		if len(g.roles) > 1 {
			noun = "roles"
		}
		list := strings.Join(g.roles[:min(len(g.roles), maxListedRoles)], ", ")
		if more := len(g.roles) - maxListedRoles; more > 0 {
			list += fmt.Sprintf(" and %d more", more)
		}
		r.warnAt(g.path, "%s; %s covered: %s; %s", g.msg, noun, list, g.fix)
	}
}

// compliance places every role, works out the pay-transparency laws that
// apply on the run's date and what they ask, warns about what is missing,
// and checks the company's own wording.
func (r *resolver) compliance(m *Model) {
	r.wordingChecks()
	table, err := paylaw.Builtin()
	if err != nil {
		// The table is built in and tested; a broken one is a bug, said once.
		r.ps.warn(1, "", "internal: the pay-transparency rules table is broken (%v); no compliance checks were made", err)
		return
	}
	m.PayLaw = &PayLawInfo{Version: table.Version, Note: payLawNote}
	defaultAreas := r.remoteAreas("defaults.remote_regions", r.c.Defaults.RemoteRegions)
	// benefits is shared by every role's requirement and statement.
	benefits := strings.Join(m.Company.Benefits, "; ")
	var agg aggregates
	assumed := map[string]*paylaw.Rule{}
	var assumedOrder []string
	for i := range m.Roles {
		role := &m.Roles[i]
		if i >= len(r.c.Roles) || role.Title == "" {
			continue // not resolved: reported already
		}
		role.Place = r.place(i, role.Workplace == "remote")
	}
	for i := range m.Roles {
		role := &m.Roles[i]
		if i >= len(r.c.Roles) || role.Title == "" {
			continue
		}
		p := fmt.Sprintf("roles[%d]", i)
		rc := r.c.Roles[i]
		facts := paylaw.Facts{Place: role.Place, Employees: r.c.Company.Employees}
		if role.Workplace == "remote" {
			facts.Remote = true
			areas, own := defaultAreas, rc.RemoteRegions()
			if own != nil {
				areas = r.remoteAreas(p+".remote_regions", own)
			}
			role.RemoteRegions = areas
			facts.RemoteAreas = areas
			if len(own) == 0 && len(r.c.Defaults.RemoteRegions) == 0 {
				where := p + ".remote_regions"
				if rc.Workplace == "" {
					where = "defaults.remote_regions"
				}
				msg := "remote roles should say where their holder may live: add remote_regions, for example [US] or [US-CO, US-CA]"
				if role.Place != nil {
					agg.add(where, msg, fmt.Sprintf("until then the laws that cover remote work filled from anywhere in %s are applied", role.Place.CountryName), role.ID)
					facts.RemoteAreas = []string{role.Place.Country}
				} else {
					agg.add(where, msg, "with no location either, no pay-transparency law can be checked", role.ID)
				}
			}
			if slices.Contains(areas, "EU") {
				where := p + ".remote_regions"
				if own == nil {
					where = "defaults.remote_regions"
				}
				agg.add(where, "EU member states' pay-transparency laws apply where the person works, and EU alone names no country", "list the member states instead (for example [IT, SK]) so their laws can be checked", role.ID)
			}
			if mi, ok := m.byID[role.ReportsTo]; ok && m.Roles[mi].Workplace != "remote" {
				facts.ManagerPlace = m.Roles[mi].Place
			}
		}
		if m.Settings.Date.IsZero() {
			continue
		}
		matches := table.Matches(facts, m.Settings.Date)
		if len(matches) == 0 {
			continue
		}
		pv := r.postingFor(i)
		role.Compliance = r.roleCompliance(m, i, role, matches, pv, &agg, benefits)
		// Shared at once, not when Resolve ends: a company's roles have a
		// few dozen distinct records, and 10,000 copies would be 6 MB more
		// at the height of resolving. Nothing changes a record once made.
		r.shareNow(&role.Compliance)
		for _, mt := range matches {
			if mt.ThresholdAssumed && assumed[mt.Rule.Code] == nil {
				assumed[mt.Rule.Code] = mt.Rule
				assumedOrder = append(assumedOrder, mt.Rule.Code)
			}
		}
	}
	agg.flush(r)
	if len(assumedOrder) > 0 {
		var laws []string
		for _, code := range assumedOrder {
			rule := assumed[code]
			laws = append(laws, fmt.Sprintf("%s (%s)", rule.Name, rule.ThresholdScope))
		}
		r.warnAt("company.employees", "not set, and some pay-transparency laws only cover employers of a certain size: jdgen assumes these apply: %s; set company.employees to the number of employees", strings.Join(laws, "; "))
	}
}

// canadianExperience finds a requirement of Canadian (work) experience.
var canadianExperience = regexp.MustCompile(`(?i)\bcanadian\s+(?:work\s+)?experience\b`)

// remotePrefix matches "Remote", "Remote - US", "Remote (US)", "Remote, US".
var remotePrefix = regexp.MustCompile(`(?i)^remote\b[\s,:(–—-]*`)

// place reads role i's location, warning when it cannot be placed. A
// remote role may be written "Remote" (nowhere in particular) or "Remote,
// US" (the rest is placed).
func (r *resolver) place(i int, remote bool) *geo.Place {
	rc := r.c.Roles[i]
	loc, path := rc.Location, fmt.Sprintf("roles[%d].location", i)
	if loc.IsZero() {
		loc, path = r.c.Defaults.Location, "defaults.location"
	}
	if loc.IsZero() {
		return nil
	}
	var (
		pl  geo.Place
		err error
	)
	text := loc.Text
	if remote && remotePrefix.MatchString(text) {
		text = strings.TrimSpace(strings.TrimSuffix(remotePrefix.ReplaceAllString(text, ""), ")"))
		if text == "" {
			return nil
		}
	}
	if loc.IsMapping() {
		pl, err = geo.FromParts(loc.City(), loc.Region(), loc.Country())
	} else {
		pl, err = geo.Parse(text)
	}
	if err != nil {
		var ge *geo.Error
		msg := err.Error()
		if errors.As(err, &ge) {
			msg = ge.Detail + "; " + ge.Hint
		}
		r.warnAt(path, "%s; until then pay-transparency laws are not checked for roles here", msg)
		return nil
	}
	return &pl
}

// remoteAreas checks remote-region codes; a code jdgen does not know is a
// problem (it would silently skip the laws it names).
func (r *resolver) remoteAreas(path string, codes []string) []string {
	var out []string
	for j, c := range codes {
		a, err := geo.ParseArea(c)
		if err != nil {
			var ge *geo.Error
			msg := err.Error()
			if errors.As(err, &ge) {
				msg = ge.Detail + "; " + ge.Hint
			}
			r.at(fmt.Sprintf("%s[%d]", path, j), "%s", msg)
			continue
		}
		if !slices.Contains(out, a.Code) {
			out = append(out, a.Code)
		}
	}
	return out
}

// roleCompliance checks one role against the laws that apply to it.
func (r *resolver) roleCompliance(m *Model, i int, role *Role, matches []paylaw.Match, pv postingValues, agg *aggregates, benefits string) *Compliance {
	p := fmt.Sprintf("roles[%d]", i)
	out := &Compliance{}
	needs := map[string]bool{}
	salaryPath := p + ".salary"
	if role.Salary != nil && role.Salary.Source == "band" {
		salaryPath = "ladder.bands." + role.Level
	}
	for _, mt := range matches {
		rule := mt.Rule
		j := Jurisdiction{Code: rule.Code, Name: rule.Name, Law: rule.Law, Why: mt.Why, ThresholdAssumed: mt.ThresholdAssumed,
			Threshold: rule.ThresholdScope, Source: rule.Source, Checked: rule.Checked.Format("2006-01-02"), Confidence: rule.Confidence}
		exemptAbove := 0.0
		if n, ok := rule.Has(paylaw.ExemptAbove); ok {
			exemptAbove = n.Value
		}
		for _, n := range mt.Needs {
			if n.Kind == paylaw.ExemptAbove {
				continue // a condition of the pay requirement, not one itself
			}
			needs[n.Kind] = true
			req := LegalRequirement{Kind: n.Kind, Text: requirementTexts[n.Kind], Status: StatusMet}
			if n.Kind == paylaw.MaxSpread {
				req.Text = fmt.Sprintf(req.Text, FormatMoney(n.Value, currencyOf(rule)))
			}
			head := fmt.Sprintf("%s requires %s %s; %s", lawName(rule), req.Text, scope(rule), mt.Why)
			s := role.Salary
			switch n.Kind {
			case paylaw.PayRange, paylaw.PayBeforeInterview:
				if s == nil {
					req.Status, req.Detail = StatusMissing, "no salary and no pay band for "+role.Level
					if exemptAbove > 0 {
						head += fmt.Sprintf(" (no pay is needed when it is over %s a year)", FormatMoney(exemptAbove, currencyOf(rule)))
					}
					if pv.open {
						r.warnAt(salaryPath, "%s; add salary: {min, max} to the role or a band for %s (ladder.bands.%s)", head, role.Level, role.Level)
					}
				} else {
					req.Detail = s.Text
				}
			case paylaw.ClosedRange:
				switch {
				case s == nil:
					req.Status, req.Detail = StatusMissing, "no range"
				case s.Min <= 0:
					req.Status, req.Detail = StatusMissing, "the range starts at 0: it is open-ended"
					if pv.open {
						r.warnAt(salaryPath, "%s; the range %s starts at 0, which reads as open-ended: give the real minimum", head, s.Text)
					}
				default:
					req.Detail = s.Text
				}
			case paylaw.MaxSpread:
				req.Status, req.Detail = r.spread(s, n.Value, exemptAbove, rule)
				switch {
				case !pv.open || req.Status == StatusMet || req.Status == StatusExempt || s == nil:
				case s.Source == "band":
					// A band is shared: one warning lists its roles.
					agg.add(salaryPath, fmt.Sprintf("%s requires %s %s", lawName(rule), req.Text, scope(rule)), req.Detail, role.ID)
				default:
					r.warnAt(salaryPath, "%s; %s", head, req.Detail)
				}
			case paylaw.GoodFaith:
				if s == nil {
					req.Status, req.Detail = StatusMissing, "no range to state"
				} else {
					req.Detail = "the documents say the range is a good-faith estimate"
				}
			case paylaw.Benefits:
				if benefits == "" {
					req.Status, req.Detail = StatusMissing, "company.benefits is empty"
					if pv.open {
						agg.add("company.benefits", fmt.Sprintf("%s requires %s %s", lawName(rule), req.Text, scope(rule)), "add company.benefits (and mention bonuses or commissions there)", role.ID)
					}
				} else {
					req.Detail = benefits
				}
			case paylaw.Deadline:
				req.Status, req.Detail = r.deadline(pv, m.Settings.Date)
				if pv.open && req.Status != StatusMet {
					agg.add(pv.applyByPath, fmt.Sprintf("%s requires %s %s", lawName(rule), req.Text, scope(rule)), req.Detail+`: write a date (YYYY-MM-DD) after the effective date, or "ongoing"`, role.ID)
				}
			case paylaw.HowToApply:
				if pv.howTo == "" && pv.url == "" {
					req.Status, req.Detail = StatusMissing, "no posting.how_to_apply or posting.apply_url"
					if pv.open {
						agg.add(pv.howPath, fmt.Sprintf("%s requires %s %s", lawName(rule), req.Text, scope(rule)), "add posting.how_to_apply or posting.apply_url", role.ID)
					}
				} else {
					req.Detail = firstOf(pv.howTo, pv.url)
				}
			case paylaw.AIStatement:
				if pv.ai == nil {
					req.Status, req.Detail = StatusMissing, "posting.ai_screening is not set"
					if pv.open {
						agg.add(pv.aiPath, fmt.Sprintf("%s requires %s %s", lawName(rule), req.Text, scope(rule)), "add posting.ai_screening: true or false", role.ID)
					}
				} else {
					req.Detail = fmt.Sprintf("ai_screening: %v", *pv.ai)
				}
			case paylaw.VacancyStatement:
				if pv.vac != "existing" && pv.vac != "future" {
					req.Status, req.Detail = StatusMissing, "posting.vacancy is not set"
					if pv.vac != "" {
						req.Detail = fmt.Sprintf("posting.vacancy is %q", pv.vac)
					}
					if pv.open {
						agg.add(pv.vacancyPath, fmt.Sprintf("%s requires %s %s", lawName(rule), req.Text, scope(rule)), "add posting.vacancy: existing or future", role.ID)
					}
				} else {
					req.Detail = "vacancy: " + pv.vac
				}
			case paylaw.NoCanadianExperience:
				var found []string
				for _, it := range role.Qualifications {
					if canadianExperience.MatchString(it.Text) {
						found = append(found, it.Text)
					}
				}
				if len(found) > 0 {
					req.Status, req.Detail = StatusMissing, "asks for: "+strings.Join(found, "; ")
					if pv.open {
						r.warnAt(p+".qualifications", "%s; remove %q", head, found[0])
					}
				} else {
					req.Detail = "no qualification asks for Canadian experience"
				}
			case paylaw.GenderNeutralTitle:
				var words []string
				for _, f := range wording.Check(role.Title) {
					if f.Why == "gendered" {
						words = append(words, fmt.Sprintf("%q (write %s)", f.Text, f.Suggestion))
					}
				}
				if len(words) > 0 {
					req.Status, req.Detail = StatusMissing, "the title has "+strings.Join(words, ", ")
					r.warnAt(r.titlePath(i), "%s; the title %q has %s", head, role.Title, strings.Join(words, ", "))
				} else {
					req.Detail = role.Title
				}
			}
			j.Requirements = append(j.Requirements, req)
		}
		out.Jurisdictions = append(out.Jurisdictions, j)
	}
	out.Statements = r.statements(role, needs, pv, benefits)
	return out
}

// titlePath is where role i's title comes from.
func (r *resolver) titlePath(i int) string {
	if r.c.Roles[i].Title != "" {
		return fmt.Sprintf("roles[%d].title", i)
	}
	for j, t := range r.c.Templates {
		if t.ID == r.c.Roles[i].Template && t.Title != "" {
			return fmt.Sprintf("templates[%d].title", j)
		}
	}
	return fmt.Sprintf("roles[%d].template", i)
}

// currencyOf is the currency a rule's amounts are in.
func currencyOf(rule *paylaw.Rule) string {
	switch rule.Country {
	case "US":
		return "USD"
	case "CA":
		return "CAD"
	}
	return "EUR"
}

// spread checks a range against a law's widest allowed range.
func (r *resolver) spread(s *Pay, limit, exemptAbove float64, rule *paylaw.Rule) (string, string) {
	cur := currencyOf(rule)
	switch {
	case s == nil:
		return StatusMissing, "no range"
	case s.Currency != cur || s.Period != "year":
		return StatusCheck, fmt.Sprintf("the range %s is not in %s a year, so jdgen cannot compare it with the %s limit: check it", s.Text, cur, FormatMoney(limit, cur))
	case exemptAbove > 0 && s.Max > exemptAbove:
		return StatusExempt, fmt.Sprintf("the range tops out above %s a year: no pay needs to be posted", FormatMoney(exemptAbove, cur))
	case s.Max-s.Min > limit:
		return StatusMissing, fmt.Sprintf("the range %s is %s wide: narrow it to %s or less", s.Text, FormatMoney(s.Max-s.Min, cur), FormatMoney(limit, cur))
	}
	return StatusMet, s.Text
}

// deadline checks the application deadline against the run's date.
func (r *resolver) deadline(pv postingValues, date time.Time) (string, string) {
	switch strings.ToLower(pv.applyBy) {
	case "", "ongoing":
		return StatusMet, "applications accepted on an ongoing basis"
	}
	d, err := time.Parse("2006-01-02", pv.applyBy)
	if err != nil {
		return StatusMissing, fmt.Sprintf("apply_by %q is not a date", pv.applyBy)
	}
	if d.Before(date.UTC().Truncate(24 * time.Hour)) {
		return StatusMissing, fmt.Sprintf("apply_by %s is before the effective date %s", pv.applyBy, date.UTC().Format("2006-01-02"))
	}
	return StatusMet, "applications close " + pv.applyBy
}

// statements are the sentences the documents print because a law asks.
func (r *resolver) statements(role *Role, needs map[string]bool, pv postingValues, benefits string) []PostingStatement {
	var out []PostingStatement
	add := func(kind, format string, args ...any) {
		out = append(out, PostingStatement{Kind: kind, Text: fmt.Sprintf(format, args...)})
	}
	if s := role.Salary; s != nil && (needs[paylaw.PayRange] || needs[paylaw.PayBeforeInterview]) {
		add("pay", "Pay range: %s.", s.Text)
		if needs[paylaw.GoodFaith] {
			add("good_faith", "This range is our good-faith estimate of the pay we expect to offer at hire.")
		}
	}
	if needs[paylaw.Benefits] && benefits != "" {
		add("benefits", "Benefits: %s.", strings.TrimSuffix(benefits, "."))
	}
	if needs[paylaw.Deadline] {
		if d, err := time.Parse("2006-01-02", pv.applyBy); err == nil {
			add("deadline", "Applications close on %s.", r.longDate(d))
		} else if pv.applyBy == "" || strings.EqualFold(pv.applyBy, "ongoing") {
			add("deadline", "Applications are accepted on an ongoing basis.")
		}
	}
	if needs[paylaw.HowToApply] {
		switch {
		case pv.howTo != "":
			add("how_to_apply", "How to apply: %s", ensureStop(pv.howTo))
		case pv.url != "":
			add("how_to_apply", "How to apply: apply at %s.", pv.url)
		}
	}
	if needs[paylaw.AIStatement] && pv.ai != nil {
		if *pv.ai {
			add("ai_screening", "We use artificial intelligence to screen, assess or select applicants for this position.")
		} else {
			add("ai_screening", "We do not use artificial intelligence to screen, assess or select applicants for this position.")
		}
	}
	if needs[paylaw.VacancyStatement] {
		switch pv.vac {
		case "existing":
			add("vacancy", "This posting is for an existing vacancy.")
		case "future":
			add("vacancy", "This posting is not for an existing vacancy: we are accepting applications for future openings.")
		}
	}
	return out
}

func ensureStop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// longDate writes a date the company's English way: "January 31, 2027"
// (en-US, en-CA) or "31 January 2027" (en-GB, en-AU).
func (r *resolver) longDate(d time.Time) string {
	switch r.c.Company.Locale {
	case "en-GB", "en-AU":
		return d.Format("2 January 2006")
	}
	return d.Format("January 2, 2006")
}
