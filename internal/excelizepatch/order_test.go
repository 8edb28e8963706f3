package excelizepatch

// Tests for patch 2 (third_party/excelize/PATCHES.md): a workbook's parts
// are handed to its ZipWriter in name order, streamed sheets among them.

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// namesZip is an excelize.ZipWriter that records the parts it is given.
type namesZip struct{ names []string }

func (z *namesZip) Create(name string) (io.Writer, error) {
	z.names = append(z.names, name)
	return io.Discard, nil
}
func (z *namesZip) AddFS(fs.FS) error { return nil }
func (z *namesZip) Close() error      { return nil }

// parts saves f through a namesZip and returns the part names in the
// order excelize wrote them.
func parts(t *testing.T, f *excelize.File) []string {
	t.Helper()
	z := &namesZip{}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return z }
	if _, err := f.WriteToBuffer(); err != nil {
		t.Fatal(err)
	}
	return z.names
}

// Upstream writes streamed sheets in map order (with 12 of them, sorted
// by chance about once in 479 million saves) and the other parts in
// reverse name order.
func TestJdgenPatchPartsInNameOrder(t *testing.T) {
	build := func() *excelize.File {
		f := excelize.NewFile()
		for i := range 12 {
			name := fmt.Sprintf("S%02d", i)
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
			if i%3 == 0 {
				// Some sheets are ordinary, not streamed.
				if err := f.SetCellValue(name, "A1", i); err != nil {
					t.Fatal(err)
				}
				continue
			}
			sw, err := f.NewStreamWriter(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := sw.SetRow("A1", []any{i, "text"}); err != nil {
				t.Fatal(err)
			}
			if err := sw.Flush(); err != nil {
				t.Fatal(err)
			}
		}
		return f
	}
	f := build()
	defer f.Close()
	names := parts(t, f)
	if !slices.IsSorted(names) {
		t.Errorf("parts not in name order: %v", names)
	}
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("a part written twice: %v", names)
	}
	sheets := 0
	for _, n := range names {
		if len(n) > len("xl/worksheets/") && n[:len("xl/worksheets/")] == "xl/worksheets/" {
			sheets++
		}
	}
	if sheets != 13 { // Sheet1 and the 12 added
		t.Errorf("%d worksheet parts written, want 13: %v", sheets, names)
	}
	// The same workbook saves to the same bytes.
	var a, b bytes.Buffer
	g := build()
	defer g.Close()
	if _, err := build().WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := g.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two saves of the same workbook differ")
	}
}
