package fpdfpatch

// Tests for patch 12 (third_party/fpdf/PATCHES.md): font selection, line
// widths, lines and rectangles are written without a string each.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

var fontOpRe = regexp.MustCompile(`BT /F(\S+) `)

// The operators are the ones upstream's code writes (its format strings,
// by fmt), for ordinary, fractional, negative and large numbers.
func TestJdgenPatchOperatorsSameBytes(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.AddPage()
	pdf.SetFont("Go", "", 10)
	_, h := pdf.GetPageSize()
	var want []string
	nums := []float64{0, 1, 10.005, 1.0 / 3, -2.5, 12345.678, 0.004, -0.001}
	for _, v := range nums {
		size := 6 + v*v/1e4
		pdf.SetFont("Go", "", size)
		want = append(want, fmt.Sprintf("BT /F{id} %.2f Tf ET", size))
		pdf.SetFontSize(size + 1)
		want = append(want, fmt.Sprintf("BT /F{id} %.2f Tf ET", size+1))
		pdf.SetFontUnitSize(size + 2)
		want = append(want, fmt.Sprintf("BT /F{id} %.2f Tf ET", size+2))
		pdf.SetLineWidth(v)
		want = append(want, fmt.Sprintf("%.2f w", v))
		pdf.Line(v, v/2, 3*v, h-v)
		// As upstream computes them: page height less y (points: k = 1).
		want = append(want, fmt.Sprintf("%.2f %.2f m %.2f %.2f l S", v, h-v/2, 3*v, h-(h-v)))
		for _, style := range []string{"F", "FD", "D", ""} {
			pdf.Rect(v, 2*v, v+5, v-5, style)
			op := map[string]string{"F": "f", "FD": "B", "D": "S", "": "S"}[style]
			want = append(want, fmt.Sprintf("%.2f %.2f %.2f %.2f re %s", v, h-2*v, v+5, -(v-5), op))
		}
	}
	plain, _ := pageStreams(t, output(t, pdf))
	content := string(plain[0])
	m := fontOpRe.FindStringSubmatch(content)
	if m == nil {
		t.Fatalf("no font selection in\n%s", content)
	}
	at := 0
	for _, w := range want {
		w = strings.ReplaceAll(w, "{id}", m[1]) + "\n"
		i := strings.Index(content[at:], w)
		if i < 0 {
			t.Fatalf("page content lacks %q (in order) after\n%s", w, content[at:min(len(content), at+200)])
		}
		at += i + len(w)
	}
}

// Selecting a font, setting the line width and drawing lines and
// rectangles allocate nothing once the page buffer has room. Upstream
// made a string for every number and a formatted font operator.
func TestJdgenPatchOperatorsNoAllocation(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.AddPage()
	draw := func() {
		pdf.SetFont("Go", "", 10.5)
		pdf.SetLineWidth(0.75)
		pdf.Line(10, 20, 300, 20)
		pdf.Rect(40, 50, 100, 20, "FD")
	}
	for range 2000 { // grow the page buffer
		draw()
	}
	if allocs := testing.AllocsPerRun(200, draw); allocs > 0.1 {
		t.Errorf("%.1f allocations per font selection, line width, line and rectangle", allocs)
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
