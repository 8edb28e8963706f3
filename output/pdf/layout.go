package pdf

import (
	"strconv"
	"strings"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/pdftag"
)

// Page geometry and typography, in points (1/72 inch). Body text is set at
// pdfBodySize whatever the document's length: nothing is scaled down to
// fit (a document over its page budget gets a warning instead, see
// pdfPageBudget).
const (
	pdfMarginSide   = 36.0 // left and right page margins
	pdfMarginTop    = 30.0 // top of the content on every page
	pdfMarginBottom = 32.0 // content never goes below page height minus this
	pdfFooterBase   = 15.0 // footer baseline, from the page's bottom edge
	pdfFooterRule   = 24.0 // footer hairline, from the page's bottom edge

	pdfLogoMaxW = 150.0 // logo box, aspect kept
	pdfLogoMaxH = 40.0

	pdfCompanySize   = 11.0 // company name when there is no logo
	pdfCompanyLead   = 1.3  // its line height, as a multiple of its size
	pdfCompanyMaxW   = 0.7  // its widest line, as a share of the content width
	pdfEyebrowSize   = 10.0 // "JOB DESCRIPTION" above the title
	pdfTitleSize     = 20.0
	pdfTitleLead     = 23.0
	pdfSubtitleSize  = 11.0
	pdfSubtitleLead  = 15.0
	pdfSubtitleGap   = 1.0 // title to subtitle
	pdfHeaderGap     = 7.0 // logo/company line to title
	pdfHeaderRuleGap = 6.0 // subtitle to brand rule
	pdfHeaderRuleW   = 1.5 // brand rule thickness
	pdfHeaderBelow   = 6.0 // brand rule to first section

	pdfHeadingSize   = 12.0
	pdfHeadingLead   = 12.5
	pdfHeadingBefore = 6.0 // space above a section heading
	pdfHeadingAfter  = 1.5 // space between a heading and its content

	pdfSubheadSize   = 10.0
	pdfSubheadBefore = 2.5
	pdfSubheadAfter  = 0.0

	pdfBodySize   = 10.0 // the smallest size of any reading text
	pdfBodyLead   = 11.5
	pdfLabelSize  = 10.0
	pdfItemGap    = 0.5 // between bullet items and definition rows
	pdfBlockGap   = 3.0 // between blocks of one section
	pdfParaGap    = 2.0 // between paragraphs and definitions
	pdfFooterSize = 8.0 // running footer (an artifact, not reading text)

	pdfBulletIndent  = 11.0  // hanging indent of bullet text
	pdfBulletX       = 2.0   // bullet glyph position
	pdfBulletGlyph   = "•"   // drawn in the bullet column
	pdfTableLabelW   = 106.0 // label column of each half of the identification table
	pdfTablePadX     = 6.0
	pdfTablePadY     = 1.5
	pdfTableGutter   = 12.0 // between the two halves of the identification table
	pdfColumnGap     = 18.0 // between columns of items
	pdfGroupLabelW   = 92.0 // the sub-heading column of grouped lists, gap included
	pdfGroupLabelGap = 8.0  // between a sub-heading and its list
	pdfRuleW         = 0.5  // hairlines

	pdfCapCentre = 0.36 // baseline offset from a line's middle, as a share of the font size
	pdfLinkRise  = 0.8  // top of a link's clickable box above the baseline, as a share of the font size
	pdfLinkDrop  = 0.25 // its bottom below the baseline, as a share of the font size
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
	pdfMuted     = pdfRGB{0x4A, 0x52, 0x5C} // 7.9:1 on white
	pdfHairline  = pdfRGB{0xD3, 0xD8, 0xDE}
	pdfLabelFill = pdfRGB{0xF3, 0xF5, 0xF7}
)

// pdfStyle is a font face, size and colour, and for a link its target.
type pdfStyle struct {
	face  string // fpdf style: "" regular, "B" bold
	size  float64
	color pdfRGB
	link  string // URL the text links to; "" for none
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

// Operations that are not content are tagged as artifacts: these elem
// values say which kind.
const (
	pdfArtifactLayout pdftag.Elem = -1 // rules, tints
	pdfArtifactFooter pdftag.Elem = -2 // the running footer
)

// pdfOp is one positioned drawing operation. Text: x and y are the start of
// the baseline. Rule: from (x, y) to (x+w, y), h thick. Fill and image: the
// rectangle. Bookmark: text at y. elem is the structure element the
// operation's content belongs to, or an artifact kind.
type pdfOp struct {
	kind       pdfOpKind
	x, y, w, h float64
	style      pdfStyle
	text       string
	elem       pdftag.Elem
}

// pdfCell is one column of a row: its lines already wrapped to its width,
// and the structure element they belong to.
type pdfCell struct {
	x     float64 // offset from the left margin
	lines []pdfLine
	elem  pdftag.Elem
	// hang: the lines past the row's other cells run on beside the rows
	// that follow (a side label longer than its first item), instead of
	// making the row taller. The rows it runs beside are kept with it.
	hang bool
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
	bar       *pdfBar   // a pay bar drawn in the top padding
}

// lines is the number of lines of the tallest cell (hanging cells count
// only when the row has nothing else).
func (r *pdfRow) lines() int {
	n, hung := 0, 0
	for _, c := range r.cells {
		if c.hang {
			hung = max(hung, len(c.lines))
		} else {
			n = max(n, len(c.lines))
		}
	}
	if n == 0 {
		return hung
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

// pdfElem is a structure element the layout made: written into the PDF's
// structure tree (pdftag) when the document is drawn. Element i of the
// layout is pdftag.Elem(i+1); the Document element is 0.
type pdfElem struct {
	parent pdftag.Elem
	typ    string
	alt    string
	attrs  string
}

// pdfLayout places a document on pages as drawing operations, measuring
// text with fpdf's own width tables (see pdfWidths) so that what is
// measured is what fpdf draws, and builds its logical structure as it goes.
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
	widths    *pdfWidths
	cache     *pdfWrapCache // wrapped texts kept between documents; nil for none
	scratch   *pdfScratch   // memory kept between documents; nil for none
	elems     []pdfElem
}

// pdfScratch is the memory of documents already written that the next
// layout reuses: each page's operation list and the structure elements.
// One renderer (one worker) has one; not safe for concurrent use.
type pdfScratch struct {
	ops   [][]pdfOp
	elems []pdfElem
}

// opList is an empty operation list for a new page.
func (s *pdfScratch) opList() []pdfOp {
	if s == nil || len(s.ops) == 0 {
		return nil
	}
	ops := s.ops[len(s.ops)-1]
	s.ops = s.ops[:len(s.ops)-1]
	return ops
}

// elemList is an empty list of structure elements.
func (s *pdfScratch) elemList() []pdfElem {
	if s == nil {
		return nil
	}
	e := s.elems
	s.elems = nil
	return e
}

// recycle takes back the memory of a layout no longer used: its pages
// and elements must not be read again.
func (s *pdfScratch) recycle(pages [][]pdfOp, elems []pdfElem) {
	if s == nil {
		return
	}
	for _, ops := range pages {
		if cap(ops) > 0 {
			clear(ops) // drop the texts they refer to
			s.ops = append(s.ops, ops[:0])
		}
	}
	if cap(elems) > cap(s.elems) {
		clear(elems)
		s.elems = elems[:0]
	}
}

// newPDFLayout lays out on pages w x h points with the fonts of widths.
func newPDFLayout(w, h float64, brand pdfRGB, logo *Logo, widths *pdfWidths) *pdfLayout {
	return &pdfLayout{
		pageW:     w,
		pageH:     h,
		left:      pdfMarginSide,
		width:     w - 2*pdfMarginSide,
		bottom:    h - pdfMarginBottom,
		brand:     brand,
		brandText: pdfReadable(brand),
		logo:      logo,
		widths:    widths,
	}
}

// elem adds a structure element of type typ under parent, in reading order.
func (l *pdfLayout) elem(parent pdftag.Elem, typ string) pdftag.Elem {
	if l.elems == nil {
		l.elems = l.scratch.elemList()
	}
	l.elems = append(l.elems, pdfElem{parent: parent, typ: typ})
	return pdftag.Elem(len(l.elems))
}

// setAlt sets an element's alternate description.
func (l *pdfLayout) setAlt(e pdftag.Elem, alt string) { l.elems[e-1].alt = alt }

// setAttrs sets an element's attributes ("/O /Table /Scope /Row").
func (l *pdfLayout) setAttrs(e pdftag.Elem, attrs string) { l.elems[e-1].attrs = attrs }

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
	l.pages = append(l.pages, l.scratch.opList())
	l.cur = len(l.pages) - 1
	l.y = pdfMarginTop
}

func (l *pdfLayout) atTop() bool { return l.y <= pdfMarginTop }

// add appends an operation to the current page.
func (l *pdfLayout) add(op pdfOp) {
	l.pages[l.cur] = append(l.pages[l.cur], op)
}

// text adds one line of text with its baseline at y, belonging to e.
func (l *pdfLayout) text(x, y float64, st pdfStyle, s string, e pdftag.Elem) {
	if s == "" {
		return
	}
	l.add(pdfOp{kind: pdfOpText, x: x, y: y, style: st, text: s, elem: e})
}

// rule adds a hairline, an artifact of kind e.
func (l *pdfLayout) rule(x, y, w, thick float64, c pdfRGB, e pdftag.Elem) {
	l.add(pdfOp{kind: pdfOpRule, x: x, y: y, w: w, h: thick, style: pdfStyle{color: c}, elem: e})
}

// drawHeader draws the logo (a Figure) or company name, the document
// label, the title (H1), the subtitle and the brand rule at the top of the
// first page.
func (l *pdfLayout) drawHeader(d JDDocument) {
	top := l.y
	line := pdfCompanySize * pdfCompanyLead // height of the eyebrow's line
	band := line                            // height of the logo or company name
	if l.logo != nil {
		w, h := l.logo.fit(pdfLogoMaxW, pdfLogoMaxH)
		fig := l.elem(0, pdftag.Figure)
		l.setAlt(fig, pdfOr(d.Company, "Company")+" logo")
		l.add(pdfOp{kind: pdfOpImage, x: l.left, y: top, w: w, h: h, elem: fig})
		line, band = h, h
	} else {
		st := pdfStyle{face: "B", size: pdfCompanySize, color: l.brandText}
		p := l.elem(0, pdftag.P)
		name := l.wrap(st, d.Company, l.width*pdfCompanyMaxW)
		for i, nl := range name {
			l.drawLine(l.left, top+float64(i)*line+line/2+pdfCapCentre*st.size, nl, p)
		}
		band = line * float64(max(1, len(name)))
	}
	eyebrow := pdfStyle{face: "B", size: pdfEyebrowSize, color: pdfMuted}
	label := pdfOr(d.Eyebrow, pdfEyebrow)
	lw := l.stringWidth(eyebrow, label)
	l.text(l.left+l.width-lw, top+line/2+pdfCapCentre*eyebrow.size, eyebrow, label, l.elem(0, pdftag.P))
	l.y = top + band + pdfHeaderGap

	title := pdfStyle{face: "B", size: pdfTitleSize, color: pdfInk}
	l.flow([]pdfRow{l.textRow(title, pdfTitleLead, d.Title, 0, l.width, l.elem(0, pdftag.H1))})
	if d.Subtitle != "" {
		sub := pdfStyle{size: pdfSubtitleSize, color: pdfMuted}
		r := l.textRow(sub, pdfSubtitleLead, d.Subtitle, 0, l.width, l.elem(0, pdftag.P))
		r.before = pdfSubtitleGap
		l.flow([]pdfRow{r})
	}
	l.y += pdfHeaderRuleGap
	l.rule(l.left, l.y, l.width, pdfHeaderRuleW, l.brand, pdfArtifactLayout)
	l.y += pdfHeaderRuleW + pdfHeaderBelow
}

// textRow is a single-cell row of wrapped text belonging to e.
func (l *pdfLayout) textRow(st pdfStyle, lead float64, s string, x, w float64, e pdftag.Elem) pdfRow {
	return pdfRow{lead: lead, size: st.size, cells: []pdfCell{{x: x, lines: l.wrap(st, s, w), elem: e}}}
}

// drawSection turns a section into rows, in a Sect element: its heading
// (H2), then each block.
func (l *pdfLayout) drawSection(s JDSection) []pdfRow {
	sect := l.elem(0, pdftag.Sect)
	var rows []pdfRow
	if s.ID != JDIdentification {
		heading := pdfStyle{face: "B", size: pdfHeadingSize, color: l.brandText}
		h := l.textRow(heading, pdfHeadingLead, s.Heading, 0, l.width, l.elem(sect, pdftag.H2))
		h.before = pdfHeadingBefore
		h.padBottom = pdfHeadingAfter
		h.keepNext = true
		rows = append(rows, h)
	}
	for i, b := range s.Blocks {
		br := l.blockRows(b, sect)
		if i > 0 && len(br) > 0 {
			br[0].before = max(br[0].before, pdfBlockGap)
		}
		rows = append(rows, br...)
	}
	// The identification table follows the header directly: its heading
	// is only a bookmark.
	if len(rows) > 0 {
		rows[0].bookmark = s.Heading
	}
	return rows
}

// blockRows lays out one block under the element parent.
func (l *pdfLayout) blockRows(b JDBlock, parent pdftag.Elem) []pdfRow {
	switch b.Kind {
	case JDParagraph:
		return l.drawParagraph(b.Text, b.Link, parent)
	case JDBullets:
		return l.drawBullets(b.Items, b.Columns, parent)
	case JDTable:
		return l.drawIdentification(b.Rows, parent)
	case JDDefinitions:
		return l.drawDefinitions(b.Rows, b.Columns, parent)
	case JDGroups:
		return l.drawGroups(b.Groups, b.Columns, parent)
	case JDPayChart:
		return l.drawPayBar(b, parent)
	}
	return nil
}

func (l *pdfLayout) body() pdfStyle { return pdfStyle{size: pdfBodySize, color: pdfInk} }

// drawParagraph is running text, one P per paragraph; a hard line break
// starts a new paragraph. The first appearance of link (a URL) in the text
// is drawn as a link.
func (l *pdfLayout) drawParagraph(text, link string, parent pdftag.Elem) []pdfRow {
	var rows []pdfRow
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		p := l.elem(parent, pdftag.P)
		var r pdfRow
		if i := strings.Index(para, link); link != "" && i >= 0 {
			ls := l.body()
			ls.color, ls.link = l.brandText, link
			r = pdfRow{lead: pdfBodyLead, size: pdfBodySize, cells: []pdfCell{{elem: p, lines: l.wrapRuns([]pdfRun{
				{l.body(), para[:i]}, {ls, link}, {l.body(), para[i+len(link):]},
			}, l.width)}}}
			link = ""
		} else {
			r = l.textRow(l.body(), pdfBodyLead, para, 0, l.width, p)
		}
		if len(rows) > 0 {
			r.before = pdfParaGap
		}
		rows = append(rows, r)
	}
	return rows
}

// drawBullets is a bullet list with hanging indents: an L of LI elements,
// each a label (Lbl, the bullet) and a body (LBody). With cols > 1 the
// items are set in that many columns, row by row.
func (l *pdfLayout) drawBullets(items []string, cols int, parent pdftag.Elem) []pdfRow {
	return l.bulletRows(items, cols, 0, l.width, parent)
}

// bulletRows is drawBullets for a list that starts x from the left margin
// and is w wide.
func (l *pdfLayout) bulletRows(items []string, cols int, x0, w float64, parent pdftag.Elem) []pdfRow {
	cols = max(cols, 1)
	rows := make([]pdfRow, 0, len(items))
	bullet := pdfLine{{style: pdfStyle{size: pdfBodySize, color: l.brand}, text: pdfBulletGlyph}}
	colW := (w - float64(cols-1)*pdfColumnGap) / float64(cols)
	list := l.elem(parent, pdftag.L)
	l.setAttrs(list, "/O /List /ListNumbering /Disc")
	for i := 0; i < len(items); i += cols {
		r := pdfRow{lead: pdfBodyLead, size: pdfBodySize}
		for c, it := range items[i:min(i+cols, len(items))] {
			x := x0 + float64(c)*(colW+pdfColumnGap)
			li := l.elem(list, pdftag.LI)
			r.cells = append(r.cells,
				pdfCell{x: x + pdfBulletX, lines: []pdfLine{bullet}, elem: l.elem(li, pdftag.Lbl)},
				pdfCell{x: x + pdfBulletIndent, lines: l.wrap(l.body(), it, colW-pdfBulletIndent), elem: l.elem(li, pdftag.LBody)})
		}
		if i > 0 {
			r.before = pdfItemGap
		}
		rows = append(rows, r)
	}
	return rows
}

// colWidth is the width of one of cols columns.
func (l *pdfLayout) colWidth(cols int) float64 {
	return (l.width - float64(cols-1)*pdfColumnGap) / float64(cols)
}

// drawGroups is bullet lists under bold sub-headings (H3). With one
// column the sub-headings stand in a column of their own to the left of
// their lists, which saves a line per group; with cols > 1 (short items),
// or a sub-heading with a word too long for that column, they stand above
// their lists, kept with the first item.
func (l *pdfLayout) drawGroups(groups []JDGroup, cols int, parent pdftag.Elem) []pdfRow {
	var rows []pdfRow
	sub := pdfStyle{face: "B", size: pdfSubheadSize, color: pdfInk}
	for _, g := range groups {
		if len(g.Items) == 0 {
			continue
		}
		h := l.elem(parent, pdftag.H3)
		if cols <= 1 && l.fitsWords(sub, g.Heading, pdfGroupLabelW-pdfGroupLabelGap) {
			br := l.bulletRows(g.Items, 1, pdfGroupLabelW, l.width-pdfGroupLabelW, parent)
			// The label stands beside the first item, whole: drawn before
			// the items, so extracted text keeps it in one piece.
			label := l.wrap(sub, g.Heading, pdfGroupLabelW-pdfGroupLabelGap)
			// A label longer than the first item runs on beside the next
			// items rather than leaving a gap under the first, when they
			// are long enough to take it; they stay on its page.
			hang := false
			if covered := br[0].lines(); len(label) > covered {
				last := 0 // the last row the label runs on beside
				for last+1 < len(br) && covered < len(label) {
					last++
					covered += br[last].lines()
				}
				if hang = covered >= len(label); hang {
					for j := range last {
						br[j].keepNext = true
					}
				}
			}
			br[0].cells = append([]pdfCell{{lines: label, elem: h, hang: hang}}, br[0].cells...)
			if len(rows) > 0 {
				br[0].before = pdfSubheadBefore
			}
			rows = append(rows, br...)
			continue
		}
		hr := l.textRow(sub, pdfBodyLead, g.Heading, 0, l.width, h)
		hr.keepNext = true
		hr.padBottom = pdfSubheadAfter
		if len(rows) > 0 {
			hr.before = pdfSubheadBefore
		}
		rows = append(rows, hr)
		rows = append(rows, l.drawBullets(g.Items, cols, parent)...)
	}
	return rows
}

// fitsWords reports whether every word of s fits in width w in style st:
// wrapped to w, no word is cut.
func (l *pdfLayout) fitsWords(st pdfStyle, s string, w float64) bool {
	for _, word := range strings.Fields(s) {
		if l.stringWidth(st, word) > w {
			return false
		}
	}
	return true
}

// pdfSpan is a horizontal extent, from the left margin.
type pdfSpan struct{ x, w float64 }

// drawIdentification is the ruled key-value table under the header, two
// label-value pairs to a line: labels on a tinted column, values beside
// them. A value that takes more than one line in its half gets a line of
// its own across the table. In the structure each pair is a table row
// (TR) of a header cell (TH, scope row) and a data cell (TD), in reading
// order: left pair, then right pair.
func (l *pdfLayout) drawIdentification(kv []JDRow, parent pdftag.Elem) []pdfRow {
	label := pdfStyle{size: pdfLabelSize, color: pdfMuted}
	labelW := pdfTableLabelW - 2*pdfTablePadX
	half := (l.width - pdfTableGutter) / 2
	halfValueW := half - pdfTableLabelW - 2*pdfTablePadX
	fullValueW := l.width - pdfTableLabelW - 2*pdfTablePadX
	table := l.elem(parent, pdftag.Table)
	pair := func(r JDRow, x, valueW float64) []pdfCell {
		tr := l.elem(table, pdftag.TR)
		th := l.elem(tr, pdftag.TH)
		l.setAttrs(th, "/O /Table /Scope /Row")
		return []pdfCell{
			{x: x + pdfTablePadX, lines: l.wrap(label, r.Label, labelW), elem: th},
			{x: x + pdfTableLabelW + pdfTablePadX, lines: l.wrap(l.body(), r.Value, valueW), elem: l.elem(tr, pdftag.TD)},
		}
	}
	fits := func(r JDRow) bool {
		return !strings.Contains(r.Value, "\n") && len(l.wrap(l.body(), r.Value, halfValueW)) <= 1 &&
			len(l.wrap(label, r.Label, labelW)) <= 1
	}
	var rows []pdfRow
	row := func(cells []pdfCell, fills []pdfSpan) {
		rows = append(rows, pdfRow{
			lead: pdfBodyLead, size: pdfBodySize,
			padTop: pdfTablePadY, padBottom: pdfTablePadY,
			ruleBelow: true, ruleAbove: len(rows) == 0,
			fills: fills, cells: cells,
		})
	}
	// A short row waits for the next short one to share its line; long
	// rows take a line of their own in between.
	open := -1 // the row whose right half is free
	for _, r := range kv {
		if !fits(r) {
			row(pair(r, 0, fullValueW), []pdfSpan{{0, pdfTableLabelW}})
			continue
		}
		if open >= 0 {
			rows[open].cells = append(rows[open].cells, pair(r, half+pdfTableGutter, halfValueW)...)
			rows[open].fills = append(rows[open].fills, pdfSpan{half + pdfTableGutter, pdfTableLabelW})
			open = -1
			continue
		}
		row(pair(r, 0, halfValueW), []pdfSpan{{0, pdfTableLabelW}})
		open = len(rows) - 1
	}
	return rows
}

// drawDefinitions is terms and their descriptions as paragraphs (P), each
// starting with its term in bold ("Scope: One department…"). With cols > 1
// they are set in that many columns, row by row.
func (l *pdfLayout) drawDefinitions(kv []JDRow, cols int, parent pdftag.Elem) []pdfRow {
	cols = max(cols, 1)
	term := pdfStyle{face: "B", size: pdfBodySize, color: pdfInk}
	colW := l.colWidth(cols)
	rows := make([]pdfRow, 0, len(kv))
	for i := 0; i < len(kv); i += cols {
		row := pdfRow{lead: pdfBodyLead, size: pdfBodySize}
		for c, r := range kv[i:min(i+cols, len(kv))] {
			lead := r.Label
			if !strings.HasSuffix(lead, ":") {
				lead += ":"
			}
			row.cells = append(row.cells, pdfCell{
				x:     float64(c) * (colW + pdfColumnGap),
				lines: l.wrapRuns([]pdfRun{{term, lead}, {l.body(), " " + r.Value}}, colW),
				elem:  l.elem(parent, pdftag.P),
			})
		}
		if i > 0 {
			row.before = pdfParaGap
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
		l.add(pdfOp{kind: pdfOpFill, x: l.left + f.x, y: top, w: f.w, h: h, style: pdfStyle{color: pdfLabelFill}, elem: pdfArtifactLayout})
	}
	if r.bar != nil && a == 0 {
		l.drawBar(r.bar, top)
	}
	if r.ruleAbove || (a > 0 && r.ruleBelow) {
		l.rule(l.left, top, l.width, pdfRuleW, pdfHairline, pdfArtifactLayout)
	}
	for _, c := range r.cells {
		end := b
		if c.hang && b == r.lines() {
			end = len(c.lines) // the rest runs on beside the next rows
		}
		for i := a; i < end && i < len(c.lines); i++ {
			base := top + r.padTop + float64(i-a)*r.lead + r.lead/2 + pdfCapCentre*r.size
			l.drawLine(l.left+c.x, base, c.lines[i], c.elem)
		}
	}
	if r.ruleBelow {
		l.rule(l.left, top+h, l.width, pdfRuleW, pdfHairline, pdfArtifactLayout)
	}
	l.y = top + h
}

// drawLine adds the segments of one line with its baseline at y,
// belonging to e.
func (l *pdfLayout) drawLine(x, y float64, line pdfLine, e pdftag.Elem) {
	for _, s := range line {
		l.text(x+s.dx, y+s.dy, s.style, s.text, e)
	}
}

// drawFooter adds "Company · Title · Page X of Y" and a hairline above it
// to page i (from 0). The total is known when it is drawn, so every digit is
// real text (no {nb} alias, whose digits could miss from the font subset).
func (l *pdfLayout) drawFooter(d JDDocument, i int) {
	l.cur = i
	st := pdfStyle{size: pdfFooterSize, color: pdfMuted}
	line := l.footer(st, d.Company, d.Title, i+1, len(l.pages))
	l.rule(l.left, l.pageH-pdfFooterRule, l.width, pdfRuleW, pdfHairline, pdfArtifactFooter)
	l.drawLine(l.left+(l.width-l.lineWidth(line))/2, l.pageH-pdfFooterBase, line, pdfArtifactFooter)
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
	return generator.ContrastOnWhite(uint32(c.r)<<16 | uint32(c.g)<<8 | uint32(c.b))
}
