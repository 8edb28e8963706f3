// Package pdftext is a small text extractor for the PDFs jdgen writes, so
// that tests in any package can read a rendered document back without
// external tools (no pdftotext). It understands what
// fpdf produces: indirect objects with direct /Length, FlateDecode or raw
// streams, a page tree, Type0 fonts with Identity-H encoding (two-byte codes)
// and a ToUnicode CMap, and text drawn with BT/ET, Td, Tj and friends. Text
// comes back in drawing order, pages in /Kids order, each page ended by a
// form feed as pdftotext does.
package pdftext

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/jdgen/jdgen/internal/pdfobj"
)

// pdfxDoc is a parsed file and the fonts read from it so far.
type pdfxDoc struct {
	*pdfobj.Doc
	fonts map[pdfobj.Ref]*pdfxFont
}

// pdfxParse reads every indirect object of data.
func pdfxParse(data []byte) (*pdfxDoc, error) {
	d, err := pdfobj.Parse(data)
	if err != nil {
		return nil, err
	}
	return &pdfxDoc{Doc: d, fonts: map[pdfobj.Ref]*pdfxFont{}}, nil
}

// pages returns the page dictionaries in page-tree (/Kids) order, each with
// its inherited /Resources filled in.
func (doc *pdfxDoc) pages() ([]pdfobj.Dict, error) {
	var root pdfobj.Dict
	for _, v := range doc.Objs {
		if d, ok := v.(pdfobj.Dict); ok && d["Type"] == pdfobj.Name("Catalog") {
			root = doc.Dict(d["Pages"])
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no catalog with a page tree")
	}
	var (
		out  []pdfobj.Dict
		walk func(node pdfobj.Dict, res any, depth int) error
	)
	walk = func(node pdfobj.Dict, res any, depth int) error {
		if depth > 32 {
			return fmt.Errorf("page tree too deep")
		}
		if r, ok := node["Resources"]; ok {
			res = r
		}
		if node["Type"] == pdfobj.Name("Page") {
			p := pdfobj.Dict{}
			for k, v := range node {
				p[k] = v
			}
			p["Resources"] = res
			out = append(out, p)
			return nil
		}
		kids, _ := doc.Resolve(node["Kids"]).([]any)
		for _, k := range kids {
			if err := walk(doc.Dict(k), res, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, nil, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// contents is a page's content streams joined.
func (doc *pdfxDoc) contents(page pdfobj.Dict) ([]byte, error) {
	refs := []any{page["Contents"]}
	if arr, ok := doc.Resolve(page["Contents"]).([]any); ok {
		refs = arr
	}
	var b bytes.Buffer
	for _, r := range refs {
		ref, ok := r.(pdfobj.Ref)
		if !ok {
			continue
		}
		s, ok := doc.Streams[int(ref)]
		if !ok {
			return nil, fmt.Errorf("content stream %d missing", ref)
		}
		b.Write(s)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// pdfxFont maps a font's codes to text and advance widths.
type pdfxFont struct {
	twoByte bool            // Type0 font: two-byte codes (Identity-H)
	chars   map[int]string  // bfchar entries of the ToUnicode CMap
	toUni   []pdfxCMapRange // bfrange entries; no entry: a code is its rune
	widths  map[int]float64 // CIDFont /W, 1/1000 em
	dw      float64         // default width
	first   int             // /FirstChar of a simple font
	simpleW []float64       // /Widths of a simple font
	cache   map[int]string  // decoded codes
}

// pdfxCMapRange maps lo..hi to dst with the last UTF-16 unit incremented,
// or to each entry of list in turn.
type pdfxCMapRange struct {
	lo, hi int
	dst    []uint16
	list   []string
}

// font loads the font behind a resource reference.
func (doc *pdfxDoc) font(v any) *pdfxFont {
	ref, isRef := v.(pdfobj.Ref)
	if isRef {
		if f, ok := doc.fonts[ref]; ok {
			return f
		}
	}
	d := doc.Dict(v)
	f := &pdfxFont{dw: 1000, widths: map[int]float64{}, chars: map[int]string{}, cache: map[int]string{}}
	if d["Subtype"] == pdfobj.Name("Type0") {
		f.twoByte = true
		if kids, ok := doc.Resolve(d["DescendantFonts"]).([]any); ok && len(kids) > 0 {
			cid := doc.Dict(kids[0])
			if dw, ok := doc.Resolve(cid["DW"]).(float64); ok {
				f.dw = dw
			}
			f.readW(doc, doc.Resolve(cid["W"]))
		}
	} else {
		f.dw = 500
		if fc, ok := doc.Resolve(d["FirstChar"]).(float64); ok {
			f.first = int(fc)
		}
		if ws, ok := doc.Resolve(d["Widths"]).([]any); ok {
			for _, w := range ws {
				x, _ := doc.Resolve(w).(float64)
				f.simpleW = append(f.simpleW, x)
			}
		}
	}
	if r, ok := d["ToUnicode"].(pdfobj.Ref); ok {
		if s, ok := doc.Streams[int(r)]; ok {
			f.readCMap(s)
		}
	}
	if isRef {
		doc.fonts[ref] = f
	}
	return f
}

// readW reads a CIDFont /W array: "c [w1 w2 ...]" and "c1 c2 w" entries.
func (f *pdfxFont) readW(doc *pdfxDoc, v any) {
	arr, _ := v.([]any)
	for i := 0; i < len(arr); {
		c, ok := arr[i].(float64)
		if !ok || i+1 >= len(arr) {
			return
		}
		if ws, ok := doc.Resolve(arr[i+1]).([]any); ok {
			for j, w := range ws {
				if x, ok := w.(float64); ok {
					f.widths[int(c)+j] = x
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(arr) {
			return
		}
		hi, _ := arr[i+1].(float64)
		w, _ := arr[i+2].(float64)
		for k := int(c); k <= int(hi) && k-int(c) < 1<<16; k++ {
			f.widths[k] = w
		}
		i += 3
	}
}

// readCMap reads the bfchar and bfrange entries of a ToUnicode CMap.
func (f *pdfxFont) readCMap(src []byte) {
	lx := pdfobj.NewLexer(src)
	code := func(s pdfobj.String) int {
		n := 0
		for _, c := range s {
			n = n<<8 | int(c)
		}
		return n
	}
	units := func(s pdfobj.String) []uint16 {
		u := make([]uint16, len(s)/2)
		for i := range u {
			u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
		}
		return u
	}
	mode := ""
	var args []any
	for {
		v, err := lx.Value()
		if err != nil {
			return
		}
		switch v {
		case pdfobj.Op("beginbfchar"), pdfobj.Op("beginbfrange"):
			mode, args = string(v.(pdfobj.Op)), nil
			continue
		case pdfobj.Op("endbfchar"), pdfobj.Op("endbfrange"):
			mode = ""
			continue
		}
		if mode == "" {
			continue
		}
		args = append(args, v)
		switch {
		case mode == "beginbfchar" && len(args) == 2:
			src, _ := args[0].(pdfobj.String)
			dst, _ := args[1].(pdfobj.String)
			f.chars[code(src)] = string(utf16.Decode(units(dst)))
			args = nil
		case mode == "beginbfrange" && len(args) == 3:
			lo, _ := args[0].(pdfobj.String)
			hi, _ := args[1].(pdfobj.String)
			r := pdfxCMapRange{lo: code(lo), hi: code(hi)}
			switch dst := args[2].(type) {
			case pdfobj.String:
				r.dst = units(dst)
			case []any:
				for _, d := range dst {
					s, _ := d.(pdfobj.String)
					r.list = append(r.list, string(utf16.Decode(units(s))))
				}
			}
			f.toUni = append(f.toUni, r)
			args = nil
		}
	}
}

// text is the Unicode text of one code.
func (f *pdfxFont) text(c int) string {
	if s, ok := f.cache[c]; ok {
		return s
	}
	s, found := f.chars[c]
	if !found {
		for _, r := range f.toUni {
			if c < r.lo || c > r.hi {
				continue
			}
			found = true
			if r.list != nil {
				if c-r.lo < len(r.list) {
					s = r.list[c-r.lo]
				}
				break
			}
			u := append([]uint16(nil), r.dst...)
			if len(u) > 0 {
				u[len(u)-1] += uint16(c - r.lo)
			}
			s = string(utf16.Decode(u))
			break
		}
	}
	if !found {
		s = string(rune(c)) // Identity with UCS codes, or Latin-1 bytes
	}
	f.cache[c] = s
	return s
}

// width is the advance of one code in 1/1000 em.
func (f *pdfxFont) width(c int) float64 {
	if f.twoByte {
		if w, ok := f.widths[c]; ok {
			return w
		}
		return f.dw
	}
	if i := c - f.first; i >= 0 && i < len(f.simpleW) {
		return f.simpleW[i]
	}
	return f.dw
}

// pdfxMatrix is [a b c d e f], row-vector convention as in the PDF spec.
type pdfxMatrix [6]float64

var pdfxIdentity = pdfxMatrix{1, 0, 0, 1, 0, 0}

// mul is m × n.
func (m pdfxMatrix) mul(n pdfxMatrix) pdfxMatrix {
	return pdfxMatrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func pdfxTranslate(x, y float64) pdfxMatrix { return pdfxMatrix{1, 0, 0, 1, x, y} }

// pdfxGState is the part of the graphics state text depends on.
type pdfxGState struct {
	ctm                        pdfxMatrix
	font                       *pdfxFont
	size, tc, tw, th, tl, rise float64
}

// pdfxWriter lays out shown strings: a new line when the baseline moves by
// more than half the font size, a space across a horizontal gap.
type pdfxWriter struct {
	b          strings.Builder
	started    bool
	y, endX    float64
	lineHeight float64
}

func (w *pdfxWriter) show(x, y, endX, fs float64, s string) {
	if s == "" {
		return
	}
	if w.started {
		last := w.b.String()
		switch {
		case math.Abs(y-w.y) > 0.5*math.Max(fs, w.lineHeight):
			w.b.WriteByte('\n')
			w.y, w.lineHeight = y, fs
		case (x-w.endX > 0.15*fs || x < w.endX-fs) &&
			!strings.HasSuffix(last, " ") && !strings.HasPrefix(s, " "):
			w.b.WriteByte(' ')
		}
	} else {
		w.started, w.y, w.lineHeight = true, y, fs
	}
	w.b.WriteString(s)
	w.endX = endX
}

// Text returns the text of a PDF: pages in order, each ended by a form
// feed, lines by newlines, in the order the text is drawn. A file it cannot
// read gives an error wrapping ErrUnreadable.
func Text(data []byte) (string, error) {
	s, err := extract(data)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	return s, nil
}

// Pages returns the text of each page of a PDF, as Text does but split at
// the form feeds (without them).
func Pages(data []byte) ([]string, error) {
	s, err := Text(data)
	if err != nil {
		return nil, err
	}
	pages := strings.Split(s, "\f")
	return pages[:len(pages)-1], nil
}

// extract is Text without the error wrapping.
func extract(data []byte) (string, error) {
	doc, err := pdfxParse(data)
	if err != nil {
		return "", err
	}
	pages, err := doc.pages()
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for i, p := range pages {
		content, err := doc.contents(p)
		if err != nil {
			return "", fmt.Errorf("page %d: %w", i+1, err)
		}
		text, err := doc.pageText(content, doc.Dict(p["Resources"]))
		if err != nil {
			return "", fmt.Errorf("page %d: %w", i+1, err)
		}
		out.WriteString(text)
		if text != "" {
			out.WriteByte('\n')
		}
		out.WriteByte('\f')
	}
	return out.String(), nil
}

// pageText runs one page's content stream and returns its text.
func (doc *pdfxDoc) pageText(content []byte, res pdfobj.Dict) (string, error) {
	fonts := doc.Dict(res["Font"])
	gs := pdfxGState{ctm: pdfxIdentity, th: 1}
	var (
		stack    []pdfxGState
		tm, tlm  = pdfxIdentity, pdfxIdentity
		w        pdfxWriter
		operands []any
	)
	num := func(i int) float64 {
		if i < len(operands) {
			f, _ := operands[i].(float64)
			return f
		}
		return 0
	}
	nums := func(n int) bool {
		if len(operands) < n {
			return false
		}
		for _, o := range operands[len(operands)-n:] {
			if _, ok := o.(float64); !ok {
				return false
			}
		}
		operands = operands[len(operands)-n:]
		return true
	}
	moveLine := func(tx, ty float64) {
		tlm = pdfxTranslate(tx, ty).mul(tlm)
		tm = tlm
	}
	// showString draws one string, advancing the text matrix.
	showString := func(s pdfobj.String) {
		f := gs.font
		if f == nil {
			f = &pdfxFont{dw: 500, cache: map[int]string{}}
		}
		render := func() pdfxMatrix {
			return pdfxMatrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
		}
		start := render()
		fs := math.Hypot(start[2], start[3])
		var text strings.Builder
		step := 1
		if f.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(s); i += step {
			c := int(s[i])
			if step == 2 {
				c = c<<8 | int(s[i+1])
			}
			text.WriteString(f.text(c))
			adv := f.width(c)/1000*gs.size + gs.tc
			if step == 1 && c == ' ' {
				adv += gs.tw
			}
			tm = pdfxTranslate(adv*gs.th, 0).mul(tm)
		}
		end := render()
		w.show(start[4], start[5], end[4], fs, text.String())
	}
	lx := pdfobj.NewLexer(content)
	for {
		v, err := lx.Value()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		op, ok := v.(pdfobj.Op)
		if !ok {
			operands = append(operands, v)
			continue
		}
		switch op {
		case "q":
			stack = append(stack, gs)
		case "Q":
			if n := len(stack); n > 0 {
				gs, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if nums(6) {
				gs.ctm = pdfxMatrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = pdfxIdentity, pdfxIdentity
		case "Tf":
			if len(operands) >= 2 {
				operands = operands[len(operands)-2:]
				name, _ := operands[0].(pdfobj.Name)
				gs.font, gs.size = doc.font(fonts[name]), num(1)
			}
		case "Tc":
			gs.tc = num(len(operands) - 1)
		case "Tw":
			gs.tw = num(len(operands) - 1)
		case "Tz":
			gs.th = num(len(operands)-1) / 100
		case "TL":
			gs.tl = num(len(operands) - 1)
		case "Ts":
			gs.rise = num(len(operands) - 1)
		case "Td":
			if nums(2) {
				moveLine(num(0), num(1))
			}
		case "TD":
			if nums(2) {
				gs.tl = -num(1)
				moveLine(num(0), num(1))
			}
		case "Tm":
			if nums(6) {
				tlm = pdfxMatrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			moveLine(0, -gs.tl)
		case "Tj", "'", "\"":
			if len(operands) == 0 {
				break
			}
			s, _ := operands[len(operands)-1].(pdfobj.String)
			if op == "\"" && len(operands) >= 3 {
				operands = operands[len(operands)-3:]
				gs.tw, gs.tc = num(0), num(1)
			}
			if op != "Tj" {
				moveLine(0, -gs.tl)
			}
			showString(s)
		case "TJ":
			if len(operands) == 0 {
				break
			}
			arr, _ := operands[len(operands)-1].([]any)
			for _, e := range arr {
				switch e := e.(type) {
				case pdfobj.String:
					showString(e)
				case float64:
					tm = pdfxTranslate(-e/1000*gs.size*gs.th, 0).mul(tm)
				}
			}
		case "BI": // inline image: skip its data up to EI
			lx.SkipPast("EI")
		}
		operands = operands[:0]
	}
	return w.b.String(), nil
}
