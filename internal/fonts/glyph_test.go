package fonts_test

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

func glyphIndex(t *testing.T, ttf []byte, r rune) int {
	t.Helper()
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	g, err := f.GlyphIndex(nil, r)
	if err != nil || g == 0 {
		t.Fatalf("no glyph for %q", r)
	}
	return int(g)
}
