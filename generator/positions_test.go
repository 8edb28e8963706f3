package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"weak"

	"github.com/jdgen/jdgen/internal/bigconfig"
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

// A config keeps its text compressed, not the bytes it was decoded from:
// they can be collected as soon as decoding has read them, and changing
// them changes no line found later.
func TestPositionsKeepNoBytes(t *testing.T) {
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, 1000); err != nil {
		t.Fatal(err)
	}
	doc := buf.Bytes()
	size := len(doc)
	kept := weak.Make(&doc[0])
	cfg, err := Parse(doc, "big.yaml", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want := cfg.Line("roles[500].reports_to")
	if want < 1000 {
		t.Fatalf("roles[500].reports_to at line %d", want)
	}
	// The bytes changed: one line more at the top, the rest shifted.
	copy(doc, "#\n"+string(doc[:size-2]))
	if got := cfg.Line("roles[500].reports_to"); got != want {
		t.Errorf("after the bytes changed, roles[500].reports_to at line %d, want %d", got, want)
	}
	buf, doc = bytes.Buffer{}, nil
	runtime.GC()
	if kept.Value() != nil {
		t.Error("the config keeps the bytes it was decoded from")
	}
	if n := len(cfg.pos.packed); n == 0 || n > size/5 {
		t.Errorf("the text is kept in %d bytes; it has %d", n, size)
	}
	runtime.KeepAlive(cfg)
}

// The lines of messages found after Load are those of the text loaded,
// whatever became of the file since (changed or removed), with or without
// a byte-order mark.
func TestPositionsAfterTheFileChanged(t *testing.T) {
	src := strings.Replace(positionsDoc, "company:\n  name: Acme\n", "company:\n  name: Acme\n  about: \"=Sum\"\n", 1) +
		"output:\n  pdfa: true\n"
	for name, change := range map[string]func(file string) error{
		"rewritten": func(file string) error { return os.WriteFile(file, []byte("# moved\n# down\n"+src), 0o644) },
		"emptied":   func(file string) error { return os.WriteFile(file, nil, 0o644) },
		"removed":   os.Remove,
	} {
		for _, bom := range []string{"", "\ufeff"} {
			t.Run(fmt.Sprintf("%s bom=%v", name, bom != ""), func(t *testing.T) {
				file := filepath.Join(t.TempDir(), "c.yaml")
				if err := os.WriteFile(file, []byte(bom+src), 0o644); err != nil {
					t.Fatal(err)
				}
				cfg, err := Load(file)
				if err != nil {
					t.Fatal(err)
				}
				if err := change(file); err != nil {
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
				if lines["company.about"] != 4 || lines["output.pdfa"] != 17 || cfg.Line("roles[2].title") != 14 {
					t.Errorf("warning lines %v, roles[2].title on %d; want company.about on 4, output.pdfa on 17, the title on 14", lines, cfg.Line("roles[2].title"))
				}
			})
		}
	}
}
