package pdf

import (
	"strings"
	"sync"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/internal/linebreak"
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
// Liberation Sans centres it on the x-height: it is drawn as it is.
const (
	pdfSeparator      = "·"
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
	// A line that ends where a space or a line break was keeps a trailing
	// space: invisible, but text extraction and screen readers then see
	// the words apart ("that team", not "thatteam").
	flush := func(space bool) {
		if len(cur) > 0 {
			line := l.segments(cur)
			if space {
				line[len(line)-1].text += " "
			}
			lines = append(lines, line)
		}
		cur, curW = nil, 0
	}
	for i, t := range toks {
		if t.hard {
			flush(i+1 < len(toks) && !toks[i+1].hard)
			continue
		}
		sw := 0.0
		if len(cur) > 0 && t.space {
			sw = l.stringWidth(t.style, " ")
		}
		if len(cur) > 0 && curW+sw+t.w > w {
			flush(t.space)
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
	flush(false)
	return lines
}

// tokens splits runs into words, measuring each. Text without spaces
// (Chinese, Japanese) is split where a line may break between its
// characters (see linebreak).
func (l *pdfLayout) tokens(runs []pdfRun) []pdfToken {
	var out []pdfToken
	space := false
	for _, r := range runs {
		for i, para := range strings.Split(r.text, "\n") {
			if i > 0 {
				out = append(out, pdfToken{hard: true})
				space = false
			}
			if !linebreak.Plain(para) {
				linebreak.Split(para, func(unit string, sp bool) {
					out = append(out, pdfToken{style: r.style, text: unit, space: sp || space, w: l.stringWidth(r.style, unit)})
					space = false
				})
				if strings.HasSuffix(para, string(pdfBreakableSpace)) {
					space = true
				}
				continue
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
// into one segment.
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
		last := len(line) - 1
		if i > 0 && line[last].style == t.style {
			if t.space {
				line[last].text += " "
			}
			line[last].text += t.text
		} else {
			if t.space && i > 0 {
				// The space between two styles ends the first segment,
				// so the drawn text keeps the words apart.
				line[last].text += " "
			}
			line = append(line, pdfSeg{dx: x + sw, style: t.style, text: t.text})
		}
		x += sw + t.w
	}
	return line
}

// stringWidth measures s in style st, as fpdf does.
func (l *pdfLayout) stringWidth(st pdfStyle, s string) float64 {
	return l.widths.stringWidth(st, s)
}

// pdfWidths hold a font set's advance widths in 1/1000 em for every rune
// up to U+FFFF, per style, read from fpdf once per set so that measuring
// needs no fpdf document and no SetFont calls.
type pdfWidths struct {
	set    *fonts.Set
	tables map[string][]int32 // style asked for -> widths
}

// pdfWidthCache holds the widths of each font set used in this process.
var pdfWidthCache sync.Map // *fonts.Set -> func() result

// pdfWidthsOf returns the widths of set, reading them on first use.
func pdfWidthsOf(set *fonts.Set) (*pdfWidths, error) {
	type result struct {
		w   *pdfWidths
		err error
	}
	f, ok := pdfWidthCache.Load(set)
	if !ok {
		f, _ = pdfWidthCache.LoadOrStore(set, sync.OnceValue(func() result {
			pdf, err := pdfNewFpdf("Letter", set, nil, fonts.Styles, fonts.Styles)
			if err != nil {
				return result{err: err}
			}
			// One table per style asked for: each rune measured in the
			// font that draws it (the set's own, or its fallback's).
			w := &pdfWidths{set: set, tables: map[string][]int32{}}
			for _, st := range fonts.Styles {
				t := make([]int32, 0x10000)
				for _, fb := range []bool{false, true} {
					if fb && set.Fallback == nil {
						continue
					}
					if fb {
						pdf.SetFont(set.Fallback.Family, set.Fallback.Style(st), 10)
					} else {
						pdf.SetFont(set.Family, set.Style(st), 10)
					}
					for r := range rune(0x10000) {
						if set.Fallback == nil || fb != set.Owns(r) {
							t[r] = int32(pdf.GetStringSymbolWidth(string(r)))
						}
					}
				}
				w.tables[st] = t
			}
			return result{w: w}
		}))
	}
	r := f.(func() result)()
	return r.w, r.err
}

// stringWidth is fpdf's GetStringWidth for s in style st. Runes above
// U+FFFF never get here (pdfCleanDocument refuses them).
func (pw *pdfWidths) stringWidth(st pdfStyle, s string) float64 {
	t := pw.tables[st.face]
	w := 0
	for _, r := range s {
		if r >= 0 && int(r) < len(t) {
			w += int(t[r])
		}
	}
	return float64(w) * st.size / 1000
}

// lineWidth is the drawn width of a line (a trailing space left for text
// extraction does not count).
func (l *pdfLayout) lineWidth(line pdfLine) float64 {
	if len(line) == 0 {
		return 0
	}
	s := line[len(line)-1]
	return s.dx + l.stringWidth(s.style, strings.TrimRight(s.text, " "))
}
