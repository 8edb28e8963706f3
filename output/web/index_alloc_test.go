//go:build !race

// The race detector makes more values escape to the heap, so what is
// allocated is not comparable there; the test runs without it.

package web

import (
	"fmt"
	"runtime"
	"testing"
)

// The careers index is built in one buffer sized for it and handed over
// as it is: what building it allocates stays under twice the page (the
// rows' own formatting included; 1.7x for these rows), where a copy of
// the finished page made it 2.7x (10,000 roles: about 4.6 MB more at the
// end of the web postings step).
func TestIndexPageNotCopied(t *testing.T) {
	rows := make([]indexRow, 5000)
	for i := range rows {
		rows[i] = indexRow{id: fmt.Sprintf("ops-manager-%04d", i), title: "Operations Manager, Night Shift", location: "Denver, Colorado, United States",
			workplace: "onsite", employment: "full_time", pay: "$80,000 to $95,000 a year", paySort: "80000"}
	}
	a, err := NewAssets(nil, "#1F4E79")
	if err != nil {
		t.Fatal(err)
	}
	indexPage(rows[:10], "Acme", "en-US", a) // warm up what is made once
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	page := indexPage(rows, "Acme", "en-US", a)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("page %d KB, allocated %d KB (%.2fx)", len(page)>>10, alloc>>10, float64(alloc)/float64(len(page)))
	if alloc > 2*uint64(len(page)) {
		t.Errorf("building a %d KB index allocated %d KB: more than twice the page", len(page)>>10, alloc>>10)
	}
}
