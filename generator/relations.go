package generator

import (
	"slices"

	"github.com/jdgen/jdgen/templates"
)

// Display titles of the two reporting targets that are not roles.
const (
	// CEOTitle is how `reports_to: ceo` is shown.
	CEOTitle = "Chief Executive Officer"
	// BoardTitle is how `reports_to: board` is shown.
	BoardTitle = "Board of Directors"
)

// chainOf is the reporting chain above role i: the indices of its manager,
// its manager's manager and so on, ending at the role that reports to the
// CEO or the board. ok is false when the chain does not reach the CEO or the
// board (an unknown manager or a cycle: both are reported as problems).
func chainOf(m *Model, i int) (chain []int, top string, ok bool) {
	seen := map[int]bool{i: true}
	cur := i
	for {
		switch m.Roles[cur].ReportsTo {
		case templates.ReportsToCEO, templates.ReportsToBoard:
			return chain, m.Roles[cur].ReportsTo, true
		}
		mi, found := m.byID[m.Roles[cur].ReportsTo]
		if !found || seen[mi] {
			return chain, "", false
		}
		seen[mi] = true
		chain = append(chain, mi)
		cur = mi
	}
}

// relate fills in each role's place in the real reporting chain: the top
// operations executive, the executive above it, the chain of titles and the
// position that chooses among the library's wording variants. It runs after
// orgTree, so managers and direct reports are known.
func (r *resolver) relate(m *Model) {
	for i := range m.Roles {
		role := &m.Roles[i]
		chain, top, ok := chainOf(m, i)
		if !ok {
			// The reporting line is broken; a problem says so already.
			continue
		}
		role.IsTopOps = len(chain) == 0
		role.TopOpsTitle = role.Title
		if !role.IsTopOps {
			role.TopOpsTitle = m.Roles[chain[len(chain)-1]].Title
		}
		role.ExecutiveTitle = CEOTitle
		if top == templates.ReportsToBoard {
			role.ExecutiveTitle = BoardTitle
		}
		role.Chain = make([]string, 0, len(chain)+1)
		for _, c := range chain {
			role.Chain = append(role.Chain, m.Roles[c].Title)
		}
		role.Chain = append(role.Chain, role.ExecutiveTitle)
		// The reporting line is whole: shared from here on (see roles).
		r.shareNow(&role.RoleReporting)
	}
}

// position is the role's place in its company as the library's `when:`
// conditions see it.
func (role *Role) position() templates.Position {
	return templates.Position{TopOps: role.IsTopOps, HasReports: len(role.DirectReports) > 0}
}

// vars are the values the library's placeholders take for the role.
func (role *Role) vars(experienceYears int) templates.Vars {
	return templates.Vars{
		Title:           role.Title,
		Manager:         role.ReportsToTitle,
		TopOps:          role.TopOpsTitle,
		Executive:       role.ExecutiveTitle,
		ExperienceYears: experienceYears,
	}
}

// careerPath sets the levels below and above the role to the nearest levels
// that exist in this company's structure: a level held by some configured
// role. The ladder's own levels between them are skipped, and the top
// operations executive has no level above in the company. Promotion is the
// ladder's text for leaving the role's level, kept only when there is a step
// above.
func (r *resolver) careerPath(m *Model) {
	held := map[string]bool{}
	for _, role := range m.Roles {
		held[role.Level] = true
	}
	for i := range m.Roles {
		role := &m.Roles[i]
		idx := r.ladder.Index(role.Level)
		if idx < 0 {
			continue
		}
		var cp CareerPath
		for j := idx - 1; j >= 0; j-- {
			if lv := r.ladder.Levels[j]; held[lv.Code] {
				cp.Below = &LevelRef{Code: lv.Code, Title: lv.Title}
				break
			}
		}
		for j := idx + 1; j < len(r.ladder.Levels) && !role.IsTopOps; j++ {
			if lv := r.ladder.Levels[j]; held[lv.Code] {
				cp.Above = &LevelRef{Code: lv.Code, Title: lv.Title}
				break
			}
		}
		if cp.Above != nil {
			cp.Promotion = r.ladder.Levels[idx].NextLevel
		}
		// The text may be shared with other roles: changed in a copy.
		role.OwnText()
		role.CareerPath = cp
		r.shareText(role)
	}
}

// chainTitles returns every title the role's text may name: its own, those
// of its chain, and of its direct reports.
func chainTitles(m *Model, role *Role) []string {
	out := append([]string{role.Title}, role.Chain...)
	for _, id := range role.DirectReports {
		if dr, ok := m.Role(id); ok && !slices.Contains(out, dr.Title) {
			out = append(out, dr.Title)
		}
	}
	return out
}
