package orgchart

import (
	"fmt"
	"strconv"

	"github.com/go-pdf/fpdf"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/pdftag"
)

// RenderOptions change how Render writes the PDF.
type RenderOptions struct {
	// Uncompressed leaves page streams uncompressed (for inspection and tests).
	Uncompressed bool
}

// rgb is a colour.
type rgb struct{ r, g, b int }

// Colours of the chart besides the brand and the bands.
var (
	inkColor   = rgb{0x1A, 0x1A, 0x1A}
	mutedColor = rgb{0x59, 0x59, 0x59}
	lineColor  = rgb{0x80, 0x80, 0x80}
	borderGrey = rgb{0xA6, 0xA6, 0xA6}
	linkColor  = rgb{0x05, 0x63, 0xC1}
	white      = rgb{0xFF, 0xFF, 0xFF}
)

// lang is the document's language.
const lang = "en-US"

// Drawing numbers, in points at full size.
const (
	stripeH      = 3.5
	boxLine      = 0.6
	connector    = 0.8
	titleLeading = 1.15
	headerSize   = 12.0
	headingSize  = 9.0
	footerSize   = 7.5
	swatch       = 8.0
)

func parseColor(s string) (rgb, error) {
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, fmt.Errorf("%w: %q", ErrBrandColor, s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, fmt.Errorf("%w: %q", ErrBrandColor, s)
	}
	return rgb{int(v >> 16 & 0xFF), int(v >> 8 & 0xFF), int(v & 0xFF)}, nil
}

// mustColor parses a colour the package itself defines.
func mustColor(s string) rgb {
	c, err := parseColor(s)
	if err != nil {
		return lineColor
	}
	return c
}

// onColor is the text colour that reads on a fill: white on dark fills.
func onColor(c rgb) rgb {
	if 299*c.r+587*c.g+114*c.b < 150000 {
		return white
	}
	return inkColor
}

// registerFonts adds the set's regular and bold faces (the ones drawn).
func registerFonts(pdf *fpdf.Fpdf, set *fonts.Set) {
	for _, f := range set.Faces() {
		if f.Style == fonts.Regular || f.Style == fonts.Bold {
			pdf.AddUTF8FontFromBytes(set.Family, f.Style, f.TTF)
		}
	}
}

// Render draws the chart as a PDF. The same chart always gives the same
// bytes.
func Render(c *Chart, o RenderOptions) ([]byte, error) {
	pageW, pageH, size, err := pageSize(c.Paper)
	if err != nil {
		return nil, err
	}
	brand, err := parseColor(c.Brand)
	if err != nil {
		return nil, err
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "pt", SizeStr: size})
	set := c.Fonts
	if set == nil {
		set = fonts.Default()
	}
	registerFonts(pdf, set)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCompression(!o.Uncompressed)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(c.Date)
	pdf.SetModificationDate(c.Date)
	pdf.SetTitle(c.Title, true)
	pdf.SetAuthor(c.Company, true)
	pdf.SetSubject("Reporting tree of "+c.Company, true)
	pdf.SetCreator(c.Creator, true)
	pdf.SetLang(lang)
	pdf.SetDisplayDocTitle(true)
	pdf.SetXmpMetadata(pdftag.XMP(pdftag.Meta{
		Title: c.Title, Author: c.Company, Subject: "Reporting tree of " + c.Company,
		CreatorTool: c.Creator, Lang: lang, Date: c.Date,
	}))
	links := make([]int, len(c.Pages)+1)
	for i := range c.Pages {
		links[i+1] = pdf.AddLink()
		pdf.SetLink(links[i+1], 0, i+1)
	}
	tree := pdftag.New()
	r := &renderer{pdf: pdf, set: set, c: c, brand: brand, pageW: pageW, pageH: pageH, links: links, tree: tree}
	for i := range c.Pages {
		pdf.AddPage()
		pdf.SetPageStructParents(tree.BeginPage(pdf))
		r.drawPage(&c.Pages[i])
		tree.End(pdf)
	}
	pdf.SetStructTree(func(w *fpdf.StructWriter) int { return tree.Write(w) })
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	// The file is fpdf's own buffer, not a copy of it (fpdf patch 13).
	data, err := pdf.OutputBytes()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	return data, nil
}

type renderer struct {
	pdf          *fpdf.Fpdf
	set          *fonts.Set
	c            *Chart
	brand        rgb
	pageW, pageH float64
	links        []int
	// tree is the structure tree; sect the current page's section.
	tree *pdftag.Tree
	sect pdftag.Elem
	// ox, oy and s map layout points to the page.
	ox, oy, s float64
}

func (r *renderer) tx(x float64) float64 { return r.ox + r.s*x }
func (r *renderer) ty(y float64) float64 { return r.oy + r.s*y }

// mark ties the content drawn next to element e.
func (r *renderer) mark(e pdftag.Elem) { r.tree.Mark(r.pdf, e) }

// decoration marks the content drawn next as a layout artifact.
func (r *renderer) decoration() { r.tree.Artifact(r.pdf, pdftag.ArtifactLayout) }

func (r *renderer) text(x, y float64, face string, size float64, c rgb, s string) {
	r.pdf.SetFont(r.set.Family, r.set.Style(face), size)
	r.pdf.SetTextColor(c.r, c.g, c.b)
	r.pdf.Text(x, y, s)
}

func (r *renderer) drawPage(p *Page) {
	r.sect = r.tree.Add(r.tree.Root(), pdftag.Sect)
	r.drawHeader(p)
	availW, availH := contentArea(r.pageW, r.pageH)
	r.s = p.Scale
	r.ox = pageMargin + (availW-p.Width*r.s)/2
	r.oy = pageMargin + headerH + (availH-p.Height*r.s)/2
	r.drawConnectors(p)
	for i := range p.Boxes {
		r.drawBox(&p.Boxes[i])
	}
	r.drawFooter(p)
}

// drawHeader writes the chart title, the page's heading and a bookmark.
func (r *renderer) drawHeader(p *Page) {
	base := pageMargin + headerSize
	if p.Number == 1 {
		r.mark(r.tree.Add(r.sect, pdftag.H1))
	} else {
		r.tree.Artifact(r.pdf, pdftag.ArtifactHeader)
	}
	r.text(pageMargin, base, "B", headerSize, r.brand, r.c.Title)
	heading := p.Heading
	if p.Parts > 0 {
		heading += fmt.Sprintf(" (part %d of %d)", p.Part, p.Parts)
	}
	outline := heading
	if outline == "" {
		outline = r.c.Title
	}
	r.pdf.SetFont(r.set.Family, r.set.Style(fonts.Bold), headingSize)
	r.pdf.Bookmark(outline, 0, 0)
	if heading != "" {
		r.mark(r.tree.Add(r.sect, pdftag.H2))
		r.text(pageMargin, base+headingSize+5, "", headingSize, inkColor, heading)
	}
	r.decoration()
	r.pdf.SetDrawColor(r.brand.r, r.brand.g, r.brand.b)
	r.pdf.SetLineWidth(1)
	y := pageMargin + headerH - 4
	r.pdf.Line(pageMargin, y, r.pageW-pageMargin, y)
}

// drawConnectors draws the orthogonal lines between managers and reports.
func (r *renderer) drawConnectors(p *Page) {
	r.decoration()
	r.pdf.SetDrawColor(lineColor.r, lineColor.g, lineColor.b)
	r.pdf.SetLineWidth(connector * r.s)
	r.pdf.SetLineCapStyle("square")
	for _, l := range p.Lines {
		r.pdf.Line(r.tx(l.X1), r.ty(l.Y1), r.tx(l.X2), r.ty(l.Y2))
	}
	r.pdf.SetLineCapStyle("butt")
}

// drawBox draws one box: fill, band stripe, border and its lines of text.
func (r *renderer) drawBox(b *Box) {
	x, y, w, h := r.tx(b.X), r.ty(b.Y), b.W*r.s, b.H*r.s
	fill, stripe, ink, muted := white, lineColor, inkColor, mutedColor
	if b.Kind == KindTop {
		fill, stripe = r.brand, r.brand
		ink = onColor(r.brand)
		muted = ink
	} else {
		st := bandStyle(b.Band)
		fill, stripe = mustColor(st.Tint), mustColor(st.Color)
	}
	r.decoration()
	r.pdf.SetFillColor(fill.r, fill.g, fill.b)
	r.pdf.SetDrawColor(borderGrey.r, borderGrey.g, borderGrey.b)
	r.pdf.SetLineWidth(boxLine * r.s)
	r.pdf.Rect(x, y, w, h, "FD")
	r.pdf.SetFillColor(stripe.r, stripe.g, stripe.b)
	r.pdf.Rect(x, y, w, stripeH*r.s, "F")
	// One paragraph per box, in tree order: "continued from" note, title,
	// facts, location, id, "continued on" note.
	r.mark(r.tree.Add(r.sect, pdftag.P))
	if b.ContinuedFrom > 0 {
		r.text(x, r.ty(b.Y-4), "", noteSize*r.s, linkColor, fmt.Sprintf("continued from page %d", b.ContinuedFrom))
		r.pdf.Link(x, r.ty(b.Y-noteH), w, noteH*r.s, r.links[b.ContinuedFrom])
	}
	tx := x + boxPad*r.s
	base := b.Y + stripeH + boxPad
	for _, line := range b.TitleLines {
		base += titleSize * titleLeading
		r.text(tx, r.ty(base-titleSize*0.2), "B", titleSize*r.s, ink, line)
	}
	base = b.Y + stripeH + boxPad + titleMaxLines*titleSize*titleLeading
	for _, line := range []string{b.Facts, b.Location} {
		if line == "" {
			continue
		}
		base += factsSize * 1.3
		r.text(tx, r.ty(base), "", factsSize*r.s, ink, line)
	}
	if b.ID != "" {
		r.text(tx, r.ty(b.Y+b.H-boxPad+1), "", idSize*r.s, muted, b.ID)
	}
	if b.ContinuedFrom > 0 {
		r.pdf.Link(x, y, w, h, r.links[b.ContinuedFrom])
	}
	if b.ContinuedOn > 0 {
		r.text(x, r.ty(b.Y+b.H+noteSize+3), "", noteSize*r.s, linkColor, fmt.Sprintf("continued on page %d", b.ContinuedOn))
		r.pdf.Link(x, y, w, h+rowGap/2*r.s, r.links[b.ContinuedOn])
	}
}

// drawFooter draws the band legend, the date and the page number.
func (r *renderer) drawFooter(p *Page) {
	y := r.pageH - pageMargin - swatch
	x := pageMargin
	r.pdf.SetLineWidth(boxLine)
	r.pdf.SetDrawColor(borderGrey.r, borderGrey.g, borderGrey.b)
	legend := r.tree.Add(r.sect, pdftag.P)
	for _, e := range r.c.Legend {
		c, t := mustColor(e.Style.Color), mustColor(e.Style.Tint)
		r.decoration()
		r.pdf.SetFillColor(t.r, t.g, t.b)
		r.pdf.Rect(x, y, swatch*2, swatch, "FD")
		r.pdf.SetFillColor(c.r, c.g, c.b)
		r.pdf.Rect(x, y, swatch*2, 2.5, "F")
		r.mark(legend)
		r.text(x+swatch*2+4, y+swatch-1, "", footerSize, inkColor, e.Label)
		r.pdf.SetFont(r.set.Family, fonts.Regular, footerSize)
		x += swatch*2 + 4 + r.pdf.GetStringWidth(e.Label) + 14
	}
	r.decoration()
	r.pdf.SetFillColor(r.brand.r, r.brand.g, r.brand.b)
	r.pdf.Rect(x, y, swatch*2, swatch, "F")
	r.mark(legend)
	r.text(x+swatch*2+4, y+swatch-1, "", footerSize, inkColor, "Chief executive or board")
	r.tree.Artifact(r.pdf, pdftag.ArtifactFooter)
	right := fmt.Sprintf("%s · Page %d of %d", r.c.Date.Format("January 2, 2006"), p.Number, len(r.c.Pages))
	r.pdf.SetFont(r.set.Family, fonts.Regular, footerSize)
	r.text(r.pageW-pageMargin-r.pdf.GetStringWidth(right), y+swatch-1, "", footerSize, mutedColor, right)
}
