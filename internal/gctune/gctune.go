// Package gctune holds the garbage collector settings jdgen generates
// with: a fixed heap budget instead of Go's default pacing. The command
// line applies them around a run; the full-run benchmarks do the same.
//
// Rendering one job description allocates about 13 MB that is garbage
// moments later (fpdf parses the fonts, subsets them and sets up a zlib
// compressor for every stream), while little stays live: the resolved
// model (under 1 KB per role), the documents in flight and, at the end,
// the workbook. With Go's default (GOGC=100) the collector runs whenever
// the heap doubles from that small live set: more than one collection per
// document and about a quarter of the CPU time, and as the model grows
// with the role count each collection costs more.
//
// So jdgen gives the heap a fixed budget instead: GOGC is raised so far
// that the soft memory limit, Budget, decides when to collect. The
// collector then runs about once every 13 documents, and peak memory is
// about the budget whatever the number of roles: a little under 270 MB
// from a few dozen roles to 10,000. Only very small runs (about 15 roles or
// fewer) allocate less than the budget in all and stay below it. What is
// live must stay well under the budget, or the collector runs back to back:
// at 10,000 roles the live heap peaks at about 90 MB (while the workbook is
// built); for companies several times larger, raise GOMEMLIMIT.
// docs/performance.md has the measurements behind these numbers. A GOGC or
// GOMEMLIMIT set by the user wins.
package gctune

import (
	"os"
	"runtime/debug"
	"sync"
)

// The settings while generating.
const (
	// Budget is the soft memory limit while generating, in bytes.
	Budget = 256 << 20
	// Percent is GOGC while generating.
	Percent = 800
)

var (
	gcMu      sync.Mutex
	gcUsers   int
	gcRestore func()
)

// Apply sets the generation settings unless the user set GOGC or
// GOMEMLIMIT, and returns a function that restores the previous ones once
// the last of any concurrent callers is done (tests run the CLI
// in-process).
func Apply() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcUsers == 0 {
		percent := debug.SetGCPercent(Percent)
		limit := debug.SetMemoryLimit(Budget)
		gcRestore = func() {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(limit)
		}
	}
	gcUsers++
	var once sync.Once
	return func() {
		once.Do(func() {
			gcMu.Lock()
			defer gcMu.Unlock()
			if gcUsers--; gcUsers == 0 {
				gcRestore()
			}
		})
	}
}
