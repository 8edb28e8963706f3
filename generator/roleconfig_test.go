package generator

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// maxRoleConfigSize bounds a decoded role: a company of 10,000 roles keeps
// 10,000 of them while it is resolved.
const maxRoleConfigSize = 224

// A role costs the keys most roles write; the ones few write
// (responsibilities, qualifications, kpis, remote_regions, posting) cost
// one pointer until the role writes one.
func TestRoleConfigSize(t *testing.T) {
	if s := unsafe.Sizeof(RoleConfig{}); s > maxRoleConfigSize {
		t.Errorf("RoleConfig is %d bytes; want at most %d", s, maxRoleConfigSize)
	}
}

// The accessors give zero values for a role without the keys, and what
// the role wrote otherwise; Extra is allocated only for a role that writes
// one of its keys with a value.
func TestRoleExtraAccessors(t *testing.T) {
	var none RoleConfig
	if lp := none.Responsibilities(); !reflect.DeepEqual(lp, ListPatch{}) {
		t.Errorf("Responsibilities of a bare role: %+v", lp)
	}
	if none.Qualifications().Replaces || none.KPIs().Add != nil || none.RemoteRegions() != nil || none.Posting() != nil {
		t.Errorf("a bare role has extras: %+v %+v %v %v", none.Qualifications(), none.KPIs(), none.RemoteRegions(), none.Posting())
	}

	src := `version: 1
company: {name: Acme}
roles:
  - {id: a, template: operations-manager, reports_to: ceo}
  - {id: b, template: operations-manager, reports_to: ceo, responsibilities: ~, posting: ~, kpis: {}}
  - {id: c, template: operations-manager, reports_to: ceo, remote_regions: []}
  - id: d
    template: operations-manager
    reports_to: ceo
    responsibilities: [Runs the site.]
    qualifications: {add: [{text: A forklift licence., preferred: true}], remove: [degree]}
    kpis: {remove: [x]}
    remote_regions: [US, CA]
    posting: false
`
	ps := &problems{}
	cfg := decodeConfig([]byte(src), ps)
	if len(ps.list) != 0 || len(cfg.Roles) != 4 {
		t.Fatalf("%d roles, problems %v", len(cfg.Roles), ps.list)
	}
	a, b, c, d := &cfg.Roles[0], &cfg.Roles[1], &cfg.Roles[2], &cfg.Roles[3]
	if a.Extra != nil || b.Extra != nil {
		t.Errorf("extras allocated for roles without them: %+v, %+v", a.Extra, b.Extra)
	}
	if c.Extra == nil || c.RemoteRegions() == nil || len(c.RemoteRegions()) != 0 {
		t.Errorf("remote_regions: [] is an empty list, not none: %#v", c.RemoteRegions())
	}
	if r := d.Responsibilities(); !r.Replaces || len(r.Replace) != 1 || r.Replace[0].Text != "Runs the site." {
		t.Errorf("responsibilities: %+v", r)
	}
	if q := d.Qualifications(); q.Replaces || len(q.Add) != 1 || !q.Add[0].Preferred || !reflect.DeepEqual(q.Remove, []string{"degree"}) {
		t.Errorf("qualifications: %+v", q)
	}
	if k := d.KPIs(); !reflect.DeepEqual(k.Remove, []string{"x"}) {
		t.Errorf("kpis: %+v", k)
	}
	if p := d.Posting(); !reflect.DeepEqual(d.RemoteRegions(), []string{"US", "CA"}) || p == nil || p.Open == nil || *p.Open {
		t.Errorf("remote_regions %v, posting %+v", d.RemoteRegions(), p)
	}
}

// loadProblems writes src to a file, loads it and returns its problems
// and warnings as printed.
func loadProblems(t *testing.T, src string) []string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(file)
	var out []string
	if err == nil {
		m, rerr := Resolve(cfg, Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()})
		if err = rerr; err == nil {
			for _, w := range m.Warnings {
				out = append(out, "warning "+strings.TrimPrefix(w.String(), filepath.Dir(file)+string(filepath.Separator)))
			}
			return out
		}
	}
	var ce *ConfigError
	if !errors.As(err, &ce) || !errors.Is(err, ErrInvalidConfig) {
		t.Fatalf("want a *ConfigError, got %v", err)
	}
	for _, p := range ce.Problems {
		out = append(out, strings.TrimPrefix(p.String(), filepath.Dir(file)+string(filepath.Separator)))
	}
	for _, w := range ce.Warnings {
		out = append(out, "warning "+strings.TrimPrefix(w.String(), filepath.Dir(file)+string(filepath.Separator)))
	}
	return out
}

// The keys a role holds in Extra are written on the role like the others
// (and the parts of a location on the location), and every message about
// them names the same file, line and key path as when they were fields of
// the role (of the location): decoding problems, the allowed keys listed
// in the same order, and what resolving finds.
func TestRoleExtraMessages(t *testing.T) {
	decoding := `version: 1
company: {name: Acme}
roles:
  - id: a
    template: operations-manager
    reports_to: ceo
    nope: 1
    qualifications: 5
    remote_regions: x
  - id: b
    template: operations-manager
    reports_to: ceo
    kpis:
      add:
        - text: Site audits passed.
          bogus: true
    posting: {open: maybe}
    responsibilities: {add: [x], remove: [y], keep: [z]}
  - id: c
    template: operations-manager
    reports_to: ceo
    location: {city: Springfield, town: x, region: [IL]}
`
	resolving := `version: 1
company: {name: Acme}
roles:
  - id: a
    template: operations-manager
    reports_to: ceo
    responsibilities:
      remove: [no-such-key]
      add:
        - key: extra
          text: ""
  - id: b
    template: operations-manager
    reports_to: ceo
    kpis:
      add:
        - text: Audits passed on time.
          for: no-such-duty
    qualifications: ["Bad key", {key: Bad Key, text: x}]
  - id: c
    template: operations-manager
    reports_to: ceo
    location: {city: Springfield}
  - id: d
    template: operations-manager
    reports_to: ceo
    location: Springfield, XX
`
	templateKeys := "department-plan, strategy-execution, daily-operations, policies-and-procedures, resource-optimisation, inventory-management, interdepartment-workflow, staff-leadership, department-safety, department-budget, kpi-review, department-improvement"
	springfield := `cannot place "Springfield" without a country; add country (a name or an ISO code such as US, CA, IT); until then pay-transparency laws are not checked for roles here`
	roleKeys := "id, template, title, focus, department, reports_to, headcount, level, location, workplace, employment_type, flsa, salary, summary, responsibilities, qualifications, kpis, remote_regions, posting"
	for name, tc := range map[string]struct {
		src  string
		want []string
	}{
		"decoding": {decoding, []string{
			`c.yaml:7: roles[0].nope: unknown key "nope"; allowed here: ` + roleKeys,
			`c.yaml:8: roles[0].qualifications: must be a list (replaces the template's items) or a mapping with add and remove, got 5`,
			`c.yaml:9: roles[0].remote_regions: must be a list, got "x"`,
			`c.yaml:16: roles[1].kpis.add[0].bogus: unknown key "bogus"; allowed here: key, area, text, preferred, for`,
			`c.yaml:17: roles[1].posting.open: must be true or false, got "maybe"`,
			`c.yaml:18: roles[1].responsibilities.keep: unknown key "keep"; allowed here: add, remove`,
			`c.yaml:18: roles[1].responsibilities.remove[0]: the template has no item with key "y"; keys here: ` + templateKeys,
			`c.yaml:22: roles[2].location.region: must be text, got a list`,
			`c.yaml:22: roles[2].location.town: unknown key "town"; allowed here: city, region, country`,
			`warning c.yaml:22: roles[2].location: ` + springfield,
		}},
		"resolving": {resolving, []string{
			`c.yaml:8: roles[0].responsibilities.remove[0]: the template has no item with key "no-such-key"; keys here: ` + templateKeys,
			`c.yaml:10: roles[0].responsibilities.add[0]: the item has no text`,
			`c.yaml:18: roles[1].kpis.add[0].for: responsibility "no-such-duty" is not in this role; the item is tied to it and is left out`,
			`c.yaml:19: roles[1].qualifications[1].key: "Bad Key" is not a valid key; use lower-case letters, digits and hyphens`,
			`warning c.yaml:23: roles[2].location: ` + springfield,
			`warning c.yaml:27: roles[3].location: cannot place "Springfield, XX"; write "City, ST" for the US ("Denver, CO"), "City, Province" for Canada ("Toronto, ON"), "City, Country" elsewhere ("Milan, Italy"), or a mapping {city, region, country}; until then pay-transparency laws are not checked for roles here`,
		}},
	} {
		t.Run(name, func(t *testing.T) {
			got := loadProblems(t, tc.src)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A short text written on many roles is kept once; a long one, which is
// seldom written twice, is not looked up.
func TestDecodeInternsShortTexts(t *testing.T) {
	long := strings.Repeat("A summary long enough not to be kept once. ", 2)
	src := "version: 1\ncompany: {name: Acme}\nroles:\n"
	for _, id := range []string{"a", "b"} {
		src += "  - {id: " + id + ", template: operations-manager, reports_to: ceo, department: Operations, summary: " + long + "}\n"
	}
	ps := &problems{}
	cfg := decodeConfig([]byte(src), ps)
	if len(ps.list) != 0 || len(cfg.Roles) != 2 {
		t.Fatalf("%d roles, problems %v", len(cfg.Roles), ps.list)
	}
	a, b := cfg.Roles[0], cfg.Roles[1]
	if unsafe.StringData(a.Template) != unsafe.StringData(b.Template) || unsafe.StringData(a.Department) != unsafe.StringData(b.Department) || unsafe.StringData(a.ReportsTo) != unsafe.StringData(b.ReportsTo) {
		t.Error("a short text written twice is kept twice")
	}
	if a.Summary != strings.TrimSpace(long) || a.Summary != b.Summary || len(a.Summary) <= maxInterned {
		t.Errorf("summaries %q, %q", a.Summary, b.Summary)
	}
}

// A location written as text has no parts; one written as a mapping has
// them, read through City, Region and Country.
func TestLocationParts(t *testing.T) {
	src := `version: 1
company: {name: Acme}
defaults: {location: {country: IT, city: ""}}
roles:
  - {id: a, template: operations-manager, reports_to: ceo, location: "Denver, CO"}
  - {id: b, template: operations-manager, reports_to: ceo, location: {city: Milano, country: IT}}
  - {id: c, template: operations-manager, reports_to: ceo, location: {city: ""}}
`
	ps := &problems{}
	cfg := decodeConfig([]byte(src), ps)
	if len(ps.list) != 0 || len(cfg.Roles) != 3 {
		t.Fatalf("%d roles, problems %v", len(cfg.Roles), ps.list)
	}
	a, b, c, d := cfg.Roles[0].Location, cfg.Roles[1].Location, cfg.Roles[2].Location, cfg.Defaults.Location
	if a.Parts != nil || a.City() != "" || a.IsMapping() || a.IsZero() || a.String() != "Denver, CO" {
		t.Errorf("text location: %+v", a)
	}
	if !b.IsMapping() || b.City() != "Milano" || b.Region() != "" || b.Country() != "IT" || b.String() != "Milano, IT" {
		t.Errorf("mapping location: %+v %+v", b, b.Parts)
	}
	if c.Parts != nil || !c.IsZero() || c.IsMapping() {
		t.Errorf("empty mapping: %+v", c)
	}
	if d.Country() != "IT" || d.City() != "" || d.String() != "IT" {
		t.Errorf("defaults.location: %+v", d)
	}
	if (LocationConfig{Parts: &LocationParts{}}).IsZero() != true {
		t.Error("a location with empty parts is not zero")
	}
}
