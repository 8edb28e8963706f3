package orgchart

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/output"
)

// Build makes the org chart of the model: the tree, laid out and split
// into pages. It returns an error wrapping ErrUnrenderable when a title,
// location or name has a character the fonts cannot draw, ErrPaper for an
// unknown paper size and ErrBrandColor for a colour not written #RRGGBB.
func Build(m *generator.Model) (*Chart, error) {
	pageW, pageH, _, err := pageSize(m.Settings.Paper)
	if err != nil {
		return nil, err
	}
	if _, err := parseColor(m.Company.BrandColor); err != nil {
		return nil, err
	}
	t := buildTree(m)
	texts := make([]string, 0, 1+2*len(t.nodes))
	texts = append(texts, m.Company.Name)
	for i := range t.nodes {
		texts = append(texts, t.nodes[i].box.Title, t.nodes[i].box.Location)
	}
	set := chartFonts(m, texts)
	ms := newMeasurer(set)
	clean := func(where, s string) (string, error) { return cleanText(set, where, s) }
	company, err := clean("company.name", m.Company.Name)
	if err != nil {
		return nil, err
	}
	for i := range t.nodes {
		b := &t.nodes[i].box
		where := "the top box"
		if b.ID != "" {
			where = "role " + b.ID
		}
		if b.Title, err = clean(where+" title", b.Title); err != nil {
			return nil, err
		}
		if b.Location, err = clean(where+" location", b.Location); err != nil {
			return nil, err
		}
		if b.Kind == KindTop {
			b.Facts = company
		}
		b.TitleLines = ms.wrap(b.Title, "B", titleSize, boxW-2*boxPad, titleMaxLines)
		b.Facts = ms.ellipsis(b.Facts, "", factsSize, boxW-2*boxPad)
		b.Location = ms.ellipsis(b.Location, "", factsSize, boxW-2*boxPad)
	}
	if err := ms.pdf.Error(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	availW, availH := contentArea(pageW, pageH)
	pg := &paginator{t: t, availW: availW, availH: availH, rootPageOf: map[int]int{}, primaryPage: map[int]int{}}
	if err := pg.paginate(0, t.nodes[0].children); err != nil {
		return nil, err
	}
	date := m.Settings.Date.UTC()
	if m.Settings.Date.IsZero() {
		date = time.Unix(0, 0).UTC()
	}
	c := &Chart{
		Company: company, Title: company + " organization chart", Brand: m.Company.BrandColor,
		Paper: m.Settings.Paper, Date: date, Creator: strings.TrimSpace("jdgen " + m.Settings.Version),
		Fonts: set,
	}
	for _, b := range output.Bands {
		c.Legend = append(c.Legend, LegendEntry{Label: b.Title(), Style: output.BandStyleOf(b)})
	}
	for i, pp := range pg.pages {
		p := pg.page(pp, i)
		for _, b := range p.Boxes {
			if b.Kind == KindRole && !b.Repeat {
				c.Roles++
			}
		}
		c.Pages = append(c.Pages, p)
	}
	return c, nil
}

// page turns a laid-out view into a page: boxes, connectors and the page
// numbers of continued boxes.
func (pg *paginator) page(pp *placedPage, index int) Page {
	pl := pp.p
	p := Page{Number: index + 1, Part: pp.part, Parts: pp.parts, Scale: pl.scale, Width: pl.w, Height: pl.h}
	root := pl.v.root
	switch {
	case root != 0:
		b := pg.t.nodes[root].box
		p.Heading = fmt.Sprintf("Reports of %s (%s)", b.Title, b.ID)
	case len(pg.pages) > 1:
		p.Heading = "Overview"
	}
	cut := map[int]bool{}
	for _, n := range pl.cut {
		cut[n] = true
	}
	y := func(li int) float64 { return noteH + float64(pl.lay.Depth[li])*(boxH+rowGap) }
	left := func(li int) float64 {
		l := pl.lay.X[li] - pl.widths[li]/2
		if pl.column[li] >= 0 {
			l += stackIndent
		}
		return l
	}
	for li, n := range pl.nodes {
		b := pg.t.nodes[n].box
		b.X, b.Y, b.W, b.H = left(li), y(li), boxW, boxH
		if li == 0 && root != 0 {
			b.Repeat = true
			b.ContinuedFrom = pg.primaryPage[root] + 1
		}
		if cut[n] && !(li == 0 && len(pl.v.kids) > 0) {
			b.ContinuedOn = pg.rootPageOf[n] + 1
		}
		p.Boxes = append(p.Boxes, b)
	}
	// Connectors: from each manager down to a bus half a gap below, along
	// the bus, and down to each report; stacked columns hang from a spine
	// on their left with a tick into each box.
	kids := make([][]int, len(pl.nodes))
	for li := range pl.nodes {
		kids[li] = pl.children(li)
	}
	for li := range pl.nodes {
		if pl.column[li] >= 0 || len(kids[li]) == 0 {
			continue
		}
		px, pb := pl.lay.X[li], y(li)+boxH
		bus := pb + rowGap/2
		lo, hi := px, px
		for _, k := range kids[li] {
			if pl.column[k] < 0 {
				x := pl.lay.X[k]
				lo, hi = min(lo, x), max(hi, x)
				p.Lines = append(p.Lines, Segment{x, bus, x, y(k)})
				continue
			}
			spine := pl.lay.X[k] - pl.widths[k]/2 + stackIndent/2
			lo, hi = min(lo, spine), max(hi, spine)
			last := bus
			for c := k; c >= 0; c = firstOr(kids[c], -1) {
				mid := y(c) + boxH/2
				p.Lines = append(p.Lines, Segment{spine, mid, left(c), mid})
				last = mid
			}
			p.Lines = append(p.Lines, Segment{spine, bus, spine, last})
		}
		p.Lines = append(p.Lines, Segment{px, pb, px, bus})
		if hi > lo {
			p.Lines = append(p.Lines, Segment{lo, bus, hi, bus})
		}
	}
	return p
}

func firstOr(s []int, def int) int {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

// children are the layout children of layout node li.
func (pl *placed) children(li int) []int {
	return pl.kids[li]
}

// chartFonts is the font set the chart is drawn with. Every box is drawn
// in one family, with English labels beside the config's text: the
// company's fonts (company.fonts) when their own faces draw all of it,
// else the built-in set.
func chartFonts(m *generator.Model, texts []string) *fonts.Set {
	set := m.Company.Fonts
	if set == nil {
		return fonts.Default()
	}
	for r := rune(0x20); r < 0x7F; r++ {
		if !set.Owns(r) {
			return fonts.Default()
		}
	}
	for _, t := range texts {
		for _, r := range norm.NFC.String(t) {
			if !set.Owns(r) {
				return fonts.Default()
			}
		}
	}
	return set
}

// cleanText NFC-normalises s and checks every character has a glyph in
// the set's own faces.
func cleanText(set *fonts.Set, where, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: invalid UTF-8 in %s", ErrUnrenderable, where)
	}
	n := norm.NFC.String(s)
	for _, r := range n {
		if r == '\n' || r > 0xFFFF || !set.Owns(r) {
			return "", fmt.Errorf("%w: character %q (U+%04X) in %s", ErrUnrenderable, r, r, where)
		}
	}
	return n, nil
}

// measurer measures text in the chart's fonts.
type measurer struct {
	pdf *fpdf.Fpdf
	set *fonts.Set
}

func newMeasurer(set *fonts.Set) *measurer {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "pt", SizeStr: "Letter"})
	registerFonts(pdf, set)
	return &measurer{pdf: pdf, set: set}
}

func (ms *measurer) width(s, face string, size float64) float64 {
	ms.pdf.SetFont(ms.set.Family, ms.set.Style(face), size)
	return ms.pdf.GetStringWidth(s)
}

// ellipsis shortens s with "…" until it fits w.
func (ms *measurer) ellipsis(s, face string, size, w float64) string {
	if ms.width(s, face, size) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ,·") + "…"
		if ms.width(t, face, size) <= w {
			return t
		}
	}
	return "…"
}

// wrap breaks s into at most maxLines lines of width w at spaces; the
// last line ends with "…" when s is longer.
func (ms *measurer) wrap(s, face string, size, w float64, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for i, word := range words {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if ms.width(try, face, size) <= w || cur == "" {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = word
		if len(lines) == maxLines-1 {
			cur = strings.Join(words[i:], " ")
			break
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	for i, l := range lines {
		lines[i] = ms.ellipsis(l, face, size, w)
	}
	return lines
}
