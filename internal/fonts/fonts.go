// Package fonts holds the typefaces jdgen draws its PDFs with: the built-in
// Liberation Sans (SIL Open Font License 1.1) or a company's own TrueType
// files, checked before use. A Set answers whether a character can be drawn.
package fonts

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// The fpdf style strings of the three faces a document is drawn with.
const (
	Regular = ""
	Bold    = "B"
	Italic  = "I"
)

// Styles are the styles a document may ask for, in registration order.
var Styles = []string{Regular, Bold, Italic}

// Face is one embedded font face.
type Face struct {
	// Style is the fpdf style string: "" regular, "B" bold, "I" italic.
	Style string
	// TTF is the TrueType font file.
	TTF []byte
}

// Family is the family name the built-in faces are registered under in a PDF.
const Family = "LiberationSans"

// CompanyFamily is the family name a company's own faces are registered
// under.
const CompanyFamily = "CompanyFont"

// Faces are the built-in faces: Liberation Sans regular, bold and italic.
var Faces = []Face{
	{Style: Regular, TTF: liberationsansregular.TTF},
	{Style: Bold, TTF: liberationsansbold.TTF},
	{Style: Italic, TTF: liberationsansitalic.TTF},
}

// Set is the faces one document is drawn with. A style without a face of
// its own is drawn with the regular face (see Style). A Set is safe for
// concurrent use.
type Set struct {
	// Family is the name the faces are registered under.
	Family string
	// Fallback draws what the set's own faces lack; nil for none.
	Fallback *Set
	faces    []Face // registered faces, Regular first
	parsed   []*sfnt.Font
	cache    sync.Map // rune -> bool

	asciiOnce sync.Once
	ascii     bool
}

// New makes a set from TrueType files: regular is required, bold and
// italic may be nil (drawn with the regular face). Each file is checked
// with CheckTTF and then loaded and drawn with fpdf once, so a file fpdf
// cannot use is refused here (ErrBroken) and not while rendering.
func New(family string, regular, bold, italic []byte) (*Set, error) {
	s, err := newSet(family, regular, bold, italic)
	if err != nil {
		return nil, err
	}
	for _, f := range s.faces {
		if err := tryFpdf(f.TTF); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// tryFpdf draws one character with the font in a throw-away document.
func tryFpdf(ttf []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrBroken, p)
		}
	}()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("Try", "", ttf)
	pdf.AddPage()
	pdf.SetFont("Try", "", 10)
	pdf.Text(10, 10, "A")
	if err := pdf.Output(io.Discard); err != nil {
		return fmt.Errorf("%w: %w", ErrBroken, err)
	}
	return nil
}

func newSet(family string, regular, bold, italic []byte) (*Set, error) {
	if len(regular) == 0 {
		return nil, ErrNoRegular
	}
	s := &Set{Family: family}
	for _, f := range []Face{{Regular, regular}, {Bold, bold}, {Italic, italic}} {
		if len(f.TTF) == 0 {
			continue
		}
		if err := CheckTTF(f.TTF); err != nil {
			return nil, err
		}
		p, err := sfnt.Parse(f.TTF)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBroken, err)
		}
		s.faces = append(s.faces, f)
		s.parsed = append(s.parsed, p)
	}
	return s, nil
}

var defaultSet = sync.OnceValue(func() *Set {
	s, err := newSet(Family, Faces[0].TTF, Faces[1].TTF, Faces[2].TTF)
	if err != nil {
		panic("fonts: built-in faces: " + err.Error())
	}
	return s
})

// Default is the built-in set: Liberation Sans regular, bold and italic.
func Default() *Set { return defaultSet() }

// Faces returns the registered faces, regular first. Register exactly
// these with the PDF: every registered font is embedded.
func (s *Set) Faces() []Face { return s.faces }

// Style returns the registered style that text asked for in style st is
// drawn with: st itself when the set has that face, else regular.
func (s *Set) Style(st string) string {
	for _, f := range s.faces {
		if f.Style == st {
			return st
		}
	}
	return Regular
}

// Has reports whether the set has a face of its own for style st.
func (s *Set) Has(st string) bool {
	return slices.ContainsFunc(s.faces, func(f Face) bool { return f.Style == st })
}

// WithFallback returns a copy of s that draws the characters its own
// faces lack with fb's faces (a company's CJK font lacks Latin letters;
// Liberation Sans draws them). Covers then accepts what either covers.
func (s *Set) WithFallback(fb *Set) *Set {
	return &Set{Family: s.Family, faces: s.faces, parsed: s.parsed, Fallback: fb}
}

// Covers reports whether r can be drawn: it has a glyph in every face of
// the set, or of its fallback. Line breaks count as covered: they are
// layout, not glyphs. Runes above U+FFFF and control characters are never
// covered (fpdf cannot encode them).
func (s *Set) Covers(r rune) bool {
	if s.Owns(r) {
		return true
	}
	return s.Fallback != nil && s.Fallback.Covers(r)
}

// Owns reports whether r has a glyph in every face of the set itself (not
// its fallback): r is drawn with the set's own faces.
func (s *Set) Owns(r rune) bool {
	if r == '\n' {
		return true
	}
	if r < 0x20 || r > 0xFFFF || (r >= 0x7F && r < 0xA0) {
		return false
	}
	if v, ok := s.cache.Load(r); ok {
		return v.(bool)
	}
	var buf sfnt.Buffer
	ok := true
	for _, f := range s.parsed {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			ok = false
			break
		}
	}
	s.cache.Store(r, ok)
	return ok
}

// CoversASCII reports whether every printable ASCII character has a glyph
// in every face: text that is plain ASCII then needs no further check.
func (s *Set) CoversASCII() bool {
	s.asciiOnce.Do(func() {
		s.ascii = true
		for r := rune(0x20); r <= 0x7E; r++ {
			if !s.Covers(r) {
				s.ascii = false
				return
			}
		}
	})
	return s.ascii
}

// Covers reports whether r has a glyph in every built-in face.
func Covers(r rune) bool { return Default().Covers(r) }

// ReadFile reads and checks a TrueType file. The error names the file and
// wraps ErrRead or one of CheckTTF's errors.
func ReadFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s %w: %w", path, ErrRead, err)
	}
	if err := CheckTTF(data); err != nil {
		return nil, fmt.Errorf("%s %w", path, err)
	}
	return data, nil
}

// ttfRequired are the tables fpdf reads from a TrueType file.
var ttfRequired = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}

// CheckTTF reports whether data is a TrueType font that can be embedded:
// TrueType outlines (not CFF, not a collection, not a web font), the
// tables fpdf reads all present and inside the file, a Unicode format-4
// character map, and licence flags that allow embedding and subsetting.
// The error wraps one of ErrCFF, ErrCollection, ErrWOFF, ErrNotTrueType,
// ErrBroken, ErrNoUnicode or ErrNoEmbedding.
func CheckTTF(data []byte) error {
	if len(data) < 12 {
		return ErrNotTrueType
	}
	switch string(data[:4]) {
	case "OTTO":
		return ErrCFF
	case "ttcf":
		return ErrCollection
	case "wOFF", "wOF2":
		return ErrWOFF
	case "\x00\x01\x00\x00", "true":
	default:
		return ErrNotTrueType
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return fmt.Errorf("%w: table directory runs past the end of the file", ErrBroken)
	}
	for i := range n {
		rec := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return fmt.Errorf("%w: table %q runs past the end of the file", ErrBroken, rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+length]
	}
	for _, t := range ttfRequired {
		if _, ok := tables[t]; !ok {
			if t == "glyf" || t == "loca" {
				if _, ok := tables["CFF "]; ok {
					return ErrCFF
				}
			}
			return fmt.Errorf("%w: no %q table", ErrBroken, t)
		}
	}
	if os2 := tables["OS/2"]; len(os2) >= 10 {
		fs := binary.BigEndian.Uint16(os2[8:])
		if fs == 0x0002 || fs&0x0300 != 0 {
			return ErrNoEmbedding
		}
	}
	if !cmapFormat4(tables["cmap"]) {
		return ErrNoUnicode
	}
	if _, err := sfnt.Parse(data); err != nil {
		return fmt.Errorf("%w: %w", ErrBroken, err)
	}
	return nil
}

// cmapFormat4 reports whether a cmap table has a Unicode subtable in format
// 4, the one fpdf reads.
func cmapFormat4(cmap []byte) bool {
	if len(cmap) < 4 {
		return false
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return false
		}
		platform, enc := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if !(platform == 0 || (platform == 3 && enc == 1)) || off+2 > len(cmap) {
			continue
		}
		if binary.BigEndian.Uint16(cmap[off:]) == 4 {
			return true
		}
	}
	return false
}
