package generator

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/jdgen/jdgen/internal/fonts"
)

// textRef is one decoded string and where it is.
type textRef struct {
	line int
	path string
	s    string
}

// anyGlyph is the coverage used while decoding: every character the
// fonts could draw passes (control characters and those above U+FFFF do
// not); glyphs are checked against the real fonts by checkGlyphs.
func anyGlyph(r rune) bool {
	return r == '\n' || (r >= 0x20 && r <= 0xFFFF && !(r >= 0x7F && r < 0xA0))
}

// builtinFontName names the built-in fonts in messages.
const builtinFontName = "the PDF font (it covers Latin, Greek and Cyrillic; for other scripts set company.fonts to a TrueType font that has them)"

// loadFonts reads company.fonts, one problem per file that cannot be used,
// and returns the set the documents are drawn with: the company's, or the
// built-in Liberation Sans when none is configured or one is refused.
func loadFonts(c *Config, ps *problems) *fonts.Set {
	fc := c.Company.Fonts
	if fc == (FontsConfig{}) {
		return fonts.Default()
	}
	if fc.Regular == "" {
		path := "company.fonts"
		ps.addAt(path, path+".regular", "required when company.fonts is given: the TrueType (.ttf) file for body text")
		return fonts.Default()
	}
	read := func(key, name string) []byte {
		if name == "" {
			return nil
		}
		path := "company.fonts." + key
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(c.Dir, p)
		}
		data, err := fonts.ReadFile(p)
		if err != nil {
			ps.addAt(path, path, "%s", fontProblem(name, p, err))
		}
		return data
	}
	reg := read("regular", fc.Regular)
	bold := read("bold", fc.Bold)
	italic := read("italic", fc.Italic)
	if reg == nil || (fc.Bold != "" && bold == nil) || (fc.Italic != "" && italic == nil) {
		return fonts.Default()
	}
	set, err := fonts.New(fonts.CompanyFamily, reg, bold, italic)
	if err != nil {
		path := "company.fonts"
		ps.addAt(path, path, "%s", fontProblem(fc.Regular, fc.Regular, err))
		return fonts.Default()
	}
	// What the company's fonts lack (the Latin letters of a CJK font, say)
	// is drawn with the built-in Liberation Sans.
	return set.WithFallback(fonts.Default())
}

// fontProblem words a font file's problem: the file as written, then what
// is wrong and what to do.
func fontProblem(name, full string, err error) string {
	if errors.Is(err, fonts.ErrRead) {
		var inner error = err
		if u := errors.Unwrap(err); u != nil {
			inner = u
		}
		if strings.Contains(inner.Error(), "no such file") {
			return fmt.Sprintf("file %q not found (looked for %s)", name, full)
		}
		return fmt.Sprintf("cannot read %q: %v", name, err)
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, full+" ")
	return fmt.Sprintf("%q %s", name, msg)
}

// checkGlyphs reports every decoded string with characters the document
// fonts cannot draw.
func checkGlyphs(c *Config, ps *problems) {
	set := c.FontSet
	name := builtinFontName
	if set != fonts.Default() {
		name = fmt.Sprintf("the company font (company.fonts: %s) or the built-in Liberation Sans", c.Company.Fonts.Regular)
	}
	builtin := set == fonts.Default()
	for _, t := range c.texts {
		if builtin && plainASCII(t.s) {
			continue // Liberation Sans draws printable ASCII
		}
		if msg := checkText(t.s, set.Covers, name); msg != "" {
			ps.add(t.line, t.path, "%s", msg)
		}
	}
	c.texts = nil // checked once; a large company has one per text
}

// plainASCII reports whether s is printable ASCII and line breaks only.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; (b < 0x20 || b > 0x7E) && b != '\n' {
			return false
		}
	}
	return true
}
