package generator

// Pay-band figures, computed once here so the workbook, the job
// descriptions and the pay checks all show the same numbers.
//
// Conventions (shared/domain/hr-compliance-facts.md, section 4, "Pay-band
// conventions"; secondary sources, no single standard):
//   - range spread = (max - min) / min (WorldatWork-style benchmarks);
//   - midpoint = (min + max) / 2;
//   - midpoint progression = next midpoint / midpoint - 1;
//   - compa-ratio = pay / midpoint (1.00 = at the midpoint); for a role paid
//     a range, its own midpoint over the band's midpoint;
//   - overlap: the facts give (max of lower - min of higher) / (range of the
//     higher band); jdgen reports it as a share of the LOWER band's range,
//     as issue 14 asks ("overlap above 60% of the lower band").

// PayBand is the pay band of one ladder level with the figures a reviewer
// compares across levels.
type PayBand struct {
	// Level is the ladder level (code, title, band).
	Level LadderLevel
	// Min, Mid and Max are the band's minimum, midpoint and maximum.
	Min, Mid, Max float64
	// Currency and Period ("year" or "hour") are the band's.
	Currency, Period string
	// Spread is (Max - Min) / Min.
	Spread float64
	// Next is the next higher level that has a band, nil at the top.
	Next *PayBand
	// Comparable is true when Next is paid in the same currency and period,
	// so Progression and Overlap mean something.
	Comparable bool
	// Progression is Next.Mid / Mid - 1 (when Comparable).
	Progression float64
	// Overlap is the part of this band's range that Next also covers, as a
	// share of this band's range: (min(Max, Next.Max) - max(Min, Next.Min))
	// / (Max - Min), at least 0; 0 when Comparable is false.
	Overlap float64
	// Roles are the roles at this level, in config order.
	Roles []BandRole
}

// BandRole is one role at a band's level and where its pay sits.
type BandRole struct {
	ID, Title string
	// Index is the role's position in Model.Roles (and in the config).
	Index int
	// Pay is the role's pay: its own salary, or the band when it has none.
	Pay *Pay
	// OwnSalary is true when the role has its own salary.
	OwnSalary bool
	// Comparable is true when Pay is in the band's currency and period.
	Comparable bool
	// Mid is the midpoint of Pay.
	Mid float64
	// CompaRatio is Mid / the band's midpoint (when Comparable).
	CompaRatio float64
}

// PayBands returns the bands of the levels that have one, lowest level
// first, with their figures and roles.
func (m *Model) PayBands() []*PayBand {
	var out []*PayBand
	for _, lv := range m.Ladder.Levels {
		if lv.Pay == nil {
			continue
		}
		p := lv.Pay
		b := &PayBand{Level: lv, Min: p.Min, Max: p.Max, Mid: (p.Min + p.Max) / 2, Currency: p.Currency, Period: p.Period}
		if p.Min > 0 {
			b.Spread = (p.Max - p.Min) / p.Min
		}
		for _, id := range lv.Roles {
			i, ok := m.byID[id]
			if !ok {
				continue
			}
			r := &m.Roles[i]
			br := BandRole{ID: r.ID, Title: r.Title, Index: i, Pay: r.Salary}
			if r.Salary != nil {
				br.OwnSalary = r.Salary.Source == "role"
				br.Mid = (r.Salary.Min + r.Salary.Max) / 2
				br.Comparable = r.Salary.Currency == b.Currency && r.Salary.Period == b.Period
				if br.Comparable && b.Mid > 0 {
					br.CompaRatio = br.Mid / b.Mid
				}
			}
			b.Roles = append(b.Roles, br)
		}
		if n := len(out); n > 0 {
			prev := out[n-1]
			prev.Next = b
			prev.Comparable = prev.Currency == b.Currency && prev.Period == b.Period
			if prev.Comparable {
				if prev.Mid > 0 {
					prev.Progression = b.Mid/prev.Mid - 1
				}
				inter := min(prev.Max, b.Max) - max(prev.Min, b.Min)
				if width := prev.Max - prev.Min; width > 0 && inter > 0 {
					prev.Overlap = inter / width
				}
			}
		}
		out = append(out, b)
	}
	return out
}
