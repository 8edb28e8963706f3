package pdf

import (
	"strings"
	"sync"

	"github.com/jdgen/jdgen/internal/fonts"
)

// pdfRun is text in one style; a paragraph is one or more runs (a bold
// run-in term followed by regular text, say).
type pdfRun struct {
	style pdfStyle
	text  string
}

// pdfSeg is a piece of one line drawn in one style, dx from the line's
// start and dy below its baseline.
type pdfSeg struct {
	dx, dy float64
	style  pdfStyle
	text   string
}

// pdfLine is one wrapped line.
type pdfLine []pdfSeg

// pdfSeparator is the "·" between items of a line ("Warehouse · Joliet").
// The Go fonts draw it near the x-height, so it is lowered to sit centred.
const (
	pdfSeparator      = "·"
	pdfSeparatorDrop  = 0.2 // share of the font size
	pdfBreakableSpace = ' '
)

// pdfToken is a word with the style it is drawn in.
type pdfToken struct {
	style pdfStyle
	text  string
	space bool // a space precedes it
	hard  bool // a hard line break, not a word
	w     float64
}

// wrap splits s into lines no wider than w in style st. Hard line breaks
// in s are kept; blank lines are dropped.
func (l *pdfLayout) wrap(st pdfStyle, s string, w float64) []pdfLine {
	return l.wrapRuns([]pdfRun{{st, s}}, w)
}

// wrapRuns breaks runs into lines no wider than w, at spaces, or inside a
// word that is wider than w on its own. The lines are shared with the
// layout's wrap cache: they must not be modified.
func (l *pdfLayout) wrapRuns(runs []pdfRun, w float64) []pdfLine {
	c := l.cache
	if c == nil || len(runs) > 2 {
		return l.wrapRunsUncached(runs, w)
	}
	k := pdfWrapKey{a: runs[0], w: w}
	if len(runs) == 2 {
		k.b = runs[1]
	}
	if lines, ok := c.get(k); ok {
		return lines
	}
	lines := l.wrapRunsUncached(runs, w)
	c.put(k, lines)
	return lines
}

// pdfWrapKey identifies a wrapped text: up to two runs and the width.
type pdfWrapKey struct {
	a, b pdfRun
	w    float64
}

// pdfWrapCacheSize bounds each generation of a pdfWrapCache.
const pdfWrapCacheSize = 4096

// pdfWrapCache keeps wrapped texts from one document to the next: most of
// a job description (the company paragraphs, the template's
// responsibilities, the competencies of a level) recurs in many documents
// of a run. It holds two generations of at most pdfWrapCacheSize entries:
// when the current one is full it becomes the old one and the older is
// dropped, so texts still in use survive and memory stays bounded however
// many roles there are. Not safe for concurrent use: one per worker.
type pdfWrapCache struct {
	size     int // entries per generation
	cur, old map[pdfWrapKey][]pdfLine
}

func newPDFWrapCache(size int) *pdfWrapCache {
	return &pdfWrapCache{size: size, cur: make(map[pdfWrapKey][]pdfLine)}
}

func (c *pdfWrapCache) get(k pdfWrapKey) ([]pdfLine, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	if v, ok := c.old[k]; ok {
		c.put(k, v)
		return v, true
	}
	return nil, false
}

func (c *pdfWrapCache) put(k pdfWrapKey, v []pdfLine) {
	if len(c.cur) >= c.size {
		c.old, c.cur = c.cur, make(map[pdfWrapKey][]pdfLine, c.size)
	}
	c.cur[k] = v
}

// wrapRunsUncached does the work of wrapRuns.
func (l *pdfLayout) wrapRunsUncached(runs []pdfRun, w float64) []pdfLine {
	toks := l.tokens(runs)
	var (
		lines []pdfLine
		cur   []pdfToken
		curW  float64
	)
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, l.segments(cur))
		}
		cur, curW = nil, 0
	}
	for _, t := range toks {
		if t.hard {
			flush()
			continue
		}
		sw := 0.0
		if len(cur) > 0 && t.space {
			sw = l.stringWidth(t.style, " ")
		}
		if len(cur) > 0 && curW+sw+t.w > w {
			flush()
			sw = 0
		}
		for t.w > w && len(cur) == 0 {
			head, tail := l.splitWord(t, w)
			if tail.text == "" {
				break
			}
			lines = append(lines, l.segments([]pdfToken{head}))
			t = tail
		}
		t.space = sw > 0
		cur = append(cur, t)
		curW += sw + t.w
	}
	flush()
	return lines
}

// tokens splits runs into words, measuring each.
func (l *pdfLayout) tokens(runs []pdfRun) []pdfToken {
	var out []pdfToken
	space := false
	for _, r := range runs {
		for i, para := range strings.Split(r.text, "\n") {
			if i > 0 {
				out = append(out, pdfToken{hard: true})
				space = false
			}
			for j, word := range strings.Split(para, string(pdfBreakableSpace)) {
				if j > 0 {
					space = true
				}
				if word == "" {
					continue
				}
				out = append(out, pdfToken{style: r.style, text: word, space: space, w: l.stringWidth(r.style, word)})
				space = false
			}
		}
	}
	return out
}

// splitWord cuts the longest head of t that fits in w (at least one
// character) and returns it and the rest.
func (l *pdfLayout) splitWord(t pdfToken, w float64) (head, tail pdfToken) {
	rs := []rune(t.text)
	n := 1
	for n < len(rs) && l.stringWidth(t.style, string(rs[:n+1])) <= w {
		n++
	}
	head, tail = t, t
	head.text, tail.text = string(rs[:n]), string(rs[n:])
	head.w = l.stringWidth(t.style, head.text)
	tail.w = l.stringWidth(t.style, tail.text)
	tail.space = false
	return head, tail
}

// segments places the words of one line, merging neighbours of one style
// into one segment; separators get a segment of their own, lowered.
func (l *pdfLayout) segments(toks []pdfToken) pdfLine {
	var (
		line pdfLine
		x    float64
	)
	for i, t := range toks {
		sw := 0.0
		if t.space && i > 0 {
			sw = l.stringWidth(t.style, " ")
		}
		sep := t.text == pdfSeparator
		last := len(line) - 1
		if i > 0 && !sep && toks[i-1].text != pdfSeparator && line[last].style == t.style {
			if t.space {
				line[last].text += " "
			}
			line[last].text += t.text
		} else {
			seg := pdfSeg{dx: x + sw, style: t.style, text: t.text}
			if sep {
				seg.dy = pdfSeparatorDrop * t.style.size
			}
			line = append(line, seg)
		}
		x += sw + t.w
	}
	return line
}

// stringWidth measures s in style st, as fpdf does.
func (l *pdfLayout) stringWidth(st pdfStyle, s string) float64 {
	return pdfStringWidth(st, s)
}

// pdfWidthTables hold each face's advance widths in 1/1000 em for every
// rune up to U+FFFF, read from fpdf once per process so that measuring
// needs no fpdf document and no SetFont calls.
var pdfWidthTables = sync.OnceValue(func() map[string][]int32 {
	pdf, err := pdfNewFpdf("Letter", nil)
	if err != nil {
		panic(err) // the embedded fonts parse: tested
	}
	out := map[string][]int32{}
	for _, face := range pdfFaces {
		pdf.SetFont(fonts.Family, face, 10)
		t := make([]int32, 0x10000)
		for r := range rune(0x10000) {
			t[r] = int32(pdf.GetStringSymbolWidth(string(r)))
		}
		out[face] = t
	}
	return out
})

// pdfStringWidth is fpdf's GetStringWidth for s in style st. Runes above
// U+FFFF never get here (pdfCleanDocument refuses them).
func pdfStringWidth(st pdfStyle, s string) float64 {
	t := pdfWidthTables()[st.face]
	w := 0
	for _, r := range s {
		if r >= 0 && int(r) < len(t) {
			w += int(t[r])
		}
	}
	return float64(w) * st.size / 1000
}

// lineWidth is the drawn width of a line.
func (l *pdfLayout) lineWidth(line pdfLine) float64 {
	if len(line) == 0 {
		return 0
	}
	s := line[len(line)-1]
	return s.dx + l.stringWidth(s.style, s.text)
}
