package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"
	"unsafe"

	"github.com/jdgen/jdgen/internal/bigconfig"
)

// parseBig parses a generated company of n roles.
func parseBig(t *testing.T, n int) *Config {
	t.Helper()
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, n); err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse(buf.Bytes(), "big.yaml", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// shareModel resolves a generated company of n roles without the sharing
// pass, so tests can compare before and after.
func shareModel(t *testing.T, n int) *Model {
	t.Helper()
	cfg := parseBig(t, n)
	defer func(old bool) { shareWhileResolving = old }(shareWhileResolving)
	shareWhileResolving = false
	m, err := resolve(cfg, Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()}, &problems{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func modelJSON(t *testing.T, m *Model) []byte {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// liveHeap is the heap in use after two full collections: the second
// frees what sync.Pools (encoding/json's buffers) held through the first.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// Sharing changes nothing a reader can see (the model's JSON, nil and
// empty lists included) and shrinks what the model keeps: roles with equal
// lists, records and texts hold one copy of them.
func TestShareRolesKeepsTheModelAndShrinksIt(t *testing.T) {
	const n = 2000
	before := liveHeap()
	m := shareModel(t, n)
	unshared := liveHeap() - before
	want := sha256.Sum256(modelJSON(t, m))
	shareRoles(m)
	shared := liveHeap() - before
	if got := sha256.Sum256(modelJSON(t, m)); got != want {
		t.Fatal("the model's JSON changed when its roles were made to share values")
	}
	t.Logf("%d roles: the model keeps %d KB unshared, %d KB shared", n, unshared>>10, shared>>10)
	if shared > unshared/2 {
		t.Errorf("%d roles: the model keeps %d KB shared against %d KB unshared; want at most half", n, shared>>10, unshared>>10)
	}
	runtime.KeepAlive(m)
}

// Every list and pointer of a role is one copy per distinct value: as many
// backing arrays (or pointees) as distinct JSON values, and no spare
// capacity on a shared list.
func TestShareRolesOneCopyPerValue(t *testing.T) {
	m := shareModel(t, 500)
	shareRoles(m)
	rt := reflect.TypeFor[Role]()
	for f := 0; f < rt.NumField(); f++ {
		kind := rt.Field(f).Type.Kind()
		if kind != reflect.Slice && kind != reflect.Pointer {
			continue
		}
		values, copies := map[string]bool{}, map[uintptr]bool{}
		for i := range m.Roles {
			v := reflect.ValueOf(m.Roles[i]).Field(f)
			if v.IsNil() || (kind == reflect.Slice && v.Len() == 0) {
				continue
			}
			if kind == reflect.Slice && v.Cap() != v.Len() {
				t.Errorf("%s of %s has spare capacity", rt.Field(f).Name, m.Roles[i].ID)
			}
			b, _ := json.Marshal(v.Interface())
			values[string(b)] = true
			copies[v.Pointer()] = true
		}
		if len(copies) != len(values) {
			t.Errorf("%s: %d copies of %d distinct values", rt.Field(f).Name, len(copies), len(values))
		}
	}
}

// Every field of Role is of a type the sharing pass can compare: a map or
// an interface added to Role would silently stay unshared.
func TestEveryRoleFieldIsShareable(t *testing.T) {
	if left := shareable(); len(left) != 0 {
		t.Errorf("Role fields the sharing pass cannot compare: %v", left)
	}
}

// The pass copies a value before sharing its parts, never writing into
// memory the role does not own, such as a template's list that other
// code may be reading: the list keeps its own strings.
func TestShareRolesWritesOnlyItsCopies(t *testing.T) {
	text := "Runs the site's daily operations."
	// The same text with its own bytes, seen first (Summary comes before
	// Responsibilities), so a write into the list would swap the string.
	first := string([]byte(text))
	list := []Item{{Key: "daily", Text: text}}
	m := &Model{Roles: []Role{
		{ID: "a", RoleText: &RoleText{Summary: first, Responsibilities: list}},
		{ID: "b", RoleText: &RoleText{Summary: first, Responsibilities: list}},
	}}
	shareRoles(m)
	if unsafe.StringData(list[0].Text) != unsafe.StringData(text) {
		t.Error("the pass wrote into a list the roles only refer to")
	}
	if got := m.Roles[0].Responsibilities; &got[0] == &list[0] || &got[0] != &m.Roles[1].Responsibilities[0] {
		t.Error("the roles do not share one copy of the list")
	}
	if unsafe.StringData(m.Roles[0].Responsibilities[0].Text) != unsafe.StringData(m.Roles[0].Summary) {
		t.Error("equal texts in different fields are not shared")
	}
}

// Equal values of different kinds never meet: a nil list and an empty one
// stay apart, and so do equal texts in lists of different types.
func TestShareKeysTellValuesApart(t *testing.T) {
	s := newSharer()
	type pair struct {
		a, b any
	}
	for _, c := range []pair{
		{[]string(nil), []string{}},
		{[]string{"ab"}, []string{"a", "b"}},
		{[]string{"a", ""}, []string{"a"}},
		{(*Pay)(nil), &Pay{}},
		{&Pay{Min: 1}, &Pay{Min: 2}},
		{[]Item{{Key: "a", Text: "b"}}, []Item{{Key: "ab"}}},
	} {
		ka := string(s.key(nil, reflect.ValueOf(c.a)))
		kb := string(s.key(nil, reflect.ValueOf(c.b)))
		if ka == kb {
			t.Errorf("%s and %s have the same key", fmt.Sprintf("%#v", c.a), fmt.Sprintf("%#v", c.b))
		}
	}
}

// shareable lists the Role fields that shareRoles leaves alone because
// their types cannot be keyed.
func shareable() []string {
	s := newSharer()
	var out []string
	t := reflect.TypeFor[Role]()
	for i := 0; i < t.NumField(); i++ {
		if !s.plain(t.Field(i).Type) {
			out = append(out, t.Field(i).Name)
		}
	}
	slices.Sort(out)
	return out
}

// Compliance records are shared as resolving makes them (the largest
// per-role values, shared before the model is complete): one record per
// distinct value before shareRoles runs.
func TestComplianceSharedWhileResolving(t *testing.T) {
	m, err := resolve(parseBig(t, 500), Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()}, &problems{})
	if err != nil {
		t.Fatal(err)
	}
	ptrs, values := map[*Compliance]bool{}, map[string]bool{}
	for _, r := range m.Roles {
		if r.Compliance == nil {
			continue
		}
		ptrs[r.Compliance] = true
		b, _ := json.Marshal(r.Compliance)
		values[string(b)] = true
	}
	if len(values) < 2 || len(ptrs) != len(values) {
		t.Errorf("%d compliance records for %d distinct values; want one each (and more than one value)", len(ptrs), len(values))
	}
}
