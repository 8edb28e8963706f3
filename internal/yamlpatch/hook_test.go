package yamlpatch

// Tests for patch 1 (third_party/yaml/PATCHES.md): Decoder.SetItemHook
// hands over each sequence item as it is parsed and can leave it out of
// the tree.

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const doc = `version: 1
company: {name: Acme}
roles:
  - id: a
    title: First
  - &b
    id: b
    tags: [x, y]
  - *b
after: [1, 2]
`

func decode(t *testing.T, src string, hook func([]*yaml.Node, *yaml.Node) bool) *yaml.Node {
	t.Helper()
	var root yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(src))
	dec.SetItemHook(hook)
	if err := dec.Decode(&root); err != nil {
		t.Fatal(err)
	}
	return &root
}

func dump(n *yaml.Node) string {
	var b bytes.Buffer
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%s%d %q %d:%d\n", strings.Repeat(" ", depth), n.Kind, n.Value, n.Line, n.Column)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// TestItemHookSeesEveryItemInOrder: the hook is called once per item of
// every sequence, innermost first, with the enclosing nodes; the key of a
// mapping's value being parsed is the mapping's last node.
func TestItemHookSeesEveryItemInOrder(t *testing.T) {
	var got []string
	decode(t, doc, func(open []*yaml.Node, item *yaml.Node) bool {
		if open[0].Kind != yaml.DocumentNode || open[len(open)-1].Kind != yaml.SequenceNode {
			t.Errorf("open = %v: want the document first and the sequence last", open)
		}
		key := ""
		if len(open) >= 2 {
			if m := open[len(open)-2]; m.Kind == yaml.MappingNode {
				key = m.Content[len(m.Content)-1].Value
			}
		}
		got = append(got, fmt.Sprintf("%s@%d/%d:%d", key, len(open), item.Kind, item.Line))
		return false
	})
	want := []string{
		"roles@3/4:4", // - id: a
		"tags@5/8:8",  // [x, y], inside the second role
		"tags@5/8:8",
		"roles@3/4:6",  // - &b
		"roles@3/16:9", // - *b (an alias node)
		"after@3/8:10",
		"after@3/8:10",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("hook calls\n got %v\nwant %v", got, want)
	}
}

// TestItemHookDropsItems: items the hook takes are left out of the tree;
// everything else is as without a hook, and an anchored item that was
// dropped is still what a later alias refers to.
func TestItemHookDropsItems(t *testing.T) {
	plain := decode(t, doc, nil)
	var taken []*yaml.Node
	hooked := decode(t, doc, func(open []*yaml.Node, item *yaml.Node) bool {
		m := open[len(open)-2]
		if len(open) == 3 && m.Content[len(m.Content)-1].Value == "roles" {
			taken = append(taken, item)
			return true
		}
		return false
	})
	roles := plain.Content[0].Content[5]
	if len(taken) != 3 || len(roles.Content) != 3 {
		t.Fatalf("taken %d items, plain tree has %d roles: want 3 and 3", len(taken), len(roles.Content))
	}
	for i := range taken {
		if a, b := dump(taken[i]), dump(roles.Content[i]); a != b {
			t.Errorf("item %d\n hooked %s\n  plain %s", i, a, b)
		}
	}
	if taken[2].Alias != taken[1] {
		t.Errorf("the alias item does not refer to the dropped anchored item")
	}
	if n := len(hooked.Content[0].Content[5].Content); n != 0 {
		t.Errorf("the hooked tree's roles hold %d items; want 0 (dropped)", n)
	}
	hooked.Content[0].Content[5].Content = roles.Content
	if a, b := dump(hooked), dump(plain); a != b {
		t.Errorf("apart from the dropped items the trees differ:\n%s\n%s", a, b)
	}
}

// TestItemHookFreesDroppedItems: what the hook drops is not kept by the
// decoder, so decoding a long list one item at a time holds a fraction of
// the tree. Without the patch's dropping the whole tree stays live.
func TestItemHookFreesDroppedItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("roles:\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "  - id: role-%d\n    title: Title number %d\n    tags: [a, b, c, d]\n", i, i)
	}
	src := b.String()
	live := func(hook func([]*yaml.Node, *yaml.Node) bool) uint64 {
		var peak uint64
		var ms runtime.MemStats
		n := 0
		wrapped := func(open []*yaml.Node, item *yaml.Node) bool {
			if len(open) != 3 {
				return false
			}
			if n++; n%5000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
			return hook(open, item)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		root := decode(t, src, wrapped)
		runtime.KeepAlive(root)
		return peak - min(peak, before)
	}
	kept := live(func([]*yaml.Node, *yaml.Node) bool { return false })
	dropped := live(func([]*yaml.Node, *yaml.Node) bool { return true })
	t.Logf("live while decoding 20,000 items: %d KB kept, %d KB dropped", kept>>10, dropped>>10)
	if dropped*5 > kept {
		t.Errorf("dropping items holds %d KB, keeping them %d KB: want at most a fifth", dropped>>10, kept>>10)
	}
}
