package orgchart

import (
	"fmt"

	"github.com/jdgen/jdgen/internal/tidytree"
)

// view is what one page shows: a root, the root's reports on this page,
// and how many rows of reports below the root.
type view struct {
	root int
	// kids are the root's reports shown (all of them unless the page is
	// one part of several).
	kids []int
	// depth is the number of rows below the root; reports deeper than
	// that continue on their own pages.
	depth int
	// stacked puts reports that have no reports of their own in columns
	// under their manager instead of side by side.
	stacked bool
}

// placed is a view laid out: the boxes in layout points.
type placed struct {
	v      view
	nodes  []int // tree node of each layout node; -1 for none
	lay    *tidytree.Layout
	widths []float64
	// column marks layout nodes that are stacked under a manager: the
	// index of the manager's layout node, else -1.
	column []int
	// kids are the layout children of each layout node.
	kids [][]int
	// cut are the tree nodes drawn whose reports continue elsewhere.
	cut         []int
	w, h, scale float64
}

// paginator splits the tree into pages.
type paginator struct {
	t            *tree
	availW       float64
	availH       float64
	pages        []*placedPage
	rootPageOf   map[int]int // tree node -> first page (0-based) where it is the root
	primaryPage  map[int]int // tree node -> page (0-based) where it is drawn under its manager
	maxRowsDepth int
}

// placedPage is a page before page numbers are resolved.
type placedPage struct {
	p           *placed
	part, parts int
}

// layoutView lays out view v.
func (pg *paginator) layoutView(v view) (*placed, error) {
	t := pg.t
	pl := &placed{v: v}
	var tr tidytree.Tree
	add := func(n int, w float64, col int) int {
		i := len(pl.nodes)
		pl.nodes = append(pl.nodes, n)
		pl.column = append(pl.column, col)
		tr.Width = append(tr.Width, w)
		tr.Children = append(tr.Children, nil)
		return i
	}
	type item struct{ n, li, depth int }
	add(v.root, boxW, -1)
	// Breadth first; the queue is read by index so its memory is not
	// given up and grown again as it is consumed.
	queue := []item{{v.root, 0, 0}}
	for qi := 0; qi < len(queue); qi++ {
		it := queue[qi]
		kids := t.nodes[it.n].children
		if it.n == v.root {
			kids = v.kids
		}
		if len(kids) == 0 {
			continue
		}
		if it.depth >= v.depth {
			pl.cut = append(pl.cut, it.n)
			continue
		}
		if v.stacked && len(kids) >= 2 && (it.depth+1 >= v.depth || allLeaves(t, kids)) {
			// Reports with nothing below them on this page (none at all, or
			// continued elsewhere) stand in columns of at most maxStack
			// boxes, each a chain in the layout so the rows below stay clear.
			for _, k := range kids {
				if len(t.nodes[k].children) > 0 {
					pl.cut = append(pl.cut, k)
				}
			}
			per := min(maxStack, max(2, pg.maxRows()-1-it.depth))
			for start := 0; start < len(kids); start += per {
				prev := it.li
				for _, k := range kids[start:min(start+per, len(kids))] {
					li := add(k, boxW+stackIndent, it.li)
					tr.Children[prev] = append(tr.Children[prev], li)
					prev = li
				}
			}
			continue
		}
		for _, k := range kids {
			li := add(k, boxW, -1)
			tr.Children[it.li] = append(tr.Children[it.li], li)
			queue = append(queue, item{k, li, it.depth + 1})
		}
	}
	lay, err := tidytree.Compute(tr, tidytree.Options{SiblingGap: siblingGap, SubtreeGap: subtreeGap})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrLayout, err)
	}
	pl.lay = lay
	pl.widths = tr.Width
	pl.kids = tr.Children
	pl.w = lay.Width
	pl.h = noteH + float64(lay.Rows)*boxH + float64(lay.Rows-1)*rowGap + rowGap
	pl.scale = min(1, pg.availW/pl.w, pg.availH/pl.h)
	return pl, nil
}

func allLeaves(t *tree, ns []int) bool {
	for _, n := range ns {
		if len(t.nodes[n].children) > 0 {
			return false
		}
	}
	return true
}

// maxRows is the most rows a page holds at the smallest scale.
func (pg *paginator) maxRows() int {
	h := pg.availH/MinScale - noteH - rowGap
	return max(2, int((h+rowGap)/(boxH+rowGap)))
}

// best finds the deepest view of root with kids that fits a page at
// MinScale or larger: side by side first, then with stacked columns.
func (pg *paginator) best(root int, kids []int) (*placed, error) {
	full := 0
	for _, k := range kids {
		full = max(full, 1+pg.t.height[k])
	}
	full = max(1, min(full, pg.maxRows()-1))
	for d := full; d >= 1; d-- {
		for _, stacked := range []bool{false, true} {
			pl, err := pg.layoutView(view{root: root, kids: kids, depth: d, stacked: stacked})
			if err != nil {
				return nil, err
			}
			if pl.scale >= MinScale {
				return pl, nil
			}
		}
	}
	return nil, nil
}

// paginate adds the pages of root's reports kids (and, recursively, of
// every box that continues).
func (pg *paginator) paginate(root int, kids []int) error {
	pl, err := pg.best(root, kids)
	if err != nil {
		return err
	}
	var parts []*placed
	if pl != nil {
		parts = []*placed{pl}
	} else {
		// Too many reports for one page even one row deep: split them into
		// parts of about equal size.
		if parts, err = pg.split(root, kids); err != nil {
			return err
		}
	}
	first := len(pg.pages)
	if _, ok := pg.rootPageOf[root]; !ok {
		pg.rootPageOf[root] = first
	}
	for i, p := range parts {
		pp := &placedPage{p: p}
		if len(parts) > 1 {
			pp.part, pp.parts = i+1, len(parts)
		}
		pg.pages = append(pg.pages, pp)
		for _, n := range p.nodes[1:] {
			pg.primaryPage[n] = first + i
		}
	}
	if root == 0 {
		pg.primaryPage[0] = first
	}
	for _, p := range parts {
		for _, c := range p.cut {
			if c == root {
				continue
			}
			if err := pg.paginate(c, pg.t.nodes[c].children); err != nil {
				return err
			}
		}
	}
	return nil
}

// split cuts kids into the fewest parts of about equal size that each fit
// a page one row deep (or stacked).
func (pg *paginator) split(root int, kids []int) ([]*placed, error) {
	fits := func(ks []int) (*placed, error) {
		for _, stacked := range []bool{false, true} {
			pl, err := pg.layoutView(view{root: root, kids: ks, depth: 1, stacked: stacked})
			if err != nil {
				return nil, err
			}
			if pl.scale >= MinScale {
				return pl, nil
			}
		}
		return nil, nil
	}
	// The largest prefix that fits gives the part size; growing one at a
	// time is quadratic only in the size of one page.
	k := 1
	for k < len(kids) {
		pl, err := fits(kids[:k+1])
		if err != nil {
			return nil, err
		}
		if pl == nil {
			break
		}
		k++
	}
	// n parts whose sizes differ by at most one, none larger than k.
	n := (len(kids) + k - 1) / k
	base, extra := len(kids)/n, len(kids)%n
	var out []*placed
	for i, start := 0, 0; i < n; i++ {
		size := base
		if i < extra {
			size++
		}
		ks := kids[start : start+size]
		start += size
		pl, err := fits(ks)
		if err != nil {
			return nil, err
		}
		if pl == nil {
			// One box always fits: a page is far larger than a box.
			return nil, fmt.Errorf("%w: %d reports do not fit a page", ErrLayout, len(ks))
		}
		out = append(out, pl)
	}
	return out, nil
}
