package output_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/benchutil"
	"github.com/jdgen/jdgen/output/markdown"
	"github.com/jdgen/jdgen/output/orgchart"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/posting"
	"github.com/jdgen/jdgen/output/web"
	"github.com/jdgen/jdgen/output/xlsx"
)

// The whole pipeline on generated companies (see internal/benchutil), run by
//
//	go test -run '^$' -bench FullRun -benchmem ./output/
//
// The per-format benchmarks live with their renderers (output/pdf,
// output/xlsx, output/orgchart). docs/performance.md has the figures.

// BenchmarkFullRun is what `jdgen --config` does after loading the file:
// Resolve, then Generate with every output's step (job descriptions,
// posting PDFs, web and Markdown postings, the workbook, the org chart)
// sharing a worker budget of one per CPU (GOMAXPROCS, so -cpu 1,2
// compares one CPU with two), into a sink that drops the
// files. Go's garbage collector runs with its defaults (or GOGC and
// GOMEMLIMIT from the environment). Besides ns/op it reports CPU time per
// role and the peak of the Go heap in use during the run.
func BenchmarkFullRun(b *testing.B) {
	for _, n := range benchutil.Sizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			cfg := benchutil.Config(b, n)
			workers := runtime.GOMAXPROCS(0) // -cpu 1,2 compares one CPU with two
			steps := []generator.Step{
				pdf.JobDescriptionsStep(pdf.Options{Workers: workers}),
				pdf.PostingsStep(pdf.Options{Workers: workers}),
				web.PostingsStep(web.Options{}),
				markdown.PostingsStep(markdown.Options{}),
				xlsx.CareerLadderStep(xlsx.Options{}),
				orgchart.Step(nil),
			}
			b.ReportAllocs()
			peak := benchutil.StartPeakHeap()
			cpu := benchutil.StartCPU()
			for b.Loop() {
				m, err := generator.Resolve(cfg, benchutil.Settings)
				if err != nil {
					b.Fatal(err)
				}
				files := 0
				ctx := generator.WithWorkers(context.Background(), workers)
				err = generator.Generate(ctx, m, steps, func(f generator.File) error {
					files++
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				// Job descriptions, the workbook and the chart; three
				// files per open posting and the careers index.
				if want := n + 2 + 3*len(posting.Open(m)) + 1; files != want {
					b.Fatalf("%d files for %d roles, want %d", files, n, want)
				}
			}
			cpu.Report(b, n)
			b.ReportMetric(float64(peak.Stop())/(1<<20), "peak-heap-MB")
		})
	}
}
