package pdf

import (
	"fmt"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/pdftag"
)

// JDPayBar is where a role's pay sits in its level's band, drawn as a small
// horizontal bar in the compensation section when output.pay_chart is on:
// the band from its minimum to its maximum, the role's range marked on it.
type JDPayBar struct {
	// BandMin and BandMax are the level's band.
	BandMin, BandMax float64
	// RoleMin and RoleMax are the role's own pay range.
	RoleMin, RoleMax float64
}

// Pay bar layout, in points at full density.
const (
	pdfPayBarW       = 240.0 // the bar's width at most
	pdfPayBarH       = 7.0   // the band
	pdfPayBarMarkH   = 11.0  // the role's range, taller than the band
	pdfPayBarGap     = 4.0   // bar to caption
	pdfPayBarCaption = 8.0   // caption type size
	pdfPayBarLead    = 11.0
)

// pdfPayBarBlock is the pay bar of role r, when the run asks for it
// (Settings.PayChart) and the role has its own pay in the currency and
// period of its level's band.
func pdfPayBarBlock(m *generator.Model, r *generator.Role) (JDBlock, bool) {
	s := r.Salary
	if !m.Settings.PayChart || s == nil || s.Source != "role" {
		return JDBlock{}, false
	}
	for _, lv := range m.Ladder.Levels {
		b := lv.Pay
		if lv.Code != r.Level || b == nil || b.Currency != s.Currency || b.Period != s.Period || b.Max <= b.Min {
			continue
		}
		caption := fmt.Sprintf("Position of this pay range (marked) in the %s band, %s to %s per %s.",
			lv.Code, generator.FormatMoney(b.Min, b.Currency), generator.FormatMoney(b.Max, b.Currency), b.Period)
		return JDBlock{Kind: JDPayChart, Text: caption,
			Bar: &JDPayBar{BandMin: b.Min, BandMax: b.Max, RoleMin: s.Min, RoleMax: s.Max}}, true
	}
	return JDBlock{}, false
}

// pdfBar is a pay bar laid out: what placePiece draws above the caption.
type pdfBar struct {
	bar JDPayBar
	w   float64
}

// drawPayBar lays out the bar and its caption as one row: the bar sits in
// the row's top padding. The caption, a paragraph under parent, carries
// the figures; the bar itself is tagged as an artifact.
func (l *pdfLayout) drawPayBar(b JDBlock, parent pdftag.Elem) []pdfRow {
	if b.Bar == nil {
		return nil
	}
	st := pdfStyle{size: pdfPayBarCaption, color: pdfMuted}
	r := l.textRow(st, pdfPayBarLead, b.Text, 0, l.width, l.elem(parent, pdftag.P))
	r.padTop = pdfPayBarMarkH + pdfPayBarGap
	r.bar = &pdfBar{bar: *b.Bar, w: min(l.width, pdfPayBarW)}
	return []pdfRow{r}
}

// drawBar adds the bar's fills with its top at y: the band as a tinted
// strip, the role's range as a taller mark in the brand colour. A range
// reaching outside the band widens the scale, so it shows.
func (l *pdfLayout) drawBar(p *pdfBar, y float64) {
	b := p.bar
	lo, hi := min(b.BandMin, b.RoleMin), max(b.BandMax, b.RoleMax)
	if hi <= lo {
		return
	}
	x := func(v float64) float64 { return l.left + (v-lo)/(hi-lo)*p.w }
	markH, bandH := pdfPayBarMarkH, pdfPayBarH
	l.add(pdfOp{kind: pdfOpFill, x: x(b.BandMin), y: y + (markH-bandH)/2, w: x(b.BandMax) - x(b.BandMin), h: bandH, style: pdfStyle{color: pdfHairline}, elem: pdfArtifactLayout})
	w := max(x(b.RoleMax)-x(b.RoleMin), pdfRuleW*2)
	l.add(pdfOp{kind: pdfOpFill, x: x(b.RoleMin), y: y, w: w, h: markH, style: pdfStyle{color: l.brand}, elem: pdfArtifactLayout})
}
