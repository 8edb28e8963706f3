package fpdf

// jdgen patch 11: Text writes its operator straight into the page
// content. fpdf formatted it with fmt.Sprintf, converted UTF-8 text to a
// UTF-16 string and escaped it with four string replacements, then copied
// the result into the page: several strings per call, for every line of
// text (about a tenth of what a job description allocated). The bytes
// written are the same; underlined, struck-out and right-to-left text,
// text written outside a page and coordinates that are not finite numbers
// take fpdf's own path.

import (
	"math"
	"strconv"
)

// textDirect writes Text's operator into the page content and reports
// whether it did.
func (f *Fpdf) textDirect(x, y float64, txtStr string) bool {
	if f.state != 2 || f.underline || f.strikeout || f.isRTL {
		return false
	}
	px, py := x*f.k, (f.h-y)*f.k
	if math.IsInf(px, 0) || math.IsNaN(px) || math.IsInf(py, 0) || math.IsNaN(py) {
		return false
	}
	b := f.textBuf[:0]
	if f.colorFlag {
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, px, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, py, 'f', 2, 64)
	b = append(b, " Td ("...)
	if f.isCurrentUTF8 {
		b = appendEscapedUTF16(b, txtStr)
		for _, uni := range txtStr {
			f.currentFont.usedRunes[int(uni)] = int(uni)
		}
	} else {
		for i := 0; i < len(txtStr); i++ {
			b = appendEscapedByte(b, txtStr[i])
		}
	}
	b = append(b, ") Tj ET"...)
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	must(f.pages[f.page].Write(b))
	f.textBuf = b
	return true
}

// appendEscapedByte appends c as escape does: backslash, parentheses and
// carriage return escaped with a backslash.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '\\':
		return append(b, '\\', '\\')
	case '(':
		return append(b, '\\', '(')
	case ')':
		return append(b, '\\', ')')
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// appendEscapedUTF16 appends escape(utf8toutf16(s, false)): the same
// conversion, byte for byte, without the strings.
func appendEscapedUTF16(b []byte, s string) []byte {
	nb := len(s)
	i := 0
	for i < nb {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224:
			// 3-byte character
			c2 := s[i]
			i++
			c3 := s[i]
			i++
			b = appendEscapedByte(b, ((c1&0x0F)<<4)+((c2&0x3C)>>2))
			b = appendEscapedByte(b, ((c2&0x03)<<6)+(c3&0x3F))
		case c1 >= 192:
			// 2-byte character
			c2 := s[i]
			i++
			b = appendEscapedByte(b, (c1&0x1C)>>2)
			b = appendEscapedByte(b, ((c1&0x03)<<6)+(c2&0x3F))
		default:
			// Single-byte character
			b = appendEscapedByte(b, 0)
			b = appendEscapedByte(b, c1)
		}
	}
	return b
}
