package tidytree

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	_ "github.com/jdgen/jdgen/internal/golden"
)

const eps = 1e-6

// randomTree makes a tree of n nodes of a given shape from seed: "random"
// attaches each node to a random earlier one, "wide" to one of the first
// few, "deep" mostly to the previous node, "bushy" to a node near the end.
func randomTree(n int, shape string, seed uint64) Tree {
	r := rand.New(rand.NewPCG(seed, 7))
	t := Tree{Width: make([]float64, n), Children: make([][]int, n)}
	for v := range n {
		t.Width[v] = 20 + float64(r.IntN(100))
		if v == 0 {
			continue
		}
		var p int
		switch shape {
		case "wide":
			p = r.IntN(min(v, 3))
		case "deep":
			p = v - 1 - r.IntN(min(v, 2))
		case "bushy":
			p = v - 1 - r.IntN(min(v, 40))
		default:
			p = r.IntN(v)
		}
		t.Children[p] = append(t.Children[p], v)
	}
	return t
}

var opts = Options{SiblingGap: 8, SubtreeGap: 16}

// checkProperties asserts what a tidy layout promises.
func checkProperties(t *testing.T, tr Tree, o Options, l *Layout) {
	t.Helper()
	n := len(tr.Width)
	rows := map[int][]int{}
	for v := range n {
		rows[l.Depth[v]] = append(rows[l.Depth[v]], v)
	}
	// No two boxes on one row overlap or come closer than the sibling gap.
	minGap := min(o.SiblingGap, o.SubtreeGap)
	for d, vs := range rows {
		slices.SortFunc(vs, func(a, b int) int {
			switch {
			case l.X[a] < l.X[b]:
				return -1
			case l.X[a] > l.X[b]:
				return 1
			}
			return 0
		})
		for i := 1; i < len(vs); i++ {
			a, b := vs[i-1], vs[i]
			if gap := l.Left(tr, b) - (l.X[a] + tr.Width[a]/2); gap < minGap-eps {
				t.Fatalf("row %d: nodes %d and %d are %.3f apart (want >= %.1f)", d, a, b, gap, minGap)
			}
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	leaves := 0
	maxW := 0.0
	for v := range n {
		lo = min(lo, l.Left(tr, v))
		hi = max(hi, l.X[v]+tr.Width[v]/2)
		maxW = max(maxW, tr.Width[v])
		var ch []int
		if v < len(tr.Children) {
			ch = tr.Children[v]
		}
		if len(ch) == 0 {
			leaves++
			continue
		}
		// Parent centred over its first and last child.
		mid := (l.X[ch[0]] + l.X[ch[len(ch)-1]]) / 2
		if math.Abs(l.X[v]-mid) > eps {
			t.Fatalf("node %d at %.3f, its children's centre at %.3f", v, l.X[v], mid)
		}
		// Siblings keep their order, left to right.
		for i := 1; i < len(ch); i++ {
			if l.X[ch[i]] <= l.X[ch[i-1]] {
				t.Fatalf("children %d and %d of %d out of order: %.3f, %.3f", ch[i-1], ch[i], v, l.X[ch[i-1]], l.X[ch[i]])
			}
		}
		for _, c := range ch {
			if l.Depth[c] != l.Depth[v]+1 {
				t.Fatalf("child %d of %d on row %d, parent on row %d", c, v, l.Depth[c], l.Depth[v])
			}
		}
	}
	if math.Abs(lo) > eps {
		t.Fatalf("leftmost edge at %.3f, want 0", lo)
	}
	if math.Abs(hi-lo-l.Width) > eps {
		t.Fatalf("Width %.3f, boxes span %.3f", l.Width, hi-lo)
	}
	// Width is linear in the number of leaves: never more than laying the
	// leaves side by side at the widest box and the larger gap.
	bound := float64(leaves)*(maxW+max(o.SiblingGap, o.SubtreeGap)) + eps
	if l.Width > bound {
		t.Fatalf("width %.1f for %d leaves exceeds %.1f", l.Width, leaves, bound)
	}
}

func TestPropertiesRandomTrees(t *testing.T) {
	sizes := []int{1, 2, 3, 5, 10, 50, 200, 1000, 10000}
	for _, shape := range []string{"random", "wide", "deep", "bushy"} {
		for _, n := range sizes {
			for seed := range uint64(4) {
				if n == 10000 && seed > 0 {
					continue
				}
				tr := randomTree(n, shape, seed)
				l, err := Compute(tr, opts)
				if err != nil {
					t.Fatalf("%s n=%d seed=%d: %v", shape, n, seed, err)
				}
				checkProperties(t, tr, opts, l)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	tr := randomTree(3000, "random", 42)
	a, err := Compute(tr, opts)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := Compute(tr, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a.X, b.X) || !slices.Equal(a.Depth, b.Depth) || a.Width != b.Width {
			t.Fatal("two layouts of the same tree differ")
		}
	}
}

// TestHandComputed checks small layouts against positions worked out by hand.
func TestHandComputed(t *testing.T) {
	o := Options{SiblingGap: 10, SubtreeGap: 20}
	// Root with three children of width 100: children at 50, 160, 270,
	// root centred at 160.
	tr := Tree{Width: []float64{100, 100, 100, 100}, Children: [][]int{{1, 2, 3}}}
	l, err := Compute(tr, o)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{160, 50, 160, 270}
	for v, x := range want {
		if math.Abs(l.X[v]-x) > eps {
			t.Errorf("node %d at %.2f, want %.2f", v, l.X[v], x)
		}
	}
	if l.Width != 320 || l.Rows != 2 {
		t.Errorf("width %.2f rows %d, want 320 and 2", l.Width, l.Rows)
	}
	// Two children with two leaves each (width 40): the leaf rows of the
	// two subtrees meet at the subtree gap: leaves 20, 70 | 130, 180.
	tr = Tree{Width: []float64{40, 40, 40, 40, 40, 40, 40}, Children: [][]int{{1, 2}, {3, 4}, {5, 6}}}
	l, err = Compute(tr, o)
	if err != nil {
		t.Fatal(err)
	}
	want = []float64{100, 45, 155, 20, 70, 130, 180}
	for v, x := range want {
		if math.Abs(l.X[v]-x) > eps {
			t.Errorf("node %d at %.2f, want %.2f", v, l.X[v], x)
		}
	}
	// A wide parent over narrow children: the parent sets the width.
	tr = Tree{Width: []float64{300, 20, 20}, Children: [][]int{{1, 2}}}
	l, err = Compute(tr, o)
	if err != nil {
		t.Fatal(err)
	}
	if l.Width != 300 || math.Abs(l.X[0]-150) > eps || math.Abs(l.X[1]-135) > eps || math.Abs(l.X[2]-165) > eps {
		t.Errorf("wide parent: width %.2f, X %v", l.Width, l.X)
	}
}

// TestSmallSubtreesSpreadEvenly: Walker's improvement spreads the small
// subtrees between two large ones evenly instead of piling them left.
func TestSmallSubtreesSpreadEvenly(t *testing.T) {
	// Root (0) with children: big (1), leaf (2), leaf (3), big (4). The
	// bigs have deep wide subtrees that touch; the leaves sit between.
	tr := Tree{Width: make([]float64, 0), Children: make([][]int, 0)}
	add := func(p int) int {
		v := len(tr.Width)
		tr.Width = append(tr.Width, 10)
		tr.Children = append(tr.Children, nil)
		if p >= 0 {
			tr.Children[p] = append(tr.Children[p], v)
		}
		return v
	}
	root := add(-1)
	b1 := add(root)
	l1 := add(root)
	l2 := add(root)
	b2 := add(root)
	for _, b := range []int{b1, b2} {
		c := add(b)
		for range 6 {
			add(c)
		}
	}
	l, err := Compute(tr, Options{SiblingGap: 2, SubtreeGap: 2})
	if err != nil {
		t.Fatal(err)
	}
	d1, d2, d3 := l.X[l1]-l.X[b1], l.X[l2]-l.X[l1], l.X[b2]-l.X[l2]
	if math.Abs(d1-d2) > eps || math.Abs(d2-d3) > eps {
		t.Errorf("gaps between siblings %.2f %.2f %.2f, want equal", d1, d2, d3)
	}
}

func TestLongChain(t *testing.T) {
	n := 100000
	tr := Tree{Width: make([]float64, n), Children: make([][]int, n)}
	for v := range n {
		tr.Width[v] = 50
		if v > 0 {
			tr.Children[v-1] = []int{v}
		}
	}
	l, err := Compute(tr, opts)
	if err != nil {
		t.Fatal(err)
	}
	if l.Rows != n || l.Width != 50 {
		t.Errorf("chain: %d rows, width %.1f; want %d and 50", l.Rows, l.Width, n)
	}
}

func TestInvalidTrees(t *testing.T) {
	cases := map[string]Tree{
		"empty":        {},
		"root range":   {Width: []float64{1}, Root: 3},
		"child range":  {Width: []float64{1, 1}, Children: [][]int{{5}}},
		"twice":        {Width: []float64{1, 1}, Children: [][]int{{1, 1}}},
		"cycle":        {Width: []float64{1, 1}, Children: [][]int{{1}, {0}}},
		"unreachable":  {Width: []float64{1, 1, 1}, Children: [][]int{{1}}},
		"negative":     {Width: []float64{-1}},
		"nan":          {Width: []float64{math.NaN()}},
		"inf":          {Width: []float64{math.Inf(1)}},
		"extra lists":  {Width: []float64{1}, Children: [][]int{nil, nil}},
		"self as kid":  {Width: []float64{1}, Children: [][]int{{0}}},
		"nested twice": {Width: []float64{1, 1, 1}, Children: [][]int{{1, 2}, {2}}},
	}
	for name, tr := range cases {
		if _, err := Compute(tr, opts); !errors.Is(err, ErrInvalidTree) {
			t.Errorf("%s: got %v, want ErrInvalidTree", name, err)
		}
	}
	if _, err := Compute(Tree{Width: []float64{1}}, Options{SiblingGap: -1}); !errors.Is(err, ErrInvalidTree) {
		t.Errorf("negative gap: got %v", err)
	}
}

// BenchmarkCompute10000 lays out random 10,000-node trees.
func BenchmarkCompute10000(b *testing.B) {
	for _, shape := range []string{"random", "bushy", "deep"} {
		tr := randomTree(10000, shape, 1)
		b.Run(shape, func(b *testing.B) {
			for b.Loop() {
				if _, err := Compute(tr, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
