// Package pdfobj reads the objects of the PDFs jdgen writes, for the
// packages that check them (pdftext extracts their text, pdftag verifies
// their tagging): indirect objects with direct or trailing /Length,
// FlateDecode or raw streams, no object streams, no encryption. It is a
// reader for tests and checks, not a general PDF parser.
package pdfobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Name, Ref, Op, Dict and String are the parsed PDF
// object kinds; numbers are float64, booleans bool, arrays []any, null nil.
type (
	Name   string
	Op     string // a bare keyword: an operator in a content stream
	Ref    int    // an indirect reference (the generation is ignored)
	Dict   map[Name]any
	String []byte
)

// Delim is a structural token: [ ] << >> { }.
type Delim string

// Lexer reads PDF tokens from src.
type Lexer struct {
	src []byte
	pos int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (lx *Lexer) skipSpace() {
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch {
		case isSpace(c):
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
func (lx *Lexer) Next() (any, error) {
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
			return Delim("<<"), nil
		}
		return lx.hex()
	case '>':
		if lx.pos+1 < len(lx.src) && lx.src[lx.pos+1] == '>' {
			lx.pos += 2
			return Delim(">>"), nil
		}
		return nil, fmt.Errorf("stray '>' at %d", lx.pos)
	case '[', ']', '{', '}':
		lx.pos++
		return Delim(c), nil
	case ')':
		return nil, fmt.Errorf("stray ')' at %d", lx.pos)
	case '/':
		lx.pos++
		return Name(lx.name()), nil
	}
	start := lx.pos
	for lx.pos < len(lx.src) && !isSpace(lx.src[lx.pos]) && !isDelim(lx.src[lx.pos]) {
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
	return Op(word), nil
}

// name reads a name after its slash, decoding #xx escapes.
func (lx *Lexer) name() string {
	var b []byte
	for lx.pos < len(lx.src) && !isSpace(lx.src[lx.pos]) && !isDelim(lx.src[lx.pos]) {
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
func (lx *Lexer) literal() (String, error) {
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
func (lx *Lexer) hex() (String, error) {
	start := lx.pos
	lx.pos++ // <
	var digits []byte
	for lx.pos < len(lx.src) && lx.src[lx.pos] != '>' {
		if c := lx.src[lx.pos]; !isSpace(c) {
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
// A lone operator comes back as a Op; a closing ] or >> as Delim.
func (lx *Lexer) Value() (any, error) {
	tok, err := lx.Next()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case float64:
		// n g R is a reference; anything else leaves the number alone.
		save := lx.pos
		if g, err := lx.Next(); err == nil {
			if _, ok := g.(float64); ok {
				if r, err := lx.Next(); err == nil && r == Op("R") {
					return Ref(int(t)), nil
				}
			}
		}
		lx.pos = save
		return t, nil
	case Delim:
		switch t {
		case "[":
			var arr []any
			for {
				v, err := lx.Value()
				if err != nil {
					return nil, err
				}
				if v == Delim("]") {
					return arr, nil
				}
				arr = append(arr, v)
			}
		case "<<":
			d := Dict{}
			for {
				k, err := lx.Value()
				if err != nil {
					return nil, err
				}
				if k == Delim(">>") {
					return d, nil
				}
				name, ok := k.(Name)
				if !ok {
					return nil, fmt.Errorf("dictionary key %v at %d is not a name", k, lx.pos)
				}
				v, err := lx.Value()
				if err != nil {
					return nil, err
				}
				d[name] = v
			}
		}
	}
	return tok, nil
}

// Doc is a parsed file: its objects by number, stream data decoded.
type Doc struct {
	// Objs are the objects by number; Streams the decoded data of those
	// that are streams.
	Objs    map[int]any
	Streams map[int][]byte
	// Root is the catalog's object number, from the trailer (0 if none).
	Root int
}

var (
	objStart = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)
	rootRe   = regexp.MustCompile(`/Root\s+(\d+)\s+\d+\s+R`)
)

// Parse reads every indirect object of data in file order.
func Parse(data []byte) (*Doc, error) {
	doc := &Doc{Objs: map[int]any{}, Streams: map[int][]byte{}}
	pos := 0
	for {
		loc := objStart.FindSubmatchIndex(data[pos:])
		if loc == nil {
			break
		}
		num, _ := strconv.Atoi(string(data[pos+loc[2] : pos+loc[3]]))
		lx := &Lexer{src: data, pos: pos + loc[1]}
		v, err := lx.Value()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		doc.Objs[num] = v
		lx.skipSpace()
		if bytes.HasPrefix(data[lx.pos:], []byte("stream")) {
			d, _ := v.(Dict)
			raw, end, err := streamData(data, lx.pos+len("stream"), d)
			if err != nil {
				return nil, fmt.Errorf("object %d: %w", num, err)
			}
			if raw, err = decode(raw, d); err != nil {
				return nil, fmt.Errorf("object %d: %w", num, err)
			}
			doc.Streams[num] = raw
			lx.pos = end
		}
		pos = lx.pos
	}
	if len(doc.Objs) == 0 {
		return nil, fmt.Errorf("no objects found")
	}
	if m := rootRe.FindAllSubmatch(data, -1); m != nil {
		doc.Root, _ = strconv.Atoi(string(m[len(m)-1][1]))
	}
	return doc, nil
}

// streamData returns the bytes of a stream whose keyword ends at start,
// and the offset just after its endstream. A direct /Length is trusted when
// endstream follows it; otherwise the data runs to the next endstream.
func streamData(data []byte, start int, d Dict) ([]byte, int, error) {
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

// decode inflates FlateDecode data; unfiltered data is returned as is.
func decode(raw []byte, d Dict) ([]byte, error) {
	var filters []any
	switch f := d["Filter"].(type) {
	case nil:
	case Name:
		filters = []any{f}
	case []any:
		filters = f
	}
	for _, f := range filters {
		if f != Name("FlateDecode") {
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

// Resolve follows references (at most 32).
func (doc *Doc) Resolve(v any) any {
	for i := 0; i < 32; i++ {
		r, ok := v.(Ref)
		if !ok {
			return v
		}
		v = doc.Objs[int(r)]
	}
	return nil
}

func (doc *Doc) Dict(v any) Dict {
	d, _ := doc.Resolve(v).(Dict)
	return d
}

// NewLexer reads tokens from src (a content stream, a CMap, a file).
func NewLexer(src []byte) *Lexer { return &Lexer{src: src} }

// SkipPast moves the lexer past the next occurrence of marker (the end of
// an inline image's data, say) and reports whether there was one.
func (lx *Lexer) SkipPast(marker string) bool {
	i := bytes.Index(lx.src[lx.pos:], []byte(marker))
	if i < 0 {
		return false
	}
	lx.pos += i + len(marker)
	return true
}

// Array is v resolved as an array: a single object is an array of one,
// nothing is nil.
func (doc *Doc) Array(v any) []any {
	switch x := doc.Resolve(v).(type) {
	case []any:
		return x
	case nil:
		return nil
	default:
		return []any{x}
	}
}
