package generator

import (
	"fmt"

	"github.com/jdgen/jdgen/templates"
)

// The federal salary level for the FLSA white-collar exemptions in force in
// 2026: the 2024 rule ($844, then $1,128 a week) was vacated on 15 Nov 2024
// (Texas v. DOL, E.D. Tex.), so the 2019 level applies.
const (
	// FederalExemptWeekly is the federal salary threshold per week, USD.
	FederalExemptWeekly = 684
	// FederalExemptYearly is the federal salary threshold per year, USD.
	FederalExemptYearly = 35568
)

// stateExemptSalary is a state's own salary threshold for exempt
// employees, where it is higher than the federal one.
type stateExemptSalary struct {
	// Yearly is the threshold per year, USD.
	Yearly float64
	// Note qualifies the figure (a higher local figure, an unverified year).
	Note string
}

// stateExemptSalaries are the 2026 state thresholds above the federal level
// (sources in /work/shared/domain/hr-compliance-facts.md, section 3.2).
// New York's is the rest-of-state figure for executive and administrative
// employees. Colorado's 2026 figure was not verified; its 2025 one is used.
var stateExemptSalaries = map[string]stateExemptSalary{
	"CA": {Yearly: 70304},
	"WA": {Yearly: 80168.40},
	"NY": {Yearly: 62353.20, Note: " ($66,300 in New York City, Long Island and Westchester)"},
	"AK": {Yearly: 58240, Note: " from July 1, 2026"},
	"CO": {Yearly: 56485, Note: " (the 2025 figure; check the 2026 one)"},
	"ME": {Yearly: 45300.32},
}

// flsaStatus chooses a role's FLSA status: the role's own, else the
// template's non-exempt (a default never overrides it), else the file's
// default, else the template's, else exempt.
func flsaStatus(role, template, dflt string) string {
	switch {
	case role != "":
		return role
	case template == templates.FLSANonExempt:
		return template
	}
	return firstOf(dflt, template, templates.FLSAExempt)
}

// isUSRole reports whether the US wage and hour rules apply to the role:
// its location is in a US state, or it gives no country and the company's
// locale is American.
func isUSRole(location, localeCountry string) bool {
	switch locationCountry(location) {
	case "US":
		return true
	case "other":
		return false
	}
	return localeCountry == "US"
}

// checkPay warns about a role's pay: no pay at all (the job description
// shows none, posted or not), and, for US roles that
// are exempt from overtime, pay by the hour or below the federal or state
// salary threshold.
func (r *resolver) checkPay(i int, role *Role) {
	p := fmt.Sprintf("roles[%d]", i)
	if role.Salary == nil {
		if !r.noPayAnywhere {
			r.warnAt(p, "no salary and no pay band for level %s: the documents will show no pay range; add salary: {min, max} to the role or ladder.bands.%s", role.Level, role.Level)
		}
		return
	}
	if role.FLSA != templates.FLSAExempt {
		return
	}
	s := role.Salary
	where := p + ".salary"
	if s.Source == "band" {
		where = "ladder.bands." + role.Level
	}
	if s.Period == "hour" {
		r.warnAt(where, "%s is FLSA exempt but paid by the hour; the exemption needs a salary of at least $%d a week (%s a year): pay a salary or set flsa: non-exempt", role.ID, FederalExemptWeekly, FormatMoney(FederalExemptYearly, "USD"))
		return
	}
	if s.Currency != "USD" || s.Period != "year" {
		return
	}
	state, _ := usState(role.Location)
	st, hasState := stateExemptSalaries[state]
	switch {
	case s.Min < FederalExemptYearly:
		msg := fmt.Sprintf("%s is FLSA exempt but its pay starts at %s a year, below the federal salary threshold of $%d a week (%s a year)", role.ID, FormatMoney(s.Min, s.Currency), FederalExemptWeekly, FormatMoney(FederalExemptYearly, "USD"))
		if hasState {
			msg += fmt.Sprintf("; %s's threshold is %s a year%s", usStates[state], FormatMoney(st.Yearly, "USD"), st.Note)
		}
		r.warnAt(where, "%s: raise the salary or set flsa: non-exempt", msg)
	case hasState && s.Min < st.Yearly:
		r.warnAt(where, "%s is FLSA exempt but its pay starts at %s a year, below %s's salary threshold for exempt employees of %s a year%s: raise the salary or set flsa: non-exempt", role.ID, FormatMoney(s.Min, s.Currency), usStates[state], FormatMoney(st.Yearly, "USD"), st.Note)
	}
}

// checkRoles applies the US wage and hour rules to each role: roles outside
// the US carry no FLSA status; every role's pay is checked (checkPay).
//
// A file with problems is not checked: its roles may be half resolved, and
// the problems come first.
func (r *resolver) checkRoles(m *Model) {
	if len(r.ps.list) > 0 {
		return
	}
	// A file with no pay anywhere gets one warning, not one per role.
	r.noPayAnywhere = len(m.Roles) > 1
	for i := range m.Roles {
		if m.Roles[i].Salary != nil {
			r.noPayAnywhere = false
		}
	}
	if r.noPayAnywhere {
		r.warnAt("roles", "no role has a salary and the ladder has no pay bands: the documents will show no pay ranges; add salary: {min, max} to the roles or ladder.bands")
	}
	for i := range m.Roles {
		role := &m.Roles[i]
		if i >= len(r.src) || !r.src[i].ok {
			continue
		}
		if role.FLSA != "" && !isUSRole(role.Location, m.Company.Country) {
			// The terms may be shared with other roles: changed in a copy.
			role.OwnTerms()
			role.FLSA = ""
			r.shareNow(&role.RoleTerms)
		}
		r.checkPay(i, role)
	}
}
