package generator

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/jdgen/jdgen/internal/bigconfig"
)

// benchRoleCounts are the company sizes of the benchmarks below; see
// docs/performance.md.
var benchRoleCounts = []int{100, 1000, 10000}

func benchDoc(b *testing.B, n int) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, n); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParse decodes and validates a generated company file of n
// roles (what Load does after reading the file). config-KB/role is the
// heap the Config keeps, per role.
func BenchmarkParse(b *testing.B) {
	for _, n := range benchRoleCounts {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			doc := benchDoc(b, n)
			dir := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(doc, "big.yaml", dir); err != nil {
					b.Fatal(err)
				}
			}
			// What the heap gives back when the config goes.
			cfg, err := Parse(doc, "big.yaml", dir)
			if err != nil {
				b.Fatal(err)
			}
			with := benchHeap()
			runtime.KeepAlive(cfg)
			kept := with - benchHeap()
			b.ReportMetric(float64(kept)/float64(n)/1024, "config-KB/role")
		})
	}
}

// BenchmarkResolve resolves a parsed company of n roles into the model.
// model-KB/role is the heap the model keeps, per role.
func BenchmarkResolve(b *testing.B) {
	settings := Settings{Paper: "letter", Date: time.Unix(1700000000, 0).UTC()}
	for _, n := range benchRoleCounts {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			cfg, err := Parse(benchDoc(b, n), "big.yaml", b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			before := benchHeap()
			m, err := Resolve(cfg, settings)
			if err != nil {
				b.Fatal(err)
			}
			kept := benchHeap() - before
			runtime.KeepAlive(m)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Resolve(cfg, settings); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(kept)/float64(n)/1024, "model-KB/role")
		})
	}
}

// benchHeap is the heap in use after a full collection.
func benchHeap() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// TestResolveSharesLists: roles that keep a template's lists as they are,
// in the same place of the same chain (so worded alike), share them (the model stays small with many roles), and a list is
// clipped, so appending to one role's copy never shows in another's.
func TestResolveSharesLists(t *testing.T) {
	m := parse(t, head+`roles:
  - {id: a, template: operations-manager, reports_to: ceo}
  - {id: b, template: operations-manager, reports_to: ceo}
  - {id: c, template: operations-manager, reports_to: ceo, kpis: {add: [Dock to stock under 4 hours.]}}
  - {id: d, template: director-of-operations, reports_to: ceo, focus: Quality}
  - {id: e, template: director-of-operations, reports_to: ceo, focus: Quality}
`)
	a, b, c, d, e := role(t, m, "a"), role(t, m, "b"), role(t, m, "c"), role(t, m, "d"), role(t, m, "e")
	same := func(x, y []Item) bool { return len(x) > 0 && len(x) == len(y) && &x[0] == &y[0] }
	if !same(a.Responsibilities, b.Responsibilities) || !same(a.KPIs, b.KPIs) || !same(d.Responsibilities, e.Responsibilities) {
		t.Error("roles with unchanged lists do not share them")
	}
	if &a.Competencies[0] != &b.Competencies[0] {
		t.Error("roles at one level do not share the competencies")
	}
	if same(a.KPIs, c.KPIs) || len(c.KPIs) != len(a.KPIs)+1 {
		t.Errorf("a patched list is shared: %d and %d KPIs", len(a.KPIs), len(c.KPIs))
	}
	if cap(a.Responsibilities) != len(a.Responsibilities) || cap(a.Competencies) != len(a.Competencies) {
		t.Error("shared lists are not clipped")
	}
	before := slices.Clone(b.Responsibilities)
	a.OwnText() // the roles share one text; the lists are what is checked
	a.Responsibilities = append(a.Responsibilities, Item{Key: "x", Text: "x"})
	if !slices.Equal(before, b.Responsibilities) {
		t.Error("appending to one role's list changed another's")
	}
}
