package output_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/benchutil"
	"github.com/jdgen/jdgen/internal/gctune"
	"github.com/jdgen/jdgen/output/pdf"
	"github.com/jdgen/jdgen/output/xlsx"
)

// The whole pipeline on generated companies (see internal/benchutil), run by
//
//	go test -run '^$' -bench FullRun -benchmem ./output/
//
// The per-format benchmarks live with their renderers (output/pdf,
// output/xlsx). docs/performance.md has the figures.

// BenchmarkFullRun is what `jdgen --config` does after loading the file:
// Resolve, then Generate with both steps (PDFs on every CPU, then the
// workbook) into a sink that drops the files, with the garbage collector
// set as the command sets it (package gctune; GOGC or GOMEMLIMIT in the
// environment override it). Besides ns/op it reports CPU time per role and
// the peak of the Go heap in use during the run.
func BenchmarkFullRun(b *testing.B) {
	defer gctune.Apply()()
	for _, n := range benchutil.Sizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			cfg := benchutil.Config(b, n)
			steps := []generator.Step{
				pdf.JobDescriptionsStep(pdf.Options{}),
				xlsx.CareerLadderStep(xlsx.Options{}),
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
				err = generator.Generate(context.Background(), m, steps, func(f generator.File) error {
					files++
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				if files != n+1 {
					b.Fatalf("%d files for %d roles", files, n)
				}
			}
			cpu.Report(b, n)
			b.ReportMetric(float64(peak.Stop())/(1<<20), "peak-heap-MB")
		})
	}
}
