package generator

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
	"unsafe"
)

// maxRoleSize is the most bytes one Role may take in the model's []Role
// (it was 424 before its groups moved behind shared pointers): the slice
// lives for the whole run, 10,000 roles long.
const maxRoleSize = 200

func TestRoleSize(t *testing.T) {
	if got := unsafe.Sizeof(Role{}); got > maxRoleSize {
		t.Errorf("a Role takes %d bytes; want at most %d: put fields many roles have in common in a shared group", got, maxRoleSize)
	}
}

// roleGroups are Role's embedded pointers: the groups of fields that
// roles with equal values share.
func roleGroups() []reflect.StructField {
	var out []reflect.StructField
	rt := reflect.TypeFor[Role]()
	for i := 0; i < rt.NumField(); i++ {
		if f := rt.Field(i); f.Anonymous && f.Type.Kind() == reflect.Pointer {
			out = append(out, f)
		}
	}
	return out
}

func TestRoleGroups(t *testing.T) {
	var names []string
	for _, f := range roleGroups() {
		names = append(names, f.Name)
	}
	if want := []string{"RoleLevel", "RoleReporting", "RoleTerms", "RoleText"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Role's groups are %v; want %v (add a new group to these tests)", names, want)
	}
}

// nilGroups names the groups of the model's roles that are nil.
func nilGroups(m *Model) []string {
	var out []string
	for i := range m.Roles {
		v := reflect.ValueOf(m.Roles[i])
		for _, f := range roleGroups() {
			if v.FieldByIndex(f.Index).IsNil() {
				out = append(out, m.Roles[i].ID+"."+f.Name)
			}
		}
	}
	return out
}

// caseConfigs loads the config of every testdata case and example that
// loads (resolving may still find problems in it), by name.
func caseConfigs(t *testing.T) map[string]func() *Config {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "company.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	examples, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	out := map[string]func() *Config{}
	for _, f := range append(files, examples...) {
		if _, err := Load(f); err != nil {
			continue
		}
		out[f] = func() *Config {
			cfg, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			return cfg
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d configs load", len(out))
	}
	return out
}

// In a resolved model no role's group is nil, with problems or without:
// encoding/json would drop its fields and reading one would panic.
func TestResolvedRolesHaveEveryGroup(t *testing.T) {
	settings := Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()}
	models := map[string]*Model{}
	for name, cfg := range caseConfigs(t) {
		m, _ := Resolve(cfg(), settings)
		if m == nil {
			t.Fatalf("%s: no model", name)
		}
		models[name] = m
	}
	m, err := Resolve(parseBig(t, 300), settings)
	if err != nil {
		t.Fatal(err)
	}
	models["big"] = m
	for name, m := range models {
		if gone := nilGroups(m); len(gone) > 0 {
			t.Errorf("%s: nil groups %v", name, gone)
		}
	}
	if nilGroups(&Model{Roles: []Role{NewRole("a", "A")}}) != nil {
		t.Error("NewRole leaves a group nil")
	}
}

// groupCopies checks that the model's roles hold one copy of each distinct
// value of each group, and that there are at most half as many as roles.
func groupCopies(t *testing.T, m *Model) {
	t.Helper()
	for _, f := range roleGroups() {
		byValue := map[string]uintptr{}
		copies := map[uintptr]bool{}
		for i := range m.Roles {
			g := reflect.ValueOf(m.Roles[i]).FieldByIndex(f.Index)
			b, err := json.Marshal(g.Interface())
			if err != nil {
				t.Fatal(err)
			}
			if p, ok := byValue[string(b)]; ok && p != g.Pointer() {
				t.Errorf("%s: roles with equal %s hold different copies", m.Roles[i].ID, f.Name)
			}
			byValue[string(b)] = g.Pointer()
			copies[g.Pointer()] = true
		}
		if len(copies) != len(byValue) {
			t.Errorf("%s: %d copies of %d distinct values", f.Name, len(copies), len(byValue))
		}
		if len(byValue) < 2 || len(copies) > len(m.Roles)/2 {
			t.Errorf("%s: %d copies for %d roles; want at least 2 and at most half", f.Name, len(copies), len(m.Roles))
		}
		t.Logf("%s: %d copies for %d roles", f.Name, len(copies), len(m.Roles))
	}
}

// Roles with equal groups hold one copy of each, and roles with different
// ones different copies: as resolving makes them (before shareRoles), so
// resolving's peak does not hold a group per role, and in the resolved
// model.
func TestRoleGroupsShared(t *testing.T) {
	const n = 1000
	settings := Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()}
	t.Run("while resolving", func(t *testing.T) {
		m, err := resolve(parseBig(t, n), settings, &problems{})
		if err != nil {
			t.Fatal(err)
		}
		groupCopies(t, m)
	})
	t.Run("resolved", func(t *testing.T) {
		m, err := Resolve(parseBig(t, n), settings)
		if err != nil {
			t.Fatal(err)
		}
		groupCopies(t, m)
	})
}

// changedShares lists the types of the values the sharer gave out whose
// content is no longer what it was when shared: a pass wrote into a value
// other roles hold too.
func changedShares(s *sharer) []string {
	var out []string
	for typ, byKey := range s.seen {
		for k, v := range byKey {
			if string(s.key(nil, v)) != k {
				out = append(out, typ.String())
			}
		}
	}
	return out
}

// A pass that changes a role's group while resolving changes that role's
// only, though roles with equal groups share one: no shared value changes
// once shared, and resolving with sharing makes the same model as
// resolving with every role's groups its own.
func TestResolveChangesOneRolesGroup(t *testing.T) {
	settings := Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()}
	resolveOnce := func(t *testing.T, cfg *Config, share bool) *Model {
		defer func(old bool) { shareWhileResolving = old }(shareWhileResolving)
		shareWhileResolving = share
		m, err := resolve(cfg, settings, &problems{warnings: slices.Clone(cfg.warnings), pos: cfg.pos})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	configs := caseConfigs(t)
	configs["big"] = func() *Config { return parseBig(t, 300) }
	for name, cfg := range configs {
		shared := resolveOnce(t, cfg(), true)
		if changed := changedShares(shared.share); len(changed) > 0 {
			t.Errorf("%s: shared values changed while resolving: %v", name, changed)
		}
		if string(modelJSON(t, resolveOnce(t, cfg(), false))) != string(modelJSON(t, shared)) {
			t.Errorf("%s: the model differs when roles share groups while resolving", name)
		}
	}
}

// OwnLevel, OwnReporting and OwnTerms give a role copies of its own: changing
// them leaves the role it shared them with as it was.
func TestOwnGroups(t *testing.T) {
	a := NewRole("a", "A")
	a.Department, a.ReportsTo, a.Location = "Yard", "ceo", "Reno, NV"
	b := a
	b.OwnLevel()
	b.OwnReporting()
	b.OwnTerms()
	b.Department, b.ReportsTo, b.Location = "Fleet", "board", "Dallas, TX"
	if a.Department != "Yard" || a.ReportsTo != "ceo" || a.Location != "Reno, NV" {
		t.Errorf("a changed with b: %q %q %q", a.Department, a.ReportsTo, a.Location)
	}
	var z Role
	z.OwnReporting()
	if z.RoleReporting == nil || z.ReportsTo != "" {
		t.Error("OwnReporting of a role without a reporting line is not an empty one")
	}
}
