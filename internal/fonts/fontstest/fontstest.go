// Package fontstest makes small TrueType fonts for tests, in Go, so that
// tests of CJK text need no system font: CJK returns Liberation Sans with
// extra character-map entries that draw kana, CJK ideographs and CJK
// punctuation with existing Latin, Greek and Cyrillic glyphs. The shapes are wrong; the mapping,
// the widths and the embedding are real.
package fontstest

import (
	"encoding/binary"
	"sort"
	"sync"

	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// CJKRanges are the code points CJK maps (inclusive ranges): CJK symbols
// and punctuation, hiragana, katakana, the first CJK ideographs up to
// U+9FFF, and the full-width forms.
var CJKRanges = [][2]rune{
	{0x3000, 0x303F}, // 、。「」 and friends
	{0x3040, 0x30FF}, // hiragana, katakana
	{0x4E00, 0x9FFF}, // CJK unified ideographs
	{0xFF01, 0xFF5E}, // full-width ASCII: （）！？，：；
}

// CJK returns the test font (built once).
var CJK = sync.OnceValue(func() []byte {
	return WithCmap(liberationsansregular.TTF, CJKRanges)
})

// WithCmap returns a copy of the TrueType font ttf whose character map is
// the original plus every code point of ranges mapped to one of its
// glyphs (which one is arbitrary). Only the Basic Multilingual Plane is
// kept (format 4).
func WithCmap(ttf []byte, ranges [][2]rune) []byte {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic(err)
	}
	var buf sfnt.Buffer
	m := map[rune]uint16{}
	for r := rune(0); r < 0xFFFF; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			m[r] = uint16(g)
		}
	}
	// Each range is mapped onto consecutive glyphs from firstGlyph on,
	// so that it takes a few format-4 segments, not one per character.
	n := f.NumGlyphs()
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			m[r] = uint16(firstGlyph + int(r-rg[0])%(n-firstGlyph))
		}
	}
	return ReplaceTable(ttf, "cmap", cmap4(m))
}

// firstGlyph is the first glyph WithCmap maps ranges to (after .notdef,
// .null and the non-marking return).
const firstGlyph = 3

// cmap4 builds a cmap table with one (3,1) format-4 subtable.
func cmap4(m map[rune]uint16) []byte {
	runes := make([]rune, 0, len(m))
	for r := range m {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	type seg struct {
		start, end rune
		delta      uint16
	}
	var segs []seg
	for _, r := range runes {
		d := uint16(int(m[r]) - int(r))
		if n := len(segs); n > 0 && segs[n-1].end == r-1 && segs[n-1].delta == d {
			segs[n-1].end = r
			continue
		}
		segs = append(segs, seg{r, r, d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	sr := 2
	sel := 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	be.PutUint16(sub[8:], uint16(2*sr))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*n-2*sr))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], uint16(s.end))
		be.PutUint16(sub[16+2*n+2*i:], uint16(s.start))
		be.PutUint16(sub[16+4*n+2*i:], s.delta)
		// idRangeOffset stays 0
	}
	t := make([]byte, 12)
	be.PutUint16(t[2:], 1)
	be.PutUint16(t[4:], 3)
	be.PutUint16(t[6:], 1)
	be.PutUint32(t[8:], 12)
	return append(t, sub...)
}

// ReplaceTable returns a copy of ttf with the table tag replaced by data
// (appended at the end of the file, 4-byte aligned; the old bytes stay,
// unreferenced). Checksums are not updated: no reader jdgen uses checks them.
func ReplaceTable(ttf []byte, tag string, data []byte) []byte {
	out := append([]byte(nil), ttf...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	off := len(out)
	out = append(out, data...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := out[12+16*i:]
		if string(rec[:4]) == tag {
			binary.BigEndian.PutUint32(rec[8:], uint32(off))
			binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
			return out
		}
	}
	panic("fontstest: no table " + tag)
}
