package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// decodeBoth decodes src with roles streamed and from the whole tree.
func decodeBoth(t *testing.T, src string) (streamed, whole *Config, sp, wp *problems) {
	t.Helper()
	defer func(old bool) { streamRoles = old }(streamRoles)
	streamRoles = true
	sp = &problems{}
	streamed = decodeConfig([]byte(src), sp)
	streamRoles = false
	wp = &problems{}
	whole = decodeConfig([]byte(src), wp)
	return
}

// Roles decoded one at a time as the parser hands them over are the roles
// decoded from the whole tree, with the same lines and the same problems,
// whatever the file holds.
func TestStreamedRolesMatchTree(t *testing.T) {
	var many strings.Builder
	many.WriteString("version: 1\ncompany: {name: Acme}\nroles:\n")
	for i := range MaxRoles + 1 {
		fmt.Fprintf(&many, "  - {id: r%d, template: operations-manager, reports_to: ceo, headcount: x}\n", i)
	}
	var items strings.Builder
	items.WriteString("version: 1\nroles:\n")
	for i := range MaxTotalItems/MaxListItems + 1 {
		fmt.Fprintf(&items, "  - {id: r%d, responsibilities: [%s]}\n", i, strings.TrimSuffix(strings.Repeat("x, ", MaxListItems), ", "))
	}
	items.WriteString("company: {name: Acme, nope: 1}\n")
	var chunks strings.Builder
	chunks.WriteString("version: 1\ncompany: {name: Acme}\nroles:\n")
	for i := range 3*roleChunk + 7 {
		fmt.Fprintf(&chunks, "  - id: r%d\n    template: operations-manager\n    reports_to: ceo\n", i)
		if i%97 == 0 {
			fmt.Fprintf(&chunks, "    kpis: {add: [{text: KPI %d}]}\n    headcount: x\n", i)
		}
	}
	cases := map[string]string{
		"chunks":         chunks.String(),
		"too-many-items": items.String(),
		"plain":          positionsDoc,
		"flow":           "version: 1\ncompany: {name: Acme}\nroles: [{id: a, template: operations-manager, reports_to: ceo}, {id: b, template: x, reports_to: a}]\n",
		"problems":       "version: 1\ncompany:\n  name: Acme\n  nope: 1\nroles:\n  - id: a\n    headcount: many\n    bogus: true\n  - 42\n  - id: b\n    title: [x]\n",
		"aliases":        "version: 1\ncompany: {name: Acme}\nx-base: &base\n  template: operations-manager\nroles:\n  - &first\n    <<: *base\n    id: a\n    reports_to: ceo\n  - *first\n  - <<: *first\n    id: c\n",
		"loop":           "version: 1\ncompany: {name: Acme}\nroles: &all\n  - id: a\n    reports_to: *all\n",
		"loop-top":       "&top\nversion: 1\ncompany: {name: Acme}\nroles:\n  - id: a\n    template: *top\n",
		"two-roles":      "version: 1\nroles:\n  - id: a\nroles:\n  - id: b\n",
		"syntax-after":   "version: 1\nroles:\n  - id: a\n    headcount: x\n  - id: b\ncompany: {name: [\n",
		"not-a-list":     "version: 1\nroles:\n  id: a\n",
		"over-the-limit": many.String(),
		"roles-first":    "roles:\n  - id: a\n    template: operations-manager\n    reports_to: ceo\nversion: 1\ncompany: {name: Acme, nope: 2}\n",
		"flow-top":       "{version: 1, company: {name: Acme}, roles: [{id: a, headcount: x}, {id: b}]}\n",
		"nested-lists":   "version: 1\ncompany: {name: Acme, benefits: [a, b]}\nroles:\n  - id: a\n    responsibilities: [x, {text: y}]\n    remote_regions: [US, US-CO]\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			s, w, sp, wp := decodeBoth(t, src)
			if !reflect.DeepEqual(s.Roles, w.Roles) {
				t.Errorf("roles differ:\nstreamed %+v\n   whole %+v", s.Roles, w.Roles)
			}
			if !reflect.DeepEqual(s.roleLines, w.roleLines) {
				t.Errorf("role lines: streamed %v, whole %v", s.roleLines, w.roleLines)
			}
			if a, b := fmt.Sprint(sp.sorted("c.yaml")), fmt.Sprint(wp.sorted("c.yaml")); a != b {
				t.Errorf("problems differ:\nstreamed %s\n   whole %s", a, b)
			}
			if a, b := fmt.Sprint(sp.sortedWarnings("c.yaml")), fmt.Sprint(wp.sortedWarnings("c.yaml")); a != b {
				t.Errorf("warnings differ:\nstreamed %s\n   whole %s", a, b)
			}
			if sp.fatal != wp.fatal || sp.dropped != wp.dropped || len(s.texts) != len(w.texts) {
				t.Errorf("fatal %v/%v, dropped %d/%d, texts %d/%d", sp.fatal, wp.fatal, sp.dropped, wp.dropped, len(s.texts), len(w.texts))
			}
		})
	}
	// Streamed where the roles list can be: not an anchored list, only
	// the first of two roles keys.
	for name, want := range map[string]int{"chunks": 3*roleChunk + 7, "plain": 3, "flow": 2, "flow-top": 2, "roles-first": 1, "aliases": 3, "loop": 0, "two-roles": 1, "nested-lists": 1, "over-the-limit": MaxRoles + 1} {
		if s, _, _, _ := decodeBoth(t, cases[name]); s.streamed != want {
			t.Errorf("%s: %d roles streamed, want %d", name, s.streamed, want)
		}
	}
	// The cases do what they say.
	if _, _, sp, _ := decodeBoth(t, cases["too-many-items"]); !sp.fatal || len(sp.list) != 2 || !strings.Contains(fmt.Sprint(sp.list), "company.nope") {
		t.Errorf("too many items: fatal %v, %v; want the limit and company.nope", sp.fatal, sp.list)
	}
	if _, _, sp, _ := decodeBoth(t, cases["over-the-limit"]); len(sp.list) != 1 || !strings.Contains(sp.list[0].Message, "the limit is 10000") {
		t.Errorf("over the limit: %v", sp.list)
	}
	if s, _, _, _ := decodeBoth(t, cases["aliases"]); len(s.Roles) != 3 || s.Roles[1].ID != "a" || s.Roles[2].ID != "c" || s.Roles[2].Template != "operations-manager" {
		t.Errorf("aliases: %+v", s.Roles)
	}
}

// A run's messages find their lines together: a config with warnings
// decodes the file once more for all of them, and one without none.
func TestPositionsOnePassForAllMessages(t *testing.T) {
	src := strings.Replace(positionsDoc, "company:\n  name: Acme\n", "company:\n  name: Acme\n  about: \"=Sum\"\n", 1) +
		"output:\n  pdfa: true\n"
	file := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Resolve(cfg, Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()})
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, w := range m.Warnings {
		lines[w.Path] = w.Line
	}
	if lines["company.about"] != 4 || lines["output.pdfa"] != 17 {
		t.Errorf("warning lines %v; want company.about on 4, output.pdfa on 17", lines)
	}
	if cfg.pos.passes != 1 {
		t.Errorf("%d decodings for the positions of %d warnings; want 1", cfg.pos.passes, len(m.Warnings))
	}
}

// A streamed roles list is decoded in chunks and put together once: one
// slice of just its length, the roles in their order, the chunks dropped.
func TestRoleStreamChunks(t *testing.T) {
	for _, n := range []int{0, 1, 16, 17, 3*roleChunk + 7} {
		var s roleStream
		for i := range n {
			s.next().ID = fmt.Sprint(i)
		}
		for i, c := range s.chunks {
			if cap(c) > roleChunk || (i < len(s.chunks)-1 && len(c) != cap(c)) {
				t.Errorf("%d roles: chunk %d holds %d of %d", n, i, len(c), cap(c))
			}
		}
		roles := s.roles()
		if len(roles) != n || cap(roles) != n || s.chunks != nil || (n == 0) != (roles == nil) {
			t.Fatalf("%d roles: got %d (room for %d), chunks left %d", n, len(roles), cap(roles), len(s.chunks))
		}
		for i := range roles {
			if roles[i].ID != fmt.Sprint(i) {
				t.Fatalf("%d roles: roles[%d] is %q", n, i, roles[i].ID)
			}
		}
	}
}
