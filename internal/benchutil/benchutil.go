// Package benchutil holds what the benchmarks of several packages share:
// generated companies of a given size (see internal/bigconfig), the run
// settings, and the CPU-time and peak-heap metrics. It is imported only by
// _test.go files (benchmarks, and tests that need a large company).
//
// The 10,000-role cases take minutes of CPU, so Sizes includes them only
// when JDGEN_BENCH_10K=1 is set; CI's smoke run (-benchtime=1x) leaves them
// out. docs/performance.md has the figures.
package benchutil

import (
	"bytes"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
)

// Sizes are the company sizes the scale benchmarks run at.
func Sizes() []int {
	sizes := []int{100, 1000}
	if v := os.Getenv("JDGEN_BENCH_10K"); v != "" && v != "0" {
		sizes = append(sizes, 10000)
	}
	return sizes
}

// Config parses a generated config of n roles.
func Config(b testing.TB, n int) *generator.Config {
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

// Settings are the run settings of every benchmark.
var Settings = generator.Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC(), Version: "bench"}

// Model resolves a generated config of n roles.
func Model(b testing.TB, n int) *generator.Model {
	b.Helper()
	m, err := generator.Resolve(Config(b, n), Settings)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// CPU measures the process's CPU time (user + system, every thread: the
// workers and the garbage collector) over a benchmark's loop.
type CPU struct{ start time.Duration }

// StartCPU starts measuring.
func StartCPU() CPU { return CPU{processCPU()} }

// Report adds the CPU time per operation and per item (perOp items per
// operation) as metrics. Where the CPU time is unknown it adds nothing.
func (c CPU) Report(b *testing.B, perOp int) {
	used := processCPU() - c.start
	if used <= 0 || b.N == 0 {
		return
	}
	per := float64(used.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per, "cpu-ns/op")
	if perOp > 1 {
		b.ReportMetric(per/float64(perOp)/1e6, "cpu-ms/role")
	}
}

// Peak samples the Go heap in use until stopped.
type Peak struct {
	done chan struct{}
	max  chan uint64
}

// StartPeakHeap starts sampling the heap every 20 ms.
func StartPeakHeap() Peak {
	runtime.GC()
	p := Peak{done: make(chan struct{}), max: make(chan uint64)}
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

// Stop ends the sampling and returns the largest heap seen, in bytes.
func (p Peak) Stop() uint64 {
	close(p.done)
	return <-p.max
}
