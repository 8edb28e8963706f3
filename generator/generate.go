package generator

import (
	"context"
	"fmt"
	"path"
	"strings"
)

// File is one generated output file: a slash-separated path relative to the
// output folder, and its content.
type File struct {
	// Name is the path inside the output folder ("job-descriptions/coo.pdf").
	Name string
	// Data is the file's content.
	Data []byte
}

// Sink receives generated files as they are finished. Generate never writes
// to disk itself: the command's sink does.
type Sink func(File) error

// Step is one named stage of generation, such as "job descriptions" or
// "career ladder". Renderers plug in as steps.
type Step struct {
	// Name describes the step in progress messages.
	Name string
	// Run renders the model and hands each file to emit.
	Run func(ctx context.Context, m *Model, emit Sink) error
}

// Generate runs the steps in order over the model and hands every file to
// emit. It stops at the first error or when ctx is cancelled.
func Generate(ctx context.Context, m *Model, steps []Step, emit Sink) error {
	seen := map[string]string{}
	checked := func(step string) Sink {
		return func(f File) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if !safeName(f.Name) {
				return fmt.Errorf("%w: %s produced an unsafe file name %q", ErrStepFailed, step, f.Name)
			}
			if prev, dup := seen[f.Name]; dup {
				return fmt.Errorf("%w: %s and %s both produced %q", ErrStepFailed, prev, step, f.Name)
			}
			seen[f.Name] = step
			return emit(f)
		}
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Run(ctx, m, checked(s.Name)); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("%w: %s: %w", ErrStepFailed, s.Name, err)
		}
	}
	return nil
}

// safeName reports whether name stays inside the output folder.
func safeName(name string) bool {
	if name == "" || strings.Contains(name, "\\") || path.IsAbs(name) {
		return false
	}
	c := path.Clean(name)
	return c == name && c != "." && !strings.HasPrefix(c, "../") && c != ".."
}
