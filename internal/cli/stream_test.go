package cli

import (
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
)

// A file streamed to the output folder that fails half-way (the workbook,
// the careers index and the PDFs are all streamed) fails the run: exit
// code 1 with the step's error, and the output folder is exactly as the
// run before left it, with nothing of the failed run staged.
func TestFailedStreamLeavesOutput(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", testEpoch)
	example := filepath.Join("..", "..", "examples", "small-business.yaml")
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "--config", example, "--out", out); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	before := snapshot(t, out)

	orig := makeSteps
	t.Cleanup(func() { makeSteps = orig })
	boom := errors.New("disk of the stream gave out")
	makeSteps = func(workers int, s generator.Settings, warn func(generator.Problem)) []generator.Step {
		return append(orig(workers, s, warn), generator.Step{
			Name: "half a file",
			Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
				return emit(generator.File{Name: "extra/half.txt", Stream: func(w io.Writer) error {
					if _, err := io.WriteString(w, strings.Repeat("half ", 40000)); err != nil {
						return err
					}
					return boom
				}})
			},
		})
	}
	code, _, stderr := run(t, "--config", example, "--out", out)
	if code != 1 || !strings.Contains(stderr, "half a file") || !strings.Contains(stderr, boom.Error()) {
		t.Errorf("failed stream: exit %d, stderr %q; want 1 naming the step and its error", code, stderr)
	}
	if after := snapshot(t, out); !maps.Equal(before, after) {
		t.Errorf("the output folder changed: %d entries before, %d after", len(before), len(after))
	}
	stage, err := os.ReadDir(filepath.Join(out, ".jdgen"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range stage {
		if e.IsDir() {
			t.Errorf(".jdgen/%s left behind", e.Name())
		}
	}
}
