// Package tidytree lays out a tree of boxes in rows, the way a reader
// expects an org chart to look: every node on the row of its depth,
// siblings in their given order, every parent centred over its first and
// last child, and no two boxes on a row closer than a gap. It implements
// the Reingold-Tilford "tidy tree" algorithm with Walker's extension to
// trees of any degree, in the linear-time form given by Buchheim, Jünger
// and Leipert ("Improving Walker's Algorithm to Run in Linear Time", Graph
// Drawing 2002), with a width per node.
//
// The package is pure: no drawing, no I/O. It answers the horizontal
// question only; the caller puts row d at whatever height it likes.
package tidytree

import (
	"fmt"
	"math"
)

// Tree is a rooted, ordered tree over the nodes 0..len(Width)-1.
type Tree struct {
	// Width is each node's box width (>= 0, finite).
	Width []float64
	// Children lists each node's children, left to right. A node without
	// children may have a nil entry, or Children may be shorter than Width.
	Children [][]int
	// Root is the root node.
	Root int
}

// Options are the gaps the layout keeps between boxes on one row.
type Options struct {
	// SiblingGap is the space between two boxes with the same parent.
	SiblingGap float64
	// SubtreeGap is the space between boxes of different parents.
	SubtreeGap float64
}

// Layout is the result: the centre of each node and its depth.
type Layout struct {
	// X is each node's centre. The leftmost box edge is at 0.
	X []float64
	// Depth is each node's row: 0 for the root.
	Depth []int
	// Width is the distance from the leftmost to the rightmost box edge.
	Width float64
	// Rows is the number of rows (the largest depth plus one).
	Rows int
}

// Left is the left edge of node v's box.
func (l *Layout) Left(t Tree, v int) float64 { return l.X[v] - t.Width[v]/2 }

// node is the per-node state of Buchheim et al.'s algorithm.
type node struct {
	parent   int
	number   int // 1-based index among its siblings
	prelim   float64
	mod      float64
	shift    float64
	change   float64
	thread   int // -1 for none
	ancestor int
}

type layouter struct {
	t     Tree
	o     Options
	n     []node
	depth []int
}

// Compute lays out t. It returns an error wrapping ErrInvalidTree when t
// is not a tree rooted at t.Root (a node listed twice, a cycle, an index
// out of range, a node not reachable from the root) or a width is
// negative or not finite. It runs in time linear in the number of nodes.
func Compute(t Tree, o Options) (*Layout, error) {
	l, err := newLayouter(t, o)
	if err != nil {
		return nil, err
	}
	l.firstWalk()
	x := l.secondWalk()
	lo, hi := math.Inf(1), math.Inf(-1)
	rows := 0
	for v := range x {
		lo = min(lo, x[v]-t.Width[v]/2)
		hi = max(hi, x[v]+t.Width[v]/2)
		rows = max(rows, l.depth[v]+1)
	}
	for v := range x {
		x[v] -= lo
	}
	return &Layout{X: x, Depth: l.depth, Width: hi - lo, Rows: rows}, nil
}

func newLayouter(t Tree, o Options) (*layouter, error) {
	n := len(t.Width)
	if n == 0 {
		return nil, fmt.Errorf("%w: no nodes", ErrInvalidTree)
	}
	if len(t.Children) > n {
		return nil, fmt.Errorf("%w: %d child lists for %d nodes", ErrInvalidTree, len(t.Children), n)
	}
	if t.Root < 0 || t.Root >= n {
		return nil, fmt.Errorf("%w: root %d out of range", ErrInvalidTree, t.Root)
	}
	if !(o.SiblingGap >= 0) || !(o.SubtreeGap >= 0) || math.IsInf(o.SiblingGap, 0) || math.IsInf(o.SubtreeGap, 0) {
		return nil, fmt.Errorf("%w: gaps must be finite and not negative", ErrInvalidTree)
	}
	for v, w := range t.Width {
		if !(w >= 0) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("%w: node %d has width %v", ErrInvalidTree, v, w)
		}
	}
	l := &layouter{t: t, o: o, n: make([]node, n), depth: make([]int, n)}
	for v := range l.n {
		l.n[v] = node{parent: -1, thread: -1, ancestor: v}
	}
	// Check the shape iteratively (chains may be long) and record depths.
	seen := make([]bool, n)
	seen[t.Root] = true
	stack := []int{t.Root}
	count := 1
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for i, c := range l.children(v) {
			if c < 0 || c >= n {
				return nil, fmt.Errorf("%w: node %d has child %d out of range", ErrInvalidTree, v, c)
			}
			if seen[c] {
				return nil, fmt.Errorf("%w: node %d is reached twice", ErrInvalidTree, c)
			}
			seen[c] = true
			count++
			l.n[c].parent = v
			l.n[c].number = i + 1
			l.depth[c] = l.depth[v] + 1
			stack = append(stack, c)
		}
	}
	if count != n {
		return nil, fmt.Errorf("%w: %d of %d nodes are not reachable from the root", ErrInvalidTree, n-count, n)
	}
	return l, nil
}

func (l *layouter) children(v int) []int {
	if v < len(l.t.Children) {
		return l.t.Children[v]
	}
	return nil
}

func (l *layouter) leftSibling(v int) int {
	p := l.n[v].parent
	if p < 0 || l.n[v].number == 1 {
		return -1
	}
	return l.t.Children[p][l.n[v].number-2]
}

func (l *layouter) leftmostSibling(v int) int {
	p := l.n[v].parent
	if p < 0 {
		return v
	}
	return l.t.Children[p][0]
}

// distance is the least centre-to-centre distance of two boxes side by side.
func (l *layouter) distance(a, b int) float64 {
	gap := l.o.SubtreeGap
	if l.n[a].parent == l.n[b].parent {
		gap = l.o.SiblingGap
	}
	return (l.t.Width[a]+l.t.Width[b])/2 + gap
}

func (l *layouter) nextLeft(v int) int {
	if c := l.children(v); len(c) > 0 {
		return c[0]
	}
	return l.n[v].thread
}

func (l *layouter) nextRight(v int) int {
	if c := l.children(v); len(c) > 0 {
		return c[len(c)-1]
	}
	return l.n[v].thread
}

// firstWalk is Buchheim et al.'s FIRSTWALK in post-order, without
// recursion so that long chains cannot exhaust the stack.
func (l *layouter) firstWalk() {
	type frame struct {
		v, next         int
		defaultAncestor int
	}
	stack := []frame{{v: l.t.Root}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		ch := l.children(f.v)
		if f.next > 0 {
			// The child f.next-1 is finished: apportion it.
			f.defaultAncestor = l.apportion(ch[f.next-1], f.defaultAncestor)
		} else if len(ch) > 0 {
			f.defaultAncestor = ch[0]
		}
		if f.next < len(ch) {
			c := ch[f.next]
			f.next++
			stack = append(stack, frame{v: c})
			continue
		}
		l.place(f.v)
		stack = stack[:len(stack)-1]
	}
}

// place gives v its preliminary position once its children are placed.
func (l *layouter) place(v int) {
	ch := l.children(v)
	w := l.leftSibling(v)
	if len(ch) == 0 {
		if w >= 0 {
			l.n[v].prelim = l.n[w].prelim + l.distance(w, v)
		}
		return
	}
	l.executeShifts(v)
	mid := (l.n[ch[0]].prelim + l.n[ch[len(ch)-1]].prelim) / 2
	if w >= 0 {
		l.n[v].prelim = l.n[w].prelim + l.distance(w, v)
		l.n[v].mod = l.n[v].prelim - mid
	} else {
		l.n[v].prelim = mid
	}
}

func (l *layouter) apportion(v, defaultAncestor int) int {
	w := l.leftSibling(v)
	if w < 0 {
		return defaultAncestor
	}
	vip, vop := v, v
	vim := w
	vom := l.leftmostSibling(vip)
	sip, sop := l.n[vip].mod, l.n[vop].mod
	sim, som := l.n[vim].mod, l.n[vom].mod
	for l.nextRight(vim) >= 0 && l.nextLeft(vip) >= 0 {
		vim = l.nextRight(vim)
		vip = l.nextLeft(vip)
		vom = l.nextLeft(vom)
		vop = l.nextRight(vop)
		l.n[vop].ancestor = v
		shift := (l.n[vim].prelim + sim) - (l.n[vip].prelim + sip) + l.distance(vim, vip)
		if shift > 0 {
			l.moveSubtree(l.ancestorOf(vim, v, defaultAncestor), v, shift)
			sip += shift
			sop += shift
		}
		sim += l.n[vim].mod
		sip += l.n[vip].mod
		som += l.n[vom].mod
		sop += l.n[vop].mod
	}
	if l.nextRight(vim) >= 0 && l.nextRight(vop) < 0 {
		l.n[vop].thread = l.nextRight(vim)
		l.n[vop].mod += sim - sop
	}
	if l.nextLeft(vip) >= 0 && l.nextLeft(vom) < 0 {
		l.n[vom].thread = l.nextLeft(vip)
		l.n[vom].mod += sip - som
		defaultAncestor = v
	}
	return defaultAncestor
}

// ancestorOf is the greatest distinct ancestor of vim and v: vim's recorded
// ancestor when it is a sibling of v, else the default ancestor.
func (l *layouter) ancestorOf(vim, v, defaultAncestor int) int {
	a := l.n[vim].ancestor
	if l.n[a].parent == l.n[v].parent {
		return a
	}
	return defaultAncestor
}

func (l *layouter) moveSubtree(wm, wp int, shift float64) {
	subtrees := float64(l.n[wp].number - l.n[wm].number)
	l.n[wp].change -= shift / subtrees
	l.n[wp].shift += shift
	l.n[wm].change += shift / subtrees
	l.n[wp].prelim += shift
	l.n[wp].mod += shift
}

func (l *layouter) executeShifts(v int) {
	var shift, change float64
	ch := l.children(v)
	for i := len(ch) - 1; i >= 0; i-- {
		w := ch[i]
		l.n[w].prelim += shift
		l.n[w].mod += shift
		change += l.n[w].change
		shift += l.n[w].shift + change
	}
}

// secondWalk sums the modifiers down the tree (iteratively).
func (l *layouter) secondWalk() []float64 {
	x := make([]float64, len(l.n))
	type item struct {
		v int
		m float64
	}
	stack := []item{{l.t.Root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x[it.v] = l.n[it.v].prelim + it.m
		for _, c := range l.children(it.v) {
			stack = append(stack, item{c, it.m + l.n[it.v].mod})
		}
	}
	return x
}
