package generator

import "fmt"

// Limits of the pay checks. The conventions behind them are in
// shared/domain/hr-compliance-facts.md, section 4 ("Pay-band conventions"),
// all from secondary sources:
//   - range spread runs from about 20-25% (production, service) to 50-60%
//     and more (managerial, executive); broadbands exceed 80%. Below 10% a
//     band leaves no room to grow in the job; above 150% it is no longer a
//     band (and a range that wide is hard to post in good faith: Delaware
//     ties good faith to the breadth of a range, Ontario caps a posted
//     range's spread).
//   - midpoint progression between grades is typically 8-12%, 10-18% being
//     modal; under 8% "makes promotions meaningless". jdgen warns under 5%,
//     well inside that.
//   - overlap between adjacent bands is normal; one that covers most of the
//     lower band means a promotion barely changes the pay range.
const (
	// minSpread and maxSpread bound a band's range spread, (max-min)/min.
	minSpread = 0.10
	maxSpread = 1.50
	// maxOverlap is the largest share of a band's range the next band may cover.
	maxOverlap = 0.60
	// minProgression is the smallest midpoint rise to the next level.
	minProgression = 0.05
)

// payChecks warns about pay that a reviewer should look at: a role paid
// outside its level's band, bands that do not climb, and bands too narrow,
// too wide or too alike. Each warning names the levels and the figures.
func (r *resolver) payChecks(m *Model) {
	for _, b := range m.PayBands() {
		code := b.Level.Code
		path := "ladder.bands." + code
		if b.Spread < minSpread || b.Spread > maxSpread {
			r.warnAt(path, "the %s band (%s) has a range spread of %s; keep the spread, (max - min) / min, between %s and %s",
				code, bandText(b), percent(b.Spread), percent(minSpread), percent(maxSpread))
		}
		for _, br := range b.Roles {
			if br.OwnSalary && br.Comparable && (br.Pay.Min < b.Min || br.Pay.Max > b.Max) {
				r.warnAt(fmt.Sprintf("roles[%d].salary", br.Index), "%s is outside the %s band (%s): %s",
					FormatPay(*br.Pay), code, bandText(b), outside(br.Pay, b))
			}
		}
		n := b.Next
		if n == nil || !b.Comparable {
			continue
		}
		next := "ladder.bands." + n.Level.Code
		switch {
		case n.Mid <= b.Mid:
			r.warnAt(next, "the %s midpoint (%s) is not above the %s midpoint (%s); a higher level should pay more",
				n.Level.Code, FormatMoney(n.Mid, n.Currency), code, FormatMoney(b.Mid, b.Currency))
		case b.Progression < minProgression:
			r.warnAt(next, "the %s midpoint (%s) is only %s above the %s midpoint (%s); under %s a promotion barely changes pay",
				n.Level.Code, FormatMoney(n.Mid, n.Currency), percent(b.Progression), code, FormatMoney(b.Mid, b.Currency), percent(minProgression))
		}
		if b.Overlap > maxOverlap {
			r.warnAt(path, "the %s band (%s) overlaps %s of the %s band (%s); keep the overlap at or under %s of the lower band",
				n.Level.Code, bandText(n), percent(b.Overlap), code, bandText(b), percent(maxOverlap))
		}
	}
}

// bandText is a band's range as text: "$85,000 – $110,000 per year".
func bandText(b *PayBand) string {
	return FormatPay(Pay{Min: b.Min, Max: b.Max, Currency: b.Currency, Period: b.Period})
}

// outside says by how much a role's pay leaves the band.
func outside(p *Pay, b *PayBand) string {
	switch {
	case p.Min < b.Min && p.Max > b.Max:
		return fmt.Sprintf("the minimum is %s below and the maximum %s above the band",
			FormatMoney(b.Min-p.Min, b.Currency), FormatMoney(p.Max-b.Max, b.Currency))
	case p.Min < b.Min:
		return fmt.Sprintf("the minimum is %s below the band", FormatMoney(b.Min-p.Min, b.Currency))
	}
	return fmt.Sprintf("the maximum is %s above the band", FormatMoney(p.Max-b.Max, b.Currency))
}

// percent shows a share as a whole or one-decimal percentage: "12.5%".
func percent(v float64) string {
	s := fmt.Sprintf("%.1f", v*100)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + "%"
}
