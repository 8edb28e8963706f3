package fpdfpatch

// Tests for patch 11 (third_party/fpdf/PATCHES.md): Text writes its
// operator straight into the page content, the same bytes as fpdf's
// fmt.Sprintf, UTF-16 conversion and escaping made.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// upstreamText is the operator upstream fpdf's Text writes (no
// underline, no strike-out, left to right), from its own code: UTF-8
// text converted to UTF-16 without a byte-order mark, then escaped.
func upstreamText(pxX, pxY float64, s string, utf8 bool, color string) string {
	if utf8 {
		var res []byte
		for i := 0; i < len(s); {
			c1 := s[i]
			i++
			switch {
			case c1 >= 224:
				c2, c3 := s[i], s[i+1]
				i += 2
				res = append(res, ((c1&0x0F)<<4)+((c2&0x3C)>>2), ((c2&0x03)<<6)+(c3&0x3F))
			case c1 >= 192:
				c2 := s[i]
				i++
				res = append(res, (c1&0x1C)>>2, ((c1&0x03)<<6)+(c2&0x3F))
			default:
				res = append(res, 0, c1)
			}
		}
		s = string(res)
	}
	s = strings.NewReplacer("\\", "\\\\", "(", "\\(", ")", "\\)", "\r", "\\r").Replace(s)
	op := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", pxX, pxY, s)
	if color != "" {
		op = fmt.Sprintf("q %s %s Q", color, op)
	}
	return op
}

// Text writes what upstream fpdf wrote, for core and UTF-8 fonts, with
// and without a text colour, for text with characters to escape and of
// one to three UTF-8 bytes, at ordinary, negative and large positions.
func TestJdgenPatchTextSameOperator(t *testing.T) {
	texts := []string{
		"plain", "", "(paren) back\\slash\rreturn", "café “quoted” – €5",
		"\u0128\u0129 \u0229 \u0c28 \u2829", // UTF-16 bytes that are '(' and ')'
	}
	type pos struct{ x, y float64 }
	positions := []pos{{10, 20}, {0, 0}, {-3.456, 1e6}, {72.005, 841.89}, {1.0 / 3, 2.0 / 3}}
	for _, utf8 := range []bool{false, true} {
		for _, color := range []bool{false, true} {
			pdf := fpdf.New("P", "pt", "A4", "")
			pdf.SetCompression(false)
			if utf8 {
				pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
				pdf.SetFont("Go", "", 10)
			} else {
				pdf.SetFont("Helvetica", "", 10)
			}
			pdf.AddPage()
			colorStr := ""
			if color {
				pdf.SetTextColor(200, 10, 20)
				colorStr = "0.784 0.039 0.078 rg"
			}
			var want []string
			for _, s := range texts {
				if !utf8 && strings.ContainsFunc(s, func(r rune) bool { return r > 0x7F }) {
					continue
				}
				for _, p := range positions {
					pdf.Text(p.x, p.y, s)
					_, h := pdf.GetPageSize()
					want = append(want, upstreamText(p.x, h-p.y, s, utf8, colorStr))
				}
			}
			plain, _ := pageStreams(t, output(t, pdf))
			if len(plain) == 0 {
				t.Fatal("no page content")
			}
			content := string(plain[0])
			at := 0
			for _, w := range want {
				i := strings.Index(content[at:], w+"\n")
				if i < 0 {
					t.Fatalf("utf8 %v color %v: page content lacks %q (in order)\n%s", utf8, color, w, content)
				}
				at += i + len(w)
			}
		}
	}
}

// Text allocates nothing once the page buffer has room: no strings per
// call. Upstream made several (fmt.Sprintf, the UTF-16 text, escaping).
func TestJdgenPatchTextNoAllocation(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.SetFont("Go", "", 10)
	pdf.AddPage()
	pdf.SetTextColor(200, 10, 20)
	const line = "Responsibilities (daily): café – “quoted”"
	for range 1000 { // grow the page buffer and the rune set
		pdf.Text(40, 100, line)
	}
	allocs := testing.AllocsPerRun(200, func() { pdf.Text(40, 100, line) })
	if allocs > 0.1 {
		t.Errorf("Text allocates %.1f times per call", allocs)
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
