package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
)

// Options configure the job-description step.
type Options struct {
	// Workers is the number of documents rendered at once; 0 means
	// runtime.NumCPU(). The bytes of each file do not depend on it.
	Workers int
	// Warn receives the step's warnings (a document longer than its page
	// budget, see PageBudget), in config order, once every document is
	// rendered; nil drops them. In strict mode (Settings.Strict) they are
	// returned as a *generator.ConfigError instead, and the run fails.
	Warn func(generator.Problem)
}

// pdfDir is the output folder of the job descriptions.
const pdfDir = "job-descriptions"

// JobDescriptionsStep renders one job-description PDF per role of the model,
// in parallel, and hands each to emit ("job-descriptions/<role-id>.pdf") as
// soon as it is finished. emit is called from one goroutine at a time, in
// completion order. The step stops when ctx is cancelled.
//
// The text of every role is checked first, so a character the fonts cannot
// draw is reported for the first such role in config order, whatever the
// number of workers, before anything is emitted. Memory does not grow with
// the number of roles: each worker builds, renders and hands on one
// document at a time.
func JobDescriptionsStep(o Options) generator.Step {
	return generator.Step{
		Name: "job descriptions",
		Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
			return pdfRunStep(ctx, m, emit, o, pdfDir, nil, BuildJobDescription, PageBudget)
		},
	}
}

// pdfBuildFunc makes the document of one role.
type pdfBuildFunc func(m *generator.Model, r *generator.Role) JDDocument

// pdfNewBuffer is called when a step makes a new document buffer instead
// of reusing one; tests count the calls.
var pdfNewBuffer = func() {}

// pdfRunStep renders the documents build makes, one per role that keep
// accepts (every role when keep is nil), into dir. budget, when not nil,
// is each document's page budget: longer ones are reported to o.Warn.
func pdfRunStep(ctx context.Context, m *generator.Model, emit generator.Sink, o Options, dir string,
	keep func(*generator.Role) bool, build pdfBuildFunc, budget func(*generator.Model, *generator.Role) int) error {
	workers := o.Workers
	roles := make([]int, 0, len(m.Roles))
	for i := range m.Roles {
		if keep == nil || keep(&m.Roles[i]) {
			roles = append(roles, i)
		}
	}
	if len(roles) == 0 {
		return ctx.Err()
	}
	opts := JDRenderOptions{Paper: m.Settings.Paper, Date: m.Settings.Date, Fonts: pdfModelFonts(m)}
	if _, err := pdfPaperSize(opts.Paper); err != nil {
		return err
	}
	if len(m.Company.Logo) > 0 {
		logo, err := NewLogo(m.Company.Logo)
		if err != nil {
			return err
		}
		opts.Logo = logo
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(roles))
	// Check the text of every document before rendering any, so that a bad
	// character is reported for the first role in config order whatever the
	// number of workers, and nothing is emitted. The documents are built
	// again when rendered: keeping them all would hold the whole run's text
	// in memory at once.
	used, err := pdfCheckRoles(ctx, m, roles, workers, build)
	if err != nil {
		return err
	}
	if opts.runFonts, err = pdfRunFonts(opts.set(), used); err != nil {
		return err
	}
	if _, err := pdfParseColor(m.Company.BrandColor); err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Each worker takes the next role (an atomic index, no feeding
	// goroutine), renders it into its own buffer while it holds a slot of
	// the worker budget, and then emits it itself: no finished document is
	// handed to another goroutine, which on two CPUs cost a thread wake-up
	// per document. The buffer is reused for the worker's next document
	// once emit is done with it (File.Stream), so the step holds at most
	// one document per worker. emit is called under mu, one call at a time.
	var (
		next  atomic.Int64
		mu    sync.Mutex // guards emit, first and long
		first error
		long  []pdfLong
		wg    sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := newPDFRenderer(opts)
			pdfNewBuffer()
			buf := new(bytes.Buffer)
			for {
				k := int(next.Add(1) - 1)
				if k >= len(roles) || ctx.Err() != nil {
					return
				}
				i := roles[k]
				role := &m.Roles[i]
				release, err := generator.Acquire(ctx)
				if err != nil {
					return
				}
				buf.Reset()
				pages, err := r.renderTo(build(m, role), buf)
				release()
				if !pdfEmit(&mu, &first, cancel, func() error {
					if err != nil {
						return fmt.Errorf("role %s: %w", role.ID, err)
					}
					if budget != nil {
						if b := budget(m, role); pages > b {
							long = append(long, pdfLong{i, pages, b})
						}
					}
					data := buf.Bytes()
					return emit(generator.File{Name: path.Join(dir, role.ID+".pdf"), Stream: func(w io.Writer) error {
						_, err := w.Write(data)
						return err
					}})
				}) {
					return
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return pdfReportLong(m, long, o.Warn)
}

// pdfEmit runs do under mu unless an earlier document failed (*first is
// set); do's error becomes *first and cancels the step. It reports whether
// the worker goes on.
func pdfEmit(mu *sync.Mutex, first *error, cancel func(), do func() error) bool {
	mu.Lock()
	defer mu.Unlock()
	if *first != nil {
		return false
	}
	if err := do(); err != nil {
		*first = err
		cancel()
		return false
	}
	return true
}

// pdfModelFonts is the font set the model's documents are drawn with.
func pdfModelFonts(m *generator.Model) *fonts.Set {
	if m.Company.Fonts != nil {
		return m.Company.Fonts
	}
	return fonts.Default()
}

// pdfCheckRoles checks the text of every role's document, on workers
// goroutines, and returns the error of the first bad role in config order.
// It also returns the runes the documents draw (the run's font subset).
func pdfCheckRoles(ctx context.Context, m *generator.Model, roles []int, workers int, build pdfBuildFunc) (*pdfRuneSet, error) {
	errs := make([]error, workers)
	used := make([]pdfRuneSet, workers)
	set := pdfModelFonts(m)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := generator.Acquire(ctx)
			if err != nil {
				errs[w] = err
				return
			}
			defer release()
			// Worker w checks roles w, w+workers, ...: in config order, so
			// its first error is its lowest.
			for n, k := 0, w; k < len(roles); n, k = n+1, k+workers {
				if n%256 == 0 && ctx.Err() != nil {
					errs[w] = ctx.Err()
					return
				}
				i := roles[k]
				if _, err := pdfCheckDocumentRunes(build(m, &m.Roles[i]), set, &used[w]); err != nil {
					errs[w] = pdfIndexedError{i, fmt.Errorf("role %s: %w", m.Roles[i].ID, err)}
					return
				}
			}
		}()
	}
	wg.Wait()
	var first error
	lowest := len(m.Roles)
	for _, err := range errs {
		var ie pdfIndexedError
		switch {
		case err == nil:
		case errors.As(err, &ie):
			if ie.i < lowest {
				first, lowest = ie.err, ie.i
			}
		default:
			return nil, err // cancelled
		}
	}
	if first != nil {
		return nil, first
	}
	for w := 1; w < workers; w++ {
		used[0].union(&used[w])
	}
	return &used[0], nil
}

// pdfIndexedError is a role's error with the role's index.
type pdfIndexedError struct {
	i   int
	err error
}

func (e pdfIndexedError) Error() string { return e.err.Error() }
