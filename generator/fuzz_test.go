package generator

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzConfig pushes raw bytes through decode, validation and resolution.
// Nothing may panic or hang; a config either loads or comes back as a
// *ConfigError whose problems all carry a line. Seeds: every end-to-end
// case and example, plus testdata/fuzz/FuzzConfig.
func FuzzConfig(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "company.yaml"))
	more, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > 10*time.Second {
				t.Fatalf("one input took %v: a near-hang", d)
			}
		}()
		cfg, err := Parse(data, "company.yaml", dir)
		if err != nil {
			ce, ok := err.(*ConfigError)
			if !ok {
				t.Fatalf("non-config error: %v", err)
			}
			if len(ce.Problems) == 0 {
				t.Fatal("ConfigError without problems")
			}
			for _, p := range ce.Problems {
				if p.Line < 1 || p.Message == "" {
					t.Fatalf("problem without line or message: %+v", p)
				}
			}
			return
		}
		m, err := Resolve(cfg, Settings{Date: time.Unix(0, 0).UTC()})
		if errors.Is(err, ErrInvalidConfig) && cfg.Output.Strict != nil && *cfg.Output.Strict {
			return // output.strict: the warnings Resolve finds are problems
		}
		if err != nil {
			t.Fatalf("loaded config does not resolve: %v", err)
		}
		if len(m.Roles) == 0 {
			t.Fatal("valid config without roles")
		}
		for _, r := range m.Roles {
			if !slugRe.MatchString(r.ID) || r.Title == "" || r.Level == "" {
				t.Fatalf("bad resolved role %+v", r.ID)
			}
		}
	})
}
