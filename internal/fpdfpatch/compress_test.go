package fpdfpatch

// Tests for patch 8 (third_party/fpdf/PATCHES.md): the zlib writers fpdf
// compresses streams with are pooled, not made anew for every stream.

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"runtime"
	"sync"
	"testing"
)

var streamRe = regexp.MustCompile(`(?s)/Filter /FlateDecode /Length (\d+)>>\nstream\n`)

// pagesDoc is a compressed document of n pages of text.
func pagesDoc(t testing.TB, n int) []byte {
	t.Helper()
	pdf := fixedDoc("mm")
	pdf.SetCompression(true)
	pdf.SetFont("Helvetica", "", 12)
	for p := range n {
		pdf.AddPage()
		for l := range 40 {
			pdf.Text(20, float64(20+5*l), "Page "+string(rune('A'+p%26))+" line of text that repeats and repeats")
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes()
}

// The page streams of a document made with pooled writers are exactly
// what a new BestSpeed zlib writer makes of the same content, whether the
// pool's writers are fresh or reused, and on any goroutine.
func TestJdgenPatchPooledZlibSameBytes(t *testing.T) {
	first := pagesDoc(t, 3)
	var wg sync.WaitGroup
	docs := make([][]byte, 8)
	for i := range docs {
		wg.Add(1)
		go func() { defer wg.Done(); docs[i] = pagesDoc(t, 3) }()
	}
	wg.Wait()
	for i, d := range docs {
		if !bytes.Equal(d, first) {
			t.Fatalf("document %d differs from the first: pooled writers changed the output", i)
		}
	}
	streams := 0
	for _, m := range streamRe.FindAllSubmatchIndex(first, -1) {
		n := 0
		for _, c := range first[m[2]:m[3]] {
			n = n*10 + int(c-'0')
		}
		data := first[m[1] : m[1]+n]
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("stream %d: %v", streams, err)
		}
		plain, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("stream %d: %v", streams, err)
		}
		var again bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&again, zlib.BestSpeed)
		zw.Write(plain)
		zw.Close()
		if !bytes.Equal(again.Bytes(), data) {
			t.Errorf("stream %d: not the bytes a new BestSpeed zlib writer makes", streams)
		}
		streams++
	}
	if streams < 3 {
		t.Fatalf("found %d compressed streams, want at least the 3 pages", streams)
	}
}

func allocated() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}
