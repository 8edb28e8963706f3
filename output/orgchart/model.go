// Package orgchart draws the reporting tree of the resolved model as
// org-chart.pdf: a box per role under the CEO or the board, levels in rows,
// orthogonal connectors, band colours and a legend. Small trees fit one
// landscape page; large ones are split by subtree into linked pages, each
// box that continues elsewhere naming the page.
//
// The chart is built as a document model first (Build: boxes, connectors
// and pages, in layout points) and drawn second (Render), so tests check
// the structure, not only the bytes.
//
// Legibility: a page is drawn at full size when it fits, and never scaled
// below MinScale, so a box title is never smaller than MinTitleSize (6 pt).
// Reports with nothing below them on a page (none at all, or continued on
// their own page) may stand in a column under their manager instead of
// side by side.
//
// Tagging (internal/pdftag): each page is a section; the title on page 1
// is its H1, a page's heading an H2; each box is one paragraph in tree
// order (its "continued" notes included), the legend another; boxes,
// stripes, connectors and swatches are layout artifacts, the running
// title and the footer pagination artifacts. The internal links
// ("continued on page N") are plain link annotations, not yet tagged: the
// fpdf patch tags URL links only.
package orgchart

import (
	"fmt"
	"github.com/jdgen/jdgen/internal/fonts"
	"strconv"
	"strings"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/output"
)

// Chart is the org chart as a document: its pages in print order.
type Chart struct {
	// Company is the employer's name.
	Company string
	// Title is the document title ("Northwind Logistics organization chart").
	Title string
	// Brand is the company colour, "#RRGGBB".
	Brand string
	// Paper is "letter" or "a4"; pages are landscape.
	Paper string
	// Date is the date printed and written as the creation date.
	Date time.Time
	// Creator names the program and version for the metadata.
	Creator string
	// Legend lists the band colours used, lowest band first.
	Legend []LegendEntry
	// Pages are in print order; Pages[i].Number is i+1.
	Pages []Page
	// Roles is the number of role boxes (each role appears once as a
	// primary box).
	Roles int
	// Fonts are the fonts the chart is drawn with (see chartFonts); nil
	// means the built-in set.
	Fonts *fonts.Set `json:"-"`
}

// LegendEntry is one band colour in the legend.
type LegendEntry struct {
	Label string
	Style output.BandStyle
}

// Page is one page of the chart. Coordinates are layout points at full
// size, with the content's top-left at 0,0; Render scales them by Scale.
type Page struct {
	// Number is the 1-based page number.
	Number int
	// Heading names what the page shows ("Overview", or the subtree's
	// root title and id).
	Heading string
	// Part and Parts number the pages of one manager's reports when they
	// do not fit one page; both 0 otherwise.
	Part, Parts int
	// Scale is the factor the content is drawn at (MinScale <= Scale <= 1).
	Scale float64
	// Width and Height are the content's size in layout points.
	Width, Height float64
	// Boxes are the boxes on the page; Boxes[0] is the page's root.
	Boxes []Box
	// Lines are the connectors, each horizontal or vertical.
	Lines []Segment
}

// BoxKind tells a box's role on the chart.
type BoxKind int

// The kinds of boxes.
const (
	// KindRole is a configured role.
	KindRole BoxKind = iota
	// KindTop is the CEO or the board at the top of the tree.
	KindTop
)

// Box is one role (or the CEO or board) on a page.
type Box struct {
	Kind BoxKind
	// ID is the role id; empty for the top box.
	ID string
	// Title is the role title.
	Title string
	// TitleLines is Title wrapped to the box (at most titleMaxLines).
	TitleLines []string
	// Level is the level code ("OPS-4"); empty for the top box.
	Level string
	// Headcount is the number of people in the role.
	Headcount int
	// Location is the role's location.
	Location string
	// Band is the ladder band of the role's level.
	Band ladders.Band
	// Facts is the level and headcount line ("OPS-4 · 3 people").
	Facts string
	// X, Y, W, H place the box in layout points (top-left corner).
	X, Y, W, H float64
	// ContinuedOn is the page where this role's reports are drawn, 0 when
	// they are on this page or there are none.
	ContinuedOn int
	// ContinuedFrom is the page where this role is drawn under its
	// manager, 0 when that is this page or it has none.
	ContinuedFrom int
	// Repeat is true when the box repeats a role drawn as a primary box on
	// another page (the root of a continued part).
	Repeat bool
}

// Segment is a connector line from X1,Y1 to X2,Y2.
type Segment struct {
	X1, Y1, X2, Y2 float64
}

// Layout numbers, in points at full size.
const (
	// boxW and boxH are the size of every box.
	boxW = 124.0
	boxH = 60.0
	// stackIndent is the room left of a stacked column for its spine.
	stackIndent = 12.0
	// siblingGap and subtreeGap separate boxes on one row.
	siblingGap = 10.0
	subtreeGap = 18.0
	// rowGap is the vertical space between rows; the "continued" notes
	// sit in it.
	rowGap = 26.0
	// noteH is the room above a continued root for its "continued from" note.
	noteH = 14.0
	// maxStack is the most boxes in one stacked column.
	maxStack = 8
	// titleMaxLines is the most lines a title wraps to.
	titleMaxLines = 2
	// boxPad is the inner padding of a box.
	boxPad = 5.0
)

// Type sizes in points at full size.
const (
	titleSize = 8.5
	factsSize = 7.0
	idSize    = 6.0
	noteSize  = 6.5
)

// MinTitleSize is the legible minimum: a title is never drawn smaller than
// this many points, so no page is scaled below MinScale.
const MinTitleSize = 6.0

// MinScale is the smallest factor a page is drawn at (MinTitleSize /
// titleSize).
const MinScale = MinTitleSize / titleSize

// Page geometry, in points, landscape.
const (
	pageMargin = 30.0
	headerH    = 34.0
	footerH    = 26.0
)

// pageSize is the landscape page size of a paper name.
func pageSize(paper string) (w, h float64, size string, err error) {
	switch strings.ToLower(paper) {
	case "", "letter":
		return 792, 612, "Letter", nil
	case "a4":
		return 841.89, 595.28, "A4", nil
	}
	return 0, 0, "", fmt.Errorf("%w: %q (want letter or a4)", ErrPaper, paper)
}

// contentArea is the size available for a page's content.
func contentArea(pageW, pageH float64) (w, h float64) {
	return pageW - 2*pageMargin, pageH - 2*pageMargin - headerH - footerH
}

// node is one box of the whole tree before pagination.
type node struct {
	box      Box
	children []int
	parent   int
}

// tree is the whole reporting tree: node 0 is the top box.
type tree struct {
	nodes []node
	// height is the number of rows below each node (0 for a leaf).
	height []int
}

// buildTree makes the reporting tree of the model: the CEO (or the board)
// on top, then every role under its manager, reports in config order. When
// some roles report to the board and others to the CEO, the board is on
// top with the CEO under it.
func buildTree(m *generator.Model) *tree {
	// The top box (or two) and a node per role, allocated once.
	t := &tree{nodes: make([]node, 0, len(m.Roles)+2)}
	bands := map[string]ladders.Band{}
	for _, lv := range m.Ladder.Levels {
		bands[lv.Code] = lv.Band
	}
	toCEO, toBoard := false, false
	for _, r := range m.Roles {
		switch r.ReportsTo {
		case "ceo":
			toCEO = true
		case "board":
			toBoard = true
		}
	}
	top := func(title string) Box {
		return Box{Kind: KindTop, Title: title, Facts: m.Company.Name}
	}
	t.nodes = append(t.nodes, node{parent: -1})
	ceo := 0
	switch {
	case toBoard && toCEO:
		t.nodes[0].box = top("Board of Directors")
		t.nodes = append(t.nodes, node{box: top("Chief Executive Officer"), parent: 0})
		t.nodes[0].children = []int{1}
		ceo = 1
	case toBoard:
		t.nodes[0].box = top("Board of Directors")
	default:
		t.nodes[0].box = top("Chief Executive Officer")
	}
	base := len(t.nodes)
	idx := make(map[string]int, len(m.Roles))
	for i, r := range m.Roles {
		if _, dup := idx[r.ID]; !dup {
			idx[r.ID] = base + i
		}
		t.nodes = append(t.nodes, node{parent: -1, box: Box{
			Kind: KindRole, ID: r.ID, Title: r.Title, Level: r.Level, Headcount: r.Headcount,
			Location: r.Location, Band: bands[r.Level], Facts: facts(r.Level, r.Headcount),
		}})
	}
	// Attach in config order so siblings keep the order they were written in.
	for i, r := range m.Roles {
		v := base + i
		p := ceo
		switch r.ReportsTo {
		case "board":
			p = 0
		case "ceo":
		default:
			if mi, ok := idx[r.ReportsTo]; ok && mi != v && reaches(m, r.ID) {
				p = mi
			}
		}
		t.nodes[v].parent = p
		t.nodes[p].children = append(t.nodes[p].children, v)
	}
	t.heights()
	return t
}

// heights fills t.height, visiting nodes in reverse breadth-first order
// so every child is done before its parent.
func (t *tree) heights() {
	order := []int{0}
	for i := 0; i < len(order); i++ {
		order = append(order, t.nodes[order[i]].children...)
	}
	t.height = make([]int, len(t.nodes))
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		if p := t.nodes[n].parent; p >= 0 {
			t.height[p] = max(t.height[p], t.height[n]+1)
		}
	}
}

// reaches reports whether the chain of managers from role id ends at the
// CEO or the board (a resolved model has no cycles; this keeps a broken
// one from hanging the chart).
func reaches(m *generator.Model, id string) bool {
	seen := map[string]bool{}
	for !seen[id] {
		seen[id] = true
		r, ok := m.Role(id)
		if !ok {
			return false
		}
		if r.ReportsTo == "ceo" || r.ReportsTo == "board" {
			return true
		}
		id = r.ReportsTo
	}
	return false
}

// facts is the level and headcount line of a box.
func facts(level string, headcount int) string {
	people := "1 person"
	if headcount != 1 {
		people = strconv.Itoa(headcount) + " people"
	}
	if level == "" {
		return people
	}
	return level + " · " + people
}
