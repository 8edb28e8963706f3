package output

import (
	"context"
	"fmt"
	"path"
	"runtime"
	"sync"

	"github.com/jdgen/jdgen/generator"
)

// PDFOptions configure the job-description step.
type PDFOptions struct {
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
func JobDescriptionsStep(o PDFOptions) generator.Step {
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
		logo, err := NewPDFLogo(m.Company.Logo)
		if err != nil {
			return err
		}
		opts.Logo = logo
	}
	// Build and check every document first (cheap, no fpdf), so a bad
	// character is reported for the first role in config order whatever
	// the number of workers.
	docs := make([]JDDocument, len(m.Roles))
	for i := range m.Roles {
		d, err := pdfCleanDocument(BuildJobDescription(m, &m.Roles[i]))
		if err != nil {
			return fmt.Errorf("role %s: %w", m.Roles[i].ID, err)
		}
		if _, err := pdfParseColor(d.BrandColor); err != nil {
			return err
		}
		docs[i] = d
	}

	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(docs))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	results := make(chan pdfResult)
	go func() {
		defer close(jobs)
		for i := range docs {
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
			for i := range jobs {
				if ctx.Err() != nil {
					return
				}
				data, err := RenderJobDescription(docs[i], opts)
				select {
				case results <- pdfResult{id: docs[i].RoleID, data: data, err: err}:
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
