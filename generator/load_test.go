package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// loadDoc writes doc to a file and loads it.
func loadDoc(t *testing.T, doc string) (*Config, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "company.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

// Load leaves a file whose checks pass unresolved (the caller resolves
// next): a problem only resolving finds comes from Resolve, with its line
// and key, the same problem Parse reports. A file that already has
// problems is resolved in Load, so every problem comes at once.
func TestLoadLeavesResolvingToResolve(t *testing.T) {
	unknown := head + "roles:\n  - {id: a, template: no-such-template, reports_to: ceo}\n"
	cfg, err := loadDoc(t, unknown)
	if err != nil {
		t.Fatalf("Load of a file whose checks pass: %v", err)
	}
	_, err = Resolve(cfg, Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()})
	var ce *ConfigError
	if !errors.As(err, &ce) || len(ce.Problems) != 1 {
		t.Fatalf("Resolve: %v", err)
	}
	want := problemsOf(t, unknown)
	if got := ce.Problems[0]; len(want) != 1 || got.Line != want[0].Line || got.Path != want[0].Path || got.Message != want[0].Message {
		t.Errorf("Resolve reports %+v; Parse reports %+v", got, want)
	}

	both := head + "roles:\n  - {id: a, template: no-such-template, reports_to: ceo}\n  - {id: B, template: operations-manager, reports_to: a}\n"
	_, err = loadDoc(t, both)
	if !errors.As(err, &ce) || len(ce.Problems) != 2 {
		t.Fatalf("Load of a file with a bad id and an unknown template: %v", err)
	}
	paths := map[string]bool{ce.Problems[0].Path: true, ce.Problems[1].Path: true}
	if !paths["roles[0].template"] || !paths["roles[1].id"] {
		t.Errorf("problems at %v, want roles[0].template and roles[1].id", paths)
	}
}

// The limits on what the model makes the renderers do are Resolve's too,
// when Load did not resolve.
func TestResolveChecksModelLimits(t *testing.T) {
	long := head + "roles:\n  - id: a\n    template: operations-manager\n    reports_to: ceo\n    responsibilities:\n      add:\n"
	text := strings.Repeat("Runs the site. ", 300)
	for i := range 60 {
		long += fmt.Sprintf("        - key: k%d\n          text: %s\n", i, text)
	}
	cfg, err := loadDoc(t, long)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	_, err = Resolve(cfg, Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()})
	var ce *ConfigError
	if !errors.As(err, &ce) || len(ce.Problems) == 0 || ce.Problems[0].Path != "roles[0]" {
		t.Fatalf("Resolve of a job description over the text limit: %v", err)
	}
}
