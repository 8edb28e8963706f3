package steptest

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
)

// Settings are the run settings of the output packages' tests on date:
// letter paper, version "test".
func Settings(date time.Time) generator.Settings {
	return generator.Settings{Paper: "letter", Date: date, Version: "test"}
}

// Example resolves examples/<name>.yaml with Settings(date).
func Example(t testing.TB, name string, date time.Time) *generator.Model {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	cfg, err := generator.Load(filepath.Join(filepath.Dir(here), "..", "..", "examples", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return resolve(t, cfg, date)
}

// Model parses and resolves a company document with Settings(date).
func Model(t testing.TB, doc []byte, date time.Time) *generator.Model {
	t.Helper()
	cfg, err := generator.Parse(doc, "company.yaml", t.TempDir())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return resolve(t, cfg, date)
}

func resolve(t testing.TB, cfg *generator.Config, date time.Time) *generator.Model {
	t.Helper()
	m, err := generator.Resolve(cfg, Settings(date))
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	return m
}
