package pdf

import (
	"math"
	"strconv"
	"strings"
)

// Page geometry and typography, in points (1/72 inch).
const (
	pdfMarginSide   = 54.0 // left and right page margins
	pdfMarginTop    = 44.0 // top of the content on every page
	pdfMarginBottom = 62.0 // content never goes below page height minus this
	pdfFooterBase   = 32.0 // footer baseline, from the page's bottom edge
	pdfFooterRule   = 46.0 // footer hairline, from the page's bottom edge

	pdfLogoMaxW = 150.0 // logo box, aspect kept
	pdfLogoMaxH = 42.0

	pdfCompanySize   = 11.0 // company name when there is no logo
	pdfCompanyLead   = 1.3  // its line height, as a multiple of its size
	pdfCompanyMaxW   = 0.7  // its widest line, as a share of the content width
	pdfEyebrowSize   = 7.5  // "JOB DESCRIPTION" above the title
	pdfTitleSize     = 20.0
	pdfTitleLead     = 24.0
	pdfSubtitleSize  = 10.5
	pdfSubtitleLead  = 15.0
	pdfSubtitleGap   = 2.0  // title to subtitle
	pdfHeaderGap     = 14.0 // logo/company line to title
	pdfHeaderRuleGap = 10.0 // subtitle to brand rule
	pdfHeaderRuleW   = 1.5  // brand rule thickness
	pdfHeaderBelow   = 12.0 // brand rule to first section

	pdfHeadingSize   = 11.5
	pdfHeadingLead   = 15.0
	pdfHeadingBefore = 15.0 // space above a section heading
	pdfHeadingAfter  = 2.5  // space between a heading and its content

	pdfSubheadSize   = 9.5
	pdfSubheadBefore = 6.0
	pdfSubheadAfter  = 1.0

	pdfBodySize   = 9.5
	pdfBodyLead   = 13.25
	pdfLabelSize  = 8.5
	pdfItemGap    = 2.5 // between bullet items and definition rows
	pdfBlockGap   = 6.0 // between blocks of one section
	pdfParaGap    = 3.5 // between paragraphs and definitions
	pdfFooterSize = 7.5

	pdfBulletIndent = 13.0  // hanging indent of bullet text
	pdfBulletX      = 2.0   // bullet glyph position
	pdfBulletGlyph  = "•"   // drawn in the bullet column
	pdfTableLabelW  = 116.0 // label column of the identification table
	pdfTablePadX    = 7.0
	pdfTablePadY    = 3.0
	pdfRuleW        = 0.5 // hairlines

	pdfCapCentre = 0.36 // baseline offset from a line's middle, as a share of the font size
	pdfKeepLines = 3    // rows of at most this many lines never split across pages
	pdfMinLines  = 2    // fewest lines left on either side of a split
)

// pdfEyebrow labels the document at the top right of the first page.
const pdfEyebrow = "JOB DESCRIPTION"

// pdfRGB is a colour.
type pdfRGB struct{ r, g, b int }

// Neutral colours; the brand colour comes from the company.
var (
	pdfInk       = pdfRGB{0x1F, 0x23, 0x28}
	pdfMuted     = pdfRGB{0x5A, 0x63, 0x6E}
	pdfHairline  = pdfRGB{0xD3, 0xD8, 0xDE}
	pdfLabelFill = pdfRGB{0xF3, 0xF5, 0xF7}
)

// pdfStyle is a font face, size and colour.
type pdfStyle struct {
	face  string // fpdf style: "" regular, "B" bold
	size  float64
	color pdfRGB
}

// pdfOpKind is the kind of a drawing operation.
type pdfOpKind uint8

const (
	pdfOpText pdfOpKind = iota + 1
	pdfOpRule
	pdfOpFill
	pdfOpImage
	pdfOpBookmark
)

// pdfOp is one positioned drawing operation. Text: x and y are the start of
// the baseline. Rule: from (x, y) to (x+w, y), h thick. Fill and image: the
// rectangle. Bookmark: text at y.
type pdfOp struct {
	kind       pdfOpKind
	x, y, w, h float64
	style      pdfStyle
	text       string
}

// pdfCell is one column of a row: its lines already wrapped to its width.
type pdfCell struct {
	x     float64 // offset from the left margin
	lines []pdfLine
}

// pdfRow is the unit of flow: cells side by side that share a line height.
// A row is split across pages only between lines, never leaving fewer than
// pdfMinLines lines on either side, and rows of up to pdfKeepLines lines are
// kept whole.
type pdfRow struct {
	cells     []pdfCell
	lead      float64 // line height
	size      float64 // largest font size, to place the baseline
	padTop    float64
	padBottom float64
	before    float64   // space above the row, dropped at the top of a page
	keepNext  bool      // never end a page with this row (headings)
	fills     []pdfSpan // tinted label columns
	ruleAbove bool      // hairline above the row
	ruleBelow bool      // hairline below the row
	bookmark  string    // outline entry pointing at the row
}

// lines is the number of lines of the tallest cell.
func (r *pdfRow) lines() int {
	n := 0
	for _, c := range r.cells {
		n = max(n, len(c.lines))
	}
	return n
}

// minHeight is the height of the smallest first piece the row can be split into.
func (r *pdfRow) minHeight() float64 {
	n := r.lines()
	if n > pdfKeepLines {
		n = pdfMinLines
	}
	return r.padTop + r.padBottom + float64(n)*r.lead
}

func (r *pdfRow) height() float64 {
	return r.padTop + r.padBottom + float64(r.lines())*r.lead
}

// pdfLayout places a document on pages as drawing operations, measuring
// text with fpdf's own width tables (see pdfStringWidth) so that what is
// measured is what fpdf draws.
type pdfLayout struct {
	pageW     float64
	pageH     float64
	left      float64
	width     float64 // content width
	bottom    float64 // lowest y content may reach
	y         float64
	pages     [][]pdfOp
	cur       int    // the page operations are added to
	brand     pdfRGB // rules
	brandText pdfRGB // headings: the brand colour, darkened if too light to read
	logo      *Logo
	k         float64       // density: body type sizes and spacing are scaled by k
	cache     *pdfWrapCache // wrapped texts kept between documents; nil for none
}

// pdfDensities are the scales tried in turn for body type and spacing: a
// document is set at the first that fits in pdfMaxPages pages (or the last).
var pdfDensities = []float64{1.0, 0.975, 0.95, 0.925, 0.9}

// pdfMaxPages is the page budget of a job description.
const pdfMaxPages = 3

// newPDFLayout lays out on pages w x h points at density k.
func newPDFLayout(w, h float64, brand pdfRGB, logo *Logo, k float64) *pdfLayout {
	return &pdfLayout{
		pageW:     w,
		pageH:     h,
		left:      pdfMarginSide,
		width:     w - 2*pdfMarginSide,
		bottom:    h - pdfMarginBottom,
		brand:     brand,
		brandText: pdfReadable(brand),
		logo:      logo,
		k:         k,
	}
}

// s scales a body size or spacing to the layout's density.
func (l *pdfLayout) s(v float64) float64 { return v * l.k }

// document lays out the whole document and returns the operations of each page.
func (l *pdfLayout) document(d JDDocument) [][]pdfOp {
	l.newPage()
	l.drawHeader(d)
	for _, s := range d.Sections {
		l.flow(l.drawSection(s))
	}
	for i := range l.pages {
		l.drawFooter(d, i)
	}
	return l.pages
}

func (l *pdfLayout) newPage() {
	l.pages = append(l.pages, nil)
	l.cur = len(l.pages) - 1
	l.y = pdfMarginTop
}

func (l *pdfLayout) atTop() bool { return l.y <= pdfMarginTop }

// add appends an operation to the current page.
func (l *pdfLayout) add(op pdfOp) {
	l.pages[l.cur] = append(l.pages[l.cur], op)
}

// text adds one line of text with its baseline at y.
func (l *pdfLayout) text(x, y float64, st pdfStyle, s string) {
	if s == "" {
		return
	}
	l.add(pdfOp{kind: pdfOpText, x: x, y: y, style: st, text: s})
}

func (l *pdfLayout) rule(x, y, w, thick float64, c pdfRGB) {
	l.add(pdfOp{kind: pdfOpRule, x: x, y: y, w: w, h: thick, style: pdfStyle{color: c}})
}

// drawHeader draws the logo or company name, the title, the subtitle and
// the brand rule at the top of the first page.
func (l *pdfLayout) drawHeader(d JDDocument) {
	top := l.y
	line := pdfCompanySize * pdfCompanyLead // height of the eyebrow's line
	band := line                            // height of the logo or company name
	if l.logo != nil {
		w, h := l.logo.fit(pdfLogoMaxW, pdfLogoMaxH)
		l.add(pdfOp{kind: pdfOpImage, x: l.left, y: top, w: w, h: h})
		line, band = h, h
	} else {
		st := pdfStyle{face: "B", size: pdfCompanySize, color: l.brandText}
		name := l.wrap(st, d.Company, l.width*pdfCompanyMaxW)
		for i, nl := range name {
			l.drawLine(l.left, top+float64(i)*line+line/2+pdfCapCentre*st.size, nl)
		}
		band = line * float64(max(1, len(name)))
	}
	eyebrow := pdfStyle{face: "B", size: pdfEyebrowSize, color: pdfMuted}
	lw := l.stringWidth(eyebrow, pdfEyebrow)
	l.text(l.left+l.width-lw, top+line/2+pdfCapCentre*eyebrow.size, eyebrow, pdfEyebrow)
	l.y = top + band + pdfHeaderGap

	title := pdfStyle{face: "B", size: pdfTitleSize, color: pdfInk}
	l.flow([]pdfRow{l.textRow(title, pdfTitleLead, d.Title, 0, l.width)})
	if d.Subtitle != "" {
		sub := pdfStyle{size: pdfSubtitleSize, color: pdfMuted}
		r := l.textRow(sub, pdfSubtitleLead, d.Subtitle, 0, l.width)
		r.before = pdfSubtitleGap
		l.flow([]pdfRow{r})
	}
	l.y += pdfHeaderRuleGap
	l.rule(l.left, l.y, l.width, pdfHeaderRuleW, l.brand)
	l.y += pdfHeaderRuleW + pdfHeaderBelow
}

// textRow is a single-cell row of wrapped text.
func (l *pdfLayout) textRow(st pdfStyle, lead float64, s string, x, w float64) pdfRow {
	return pdfRow{lead: lead, size: st.size, cells: []pdfCell{{x: x, lines: l.wrap(st, s, w)}}}
}

// drawSection turns a section into rows: its heading, then each block.
func (l *pdfLayout) drawSection(s JDSection) []pdfRow {
	heading := pdfStyle{face: "B", size: l.s(pdfHeadingSize), color: l.brandText}
	h := l.textRow(heading, l.s(pdfHeadingLead), s.Heading, 0, l.width)
	h.before = l.s(pdfHeadingBefore)
	h.padBottom = l.s(pdfHeadingAfter)
	h.keepNext = true
	h.bookmark = s.Heading
	rows := []pdfRow{h}
	for i, b := range s.Blocks {
		br := l.blockRows(b)
		if i > 0 && len(br) > 0 {
			br[0].before = max(br[0].before, l.s(pdfBlockGap))
		}
		rows = append(rows, br...)
	}
	if s.ID == JDIdentification && len(rows) > 1 {
		// The table follows the header directly: its heading is only a
		// bookmark.
		rows = rows[1:]
		rows[0].bookmark = s.Heading
	}
	return rows
}

// blockRows lays out one block.
func (l *pdfLayout) blockRows(b JDBlock) []pdfRow {
	switch b.Kind {
	case JDParagraph:
		return l.drawParagraph(b.Text)
	case JDBullets:
		return l.drawBullets(b.Items)
	case JDTable:
		return l.drawIdentification(b.Rows)
	case JDDefinitions:
		return l.drawDefinitions(b.Rows)
	case JDGroups:
		return l.drawGroups(b.Groups)
	}
	return nil
}

func (l *pdfLayout) body() pdfStyle { return pdfStyle{size: l.s(pdfBodySize), color: pdfInk} }

// drawParagraph is running text; a hard line break starts a new paragraph.
func (l *pdfLayout) drawParagraph(text string) []pdfRow {
	var rows []pdfRow
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		r := l.textRow(l.body(), l.s(pdfBodyLead), para, 0, l.width)
		if len(rows) > 0 {
			r.before = l.s(pdfParaGap)
		}
		rows = append(rows, r)
	}
	return rows
}

// drawBullets is a bullet list with hanging indents.
func (l *pdfLayout) drawBullets(items []string) []pdfRow {
	rows := make([]pdfRow, 0, len(items))
	bullet := pdfLine{{style: pdfStyle{size: l.s(pdfBodySize), color: l.brand}, text: pdfBulletGlyph}}
	w := l.width - pdfBulletIndent
	for i, it := range items {
		r := pdfRow{lead: l.s(pdfBodyLead), size: l.s(pdfBodySize), cells: []pdfCell{
			{x: pdfBulletX, lines: []pdfLine{bullet}},
			{x: pdfBulletIndent, lines: l.wrap(l.body(), it, w)},
		}}
		if i > 0 {
			r.before = l.s(pdfItemGap)
		}
		rows = append(rows, r)
	}
	return rows
}

// drawGroups is bullet lists under bold sub-headings kept with their first item.
func (l *pdfLayout) drawGroups(groups []JDGroup) []pdfRow {
	var rows []pdfRow
	sub := pdfStyle{face: "B", size: l.s(pdfSubheadSize), color: pdfInk}
	for _, g := range groups {
		if len(g.Items) == 0 {
			continue
		}
		h := l.textRow(sub, l.s(pdfBodyLead), g.Heading, 0, l.width)
		h.keepNext = true
		h.padBottom = l.s(pdfSubheadAfter)
		if len(rows) > 0 {
			h.before = l.s(pdfSubheadBefore)
		}
		rows = append(rows, h)
		rows = append(rows, l.drawBullets(g.Items)...)
	}
	return rows
}

// pdfSpan is a horizontal extent, from the left margin.
type pdfSpan struct{ x, w float64 }

// drawIdentification is the ruled two-column key-value table under the
// header: labels on a tinted column, values beside them.
func (l *pdfLayout) drawIdentification(kv []JDRow) []pdfRow {
	label := pdfStyle{size: l.s(pdfLabelSize), color: pdfMuted}
	labelW := pdfTableLabelW - 2*pdfTablePadX
	valueW := l.width - pdfTableLabelW - 2*pdfTablePadX
	rows := make([]pdfRow, 0, len(kv))
	for i, r := range kv {
		rows = append(rows, pdfRow{
			lead: l.s(pdfBodyLead), size: l.s(pdfBodySize),
			padTop: l.s(pdfTablePadY), padBottom: l.s(pdfTablePadY),
			ruleBelow: true, ruleAbove: i == 0,
			fills: []pdfSpan{{0, pdfTableLabelW}},
			cells: []pdfCell{
				{x: pdfTablePadX, lines: l.wrap(label, r.Label, labelW)},
				{x: pdfTableLabelW + pdfTablePadX, lines: l.wrap(l.body(), r.Value, valueW)},
			},
		})
	}
	return rows
}

// drawDefinitions is terms and their descriptions as paragraphs, each
// starting with its term in bold ("Scope: One department…").
func (l *pdfLayout) drawDefinitions(kv []JDRow) []pdfRow {
	term := pdfStyle{face: "B", size: l.s(pdfBodySize), color: pdfInk}
	rows := make([]pdfRow, 0, len(kv))
	for i, r := range kv {
		lead := r.Label
		if !strings.HasSuffix(lead, ":") {
			lead += ":"
		}
		row := pdfRow{lead: l.s(pdfBodyLead), size: l.s(pdfBodySize), cells: []pdfCell{
			{lines: l.wrapRuns([]pdfRun{{term, lead}, {l.body(), " " + r.Value}}, l.width)},
		}}
		if i > 0 {
			row.before = l.s(pdfParaGap)
		}
		rows = append(rows, row)
	}
	return rows
}

// flow places rows one after the other, breaking pages between rows or
// between the lines of a long row, and never leaving a keepNext row (a
// heading) at the bottom of a page without the start of what follows.
func (l *pdfLayout) flow(rows []pdfRow) {
	for i := range rows {
		r := &rows[i]
		if r.lines() == 0 {
			continue
		}
		before := r.before
		if l.atTop() {
			before = 0
		}
		need := before + r.minHeight()
		if r.keepNext {
			need = before + r.height()
			for j := i + 1; j < len(rows); j++ {
				need += rows[j].before + rows[j].minHeight()
				if !rows[j].keepNext {
					break
				}
			}
		}
		if l.y+need > l.bottom && !l.atTop() {
			l.newPage()
			before = 0
		}
		l.y += before
		l.placeRow(r)
	}
}

// placeRow draws a row at the current position, splitting it across pages
// between lines when it does not fit.
func (l *pdfLayout) placeRow(r *pdfRow) {
	n := r.lines()
	for start := 0; start < n; {
		avail := int((l.bottom - l.y - r.padTop - r.padBottom + 0.01) / r.lead)
		rem := n - start
		k := rem
		if rem > avail {
			k = avail
			if rem-k < pdfMinLines {
				k = rem - pdfMinLines
			}
			if (start == 0 && (n <= pdfKeepLines || k < pdfMinLines)) || k < 1 {
				k = 0
			}
			if k == 0 {
				if !l.atTop() {
					l.newPage()
					continue
				}
				k = max(1, min(avail, rem))
			}
		}
		l.placePiece(r, start, start+k)
		start += k
		if start < n {
			l.newPage()
		}
	}
}

// placePiece draws lines [a, b) of a row.
func (l *pdfLayout) placePiece(r *pdfRow, a, b int) {
	top := l.y
	h := r.padTop + r.padBottom + float64(b-a)*r.lead
	if r.bookmark != "" && a == 0 {
		l.add(pdfOp{kind: pdfOpBookmark, y: top, text: r.bookmark})
	}
	for _, f := range r.fills {
		l.add(pdfOp{kind: pdfOpFill, x: l.left + f.x, y: top, w: f.w, h: h, style: pdfStyle{color: pdfLabelFill}})
	}
	if r.ruleAbove || (a > 0 && r.ruleBelow) {
		l.rule(l.left, top, l.width, pdfRuleW, pdfHairline)
	}
	for _, c := range r.cells {
		for i := a; i < b && i < len(c.lines); i++ {
			base := top + r.padTop + float64(i-a)*r.lead + r.lead/2 + pdfCapCentre*r.size
			l.drawLine(l.left+c.x, base, c.lines[i])
		}
	}
	if r.ruleBelow {
		l.rule(l.left, top+h, l.width, pdfRuleW, pdfHairline)
	}
	l.y = top + h
}

// drawLine adds the segments of one line with its baseline at y.
func (l *pdfLayout) drawLine(x, y float64, line pdfLine) {
	for _, s := range line {
		l.text(x+s.dx, y+s.dy, s.style, s.text)
	}
}

// drawFooter adds "Company · Title · Page X of Y" and a hairline above it
// to page i (from 0). The total is known when it is drawn, so every digit is
// real text (no {nb} alias, whose digits could miss from the font subset).
func (l *pdfLayout) drawFooter(d JDDocument, i int) {
	l.cur = i
	st := pdfStyle{size: pdfFooterSize, color: pdfMuted}
	line := l.footer(st, d.Company, d.Title, i+1, len(l.pages))
	l.rule(l.left, l.pageH-pdfFooterRule, l.width, pdfRuleW, pdfHairline)
	l.drawLine(l.left+(l.width-l.lineWidth(line))/2, l.pageH-pdfFooterBase, line)
}

// footer is the footer line of page n of total, shortened to fit on one
// line: the title loses characters first, then the company name. The
// longest prefix that fits is found by binary search over its length, so
// a long title costs O(n log n), not one re-layout per dropped character.
func (l *pdfLayout) footer(st pdfStyle, company, title string, n, total int) pdfLine {
	page := "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(total)
	build := func() pdfLine {
		return l.wrap(st, pdfJoin(" "+pdfSeparator+" ", company, title, page), 1e6)[0]
	}
	line := build()
	for _, which := range []*string{&title, &company} {
		if l.lineWidth(line) <= l.width || *which == "" {
			continue
		}
		full := []rune(strings.TrimSpace(*which))
		try := func(k int) pdfLine {
			*which = pdfShortenTo(full, k)
			return build()
		}
		k := pdfLongestFit(len(full)-1, func(k int) bool { return l.lineWidth(try(k)) <= l.width })
		line = try(k)
	}
	return line
}

// pdfLongestFit is the largest k in [0, max] with fits(k), given that fits
// holds for every k below one that fits; 0 when none does. It calls fits
// O(log max) times.
func pdfLongestFit(max int, fits func(k int) bool) int {
	lo, hi := 0, max // fits(lo) is assumed (the shortest form)
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// pdfShortenTo is the first k characters of rs ending with "…" (trailing
// spaces and punctuation dropped), or "" for k = 0.
func pdfShortenTo(rs []rune, k int) string {
	if k <= 0 {
		return ""
	}
	return strings.TrimRight(string(rs[:min(k, len(rs))]), " ,;:·-–—") + "…"
}

// pdfReadable darkens c until it reaches a 4.5:1 contrast with white, so
// headings in a light brand colour stay legible.
func pdfReadable(c pdfRGB) pdfRGB {
	for range 40 {
		if pdfContrast(c) >= 4.5 {
			break
		}
		c = pdfRGB{c.r * 9 / 10, c.g * 9 / 10, c.b * 9 / 10}
	}
	return c
}

// pdfContrast is the WCAG contrast ratio of c against white.
func pdfContrast(c pdfRGB) float64 {
	lin := func(v int) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	lum := 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
	return 1.05 / (lum + 0.05)
}
