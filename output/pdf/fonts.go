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

// pdfParsedFaces parses the faces drawn with, once per process, by style.
var pdfParsedFaces = sync.OnceValues(func() (map[string]*fpdf.UTF8Font, error) {
	out := map[string]*fpdf.UTF8Font{}
	for _, f := range fonts.Faces {
		if !slices.Contains(pdfFaces, f.Style) {
			continue
		}
		p, err := fpdf.ParseUTF8Font(f.TTF)
		if err != nil {
			return nil, fmt.Errorf("%w: face %q: %w", ErrRender, f.Style, err)
		}
		out[f.Style] = p
	}
	return out, nil
})

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

// pdfFonts are the faces one document registers, by style.
type pdfFonts map[string]*fpdf.UTF8Font

// pdfRunFonts is the faces of a run whose documents draw the runes in
// used: each face fixed to that subset plus pdfBaseRunes.
func pdfRunFonts(used *pdfRuneSet) (pdfFonts, error) {
	parsed, err := pdfParsedFaces()
	if err != nil {
		return nil, err
	}
	var all pdfRuneSet
	all.addString(pdfBaseRunes)
	if used != nil {
		all.union(used)
	}
	runes := all.runes()
	out := pdfFonts{}
	for style, f := range parsed {
		out[style] = f.WithSubset(runes)
	}
	return out, nil
}

// register adds the faces to a document; nil fonts means the parsed faces
// with each document's own subset.
func (fs pdfFonts) register(pdf *fpdf.Fpdf) error {
	if fs == nil {
		parsed, err := pdfParsedFaces()
		if err != nil {
			return err
		}
		fs = parsed
	}
	for _, style := range pdfFaces {
		pdf.AddUTF8FontParsed(fonts.Family, style, fs[style])
	}
	return nil
}
