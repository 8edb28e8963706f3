package excelizepatch

// Tests for patch 1 (third_party/excelize/PATCHES.md): a stream writer
// spills its sheet to its temp file every 1 MiB, not every 16 MiB, and a
// flushed sheet on disk gives its in-memory buffer back.

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const (
	// cellText is the text of every cell: about 200 bytes of XML a row.
	cellText = "A line of text that a sheet repeats on every row to grow its XML quickly."
	// spillRows rows are about 8 MiB of XML, half the upstream spill size.
	spillRows = 40000
	// heldLimit is the most a stream may hold in memory while it is
	// written (the patch spills every 1 MiB; a buffer may double past it).
	heldLimit = 3 << 20
	// flushedLimit is the most a flushed, spilled stream may keep.
	flushedLimit = 512 << 10
)

// liveHeap is the live heap after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// growth is how much more than base the live heap holds.
func growth(base uint64) uint64 {
	if now := liveHeap(); now > base {
		return now - base
	}
	return 0
}

// writeRows streams n rows of two cells into sheet Sheet1 of f.
func writeRows(t *testing.T, f *excelize.File, n int) *excelize.StreamWriter {
	t.Helper()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= n; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{r, cellText}); err != nil {
			t.Fatal(err)
		}
	}
	return sw
}

func TestJdgenPatchStreamSpillsEveryMiB(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	base := liveHeap()
	sw := writeRows(t, f, spillRows)
	// Upstream keeps all ~8 MiB in memory until 16 MiB.
	if held := growth(base); held > heldLimit {
		t.Errorf("the stream holds %d KB in memory after %d rows, want at most %d KB", held>>10, spillRows, heldLimit>>10)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	// Spilled and flushed: the buffer is given back.
	if held := growth(base); held > flushedLimit {
		t.Errorf("a flushed stream keeps %d KB in memory, want at most %d KB", held>>10, flushedLimit>>10)
	}
	// What went to disk comes back whole when the workbook is saved.
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, err := g.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != spillRows {
		t.Fatalf("%d rows read back, want %d", len(rows), spillRows)
	}
	for _, r := range []int{0, spillRows / 2, spillRows - 1} {
		if got := strings.Join(rows[r], "|"); got != fmt.Sprint(r+1)+"|"+cellText {
			t.Errorf("row %d reads back as %q", r+1, got)
		}
	}
}
