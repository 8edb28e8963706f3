package generator

import (
	"fmt"
	"reflect"

	"go.yaml.in/yaml/v3"
)

// streamRoles turns streaming on; tests compare with it off.
var streamRoles = true

// roleStream is the top-level roles list as the YAML parser hands it over,
// one role at a time (third_party/yaml, Decoder.SetItemHook): each role is
// decoded as soon as it is parsed and its nodes are dropped, so decoding
// holds one role's nodes instead of the whole file's (about 150 bytes a
// node: 28 MB for a 1.9 MB file of 10,000 roles).
type roleStream struct {
	// seq is the sequence being streamed; nil until its first item.
	seq *yaml.Node
	// chunks are the roles decoded so far, in lists of at most
	// roleChunk, put together once the list ends (a list grown by append
	// would copy the roles at each growth, and keep up to a quarter of its
	// room unused); lines are their lines.
	chunks [][]RoleConfig
	lines  []int
	// count is how many items the parser handed over.
	count int
	// start is the decoder's state before the first role, restored when
	// the list turns out longer than MaxRoles.
	start decodeState
}

// roleChunk is the most roles a chunk of a streamed roles list holds; the
// first chunks hold fewer, so that a small file allocates little.
const roleChunk = 256

// next is a new role at the end of the list.
func (s *roleStream) next() *RoleConfig {
	n := len(s.chunks)
	if n == 0 || len(s.chunks[n-1]) == cap(s.chunks[n-1]) {
		size := roleChunk
		if n < 4 {
			size = 16 << n
		}
		s.chunks, n = append(s.chunks, make([]RoleConfig, 0, size)), n+1
	}
	c := &s.chunks[n-1]
	*c = append(*c, RoleConfig{})
	return &(*c)[len(*c)-1]
}

// roles is the list decoded, in one slice of its length (nil for none);
// the chunks are dropped.
func (s *roleStream) roles() []RoleConfig {
	total := 0
	for _, c := range s.chunks {
		total += len(c)
	}
	var out []RoleConfig
	if total > 0 {
		out = make([]RoleConfig, 0, total)
		for i, c := range s.chunks {
			out = append(out, c...)
			s.chunks[i] = nil
		}
	}
	s.chunks = nil
	return out
}

// decodeState is what decoding adds to, saved and restored when what was
// decoded must be taken back.
type decodeState struct {
	problems, warnings, dropped int
	fatal, exhaust              bool
	texts, budget, text, items  int
}

func (d *decoder) save() decodeState {
	return decodeState{
		problems: len(d.ps.list), warnings: len(d.ps.warnings), dropped: d.ps.dropped,
		fatal: d.ps.fatal, exhaust: d.exhaust,
		texts: len(d.texts), budget: d.budget, text: d.text, items: d.items,
	}
}

func (d *decoder) restore(s decodeState) {
	d.ps.list, d.ps.warnings, d.ps.dropped = d.ps.list[:s.problems], d.ps.warnings[:s.warnings], s.dropped
	d.ps.fatal, d.exhaust = s.fatal, s.exhaust
	clear(d.texts[s.texts:])
	d.texts, d.budget, d.text, d.items = d.texts[:s.texts], s.budget, s.text, s.items
}

// streamRole is the parser's item hook. It takes the items of the value of
// the top-level key roles, decodes each into the next role and reports
// true, so the parser drops the item's nodes; any other item it leaves to
// the parser. A roles list with an anchor is not streamed (an alias could
// refer to the whole list later), nor is a second roles key (refused as a
// duplicate when the mapping is decoded).
func (d *decoder) streamRole(open []*yaml.Node, item *yaml.Node) bool {
	s := &d.stream
	if len(open) != 3 || open[0].Kind != yaml.DocumentNode || open[1].Kind != yaml.MappingNode {
		return false
	}
	top, seq := open[1], open[2]
	if s.seq != seq {
		if s.seq != nil || seq.Anchor != "" || len(top.Content)%2 == 0 {
			return false
		}
		if k := top.Content[len(top.Content)-1]; k.Kind != yaml.ScalarNode || k.Tag == "!!merge" || k.Value != "roles" {
			return false
		}
		s.seq, s.start = seq, d.save()
	}
	s.count++
	if s.count > MaxRoles {
		if s.count == MaxRoles+1 {
			// Over the limit: the limit is the one problem, as for any list.
			d.restore(s.start)
			s.chunks, s.lines = nil, nil
		}
		return true
	}
	c := item
	for c.Kind == yaml.AliasNode {
		c = c.Alias
	}
	s.lines = append(s.lines, c.Line)
	// Decoded with the nodes around it marked, as if decoded from the
	// whole tree: an alias to an enclosing node is a loop.
	for _, o := range open[1:] {
		d.active[o] = true
	}
	path := fmt.Sprintf("roles[%d]", s.count-1)
	if d.rec != nil {
		// Looking for positions: the role itself is not kept.
		var r RoleConfig
		d.decode(item, reflect.ValueOf(&r).Elem(), path)
	} else {
		d.decode(item, reflect.ValueOf(s.next()).Elem(), path)
	}
	for _, o := range open[1:] {
		delete(d.active, o)
	}
	return true
}

// endStream sets v, the roles field, to the streamed roles when the
// mapping holding them is decoded.
func (d *decoder) endStream(n *yaml.Node, v reflect.Value) {
	s := &d.stream
	if !d.fitsCount(n, "roles", s.count) {
		return
	}
	d.roleLines = s.lines
	if roles := s.roles(); roles != nil {
		v.Set(reflect.ValueOf(roles))
	}
	s.lines = nil
}
