package pdfobj

import "testing"

func TestLexerLiteralStrings(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`(plain)`, "plain"},
		{`(a\(b\)c\\d)`, `a(b)c\d`},
		{`(\n\r\t\b\f)`, "\n\r\t\b\f"},
		{`(\101\60\0618\377)`, "A018\xff"},
		{`(x (balanced (nested)) y)`, "x (balanced (nested)) y"},
		{"(line\\\ncontinued\\\r\nagain)", "linecontinuedagain"},
		{"(cr\rcrlf\r\nlf\n)", "cr\ncrlf\nlf\n"},
		{`(\q unknown)`, "q unknown"},
		{"(\x01\\(\x00\\\\)", "\x01(\x00\\"}, // fpdf's U+0128 U+005C
	} {
		lx := NewLexer([]byte(tc.in))
		v, err := lx.Value()
		s, ok := v.(String)
		if err != nil || !ok || string(s) != tc.want || lx.pos != len(tc.in) {
			t.Errorf("%q: got %q (%v), want %q", tc.in, s, err, tc.want)
		}
	}
	if _, err := NewLexer([]byte(`(open \)`)).Value(); err == nil {
		t.Error("unterminated string accepted")
	}
}
