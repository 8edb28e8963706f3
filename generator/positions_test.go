package generator

import (
	"fmt"
	"testing"
	"time"
)

const positionsDoc = `version: 1
company:
  name: Acme
roles:
  - &mgr
    id: a
    template: operations-manager
    reports_to: ceo
  - <<: *mgr
    id: b
  - id: d
    template: operations-manager
    title: Site   Lead
    reports_to: ceo
`

// A config without problems never decodes the file again for key
// positions (a large company has hundreds of thousands of paths), and
// drops the texts it checked; a message that needs a position still gets
// the right one.
func TestPositionsOnlyWhenAsked(t *testing.T) {
	clean := parseBig(t, 50)
	m, err := Resolve(clean, Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()})
	if err != nil || len(m.Warnings) != 0 {
		t.Fatalf("the generated company: %v, %d warnings", err, len(m.Warnings))
	}
	if clean.pos == nil || clean.pos.passes != 0 {
		t.Fatal("the key positions were looked up for a config without problems")
	}
	if clean.texts != nil {
		t.Error("the checked texts are still held")
	}
	for i, r := range m.Roles {
		if r.Line == 0 || (i > 0 && r.Line <= m.Roles[i-1].Line) {
			t.Fatalf("role %s at line %d", r.ID, r.Line)
		}
	}

	cfg, err := Parse([]byte(positionsDoc), "c.yaml", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Role lines come from decoding, without the table.
	for i, want := range []int{5, 9, 11} {
		if got := cfg.roleLine(i); got != want {
			t.Errorf("roles[%d] at line %d, want %d", i, got, want)
		}
	}
	for path, want := range map[string]int{"roles[2].template": 12, "roles[1].id": 10, "roles[0].reports_to": 8, "company.name": 3, "roles[2].title.x": 13} {
		if got := cfg.Line(path); got != want {
			t.Errorf("Line(%s) = %d, want %d", path, got, want)
		}
	}
	_, cols := cfg.pos.find(nil, []string{"roles[2].title"})
	if col, ok := cols["roles[2].title"]; !ok || col != 12 {
		t.Errorf("column(roles[2].title) = %d, %v, want 12", col, ok)
	}
	// The lines decoding records agree with the table.
	for i := range cfg.Roles {
		if got, want := cfg.roleLine(i), cfg.Line(fmt.Sprintf("roles[%d]", i)); got != want {
			t.Errorf("roles[%d]: line %d from decoding, %d from the table", i, got, want)
		}
	}
}
