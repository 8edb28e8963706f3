package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/spf13/viper"
)

// workersOf runs the root command with args and returns the workers it
// settled on.
func workersOf(t *testing.T, args ...string) int {
	t.Helper()
	a := &app{stdout: io.Discard, stderr: io.Discard, v: viper.New(), ctx: context.Background(), now: time.Now}
	root := a.rootCommand()
	root.SetArgs(append([]string{"roles"}, args...))
	if err := root.Execute(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	n, err := a.workers()
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return n
}

func TestWorkersLayering(t *testing.T) {
	if n := workersOf(t); n != runtime.NumCPU() {
		t.Errorf("default: %d workers, want the number of CPUs (%d)", n, runtime.NumCPU())
	}
	t.Setenv("JDGEN_WORKERS", "3")
	if n := workersOf(t); n != 3 {
		t.Errorf("JDGEN_WORKERS=3: %d workers", n)
	}
	if n := workersOf(t, "--workers", "1"); n != 1 {
		t.Errorf("--workers 1 over JDGEN_WORKERS=3: %d workers", n)
	}
}

func TestWorkersRefused(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "company.yaml")
	cases := []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"--workers", "0"}, "", `--workers (or JDGEN_WORKERS): "0" is not allowed`},
		{[]string{"--workers", "-2"}, "", `"-2" is not allowed`},
		{[]string{"--workers", "many"}, "", `invalid argument "many" for "--workers"`},
		{[]string{"--workers", strconv.Itoa(maxWorkers + 1)}, "", "use a whole number from 1 to 1024"},
		{nil, "two", `--workers (or JDGEN_WORKERS): "two" is not allowed`},
		{nil, "0", `"0" is not allowed`},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " ")+c.env, func(t *testing.T) {
			if c.env != "" {
				t.Setenv("JDGEN_WORKERS", c.env)
			}
			code, _, stderr := run(t, append([]string{"--config", example, "--out", t.TempDir()}, c.args...)...)
			if code != ExitBadInput || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.want)
			}
		})
	}
}

// TestWorkersSameFiles: the number of workers changes nothing in the files.
func TestWorkersSameFiles(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	example := filepath.Join("..", "..", "examples", "company.yaml")
	dirs := map[string]string{}
	for _, w := range []string{"1", "3"} {
		dirs[w] = t.TempDir()
		if code, _, stderr := run(t, "--config", example, "--out", dirs[w], "--workers", w); code != 0 {
			t.Fatalf("--workers %s: %d %s", w, code, stderr)
		}
	}
	pdfs, err := filepath.Glob(filepath.Join(dirs["1"], "job-descriptions", "*.pdf"))
	if err != nil || len(pdfs) == 0 {
		t.Fatalf("no PDFs: %v", err)
	}
	for _, p := range pdfs {
		rel, _ := filepath.Rel(dirs["1"], p)
		a, errA := os.ReadFile(p)
		b, errB := os.ReadFile(filepath.Join(dirs["3"], rel))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 3 workers (%v, %v)", rel, errA, errB)
		}
	}
}

// TestWorkersLimitCPUs: --workers 1 runs the steps on one CPU (GOMAXPROCS
// 1), and the setting is restored afterwards.
func TestWorkersLimitCPUs(t *testing.T) {
	t.Setenv("GOMAXPROCS", "")
	before := runtime.GOMAXPROCS(0)
	seen := -1
	orig := makeSteps
	t.Cleanup(func() { makeSteps = orig })
	makeSteps = func(workers int, s generator.Settings, warn func(generator.Problem)) []generator.Step {
		return append(orig(workers, s, warn), generator.Step{
			Name: "observer",
			Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
				seen = runtime.GOMAXPROCS(0)
				return nil
			},
		})
	}
	example := filepath.Join("..", "..", "examples", "small-business.yaml")
	if code, _, stderr := run(t, "--config", example, "--out", t.TempDir(), "--workers", "1", "--formats", "org-chart"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if seen != 1 {
		t.Errorf("--workers 1: the steps ran with GOMAXPROCS %d, want 1", seen)
	}
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("after the run: GOMAXPROCS %d, want %d again", got, before)
	}
}
