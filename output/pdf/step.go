package pdf

import (
	"context"
	"errors"
	"fmt"
	"path"
	"runtime"
	"sync"

	"github.com/jdgen/jdgen/generator"
)

// Options configure the job-description step.
type Options struct {
	// Workers is the number of documents rendered at once; 0 means
	// runtime.NumCPU(). The bytes of each file do not depend on it.
	Workers int
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
			return pdfRunStep(ctx, m, emit, o.Workers)
		},
	}
}

// pdfResult is one finished document.
type pdfResult struct {
	id   string
	data []byte
	err  error
}

func pdfRunStep(ctx context.Context, m *generator.Model, emit generator.Sink, workers int) error {
	if len(m.Roles) == 0 {
		return ctx.Err()
	}
	opts := JDRenderOptions{Paper: m.Settings.Paper, Date: m.Settings.Date}
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
	workers = min(workers, len(m.Roles))
	// Check the text of every document before rendering any, so that a bad
	// character is reported for the first role in config order whatever the
	// number of workers, and nothing is emitted. The documents are built
	// again when rendered: keeping them all would hold the whole run's text
	// in memory at once.
	used, err := pdfCheckRoles(ctx, m, workers)
	if err != nil {
		return err
	}
	if opts.fonts, err = pdfRunFonts(used); err != nil {
		return err
	}
	if _, err := pdfParseColor(m.Company.BrandColor); err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	// One finished document per worker can wait for emit, so a worker
	// never stalls while a file is written; no more are ever held.
	results := make(chan pdfResult, workers)
	go func() {
		defer close(jobs)
		for i := range m.Roles {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := newPDFRenderer(opts)
			for i := range jobs {
				if ctx.Err() != nil {
					return
				}
				role := &m.Roles[i]
				release, err := generator.Acquire(ctx)
				if err != nil {
					return
				}
				data, err := r.render(BuildJobDescription(m, role))
				release()
				select {
				case results <- pdfResult{id: role.ID, data: data, err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Only this goroutine calls emit. After the first error the rest are
	// drained and dropped.
	var first error
	for res := range results {
		if first != nil {
			continue
		}
		if res.err != nil {
			first = fmt.Errorf("role %s: %w", res.id, res.err)
			cancel()
			continue
		}
		f := generator.File{Name: path.Join(pdfDir, res.id+".pdf"), Data: res.data}
		if err := emit(f); err != nil {
			first = err
			cancel()
		}
	}
	if first != nil {
		return first
	}
	return ctx.Err()
}

// pdfCheckRoles checks the text of every role's document, on workers
// goroutines, and returns the error of the first bad role in config order.
// It also returns the runes the documents draw (the run's font subset).
func pdfCheckRoles(ctx context.Context, m *generator.Model, workers int) (*pdfRuneSet, error) {
	errs := make([]error, workers)
	used := make([]pdfRuneSet, workers)
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
			for n, i := 0, w; i < len(m.Roles); n, i = n+1, i+workers {
				if n%256 == 0 && ctx.Err() != nil {
					errs[w] = ctx.Err()
					return
				}
				if _, err := pdfCheckDocumentRunes(BuildJobDescription(m, &m.Roles[i]), &used[w]); err != nil {
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
