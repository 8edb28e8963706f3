// Command jdprof runs jdgen in-process under the Go profiler, for the
// profiles in docs/performance.md:
//
//	go run ./internal/tools/jdprof -cpuprofile cpu.out -memprofile mem.out -- --config big.yaml --out o
//	go tool pprof -top cpu.out
//
// Everything after -- goes to jdgen as on its command line. -memprofile
// writes a heap profile (in-use and allocated) taken when the live heap
// peaked, sampled every -interval; -trace writes an execution trace.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"

	"github.com/jdgen/jdgen/internal/cli"
)

func main() { os.Exit(run()) }

func run() int {
	cpu := flag.String("cpuprofile", "", "write a CPU profile to this file")
	mem := flag.String("memprofile", "", "write a heap profile, taken at the peak of the live heap, to this file")
	tr := flag.String("trace", "", "write an execution trace to this file")
	interval := flag.Duration("interval", 50*time.Millisecond, "how often to sample the live heap")
	rate := flag.Int("memrate", 512*1024, "runtime.MemProfileRate while running")
	memAt := flag.Duration("memat", 0, "take the -memprofile heap profile this long into the run instead of at the live heap's peak")
	timeline := flag.String("timeline", "", "write the live heap, the heap in use and the resident set, every -interval, to this file")
	flag.Parse()
	runtime.MemProfileRate = *rate

	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, "jdprof:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "jdprof:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if *tr != "" {
		f, err := os.Create(*tr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "jdprof:", err)
			return 1
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			fmt.Fprintln(os.Stderr, "jdprof:", err)
			return 1
		}
		defer trace.Stop()
	}

	var (
		mu      sync.Mutex
		peak    uint64
		peakAt  time.Duration
		profile []byte
	)
	var tl *os.File
	if *timeline != "" {
		f, err := os.Create(*timeline)
		if err != nil {
			fmt.Fprintln(os.Stderr, "jdprof:", err)
			return 1
		}
		defer f.Close()
		tl = f
		fmt.Fprintln(tl, "seconds live_MB heap_objects_MB rss_MB cpu_s")
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(*interval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			live := sample[0].Value.Uint64()
			if tl != nil {
				fmt.Fprintf(tl, "%.2f %.1f %.1f %.1f %.2f\n", time.Since(start).Seconds(),
					float64(live)/(1<<20), float64(sample[1].Value.Uint64())/(1<<20), float64(rss())/(1<<20), cpuSeconds())
			}
			mu.Lock()
			newPeak := live > peak
			if newPeak {
				peak, peakAt = live, time.Since(start)
			}
			take := (*memAt == 0 && newPeak) || (*memAt > 0 && profile == nil && time.Since(start) >= *memAt)
			if *mem != "" && take {
				var b bytesBuffer
				if err := pprof.Lookup("heap").WriteTo(&b, 0); err == nil {
					profile = b
				}
			}
			mu.Unlock()
		}
	}()
	code := cli.Run(flag.Args(), os.Stdout, os.Stderr)
	close(stop)
	<-done
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "jdprof: peak live heap %.1f MB at %.1f s; heap sys %.1f MB; %d GCs; total allocated %.0f MB\n",
		float64(peak)/(1<<20), peakAt.Seconds(), float64(ms.HeapSys)/(1<<20), ms.NumGC, float64(ms.TotalAlloc)/(1<<20))
	if *mem != "" && profile != nil {
		if err := os.WriteFile(*mem, profile, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "jdprof:", err)
			return 1
		}
	}
	return code
}

// bytesBuffer is an io.Writer collecting bytes.
type bytesBuffer []byte

func (b *bytesBuffer) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

// rss is the process's resident set in bytes (Linux; 0 elsewhere).
func rss() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, res uint64
	if _, err := fmt.Sscan(string(b), &size, &res); err != nil {
		return 0
	}
	return res * uint64(os.Getpagesize())
}
