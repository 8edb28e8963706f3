package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"regexp"
	"runtime"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/benchutil"
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

// xlsxPeakBuild builds the workbook of m and returns it with the most the
// live heap held beyond what it held before, over the build's checkpoints
// (xlsxCheckpoint: around each sheet's flush, and with every part
// compressed and the output buffer allocated).
func xlsxPeakBuild(t *testing.T, m *generator.Model) ([]byte, uint64) {
	t.Helper()
	base := xlsxLiveHeap()
	var peak uint64
	xlsxCheckpoint = func() {
		if now := xlsxLiveHeap(); now > base {
			peak = max(peak, now-base)
		}
	}
	defer func() { xlsxCheckpoint = func() {} }()
	data, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	xlsxCheckpoint()
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

// The workbook's memory does not grow with its sheets: beyond the finished
// file (which the caller gets) the build needed 5 MB at 500 roles and 9 MB
// at 5,000, where the largest sheet is 28 MB of XML. Before issue
// #17's work the build held every sheet's XML in stream buffers, then the
// largest sheet whole again while fixing it up.
func TestXLSXMemoryFlat(t *testing.T) {
	const (
		small, large = 500, 5000
		// xlsxMemSlack bounds the larger build's working memory beyond the
		// smaller one's: what grows with the roles (excelize's hyperlink
		// records, the compressed parts) but no sheet's XML.
		xlsxMemSlack = 8 << 20
	)
	smallData, smallPeak := xlsxPeakBuild(t, xlsxBigModel(t, small))
	largeData, largePeak := xlsxPeakBuild(t, xlsxBigModel(t, large))
	largest := xlsxLargestPart(t, largeData)
	work := func(peak uint64, data []byte) uint64 { return peak - min(peak, uint64(len(data))) }
	ws, wl := work(smallPeak, smallData), work(largePeak, largeData)
	t.Logf("%d roles: peak %d KB (file %d KB); %d roles: peak %d KB (file %d KB, largest part %d KB)",
		small, smallPeak>>10, len(smallData)>>10, large, largePeak>>10, len(largeData)>>10, largest>>10)
	if largest < 16<<20 {
		t.Fatalf("the largest part is %d KB: too small to show anything", largest>>10)
	}
	if wl > ws+xlsxMemSlack {
		t.Errorf("working memory %d KB at %d roles, %d KB at %d: grows by more than %d KB", wl>>10, large, ws>>10, small, xlsxMemSlack>>10)
	}
	if largePeak > largest/2 {
		t.Errorf("peak %d KB holds as much as half the largest part (%d KB)", largePeak>>10, largest>>10)
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

// The workbook the step emits is its compressed blocks as they are, with
// the zip's headers between them: nearly all of its bytes were not copied
// (a copy would hold the whole file twice: 7.6 MB at 10,000 roles; blocks
// under the zip writer's 4 KB buffer are). Joined, the pieces are the
// file BuildWorkbook returns.
func TestXLSXPiecesKeepBlocks(t *testing.T) {
	m := xlsxBigModel(t, 2000)
	pieces, err := xlsxBuildPieces(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	parts := pieces.done()
	whole, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.Join(parts, nil), whole) {
		t.Fatal("the pieces joined are not the workbook")
	}
	t.Logf("%d pieces, %d KB in all, %d KB kept as compressed", len(parts), len(whole)>>10, pieces.kept>>10)
	if pieces.kept < len(whole)*8/10 {
		t.Errorf("%d of %d bytes were kept as compressed; want at least 80%% (the rest copied)", pieces.kept, len(whole))
	}
}
