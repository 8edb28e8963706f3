package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/golden"
	"github.com/jdgen/jdgen/templates"
)

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := run(t, "--version")
	if code != 0 || strings.TrimSpace(out) != "jdgen version "+Version {
		t.Errorf("--version: %d %q", code, out)
	}
	code, out, _ = run(t, "--help")
	for _, want := range []string{"--config", "validate", "resolve", "init", "roles", "Exit codes"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	code, out, _ = run(t, "completion", "bash")
	if code != 0 || !strings.Contains(out, "jdgen") {
		t.Errorf("completion bash: %d", code)
	}
}

func TestBadInvocations(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	example := filepath.Join("..", "..", "examples", "company.yaml")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"unknown flag", []string{"--confg", "x.yaml"}, nil, "unknown flag: --confg"},
		{"unknown command", []string{"generate"}, nil, `unknown command "generate"`},
		{"bad paper flag", []string{"--config", example, "--paper", "a3"}, nil, `"a3" is not allowed; use one of: letter, a4`},
		{"bad paper env", []string{"--config", example}, map[string]string{"JDGEN_PAPER": "legal"}, `"legal" is not allowed`},
		{"missing file", []string{"--config", "nope.yaml"}, nil, "config file not found: nope.yaml"},
		{"folder as config", []string{"--config", "."}, nil, "is a folder"},
		{"bad epoch", []string{"validate", "--config", example}, map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			code, _, stderr := run(t, c.args...)
			if code != ExitBadInput || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.want)
			}
		})
	}
}

func TestNoConfigAndInit(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	t.Chdir(t.TempDir())
	code, _, stderr := run(t)
	if code != ExitBadInput || !strings.Contains(stderr, "--config") || !strings.Contains(stderr, "jdgen init") {
		t.Fatalf("no config: exit %d, %q", code, stderr)
	}
	code, out, stderr := run(t, "init")
	if code != 0 || !strings.Contains(out, "wrote company.yaml") {
		t.Fatalf("init: %d %q %q", code, out, stderr)
	}
	if err := os.WriteFile("company.yaml", append(starterConfig, "# edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "init")
	if code != ExitBadInput || !strings.Contains(stderr, "already exists") {
		t.Errorf("second init: %d %q", code, stderr)
	}
	if b, _ := os.ReadFile("company.yaml"); !strings.HasSuffix(string(b), "# edited\n") {
		t.Error("init overwrote an existing file")
	}
	// The starter validates and generates, found as ./company.yaml.
	if code, out, stderr := run(t, "validate"); code != 0 || !strings.Contains(out, "is valid") {
		t.Fatalf("validate starter: %d %q %q", code, out, stderr)
	}
	code, _, stderr = run(t)
	if code != 0 || !strings.HasPrefix(stderr, "wrote 3 job descriptions, 3 postings and career-ladder.xlsx to out/") {
		t.Fatalf("generate starter: %d %q", code, stderr)
	}
	for _, p := range []string{"out/career-ladder.xlsx", "out/job-descriptions/coo.pdf", "out/job-descriptions/ops-manager.pdf"} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("missing %s", p)
		}
	}
}

func TestRoles(t *testing.T) {
	code, out, _ := run(t, "roles")
	if code != 0 {
		t.Fatal(code)
	}
	for _, id := range templates.IDs() {
		if !strings.Contains(out, id) {
			t.Errorf("roles lacks %s", id)
		}
	}
	if !strings.Contains(out, "Chief Operating Officer") || !strings.Contains(out, "OPS-9") {
		t.Errorf("roles output:\n%s", out)
	}
}

// TestSettingsLayering: flags > JDGEN_* environment > file > defaults.
func TestSettingsLayering(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "company.yaml")
	doc := "version: 1\ncompany: {name: Acme}\nroles: [{id: a, template: operations-manager, reports_to: ceo}]\noutput: {dir: docs, paper: a4}\n"
	if err := os.WriteFile(cfg, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	settings := func(args ...string) map[string]any {
		t.Helper()
		code, out, stderr := run(t, append([]string{"resolve", "--config", cfg}, args...)...)
		if code != 0 {
			t.Fatalf("resolve: %d %s", code, stderr)
		}
		var m struct{ Settings map[string]any }
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatal(err)
		}
		return m.Settings
	}
	s := settings()
	if s["out_dir"] != filepath.Join(dir, "docs") || s["paper"] != "a4" || s["date"] != "2023-11-14T22:13:20Z" {
		t.Errorf("file layer: %v", s)
	}
	t.Setenv("JDGEN_OUT", "env-out")
	t.Setenv("JDGEN_PAPER", "letter")
	if s := settings(); s["out_dir"] != "env-out" || s["paper"] != "letter" {
		t.Errorf("env layer: %v", s)
	}
	if s := settings("--out", "flag-out", "--paper", "a4"); s["out_dir"] != "flag-out" || s["paper"] != "a4" {
		t.Errorf("flag layer: %v", s)
	}
	t.Setenv("JDGEN_CONFIG", cfg)
	code, out, _ := run(t, "validate")
	if code != 0 || !strings.Contains(out, cfg) {
		t.Errorf("JDGEN_CONFIG ignored: %d %q", code, out)
	}
}

// TestExamples: the examples validate, and jdgen resolve prints exactly the
// golden model (refreshed with -update).
func TestExamples(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	for _, name := range []string{"company", "small-business", "british-company"} {
		t.Run(name, func(t *testing.T) {
			cfg := filepath.Join("..", "..", "examples", name+".yaml")
			code, out, stderr := run(t, "validate", "--config", cfg)
			if code != 0 {
				t.Fatalf("validate: %d %s", code, stderr)
			}
			if !strings.Contains(out, "is valid") {
				t.Errorf("validate output %q", out)
			}
			code, out, stderr = run(t, "resolve", "--config", cfg, "--out", "out")
			if code != 0 {
				t.Fatalf("resolve: %d %s", code, stderr)
			}
			golden.Check(t, filepath.Join("..", "..", "testdata", "examples", name+".resolve.json"), []byte(out))
		})
	}
}

func TestFindingsPrintedInLineOrder(t *testing.T) {
	var stderr strings.Builder
	a := &app{stderr: &stderr}
	a.printFindings(
		[]generator.Problem{{File: "c.yaml", Line: 7, Path: "roles[0].id", Message: "bad"}},
		[]generator.Problem{{File: "c.yaml", Line: 3, Path: "company.name", Message: "look"}, {File: "c.yaml", Line: 9, Message: "late"}},
	)
	want := "warning: c.yaml:3: company.name: look\nc.yaml:7: roles[0].id: bad\nwarning: c.yaml:9: late\n"
	if stderr.String() != want {
		t.Errorf("got\n%s\nwant\n%s", stderr.String(), want)
	}
	if plural(1, "warning") != "1 warning" || plural(0, "warning") != "0 warnings" {
		t.Error("plural")
	}
}

func TestStrictFlagMustBeBoolean(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	example := filepath.Join("..", "..", "examples", "company.yaml")
	code, _, stderr := run(t, "validate", "--config", example, "--strict=maybe")
	if code != ExitBadInput || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict=maybe: exit %d, %q", code, stderr)
	}
	clean := filepath.Join("..", "..", "examples", "british-company.yaml")
	code, out, _ := run(t, "validate", "--config", clean, "--strict")
	if code != ExitOK || !strings.Contains(out, "0 warnings") {
		t.Errorf("--strict on a clean file: exit %d, %q", code, out)
	}
}
