// Package fonts embeds the Go fonts that jdgen draws its PDFs with and
// answers whether a character can be drawn with them.
package fonts

import (
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Face is one embedded font face.
type Face struct {
	// Style is the fpdf style string: "" regular, "B" bold.
	Style string
	// TTF is the TrueType font file.
	TTF []byte
}

// Family is the family name the faces are registered under in a PDF.
const Family = "Go"

// Faces are the faces jdgen draws with (regular and bold; no italic is
// used, so none is embedded). Every character in a document must have a
// glyph in each of them.
var Faces = []Face{
	{Style: "", TTF: goregular.TTF},
	{Style: "B", TTF: gobold.TTF},
}

var (
	parseOnce sync.Once
	parsed    []*sfnt.Font
	parseErr  error
	cache     sync.Map // rune -> bool
)

func load() ([]*sfnt.Font, error) {
	parseOnce.Do(func() {
		for _, f := range Faces {
			p, err := sfnt.Parse(f.TTF)
			if err != nil {
				parseErr = err
				return
			}
			parsed = append(parsed, p)
		}
	})
	return parsed, parseErr
}

// Covers reports whether r has a glyph in every face. Line breaks count as
// covered: they are layout, not glyphs.
func Covers(r rune) bool {
	if r == '\n' {
		return true
	}
	if r < 0x20 || r > 0xFFFF {
		return false
	}
	if v, ok := cache.Load(r); ok {
		return v.(bool)
	}
	fs, err := load()
	if err != nil {
		return false
	}
	var buf sfnt.Buffer
	ok := true
	for _, f := range fs {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			ok = false
			break
		}
	}
	cache.Store(r, ok)
	return ok
}
