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
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// pdfxName, pdfxRef, pdfxOp, pdfxDict and pdfxString are the parsed PDF
// object kinds; numbers are float64, booleans bool, arrays []any, null nil.
type (
	pdfxName   string
	pdfxOp     string // a bare keyword: an operator in a content stream
	pdfxRef    int    // an indirect reference (the generation is ignored)
	pdfxDict   map[pdfxName]any
	pdfxString []byte
)

// pdfxDelim is a structural token: [ ] << >> { }.
type pdfxDelim string

// pdfxLexer reads PDF tokens from src.
type pdfxLexer struct {
	src []byte
	pos int
}

func pdfxIsSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func pdfxIsDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (lx *pdfxLexer) skipSpace() {
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch {
		case pdfxIsSpace(c):
			lx.pos++
		case c == '%':
			for lx.pos < len(lx.src) && lx.src[lx.pos] != '\n' && lx.src[lx.pos] != '\r' {
				lx.pos++
			}
		default:
			return
		}
	}
}

// next returns the next token, or io.EOF at the end of the input.
func (lx *pdfxLexer) next() (any, error) {
	lx.skipSpace()
	if lx.pos >= len(lx.src) {
		return nil, io.EOF
	}
	c := lx.src[lx.pos]
	switch c {
	case '(':
		return lx.literal()
	case '<':
		if lx.pos+1 < len(lx.src) && lx.src[lx.pos+1] == '<' {
			lx.pos += 2
			return pdfxDelim("<<"), nil
		}
		return lx.hex()
	case '>':
		if lx.pos+1 < len(lx.src) && lx.src[lx.pos+1] == '>' {
			lx.pos += 2
			return pdfxDelim(">>"), nil
		}
		return nil, fmt.Errorf("stray '>' at %d", lx.pos)
	case '[', ']', '{', '}':
		lx.pos++
		return pdfxDelim(c), nil
	case ')':
		return nil, fmt.Errorf("stray ')' at %d", lx.pos)
	case '/':
		lx.pos++
		return pdfxName(lx.name()), nil
	}
	start := lx.pos
	for lx.pos < len(lx.src) && !pdfxIsSpace(lx.src[lx.pos]) && !pdfxIsDelim(lx.src[lx.pos]) {
		lx.pos++
	}
	word := string(lx.src[start:lx.pos])
	if f, err := strconv.ParseFloat(word, 64); err == nil && strings.Trim(word, "+-.0123456789") == "" {
		return f, nil
	}
	switch word {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return pdfxOp(word), nil
}

// name reads a name after its slash, decoding #xx escapes.
func (lx *pdfxLexer) name() string {
	var b []byte
	for lx.pos < len(lx.src) && !pdfxIsSpace(lx.src[lx.pos]) && !pdfxIsDelim(lx.src[lx.pos]) {
		c := lx.src[lx.pos]
		if c == '#' && lx.pos+2 < len(lx.src) {
			if v, err := strconv.ParseUint(string(lx.src[lx.pos+1:lx.pos+3]), 16, 8); err == nil {
				b = append(b, byte(v))
				lx.pos += 3
				continue
			}
		}
		b = append(b, c)
		lx.pos++
	}
	return string(b)
}

// literal reads a ( ... ) string: balanced parentheses, the escapes
// \n \r \t \b \f \( \) \\ and \ddd, backslash-newline continuation, and
// any bare end of line (CR, LF or CRLF) read as LF.
func (lx *pdfxLexer) literal() (pdfxString, error) {
	start := lx.pos
	lx.pos++ // (
	var out []byte
	depth := 1
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		lx.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
		case '\r':
			if lx.pos < len(lx.src) && lx.src[lx.pos] == '\n' {
				lx.pos++
			}
			out = append(out, '\n')
			continue
		case '\\':
			if lx.pos >= len(lx.src) {
				continue
			}
			e := lx.src[lx.pos]
			lx.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r': // line continuation
				if lx.pos < len(lx.src) && lx.src[lx.pos] == '\n' {
					lx.pos++
				}
			case '\n': // line continuation
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for n := 1; n < 3 && lx.pos < len(lx.src) && lx.src[lx.pos] >= '0' && lx.src[lx.pos] <= '7'; n++ {
						v = v*8 + int(lx.src[lx.pos]-'0')
						lx.pos++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e) // \( \) \\ and unknown escapes
				}
			}
			continue
		}
		out = append(out, c)
	}
	return nil, fmt.Errorf("unterminated string at %d", start)
}

// hex reads a < ... > string; an odd last digit is followed by 0.
func (lx *pdfxLexer) hex() (pdfxString, error) {
	start := lx.pos
	lx.pos++ // <
	var digits []byte
	for lx.pos < len(lx.src) && lx.src[lx.pos] != '>' {
		if c := lx.src[lx.pos]; !pdfxIsSpace(c) {
			digits = append(digits, c)
		}
		lx.pos++
	}
	if lx.pos >= len(lx.src) {
		return nil, fmt.Errorf("unterminated hex string at %d", start)
	}
	lx.pos++ // >
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return nil, fmt.Errorf("bad hex string at %d", start)
		}
		out[i] = byte(v)
	}
	return out, nil
}

// value reads one object, with arrays, dictionaries and "n g R" references.
// A lone operator comes back as a pdfxOp; a closing ] or >> as pdfxDelim.
func (lx *pdfxLexer) value() (any, error) {
	tok, err := lx.next()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case float64:
		// n g R is a reference; anything else leaves the number alone.
		save := lx.pos
		if g, err := lx.next(); err == nil {
			if _, ok := g.(float64); ok {
				if r, err := lx.next(); err == nil && r == pdfxOp("R") {
					return pdfxRef(int(t)), nil
				}
			}
		}
		lx.pos = save
		return t, nil
	case pdfxDelim:
		switch t {
		case "[":
			var arr []any
			for {
				v, err := lx.value()
				if err != nil {
					return nil, err
				}
				if v == pdfxDelim("]") {
					return arr, nil
				}
				arr = append(arr, v)
			}
		case "<<":
			d := pdfxDict{}
			for {
				k, err := lx.value()
				if err != nil {
					return nil, err
				}
				if k == pdfxDelim(">>") {
					return d, nil
				}
				name, ok := k.(pdfxName)
				if !ok {
					return nil, fmt.Errorf("dictionary key %v at %d is not a name", k, lx.pos)
				}
				v, err := lx.value()
				if err != nil {
					return nil, err
				}
				d[name] = v
			}
		}
	}
	return tok, nil
}

// pdfxDoc is a parsed file: its objects by number, stream data decoded.
type pdfxDoc struct {
	objs    map[int]any
	streams map[int][]byte
	fonts   map[pdfxRef]*pdfxFont
}

var pdfxObjStart = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)

// pdfxParse reads every indirect object of data in file order.
func pdfxParse(data []byte) (*pdfxDoc, error) {
	doc := &pdfxDoc{objs: map[int]any{}, streams: map[int][]byte{}, fonts: map[pdfxRef]*pdfxFont{}}
	pos := 0
	for {
		loc := pdfxObjStart.FindSubmatchIndex(data[pos:])
		if loc == nil {
			break
		}
		num, _ := strconv.Atoi(string(data[pos+loc[2] : pos+loc[3]]))
		lx := &pdfxLexer{src: data, pos: pos + loc[1]}
		v, err := lx.value()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		doc.objs[num] = v
		lx.skipSpace()
		if bytes.HasPrefix(data[lx.pos:], []byte("stream")) {
			d, _ := v.(pdfxDict)
			raw, end, err := pdfxStreamData(data, lx.pos+len("stream"), d)
			if err != nil {
				return nil, fmt.Errorf("object %d: %w", num, err)
			}
			if raw, err = pdfxDecode(raw, d); err != nil {
				return nil, fmt.Errorf("object %d: %w", num, err)
			}
			doc.streams[num] = raw
			lx.pos = end
		}
		pos = lx.pos
	}
	if len(doc.objs) == 0 {
		return nil, fmt.Errorf("no objects found")
	}
	return doc, nil
}

// pdfxStreamData returns the bytes of a stream whose keyword ends at start,
// and the offset just after its endstream. A direct /Length is trusted when
// endstream follows it; otherwise the data runs to the next endstream.
func pdfxStreamData(data []byte, start int, d pdfxDict) ([]byte, int, error) {
	if bytes.HasPrefix(data[start:], []byte("\r\n")) {
		start += 2
	} else if start < len(data) && (data[start] == '\n' || data[start] == '\r') {
		start++
	}
	if n, ok := d["Length"].(float64); ok && n >= 0 && start+int(n) <= len(data) {
		end := start + int(n)
		rest := bytes.TrimLeft(data[end:], "\r\n \t")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return data[start:end], len(data) - len(rest) + len("endstream"), nil
		}
	}
	i := bytes.Index(data[start:], []byte("endstream"))
	if i < 0 {
		return nil, 0, fmt.Errorf("no endstream")
	}
	raw := data[start : start+i]
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	return raw, start + i + len("endstream"), nil
}

// pdfxDecode inflates FlateDecode data; unfiltered data is returned as is.
func pdfxDecode(raw []byte, d pdfxDict) ([]byte, error) {
	var filters []any
	switch f := d["Filter"].(type) {
	case nil:
	case pdfxName:
		filters = []any{f}
	case []any:
		filters = f
	}
	for _, f := range filters {
		if f != pdfxName("FlateDecode") {
			return nil, fmt.Errorf("unsupported filter %v", f)
		}
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
	}
	return raw, nil
}

// resolve follows references.
func (doc *pdfxDoc) resolve(v any) any {
	for i := 0; i < 32; i++ {
		r, ok := v.(pdfxRef)
		if !ok {
			return v
		}
		v = doc.objs[int(r)]
	}
	return nil
}

func (doc *pdfxDoc) dict(v any) pdfxDict {
	d, _ := doc.resolve(v).(pdfxDict)
	return d
}

// pages returns the page dictionaries in page-tree (/Kids) order, each with
// its inherited /Resources filled in.
func (doc *pdfxDoc) pages() ([]pdfxDict, error) {
	var root pdfxDict
	for _, v := range doc.objs {
		if d, ok := v.(pdfxDict); ok && d["Type"] == pdfxName("Catalog") {
			root = doc.dict(d["Pages"])
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no catalog with a page tree")
	}
	var (
		out  []pdfxDict
		walk func(node pdfxDict, res any, depth int) error
	)
	walk = func(node pdfxDict, res any, depth int) error {
		if depth > 32 {
			return fmt.Errorf("page tree too deep")
		}
		if r, ok := node["Resources"]; ok {
			res = r
		}
		if node["Type"] == pdfxName("Page") {
			p := pdfxDict{}
			for k, v := range node {
				p[k] = v
			}
			p["Resources"] = res
			out = append(out, p)
			return nil
		}
		kids, _ := doc.resolve(node["Kids"]).([]any)
		for _, k := range kids {
			if err := walk(doc.dict(k), res, depth+1); err != nil {
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
func (doc *pdfxDoc) contents(page pdfxDict) ([]byte, error) {
	refs := []any{page["Contents"]}
	if arr, ok := doc.resolve(page["Contents"]).([]any); ok {
		refs = arr
	}
	var b bytes.Buffer
	for _, r := range refs {
		ref, ok := r.(pdfxRef)
		if !ok {
			continue
		}
		s, ok := doc.streams[int(ref)]
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
	ref, isRef := v.(pdfxRef)
	if isRef {
		if f, ok := doc.fonts[ref]; ok {
			return f
		}
	}
	d := doc.dict(v)
	f := &pdfxFont{dw: 1000, widths: map[int]float64{}, chars: map[int]string{}, cache: map[int]string{}}
	if d["Subtype"] == pdfxName("Type0") {
		f.twoByte = true
		if kids, ok := doc.resolve(d["DescendantFonts"]).([]any); ok && len(kids) > 0 {
			cid := doc.dict(kids[0])
			if dw, ok := doc.resolve(cid["DW"]).(float64); ok {
				f.dw = dw
			}
			f.readW(doc, doc.resolve(cid["W"]))
		}
	} else {
		f.dw = 500
		if fc, ok := doc.resolve(d["FirstChar"]).(float64); ok {
			f.first = int(fc)
		}
		if ws, ok := doc.resolve(d["Widths"]).([]any); ok {
			for _, w := range ws {
				x, _ := doc.resolve(w).(float64)
				f.simpleW = append(f.simpleW, x)
			}
		}
	}
	if r, ok := d["ToUnicode"].(pdfxRef); ok {
		if s, ok := doc.streams[int(r)]; ok {
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
		if ws, ok := doc.resolve(arr[i+1]).([]any); ok {
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
	lx := &pdfxLexer{src: src}
	code := func(s pdfxString) int {
		n := 0
		for _, c := range s {
			n = n<<8 | int(c)
		}
		return n
	}
	units := func(s pdfxString) []uint16 {
		u := make([]uint16, len(s)/2)
		for i := range u {
			u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
		}
		return u
	}
	mode := ""
	var args []any
	for {
		v, err := lx.value()
		if err != nil {
			return
		}
		switch v {
		case pdfxOp("beginbfchar"), pdfxOp("beginbfrange"):
			mode, args = string(v.(pdfxOp)), nil
			continue
		case pdfxOp("endbfchar"), pdfxOp("endbfrange"):
			mode = ""
			continue
		}
		if mode == "" {
			continue
		}
		args = append(args, v)
		switch {
		case mode == "beginbfchar" && len(args) == 2:
			src, _ := args[0].(pdfxString)
			dst, _ := args[1].(pdfxString)
			f.chars[code(src)] = string(utf16.Decode(units(dst)))
			args = nil
		case mode == "beginbfrange" && len(args) == 3:
			lo, _ := args[0].(pdfxString)
			hi, _ := args[1].(pdfxString)
			r := pdfxCMapRange{lo: code(lo), hi: code(hi)}
			switch dst := args[2].(type) {
			case pdfxString:
				r.dst = units(dst)
			case []any:
				for _, d := range dst {
					s, _ := d.(pdfxString)
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
		text, err := doc.pageText(content, doc.dict(p["Resources"]))
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
func (doc *pdfxDoc) pageText(content []byte, res pdfxDict) (string, error) {
	fonts := doc.dict(res["Font"])
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
	showString := func(s pdfxString) {
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
	lx := &pdfxLexer{src: content}
	for {
		v, err := lx.value()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		op, ok := v.(pdfxOp)
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
				name, _ := operands[0].(pdfxName)
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
			s, _ := operands[len(operands)-1].(pdfxString)
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
				case pdfxString:
					showString(e)
				case float64:
					tm = pdfxTranslate(-e/1000*gs.size*gs.th, 0).mul(tm)
				}
			}
		case "BI": // inline image: skip its data up to EI
			if i := bytes.Index(content[lx.pos:], []byte("EI")); i >= 0 {
				lx.pos += i + 2
			}
		}
		operands = operands[:0]
	}
	return w.b.String(), nil
}
