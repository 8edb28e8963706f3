//go:build !race

// The race detector adds its own memory to every allocation.

package output

import (
	"crypto/sha256"
	"runtime"
	"strings"
	"testing"
)

// heapGrowth is how much the live heap grows by what build makes and
// returns (kept alive until measured); what build allocates and drops is
// not counted. What the caller holds must stay alive until heapGrowth
// returns (runtime.KeepAlive), or its freeing is counted against build.
func heapGrowth(build func() any) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// oldEntry is what DirWriter kept per file before fileList, in a
// map[string]oldEntry; it stays here to measure against.
type oldEntry struct {
	sum  [sha256.Size]byte
	same bool
}

// filesPerRun is the number of files a run of 10,000 roles writes.
const filesPerRun = 4*10000 + 3

// listOf lists names as a run would: each name added, then its sum set.
func listOf(names []string) *fileList {
	l := &fileList{}
	for k, name := range names {
		i, _ := l.add(name)
		l.set(i, sumOf(name), k%2 == 0)
	}
	return l
}

// mapOf is the map DirWriter kept before fileList, keyed by names.
func mapOf(names []string) map[string]oldEntry {
	m := map[string]oldEntry{}
	for k, name := range names {
		m[name] = oldEntry{sum: sumOf(name), same: k%2 == 0}
	}
	return m
}

// The list of the 40,003 files of a run of 10,000 roles, names included,
// takes at most 64 bytes a file (the SHA-256 alone is 32). The map it
// replaced took 105 without the names, 132 with them (BenchmarkFileList).
func TestFileListMemory(t *testing.T) {
	names := runNames(t, 10000)
	if len(names) != filesPerRun {
		t.Fatalf("%d names", len(names))
	}
	var l *fileList
	grew := heapGrowth(func() any {
		// The names are copies, dropped as they are added (as a run's are).
		l = listOf(cloneAll(names))
		return l
	})
	runtime.KeepAlive(names)
	per := float64(grew) / float64(len(names))
	t.Logf("%d files: %.1f bytes a file, names included", len(names), per)
	if per > 64 {
		t.Errorf("fileList takes %.1f bytes a file, want at most 64", per)
	}
	if l.len() != len(names) {
		t.Errorf("len() = %d", l.len())
	}
}

func cloneAll(names []string) []string {
	out := make([]string, len(names))
	for k, n := range names {
		out[k] = strings.Clone(n)
	}
	return out
}

// BenchmarkFileList lists the files of a run of 10,000 roles in the map
// DirWriter used before and in fileList, and reports the live heap each
// keeps a file (B/file, names included; map-without-names leaves out the
// name strings, which the renderers allocated, as a heap profile of a run
// does).
//
//	go test -run '^$' -bench FileList ./output/
func BenchmarkFileList(b *testing.B) {
	names := runNames(b, 10000)
	for _, bc := range []struct {
		name  string
		build func([]string) any
		clone bool // the names are made inside the measurement
	}{
		{"map-without-names", func(n []string) any { return mapOf(n) }, false},
		{"map", func(n []string) any { return mapOf(n) }, true},
		{"fileList", func(n []string) any { return listOf(n) }, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var grew int64
			for b.Loop() {
				grew = heapGrowth(func() any {
					in := names
					if bc.clone {
						in = cloneAll(names)
					}
					return bc.build(in)
				})
			}
			runtime.KeepAlive(names)
			b.ReportMetric(float64(grew)/float64(len(names)), "B/file")
		})
	}
}
