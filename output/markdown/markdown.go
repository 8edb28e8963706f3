// Package markdown renders the postings as CommonMark (postings/<id>.md),
// for pasting into an applicant tracking system: the same sections as the
// web page and the PDF, from the same document model (output/posting).
//
// Text from the config stays text: characters that would start emphasis,
// code, links, HTML or a block (a heading, list or quote at the start of a
// line) are backslash-escaped; nothing else is, so the text still reads
// well where Markdown is shown raw.
package markdown

import (
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/output/posting"
)

// Options configure the Markdown postings step. It is empty for now.
type Options struct{}

// PostingsStep renders postings/<id>.md for every open role.
func PostingsStep(o Options) generator.Step {
	return generator.Step{
		Name: "Markdown postings",
		Run: func(ctx context.Context, m *generator.Model, emit generator.Sink) error {
			for _, r := range posting.Open(m) {
				if err := ctx.Err(); err != nil {
					return err
				}
				// One slot of the run's worker budget while rendering.
				release, err := generator.Acquire(ctx)
				if err != nil {
					return err
				}
				f := generator.File{Name: path.Join(posting.Dir, r.ID+".md"), Data: Render(posting.Build(m, r))}
				release()
				if err := emit(f); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

// Render writes one posting as CommonMark.
func Render(d posting.Document) []byte {
	var b strings.Builder
	b.WriteString("# " + Escape(d.Title) + "\n\n")
	for i, f := range d.Facts {
		b.WriteString("**" + Escape(f.Label) + ":** " + Escape(f.Value))
		if i < len(d.Facts)-1 {
			b.WriteString("\\") // a hard line break
		}
		b.WriteString("\n")
	}
	for _, s := range d.Sections {
		b.WriteString("\n## " + Escape(s.Heading) + "\n")
		for _, p := range s.Paragraphs {
			b.WriteString("\n" + Escape(p) + "\n")
		}
		list(&b, s.Items)
		for _, g := range s.Groups {
			b.WriteString("\n### " + Escape(g.Heading) + "\n")
			list(&b, g.Items)
		}
	}
	return []byte(b.String())
}

func list(b *strings.Builder, items []string) {
	if len(items) == 0 {
		return
	}
	b.WriteString("\n")
	for _, it := range items {
		b.WriteString("- " + Escape(it) + "\n")
	}
}

// inlineSpecial are the characters that can start inline structure
// anywhere: escapes, code, emphasis, links and images, and (in GitHub's
// dialect, which many tools use) strikethrough and table cells. "<", "&"
// and "#" are escaped only where they would matter (see Escape).
const inlineSpecial = "\\`*_[]~|"

// entityRe matches the start of an entity or character reference.
var entityRe = regexp.MustCompile(`^&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)`)

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// blockStart matches what makes a line a block other than a paragraph: a
// heading, quote, list item, thematic break, setext underline or code fence.
var blockStart = regexp.MustCompile(`^(>|[-+*=]|\d{1,9}[.)])`)

// Escape makes text safe for a Markdown paragraph, list item or heading:
// inline specials are backslash-escaped, a block marker at its start is
// escaped, white space (line breaks included) becomes single spaces, and
// a leading indent (a code block) is dropped.
func Escape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		var next rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r < 0x80 && strings.ContainsRune(inlineSpecial, r),
			// raw HTML and autolinks: "<b>", "</x>", "<!--", "<?", "<http:..>"
			r == '<' && (next == '/' || next == '!' || next == '?' || isASCIILetter(next)),
			// entity and character references: "&amp;", "&#60;"
			r == '&' && entityRe.MatchString(string(rs[i:])),
			// a heading's closing sequence: "Title #"
			r == '#' && (i == 0 || rs[i-1] == ' '):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if m := blockStart.FindString(out); m != "" {
		// Escape the marker's last character: "\#", "\-", "1\.".
		out = m[:len(m)-1] + "\\" + out[len(m)-1:]
	}
	return out
}
