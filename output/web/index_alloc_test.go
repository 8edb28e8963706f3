//go:build !race

// The race detector makes more values escape to the heap, so what is
// allocated is not comparable there; the test runs without it.

package web

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// The careers index is written as it is made, never held: writing a
// 5,000-row index allocates less than the page itself (the rows' own
// formatting included). Built in one buffer, as the step did before it
// was streamed, it took 1.7 times the page, and 2.7 times when the page
// was copied at the end (10,000 roles: about 4 MB more at the end of the
// web postings step).
func TestIndexNotHeld(t *testing.T) {
	rows := make([]indexRow, 5000)
	for i := range rows {
		rows[i] = indexRow{id: fmt.Sprintf("ops-manager-%04d", i), title: "Operations Manager, Night Shift", location: "Denver, Colorado, United States",
			workplace: "onsite", employment: "full_time", pay: "$80,000 to $95,000 a year", paySort: "80000"}
	}
	a, err := NewAssets(nil, "#1F4E79")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := writeIndex(&page, len(rows), rowsHave(rows), eachRow(rows), "Acme", "en-US", a); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := writeIndex(io.Discard, len(rows), rowsHave(rows), eachRow(rows), "Acme", "en-US", a); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("page %d KB, writing it allocated %d KB (%.2fx)", page.Len()>>10, alloc>>10, float64(alloc)/float64(page.Len()))
	if alloc >= uint64(page.Len()) {
		t.Errorf("writing a %d KB index allocated %d KB: as much as the page", page.Len()>>10, alloc>>10)
	}
}
