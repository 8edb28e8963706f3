package pdf

import (
	"fmt"
	"slices"
	"sync"

	"github.com/go-pdf/fpdf"
	"github.com/jdgen/jdgen/internal/fonts"
)

// Font work happens once per run, not per document (issue #17): each face
// is parsed once per process (pdfParsedFaces), and a run fixes the subset
// every one of its documents embeds to the union of the runes they draw
// (pdfRunFonts), so fpdf builds and compresses each font program once and
// copies it into every document (third_party/fpdf, patch "fonts parsed
// once"). A document that draws a rune outside the union still renders:
// it gets its own subset.

// pdfParsedCache holds each font set's parsed faces, parsed once per
// process.
var pdfParsedCache sync.Map // *fonts.Set -> func() (pdfFonts, error)

// pdfFontKey names a face in a pdfFonts: its family and style.
func pdfFontKey(family, style string) string { return family + "/" + style }

// pdfParsedFaces returns the faces of set and of its fallback, parsed for
// fpdf, by pdfFontKey.
func pdfParsedFaces(set *fonts.Set) (pdfFonts, error) {
	f, ok := pdfParsedCache.Load(set)
	if !ok {
		f, _ = pdfParsedCache.LoadOrStore(set, sync.OnceValues(func() (pdfFonts, error) {
			out := pdfFonts{}
			for s := set; s != nil; s = s.Fallback {
				for _, f := range s.Faces() {
					p, err := fpdf.ParseUTF8Font(f.TTF)
					if err != nil {
						return nil, fmt.Errorf("%w: face %q of %s: %w", ErrRender, f.Style, s.Family, err)
					}
					out[pdfFontKey(s.Family, f.Style)] = p
				}
			}
			return out, nil
		}))
	}
	return f.(func() (pdfFonts, error))()
}

// pdfBaseRunes are drawn by the renderer itself, whatever the text says:
// page numbers, labels, bullets and dashes. They are always in a run's
// subset.
const pdfBaseRunes = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"\u00a0•–—…‘’“”·×"

// pdfRuneSet is a set of BMP runes (the fonts draw nothing above U+FFFF).
type pdfRuneSet [0x10000 / 64]uint64

func (s *pdfRuneSet) addString(str string) {
	for _, r := range str {
		if r >= 0 && r < 0x10000 {
			s[r/64] |= 1 << (r % 64)
		}
	}
}

func (s *pdfRuneSet) union(o *pdfRuneSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

func (s *pdfRuneSet) runes() []rune {
	var out []rune
	for i, w := range s {
		for b := 0; w != 0; b, w = b+1, w>>1 {
			if w&1 != 0 {
				out = append(out, rune(i*64+b))
			}
		}
	}
	return out
}

// pdfFonts are the faces one document registers, by pdfFontKey.
type pdfFonts map[string]*fpdf.UTF8Font

// pdfRunFonts is the faces of set (and its fallback) for a run whose
// documents draw the runes in used: each face fixed to that subset plus
// pdfBaseRunes, the runes the set draws itself to its own faces and the
// rest to the fallback's.
func pdfRunFonts(set *fonts.Set, used *pdfRuneSet) (pdfFonts, error) {
	parsed, err := pdfParsedFaces(set)
	if err != nil {
		return nil, err
	}
	var all pdfRuneSet
	all.addString(pdfBaseRunes)
	if used != nil {
		all.union(used)
	}
	var own, rest []rune
	for _, r := range all.runes() {
		if set.Fallback == nil || set.Owns(r) {
			own = append(own, r)
		} else {
			rest = append(rest, r)
		}
	}
	out := pdfFonts{}
	for _, f := range set.Faces() {
		k := pdfFontKey(set.Family, f.Style)
		out[k] = parsed[k].WithSubset(own)
	}
	if fb := set.Fallback; fb != nil {
		for _, f := range fb.Faces() {
			k := pdfFontKey(fb.Family, f.Style)
			out[k] = parsed[k].WithSubset(rest)
		}
	}
	return out, nil
}

// register adds to a document the faces of set for styles and of its
// fallback for fbStyles, in the order of fonts.Styles; nil fonts means the
// parsed faces with each document's own subset.
func (fs pdfFonts) register(pdf *fpdf.Fpdf, set *fonts.Set, styles, fbStyles []string) error {
	if fs == nil {
		parsed, err := pdfParsedFaces(set)
		if err != nil {
			return err
		}
		fs = parsed
	}
	add := func(s *fonts.Set, styles []string) {
		for _, style := range fonts.Styles {
			if f, ok := fs[pdfFontKey(s.Family, style)]; ok && slices.Contains(styles, style) {
				pdf.AddUTF8FontParsed(s.Family, style, f)
			}
		}
	}
	add(set, styles)
	if set.Fallback != nil {
		add(set.Fallback, fbStyles)
	}
	return nil
}
