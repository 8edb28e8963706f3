package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/benchutil"
	"github.com/jdgen/jdgen/internal/steptest"
)

// xlsxBigModel resolves a generated company of n roles.
func xlsxBigModel(t *testing.T, n int) *generator.Model {
	t.Helper()
	return benchutil.Model(t, n)
}

// xlsxLiveHeap is the live heap after a full collection.
func xlsxLiveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// xlsxPeakBuild builds the workbook of m into a file and returns the file's
// bytes with the most the live heap held beyond what it held before, over
// the build's checkpoints (xlsxCheckpoint: around each sheet's flush, and
// before the archive's directory is written).
func xlsxPeakBuild(t *testing.T, m *generator.Model) ([]byte, uint64) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "book.xlsx")
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	base := xlsxLiveHeap()
	var peak uint64
	xlsxCheckpoint = func() {
		if now := xlsxLiveHeap(); now > base {
			peak = max(peak, now-base)
		}
	}
	defer func() { xlsxCheckpoint = func() {} }()
	if err := xlsxWrite(context.Background(), m, out); err != nil {
		t.Fatal(err)
	}
	xlsxCheckpoint()
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data, peak
}

// xlsxLargestPart is the uncompressed size of the workbook's largest part.
func xlsxLargestPart(t *testing.T, data []byte) uint64 {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var n uint64
	for _, f := range zr.File {
		n = max(n, f.UncompressedSize64)
	}
	return n
}

// The workbook's memory does not grow with the company: it is written as
// it is made (excelize patch 2, xlsxStreamZip), and the Roles sheet's links
// are made again as the parts stream (links.go), so at 6,000 roles the
// build holds about what it holds at 3,000 (1.8 MB against 1.7 MB), where
// the largest sheet is 33 MB of XML and the file 4.5 MB. Both sizes spill
// every sheet that grows with the roles to disk (sheets under 1 MiB stay
// in memory: at 500 roles the build holds more than at 5,000). Before
// issue #17's work the build held every sheet's XML in stream buffers, then
// the largest sheet whole again while fixing it up; until the workbook was
// streamed it held the compressed file; until the links were, excelize's
// record of each (4.2 MB against 2.8 MB).
func TestXLSXMemoryFlat(t *testing.T) {
	const (
		small, large = 3000, 6000
		// xlsxMemSlack bounds how much more the larger build may hold:
		// what of the build's own state grows with the roles (about 40
		// bytes a role, 120 KB here); excelize's hyperlink records took
		// about 500 bytes a role (1.5 MB).
		xlsxMemSlack = 512 << 10
	)
	// A first build sets up what every build shares (templates, font
	// metrics...), so that neither measured build counts it.
	xlsxPeakBuild(t, xlsxBigModel(t, 20))
	smallData, smallPeak := xlsxPeakBuild(t, xlsxBigModel(t, small))
	largeData, largePeak := xlsxPeakBuild(t, xlsxBigModel(t, large))
	largest := xlsxLargestPart(t, largeData)
	t.Logf("%d roles: peak %d KB (file %d KB); %d roles: peak %d KB (file %d KB, largest part %d KB)",
		small, smallPeak>>10, len(smallData)>>10, large, largePeak>>10, len(largeData)>>10, largest>>10)
	if largest < 16<<20 || len(largeData) <= 4*xlsxMemSlack {
		t.Fatalf("the largest part is %d KB, the file %d KB: too small to show anything", largest>>10, len(largeData)>>10)
	}
	if largePeak > smallPeak+xlsxMemSlack {
		t.Errorf("peak %d KB at %d roles, %d KB at %d: grows by more than %d KB", largePeak>>10, large, smallPeak>>10, small, xlsxMemSlack>>10)
	}
}

var xlsxDimensionRef = regexp.MustCompile(`<dimension ref="([A-Z0-9:]*)"`)

// The dimension recorded while streaming equals the range a scan of the
// written cells finds, on every sheet of the test workbooks.
func TestXLSXDimensionMatchesScan(t *testing.T) {
	empty := xlsxTestModel(t, "small-business")
	empty.Roles = nil
	for i := range empty.Ladder.Levels {
		empty.Ladder.Levels[i].Roles = nil
	}
	models := map[string]*generator.Model{
		"company":        xlsxTestModel(t, "company"),
		"small-business": xlsxTestModel(t, "small-business"),
		"empty":          empty,
		"1000 roles":     xlsxBigModel(t, 1000),
	}
	for name, m := range models {
		t.Run(name, func(t *testing.T) {
			_, data := xlsxBuildOpen(t, m)
			sheets := 0
			for part, xml := range xlsxParts(t, data) {
				if !xlsxIsSheet(part) {
					continue
				}
				sheets++
				got := xlsxDimensionRef.FindSubmatch(xml)
				want, err := xlsxUsedRange(xml)
				if err != nil {
					t.Fatalf("%s: %v", part, err)
				}
				if got == nil || string(got[1]) != want {
					t.Errorf("%s: dimension %q, the cells cover %q", part, got, want)
				}
			}
			if sheets != len(xlsxWantSheets) {
				t.Errorf("%d worksheet parts, want %d", sheets, len(xlsxWantSheets))
			}
		})
	}
}

// The workbook the step emits is built while it is written: the writer
// receives it in small pieces (the zip writer's buffer), never whole, and
// the pieces are the file BuildWorkbook returns.
func TestXLSXStreamed(t *testing.T) {
	m := xlsxBigModel(t, 2000)
	var f generator.File
	if err := CareerLadderStep(Options{}).Run(context.Background(), m, func(got generator.File) error { f = got; return nil }); err != nil {
		t.Fatal(err)
	}
	if !f.Streamed() {
		t.Fatal("the workbook is not streamed")
	}
	var w steptest.MaxWriter
	if err := f.Stream(&w); err != nil {
		t.Fatal(err)
	}
	whole, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), whole) {
		t.Fatal("the streamed workbook is not the workbook")
	}
	t.Logf("%d KB, written in pieces of up to %d KB", len(whole)>>10, w.Max>>10)
	if w.Max > 64<<10 || len(whole) < 16*w.Max {
		t.Errorf("a %d KB workbook written in pieces of up to %d KB", len(whole)>>10, w.Max>>10)
	}
}
