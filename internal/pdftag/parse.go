package pdftag

// A small reader for the PDFs fpdf writes (indirect objects with direct
// lengths, FlateDecode or raw streams, no object streams), enough for
// Verify to walk the structure tree and the page content.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

type (
	pName   string
	pOp     string
	pRef    int
	pDict   map[pName]any
	pString []byte
	pDelim  string
)

type lexer struct {
	src []byte
	pos int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }

func (lx *lexer) skipSpace() {
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

// next returns the next token, or io.EOF.
func (lx *lexer) next() (any, error) {
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
			return pDelim("<<"), nil
		}
		end := bytes.IndexByte(lx.src[lx.pos:], '>')
		if end < 0 {
			return nil, fmt.Errorf("unterminated hex string")
		}
		s := pString(lx.src[lx.pos+1 : lx.pos+end])
		lx.pos += end + 1
		return s, nil
	case '>':
		if lx.pos+1 < len(lx.src) && lx.src[lx.pos+1] == '>' {
			lx.pos += 2
			return pDelim(">>"), nil
		}
		return nil, fmt.Errorf("stray '>' at %d", lx.pos)
	case '[', ']', '{', '}':
		lx.pos++
		return pDelim(c), nil
	case ')':
		return nil, fmt.Errorf("stray ')' at %d", lx.pos)
	case '/':
		lx.pos++
		start := lx.pos
		for lx.pos < len(lx.src) && !isSpace(lx.src[lx.pos]) && !isDelim(lx.src[lx.pos]) {
			lx.pos++
		}
		return pName(lx.src[start:lx.pos]), nil
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
	return pOp(word), nil
}

// literal reads a (string) with escapes and nested parentheses.
func (lx *lexer) literal() (pString, error) {
	lx.pos++
	var b []byte
	depth := 1
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		lx.pos++
		switch c {
		case '\\':
			if lx.pos >= len(lx.src) {
				return nil, fmt.Errorf("unterminated string")
			}
			e := lx.src[lx.pos]
			lx.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\n', '\r':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.pos < len(lx.src) && lx.src[lx.pos] >= '0' && lx.src[lx.pos] <= '7'; k++ {
						v = v*8 + int(lx.src[lx.pos]-'0')
						lx.pos++
					}
					b = append(b, byte(v))
				} else {
					b = append(b, e)
				}
			}
		case '(':
			depth++
			b = append(b, c)
		case ')':
			depth--
			if depth == 0 {
				return b, nil
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return nil, fmt.Errorf("unterminated string")
}

// value reads one object: a dictionary, array, reference or simple value.
func (lx *lexer) value() (any, error) {
	tok, err := lx.next()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case pDelim:
		switch t {
		case "<<":
			d := pDict{}
			for {
				k, err := lx.next()
				if err != nil {
					return nil, err
				}
				if k == pDelim(">>") {
					return d, nil
				}
				name, ok := k.(pName)
				if !ok {
					return nil, fmt.Errorf("dictionary key %v is not a name", k)
				}
				v, err := lx.value()
				if err != nil {
					return nil, err
				}
				d[name] = v
			}
		case "[":
			var a []any
			for {
				save := lx.pos
				k, err := lx.next()
				if err != nil {
					return nil, err
				}
				if k == pDelim("]") {
					return a, nil
				}
				lx.pos = save
				v, err := lx.value()
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
		}
		return nil, fmt.Errorf("unexpected %q", t)
	case float64:
		// "n g R" is a reference.
		save := lx.pos
		if g, err := lx.next(); err == nil {
			if _, ok := g.(float64); ok {
				if r, err := lx.next(); err == nil && r == pOp("R") {
					return pRef(int(t)), nil
				}
			}
		}
		lx.pos = save
		return t, nil
	}
	return tok, nil
}

type doc struct {
	objs    map[int]any
	streams map[int][]byte
	root    int
}

var objStart = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)
var rootRe = regexp.MustCompile(`/Root\s+(\d+)\s+\d+\s+R`)

func parse(data []byte) (*doc, error) {
	d := &doc{objs: map[int]any{}, streams: map[int][]byte{}}
	pos := 0
	for {
		loc := objStart.FindSubmatchIndex(data[pos:])
		if loc == nil {
			break
		}
		num, _ := strconv.Atoi(string(data[pos+loc[2] : pos+loc[3]]))
		lx := &lexer{src: data, pos: pos + loc[1]}
		v, err := lx.value()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		d.objs[num] = v
		lx.skipSpace()
		if bytes.HasPrefix(data[lx.pos:], []byte("stream")) {
			dict, _ := v.(pDict)
			start := lx.pos + len("stream")
			if bytes.HasPrefix(data[start:], []byte("\r\n")) {
				start += 2
			} else if start < len(data) && data[start] == '\n' {
				start++
			}
			n, ok := dict["Length"].(float64)
			if !ok || start+int(n) > len(data) {
				return nil, fmt.Errorf("object %d: stream without a direct /Length", num)
			}
			raw := data[start : start+int(n)]
			if dict["Filter"] == pName("FlateDecode") {
				zr, err := zlib.NewReader(bytes.NewReader(raw))
				if err != nil {
					return nil, fmt.Errorf("object %d: %w", num, err)
				}
				if raw, err = io.ReadAll(zr); err != nil {
					return nil, fmt.Errorf("object %d: %w", num, err)
				}
			}
			d.streams[num] = raw
			lx.pos = start + int(n)
		}
		pos = lx.pos
	}
	m := rootRe.FindAllSubmatch(data, -1)
	if m == nil {
		return nil, fmt.Errorf("no /Root in the trailer")
	}
	d.root, _ = strconv.Atoi(string(m[len(m)-1][1]))
	return d, nil
}

func (d *doc) resolve(v any) any {
	for range 32 {
		r, ok := v.(pRef)
		if !ok {
			return v
		}
		v = d.objs[int(r)]
	}
	return nil
}

func (d *doc) dict(v any) pDict {
	x, _ := d.resolve(v).(pDict)
	return x
}

func (d *doc) array(v any) []any {
	switch x := d.resolve(v).(type) {
	case []any:
		return x
	case nil:
		return nil
	default:
		return []any{x}
	}
}
