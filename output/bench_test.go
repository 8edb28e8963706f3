package output

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
	"github.com/jdgen/jdgen/internal/gctune"
)

// Benchmarks of the whole pipeline on generated companies (see
// internal/bigconfig), run by
//
//	go test -run '^$' -bench . -benchmem ./output/
//
// The 10,000-role cases take minutes of CPU, so they run only when
// JDGEN_BENCH_10K=1 is set; CI's smoke run (-benchtime=1x) leaves them out.
// docs/performance.md has the figures.

// benchSizes are the company sizes the scale benchmarks run at.
func benchSizes() []int {
	sizes := []int{100, 1000}
	if v := os.Getenv("JDGEN_BENCH_10K"); v != "" && v != "0" {
		sizes = append(sizes, 10000)
	}
	return sizes
}

// benchConfig parses a generated config of n roles.
func benchConfig(b *testing.B, n int) *generator.Config {
	b.Helper()
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, n); err != nil {
		b.Fatal(err)
	}
	cfg, err := generator.Parse(buf.Bytes(), "big.yaml", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return cfg
}

// benchSettings are the run settings of every benchmark.
var benchSettings = generator.Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC(), Version: "bench"}

// benchModel resolves a generated config of n roles.
func benchModel(b *testing.B, n int) *generator.Model {
	b.Helper()
	m, err := generator.Resolve(benchConfig(b, n), benchSettings)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkWorkbook builds the career-ladder workbook of a company of n roles.
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			m := benchModel(b, n)
			b.ReportAllocs()
			cpu := benchCPUStart()
			size := 0
			for b.Loop() {
				data, err := BuildWorkbook(m)
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			cpu.report(b, 1)
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

// BenchmarkFullRun is what `jdgen --config` does after loading the file:
// Resolve, then Generate with both steps (PDFs on every CPU, then the
// workbook) into a sink that drops the files, with the garbage collector
// set as the command sets it (package gctune; GOGC or GOMEMLIMIT in the
// environment override it). Besides ns/op it reports CPU time per role and
// the peak of the Go heap in use during the run.
func BenchmarkFullRun(b *testing.B) {
	defer gctune.Apply()()
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			cfg := benchConfig(b, n)
			steps := []generator.Step{
				JobDescriptionsStep(PDFOptions{}),
				CareerLadderStep(XLSXOptions{}),
			}
			b.ReportAllocs()
			peak := benchPeakHeap()
			cpu := benchCPUStart()
			for b.Loop() {
				m, err := generator.Resolve(cfg, benchSettings)
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
			cpu.report(b, n)
			b.ReportMetric(float64(peak.stop())/(1<<20), "peak-heap-MB")
		})
	}
}

// benchCPU measures the process's CPU time (user + system, every thread:
// the workers and the garbage collector) over a benchmark's loop.
type benchCPU struct{ start time.Duration }

func benchCPUStart() benchCPU { return benchCPU{benchProcessCPU()} }

// report adds the CPU time per operation and per item (perOp items per
// operation) as metrics. Where the CPU time is unknown it adds nothing.
func (c benchCPU) report(b *testing.B, perOp int) {
	used := benchProcessCPU() - c.start
	if used <= 0 || b.N == 0 {
		return
	}
	per := float64(used.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per, "cpu-ns/op")
	if perOp > 1 {
		b.ReportMetric(per/float64(perOp)/1e6, "cpu-ms/role")
	}
}

// benchPeak samples the Go heap in use until stopped.
type benchPeak struct {
	done chan struct{}
	max  chan uint64
}

func benchPeakHeap() benchPeak {
	runtime.GC()
	p := benchPeak{done: make(chan struct{}), max: make(chan uint64)}
	go func() {
		var peak uint64
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-p.done:
				p.max <- peak
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// stop ends the sampling and returns the largest heap seen, in bytes.
func (p benchPeak) stop() uint64 {
	close(p.done)
	return <-p.max
}
