package output

import (
	"math"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/jdgen/jdgen/internal/fonts"
)

// Page geometry and typography, in points (1/72 inch).
const (
	pdfMarginSide   = 60.0 // left and right page margins
	pdfMarginTop    = 50.0 // top of the content on every page
	pdfMarginBottom = 70.0 // content never goes below page height minus this
	pdfFooterBase   = 38.0 // footer baseline, from the page's bottom edge
	pdfFooterRule   = 52.0 // footer hairline, from the page's bottom edge

	pdfLogoMaxW = 150.0 // logo box, aspect kept
	pdfLogoMaxH = 42.0

	pdfCompanySize   = 11.0 // company name when there is no logo
	pdfEyebrowSize   = 7.5  // "JOB DESCRIPTION" above the title
	pdfTitleSize     = 20.0
	pdfTitleLead     = 24.0
	pdfSubtitleSize  = 10.5
	pdfSubtitleLead  = 15.0
	pdfHeaderGap     = 16.0 // logo/company line to title
	pdfHeaderRuleGap = 10.0 // subtitle to brand rule
	pdfHeaderRuleW   = 1.5  // brand rule thickness
	pdfHeaderBelow   = 8.0  // brand rule to first section

	pdfHeadingSize   = 11.5
	pdfHeadingLead   = 15.0
	pdfHeadingBefore = 16.0 // space above a section heading
	pdfHeadingAfter  = 3.0  // space between a heading and its content

	pdfSubheadSize   = 9.5
	pdfSubheadBefore = 6.0

	pdfBodySize   = 9.5
	pdfBodyLead   = 13.5
	pdfLabelSize  = 8.5
	pdfItemGap    = 2.5 // between bullet items and definition rows
	pdfBlockGap   = 6.0 // between blocks of one section
	pdfFooterSize = 7.5

	pdfBulletIndent = 13.0  // hanging indent of bullet text
	pdfBulletGlyph  = "•"   // drawn in the bullet column
	pdfTableLabelW  = 128.0 // label column of the identification table
	pdfTablePadX    = 7.0
	pdfTablePadY    = 3.5
	pdfDefLabelW    = 128.0 // term column of definition lists
	pdfRuleW        = 0.5   // hairlines

	pdfCapCentre = 0.36 // baseline offset from a line's middle, as a share of the font size
	pdfKeepLines = 3    // rows of at most this many lines never split across pages
	pdfMinLines  = 2    // fewest lines left on either side of a split
)

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

// pdfCell is one column of a row: its lines already wrapped to width w.
type pdfCell struct {
	x, w  float64 // offset from the left margin, width
	style pdfStyle
	lines []string
}

// pdfRow is the unit of flow: cells side by side that share a line height.
// A row is split across pages only between lines, never leaving fewer than
// pdfMinLines lines on either side, and rows of up to pdfKeepLines lines are
// kept whole.
type pdfRow struct {
	cells      []pdfCell
	lead       float64
	padTop     float64
	padBottom  float64
	before     float64  // space above the row, dropped at the top of a page
	keepNext   bool     // never end a page with this row (headings)
	fill       *pdfRGB  // background of the first cell's column
	fillW      float64  // width of that background
	ruleAbove  bool     // hairline above the row
	ruleBelow  bool     // hairline below the row
	bookmark   string   // outline entry pointing at the row
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

// pdfLayout places a document on pages. It measures text with the fpdf
// document it will later draw into, so measurement and drawing agree.
type pdfLayout struct {
	pdf        *fpdf.Fpdf
	pageW      float64
	pageH      float64
	left       float64
	width      float64 // content width
	bottom     float64 // lowest y content may reach
	y          float64
	pages      [][]pdfOp
	brand      pdfRGB // rules
	brandText  pdfRGB // headings: the brand colour, darkened if too light to read
	logo       *PDFLogo
}

func newPDFLayout(pdf *fpdf.Fpdf, brand pdfRGB, logo *PDFLogo) *pdfLayout {
	w, h := pdf.GetPageSize()
	return &pdfLayout{
		pdf:       pdf,
		pageW:     w,
		pageH:     h,
		left:      pdfMarginSide,
		width:     w - 2*pdfMarginSide,
		bottom:    h - pdfMarginBottom,
		brand:     brand,
		brandText: pdfReadable(brand),
		logo:      logo,
	}
}

// document lays out the whole document and returns the operations of each page.
func (l *pdfLayout) document(d JDDocument) [][]pdfOp {
	l.newPage()
	l.drawHeader(d)
	for _, s := range d.Sections {
		l.flow(l.sectionRows(s))
	}
	return l.pages
}

func (l *pdfLayout) newPage() {
	l.pages = append(l.pages, nil)
	l.y = pdfMarginTop
}

func (l *pdfLayout) atTop() bool { return l.y <= pdfMarginTop }

func (l *pdfLayout) add(op pdfOp) {
	p := len(l.pages) - 1
	l.pages[p] = append(l.pages[p], op)
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

// wrap splits s into lines no wider than w in style st. Hard line breaks
// in s are kept.
func (l *pdfLayout) wrap(st pdfStyle, s string, w float64) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	l.pdf.SetFont(fonts.Family, st.face, st.size)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		for _, line := range l.pdf.SplitText(para, w) {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, line)
			}
		}
	}
	return out
}

func (l *pdfLayout) stringWidth(st pdfStyle, s string) float64 {
	l.pdf.SetFont(fonts.Family, st.face, st.size)
	return l.pdf.GetStringWidth(s)
}

// drawHeader draws the logo or company name, the title, the subtitle and
// the brand rule at the top of the first page.
func (l *pdfLayout) drawHeader(d JDDocument) {
	eyebrow := pdfStyle{face: "B", size: pdfEyebrowSize, color: pdfMuted}
	top := l.y
	band := pdfCompanySize * 1.3
	if l.logo != nil {
		w, h := l.logo.fit(pdfLogoMaxW, pdfLogoMaxH)
		l.add(pdfOp{kind: pdfOpImage, x: l.left, y: top, w: w, h: h})
		band = h
	} else {
		st := pdfStyle{face: "B", size: pdfCompanySize, color: l.brandText}
		name := l.wrap(st, d.Company, l.width*0.7)
		for i, line := range name {
			l.text(l.left, top+float64(i)*band+band/2+pdfCapCentre*st.size, st, line)
		}
		band *= float64(max(1, len(name)))
	}
	const label = "JOB DESCRIPTION"
	lw := l.stringWidth(eyebrow, label)
	l.text(l.left+l.width-lw, top+pdfCompanySize*0.65+pdfCapCentre*eyebrow.size, eyebrow, label)
	l.y = top + band + pdfHeaderGap

	title := pdfStyle{face: "B", size: pdfTitleSize, color: pdfInk}
	l.flow([]pdfRow{l.textRow(title, pdfTitleLead, d.Title, 0, l.width)})
	if d.Subtitle != "" {
		sub := pdfStyle{size: pdfSubtitleSize, color: pdfMuted}
		r := l.textRow(sub, pdfSubtitleLead, d.Subtitle, 0, l.width)
		r.before = 2
		l.flow([]pdfRow{r})
	}
	l.y += pdfHeaderRuleGap
	l.rule(l.left, l.y, l.width, pdfHeaderRuleW, l.brand)
	l.y += pdfHeaderRuleW + pdfHeaderBelow
}

// textRow is a single-cell row of wrapped text.
func (l *pdfLayout) textRow(st pdfStyle, lead float64, s string, x, w float64) pdfRow {
	return pdfRow{lead: lead, cells: []pdfCell{{x: x, w: w, style: st, lines: l.wrap(st, s, w)}}}
}

// sectionRows turns a section into rows: its heading, then each block.
func (l *pdfLayout) sectionRows(s JDSection) []pdfRow {
	heading := pdfStyle{face: "B", size: pdfHeadingSize, color: l.brandText}
	h := l.textRow(heading, pdfHeadingLead, s.Heading, 0, l.width)
	h.before = pdfHeadingBefore
	h.padBottom = pdfHeadingAfter
	h.keepNext = true
	h.bookmark = s.Heading
	rows := []pdfRow{h}
	for i, b := range s.Blocks {
		br := l.blockRows(b)
		if i > 0 && len(br) > 0 {
			br[0].before = max(br[0].before, pdfBlockGap)
		}
		rows = append(rows, br...)
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

func (l *pdfLayout) body() pdfStyle { return pdfStyle{size: pdfBodySize, color: pdfInk} }

// drawParagraph is running text; a hard line break starts a new paragraph.
func (l *pdfLayout) drawParagraph(text string) []pdfRow {
	var rows []pdfRow
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		r := l.textRow(l.body(), pdfBodyLead, para, 0, l.width)
		if len(rows) > 0 {
			r.before = pdfBlockGap / 2
		}
		rows = append(rows, r)
	}
	return rows
}

// drawBullets is a bullet list with hanging indents.
func (l *pdfLayout) drawBullets(items []string) []pdfRow {
	rows := make([]pdfRow, 0, len(items))
	bullet := pdfStyle{size: pdfBodySize, color: l.brand}
	for i, it := range items {
		r := pdfRow{lead: pdfBodyLead, cells: []pdfCell{
			{x: 2, w: pdfBulletIndent, style: bullet, lines: []string{pdfBulletGlyph}},
			{x: pdfBulletIndent, w: l.width - pdfBulletIndent, style: l.body(), lines: l.wrap(l.body(), it, l.width-pdfBulletIndent)},
		}}
		if i > 0 {
			r.before = pdfItemGap
		}
		rows = append(rows, r)
	}
	return rows
}

// drawGroups is bullet lists under bold sub-headings kept with their first item.
func (l *pdfLayout) drawGroups(groups []JDGroup) []pdfRow {
	var rows []pdfRow
	sub := pdfStyle{face: "B", size: pdfSubheadSize, color: pdfInk}
	for i, g := range groups {
		if len(g.Items) == 0 {
			continue
		}
		h := l.textRow(sub, pdfBodyLead, g.Heading, 0, l.width)
		h.keepNext = true
		h.padBottom = 1
		if i > 0 {
			h.before = pdfSubheadBefore
		}
		rows = append(rows, h)
		rows = append(rows, l.drawBullets(g.Items)...)
	}
	return rows
}

// drawIdentification is the ruled key-value table under the header.
func (l *pdfLayout) drawIdentification(kv []JDRow) []pdfRow {
	label := pdfStyle{size: pdfLabelSize, color: pdfMuted}
	valueX := pdfTableLabelW + pdfTablePadX
	valueW := l.width - valueX - pdfTablePadX
	rows := make([]pdfRow, 0, len(kv))
	fill := pdfLabelFill
	for i, r := range kv {
		row := pdfRow{
			lead: pdfBodyLead, padTop: pdfTablePadY, padBottom: pdfTablePadY,
			fill: &fill, fillW: pdfTableLabelW, ruleBelow: true, ruleAbove: i == 0,
			cells: []pdfCell{
				{x: pdfTablePadX, w: pdfTableLabelW - 2*pdfTablePadX, style: label, lines: l.wrap(label, r.Label, pdfTableLabelW-2*pdfTablePadX)},
				{x: valueX, w: valueW, style: l.body(), lines: l.wrap(l.body(), r.Value, valueW)},
			},
		}
		rows = append(rows, row)
	}
	return rows
}

// drawDefinitions is terms in a bold left column beside their descriptions.
func (l *pdfLayout) drawDefinitions(kv []JDRow) []pdfRow {
	term := pdfStyle{face: "B", size: pdfBodySize, color: pdfInk}
	gap := 12.0
	valueW := l.width - pdfDefLabelW - gap
	rows := make([]pdfRow, 0, len(kv))
	for i, r := range kv {
		row := pdfRow{lead: pdfBodyLead, cells: []pdfCell{
			{x: 0, w: pdfDefLabelW, style: term, lines: l.wrap(term, r.Label, pdfDefLabelW)},
			{x: pdfDefLabelW + gap, w: valueW, style: l.body(), lines: l.wrap(l.body(), r.Value, valueW)},
		}}
		if i > 0 {
			row.before = pdfItemGap + 2
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
		if r.keepNext {
			need := before + r.height()
			for j := i + 1; j < len(rows); j++ {
				need += rows[j].before + rows[j].minHeight()
				if !rows[j].keepNext {
					break
				}
			}
			if l.y+need > l.bottom && !l.atTop() {
				l.newPage()
				before = 0
			}
		} else if l.y+before+r.minHeight() > l.bottom && !l.atTop() {
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
	if r.fill != nil {
		l.add(pdfOp{kind: pdfOpFill, x: l.left, y: top, w: r.fillW, h: h, style: pdfStyle{color: *r.fill}})
	}
	if r.ruleAbove || (a > 0 && r.ruleBelow) {
		l.rule(l.left, top, l.width, pdfRuleW, pdfHairline)
	}
	size := 0.0
	for _, c := range r.cells {
		size = max(size, c.style.size)
	}
	for _, c := range r.cells {
		for i := a; i < b && i < len(c.lines); i++ {
			base := top + r.padTop + float64(i-a)*r.lead + r.lead/2 + pdfCapCentre*size
			l.text(l.left+c.x, base, c.style, c.lines[i])
		}
	}
	if r.ruleBelow {
		l.rule(l.left, top+h, l.width, pdfRuleW, pdfHairline)
	}
	l.y = top + h
}

// footer is the footer line of page n of total, shortened to fit: the
// title loses characters first, then the company name.
func (l *pdfLayout) footer(company, title string, n, total int) (string, pdfStyle) {
	st := pdfStyle{size: pdfFooterSize, color: pdfMuted}
	page := "Page " + pdfItoa(n) + " of " + pdfItoa(total)
	line := func(c, t string) string { return pdfJoin(" · ", c, t, page) }
	s := line(company, title)
	for _, which := range []*string{&title, &company} {
		for l.stringWidth(st, s) > l.width && *which != "" {
			*which = pdfShorten(*which)
			s = line(company, title)
		}
	}
	return s, st
}

// pdfShorten drops the last character of s and ends it with "…".
func pdfShorten(s string) string {
	s = strings.TrimSuffix(s, "…")
	rs := []rune(strings.TrimSpace(s))
	if len(rs) <= 1 {
		return ""
	}
	rs = rs[:len(rs)-1]
	return strings.TrimRight(string(rs), " ,;:·-–—") + "…"
}

func pdfItoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
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
