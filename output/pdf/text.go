package pdf

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jdgen/jdgen/internal/fonts"
)

// pdfCleanDocument returns a copy of d with every string NFC-normalised, or
// an error wrapping ErrUnrenderable naming the first character the
// embedded fonts cannot draw. Nothing that fails here ever reaches fpdf.
func pdfCleanDocument(d JDDocument, set *fonts.Set) (JDDocument, error) {
	// Most documents are plain ASCII or already NFC: check without
	// copying, and copy only when a string changes.
	if clean, err := pdfCheckDocument(d, set); err != nil || clean {
		return d, err
	}
	c := pdfCleaner{set: set, ascii: set.CoversASCII()}
	d.Company = c.text("company name", d.Company)
	d.Title = c.text("title", d.Title)
	d.Subtitle = c.text("header", d.Subtitle)
	d.Meta.Title = c.text("document title", d.Meta.Title)
	d.Meta.Author = c.text("document author", d.Meta.Author)
	d.Meta.Subject = c.text("document subject", d.Meta.Subject)
	d.Meta.Keywords = c.text("document keywords", d.Meta.Keywords)
	d.Meta.Creator = c.text("document creator", d.Meta.Creator)
	d.Sections = slices.Clone(d.Sections)
	for i := range d.Sections {
		s := &d.Sections[i]
		where := string(s.ID)
		s.Heading = c.text(where+" heading", s.Heading)
		s.Blocks = slices.Clone(s.Blocks)
		for j := range s.Blocks {
			b := &s.Blocks[j]
			b.Text = c.text(where, b.Text)
			b.Items = c.texts(where, b.Items)
			b.Rows = slices.Clone(b.Rows)
			for k := range b.Rows {
				b.Rows[k].Label = c.text(where, b.Rows[k].Label)
				b.Rows[k].Value = c.text(where+": "+b.Rows[k].Label, b.Rows[k].Value)
			}
			b.Groups = slices.Clone(b.Groups)
			for k := range b.Groups {
				g := &b.Groups[k]
				g.Heading = c.text(where, g.Heading)
				g.Items = c.texts(where+": "+g.Heading, g.Items)
			}
		}
	}
	if c.err != nil {
		return JDDocument{}, c.err
	}
	return d, nil
}

// pdfCheckDocument reports whether every string of d is NFC already, or an
// error wrapping ErrUnrenderable naming the first character the embedded
// fonts cannot draw, exactly as pdfCleanDocument does. It copies nothing,
// and plain ASCII strings cost one pass over their bytes.
func pdfCheckDocument(d JDDocument, set *fonts.Set) (clean bool, err error) {
	return pdfCheckDocumentRunes(d, set, nil)
}

// pdfCheckDocumentRunes is pdfCheckDocument, also adding every rune of the
// document's text to used (when not nil).
func pdfCheckDocumentRunes(d JDDocument, set *fonts.Set, used *pdfRuneSet) (clean bool, err error) {
	c := pdfChecker{clean: true, set: set, ascii: set.CoversASCII(), used: used}
	c.text("company name", d.Company)
	c.text("title", d.Title)
	c.text("header", d.Subtitle)
	c.text("document title", d.Meta.Title)
	c.text("document author", d.Meta.Author)
	c.text("document subject", d.Meta.Subject)
	c.text("document keywords", d.Meta.Keywords)
	c.text("document creator", d.Meta.Creator)
	for i := range d.Sections {
		s := &d.Sections[i]
		where := string(s.ID)
		if !c.ok(s.Heading) {
			c.fail(where+" heading", s.Heading)
		}
		for j := range s.Blocks {
			b := &s.Blocks[j]
			c.text(where, b.Text)
			for _, it := range b.Items {
				c.text(where, it)
			}
			for _, r := range b.Rows {
				c.text(where, r.Label)
				if !c.ok(r.Value) {
					// pdfCleaner names the row by its cleaned label.
					c.fail(where+": "+norm.NFC.String(r.Label), r.Value)
				}
			}
			for _, g := range b.Groups {
				c.text(where, g.Heading)
				for _, it := range g.Items {
					if !c.ok(it) {
						c.fail(where+": "+norm.NFC.String(g.Heading), it)
					}
				}
			}
		}
	}
	return c.clean, c.err
}

// pdfChecker checks strings the way pdfCleaner cleans them, building the
// "where" of a message only for a string that fails.
type pdfChecker struct {
	clean bool // every string so far is NFC
	err   error
	set   *fonts.Set
	ascii bool        // the set draws all of printable ASCII
	used  *pdfRuneSet // when not nil, collects the runes of every string
}

func (c *pdfChecker) text(where, s string) {
	if !c.ok(s) {
		c.fail(where, s)
	}
}

// ok reports whether s can be drawn as it is; when it cannot, or when it
// is not NFC, the caller is told to look closer (fail).
func (c *pdfChecker) ok(s string) bool {
	if c.used != nil {
		c.used.addString(s)
		if !norm.NFC.IsNormalString(s) {
			c.used.addString(norm.NFC.String(s))
		}
	}
	if c.err != nil || (c.ascii && pdfPlainText(s)) {
		return true
	}
	if norm.NFC.IsNormalString(s) && pdfCheckText(c.set, "", s) == nil {
		return true
	}
	return false
}

// fail records the outcome for a string that is not plain: an error, or a
// string that NFC changes.
func (c *pdfChecker) fail(where, s string) {
	if err := pdfCheckText(c.set, where, s); err != nil {
		c.err = err
		return
	}
	c.clean = false
}

// pdfPlainText reports whether s is only printable ASCII and line breaks:
// NFC already, and every character has a glyph (TestPDFPlainTextCovered).
func pdfPlainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; (b < 0x20 || b > 0x7E) && b != '\n' {
			return false
		}
	}
	return true
}

// pdfCleaner normalises strings and remembers the first unrenderable one.
type pdfCleaner struct {
	err   error
	set   *fonts.Set
	ascii bool // the set draws all of printable ASCII
}

func (c *pdfCleaner) texts(where string, ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = c.text(where, s)
	}
	return out
}

func (c *pdfCleaner) text(where, s string) string {
	if c.err != nil || (c.ascii && pdfPlainText(s)) {
		return s
	}
	if err := pdfCheckText(c.set, where, s); err != nil {
		c.err = err
		return s
	}
	return norm.NFC.String(s)
}

// pdfCheckText returns an error naming the first character of s that the
// fonts of set cannot draw once s is NFC-normalised.
func pdfCheckText(set *fonts.Set, where, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: invalid UTF-8 in %s", ErrUnrenderable, where)
	}
	n := norm.NFC.String(s)
	for _, r := range n {
		if r <= 0xFFFF && set.Covers(r) {
			continue
		}
		return fmt.Errorf("%w: %s (U+%04X) in %s: %q", ErrUnrenderable, pdfRuneName(r), r, where, pdfExcerpt(n, r))
	}
	return nil
}

// pdfRuneName shows a rune in quotes when it is printable.
func pdfRuneName(r rune) string {
	if r < 0x20 || r == 0x7F {
		return "control character"
	}
	return fmt.Sprintf("character %q", r)
}

// pdfExcerpt is up to 30 characters of s around the first r.
func pdfExcerpt(s string, r rune) string {
	rs := []rune(s)
	i := slices.Index(rs, r)
	lo, hi := max(0, i-15), min(len(rs), i+15)
	ex := string(rs[lo:hi])
	if lo > 0 {
		ex = "…" + ex
	}
	if hi < len(rs) {
		ex += "…"
	}
	return ex
}
