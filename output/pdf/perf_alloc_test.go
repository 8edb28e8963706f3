//go:build !race

package pdf

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
)

// The allocation test of the renderer's scratch memory. It is left out of
// the race detector's runs: the detector makes sync.Pool drop a quarter of
// what is put back, at random (fpdf's zlib writers and buffers among it),
// which swamps what the test measures. go test ./... runs it.

// TestPDFRendererScratch: a renderer lays out each document in the memory
// of the ones before it. What it keeps is emptied (no texts held), and
// it allocates less per document than laying out in new memory.
func TestPDFRendererScratch(t *testing.T) {
	m := pdfBigModel(t, 20)
	o := JDRenderOptions{Paper: "letter", Date: m.Settings.Date}
	// The run's fonts, as the step has them: the subset built once.
	all := make([]int, len(m.Roles))
	for i := range all {
		all[i] = i
	}
	used, err := pdfCheckRoles(context.Background(), m, all, 1, BuildJobDescription)
	if err != nil {
		t.Fatal(err)
	}
	if o.runFonts, err = pdfRunFonts(o.set(), used); err != nil {
		t.Fatal(err)
	}
	renderAll := func(r *pdfRenderer) uint64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		for i := range m.Roles {
			_, pages, err := r.render(BuildJobDescription(m, &m.Roles[i]))
			if err != nil {
				t.Fatal(err)
			}
			if r.scratch == nil {
				continue
			}
			if len(r.scratch.ops) < pages {
				t.Fatalf("%s: %d pages, the scratch kept %d operation lists", m.Roles[i].ID, pages, len(r.scratch.ops))
			}
			for _, ops := range r.scratch.ops {
				if len(ops) != 0 {
					t.Fatal("a kept operation list is not empty")
				}
				for _, op := range ops[:cap(ops)] {
					if op != (pdfOp{}) {
						t.Fatal("a kept operation list still refers to a document's text")
					}
				}
			}
			if cap(r.scratch.elems) == 0 || len(r.scratch.elems) != 0 {
				t.Fatalf("%s: the scratch kept %d of %d elements", m.Roles[i].ID, len(r.scratch.elems), cap(r.scratch.elems))
			}
		}
		runtime.ReadMemStats(&ms)
		return ms.TotalAlloc - before
	}
	// A collection empties sync.Pools (fpdf's zlib writers and buffers),
	// and whether one falls inside a measured run depends on the rest of
	// the process: with the collector off, both runs see the same pools.
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	warm := newPDFRenderer(o)
	renderAll(warm) // the wrap cache and fpdf's pools filled
	fresh := &pdfRenderer{o: o, cache: warm.cache}
	without := renderAll(fresh)
	with := renderAll(warm)
	t.Logf("%d documents: %d bytes allocated laying out in new memory, %d reusing it", len(m.Roles), without, with)
	if with > without*90/100 {
		t.Errorf("reusing the layout memory allocated %d bytes, new memory %d: not reused", with, without)
	}
}
