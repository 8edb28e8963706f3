// Package cpulimit makes `--workers N` mean N CPUs: while a run with
// fewer workers than the machine has CPUs is in progress, the Go
// scheduler runs jdgen's goroutines (rendering, and the garbage
// collector's work with them) on at most N CPUs (GOMAXPROCS). Without it,
// a one-worker run still spreads the collector, file writing and the
// steps' bookkeeping over every CPU, and is not the one-CPU run the flag
// promises. A GOMAXPROCS set in the environment wins.
package cpulimit

import (
	"os"
	"runtime"
	"sync"
)

var (
	mu       sync.Mutex
	active   = map[*int]bool{} // the limits of the runs in progress
	original int               // GOMAXPROCS before the first run began
)

// Apply limits GOMAXPROCS to n (n < 1, or n at least the number of CPUs,
// changes nothing) and returns a function that lifts the limit. Runs in
// progress at once (tests drive the command in-process) share the
// largest of their limits; when the last one ends, GOMAXPROCS is what it
// was before the first.
func Apply(n int) (restore func()) {
	return apply(n, runtime.NumCPU())
}

// apply is Apply on a machine of cpus CPUs.
func apply(n, cpus int) (restore func()) {
	if n < 1 || n >= cpus || os.Getenv("GOMAXPROCS") != "" {
		return func() {}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(active) == 0 {
		original = runtime.GOMAXPROCS(0)
	}
	key := &n
	active[key] = true
	set()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			delete(active, key)
			set()
		})
	}
}

// set makes GOMAXPROCS the largest active limit, or the original value
// when no run is in progress. mu is held.
func set() {
	want := original
	if len(active) > 0 {
		want = 0
		for k := range active {
			want = max(want, *k)
		}
	}
	if runtime.GOMAXPROCS(0) != want {
		runtime.GOMAXPROCS(want)
	}
}
