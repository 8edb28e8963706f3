package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
)

// File is one generated output file: a slash-separated path relative to the
// output folder, and its content.
type File struct {
	// Name is the path inside the output folder ("job-descriptions/coo.pdf").
	Name string
	// Data is the file's content.
	Data []byte
	// Stream, when Data is nil, writes the content to w: a file that grows
	// with the company and is made front to back (the careers index, the
	// workbook) is made while it is written, never held whole, and a step
	// can write a file from memory it reuses afterwards (the PDFs). Stream
	// must write the same bytes every time it is called; its error fails
	// the file. A sink calls it before it returns (it may not be valid
	// after): one that keeps the file keeps File.Hold's copy.
	Stream func(w io.Writer) error
}

// Streamed reports whether the file's content comes from Stream.
func (f File) Streamed() bool {
	return f.Data == nil && f.Stream != nil
}

// Hold returns f with its content in Data: a streamed file is made into
// memory (or Stream's error is returned), any other file is returned as
// it is. Sinks that keep or inspect files use it.
func (f File) Hold() (File, error) {
	if !f.Streamed() {
		return f, nil
	}
	var b bytes.Buffer
	if err := f.Stream(&b); err != nil {
		return File{}, fmt.Errorf("making %s: %w", f.Name, err)
	}
	data := b.Bytes()
	if data == nil {
		data = []byte{}
	}
	return File{Name: f.Name, Data: data}, nil
}

// Size is the length of the file's content (a streamed file is made to
// measure it; 0 if its Stream fails).
func (f File) Size() int {
	return len(f.Content())
}

// Content is the file's content: Data, or what Stream writes (nil if it
// fails; Hold says why).
func (f File) Content() []byte {
	if f.Streamed() {
		h, err := f.Hold()
		if err != nil {
			return nil
		}
		return h.Data
	}
	return f.Data
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

// Generate runs the steps concurrently over the model and hands every
// file to emit, one call at a time, with its content held (see File.Hold:
// a streamed file reaches emit made, in Data). The steps share the worker
// budget in ctx (see WithWorkers): a step holds a slot while it computes,
// so the last step does not run on one core while the others idle. Generate
// stops at the first error, cancelling the other steps, or when ctx is
// cancelled; the error of the step that failed first is returned.
func Generate(ctx context.Context, m *Model, steps []Step, emit Sink) error {
	var mu sync.Mutex
	return generate(ctx, m, steps, func(f File) error {
		f, err := f.Hold()
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		return emit(f)
	}, true)
}

// GenerateConcurrent is Generate for a sink that is safe for concurrent
// use: emit may be called by several steps at once, so one step's file
// being written does not hold up another step's workers. Names are checked
// to be safe before emit sees them; refusing a name produced twice is the
// sink's job (output.DirWriter does), so the run does not hold every name
// twice.
func GenerateConcurrent(ctx context.Context, m *Model, steps []Step, emit Sink) error {
	return generate(ctx, m, steps, emit, false)
}

// generate runs the steps; with track it also refuses a name produced twice.
func generate(ctx context.Context, m *Model, steps []Step, emit Sink, track bool) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var mu sync.Mutex // guards seen
	seen := map[string]string{}
	claim := func(step string, f File) error {
		mu.Lock()
		defer mu.Unlock()
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		if !safeName(f.Name) {
			return fmt.Errorf("%w: %s produced an unsafe file name %q", ErrStepFailed, step, f.Name)
		}
		if !track {
			return nil
		}
		if prev, dup := seen[f.Name]; dup {
			return fmt.Errorf("%w: %s and %s both produced %q", ErrStepFailed, prev, step, f.Name)
		}
		seen[f.Name] = step
		return nil
	}
	checked := func(step string) Sink {
		return func(f File) error {
			if err := claim(step, f); err != nil {
				return err
			}
			return emit(f)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.Run(ctx, m, checked(s.Name))
			switch {
			case err == nil:
			case ctx.Err() != nil:
				// Cancelled: by the caller, or by a step that failed first.
			case errors.Is(err, ErrStepFailed):
				cancel(err)
			default:
				cancel(fmt.Errorf("%w: %s: %w", ErrStepFailed, s.Name, err))
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	return nil
}

// budgetKey is the context key of the worker budget.
type budgetKey struct{}

// WithWorkers returns a context whose steps together compute on at most n
// goroutines at once (n < 1 means no limit).
func WithWorkers(ctx context.Context, n int) context.Context {
	if n < 1 {
		return ctx
	}
	return context.WithValue(ctx, budgetKey{}, make(chan struct{}, n))
}

// Workers is the worker budget in ctx: the n of WithWorkers, or 0 for no
// limit. A step uses it to size its own pool.
func Workers(ctx context.Context) int {
	if b, ok := ctx.Value(budgetKey{}).(chan struct{}); ok {
		return cap(b)
	}
	return 0
}

// Acquire takes one slot of the worker budget in ctx, waiting for one to
// be free; call the returned release when done computing. Without a
// budget it returns at once.
func Acquire(ctx context.Context) (release func(), err error) {
	b, ok := ctx.Value(budgetKey{}).(chan struct{})
	if !ok || ctx.Err() != nil {
		return func() {}, ctx.Err()
	}
	select {
	case b <- struct{}{}:
		return func() { <-b }, nil
	case <-ctx.Done():
		return func() {}, ctx.Err()
	}
}

// safeName reports whether name stays inside the output folder.
func safeName(name string) bool {
	if name == "" || strings.Contains(name, "\\") || path.IsAbs(name) {
		return false
	}
	c := path.Clean(name)
	return c == name && c != "." && !strings.HasPrefix(c, "../") && c != ".."
}
