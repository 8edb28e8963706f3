package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/pdftext"
)

// TestPDFExtractRenderedRole reads a rendered job description back with
// internal/pdftext, including the string escapes fpdf writes.
func TestPDFExtractRenderedRole(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	r := pdfExampleRole(t, m, "ops-analyst")
	// Č Ċ Ĩ ĩ Ŝ are drawn as the UTF-16 bytes 01 0C, 01 0A, 01 28, 01 29
	// and 01 5C: a raw line feed and the escapes \( \) and \\ in the string.
	r.Responsibilities[0].Text = `Checks (daily) the Č Ċ Ĩ ĩ Ŝ codes \ and reports them.`
	doc := BuildJobDescription(m, r)
	var heading, item string
	for _, s := range doc.Sections {
		if s.ID == JDResponsibilities {
			heading, item = s.Heading, s.Blocks[0].Groups[0].Items[0]
		}
	}
	if item != r.Responsibilities[0].Text {
		t.Fatalf("first responsibility is %q", item)
	}
	packed, pages := pdfRenderRole(t, m, r, false)
	plain, _ := pdfRenderRole(t, m, r, true)
	for _, esc := range []string{`\(`, `\)`, `\\`, "\x01\n"} {
		if !bytes.Contains(plain, []byte(esc)) {
			t.Errorf("the content stream has no %q to decode", esc)
		}
	}
	text, err := pdftext.Text(packed)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := pdftext.Text(plain); err != nil || again != text {
		t.Errorf("uncompressed render reads differently (err %v):\n%s", err, again)
	}
	if !strings.HasPrefix(text, "Northwind Logistics JOB DESCRIPTION\n"+r.Title+"\n") {
		t.Errorf("text does not start with the header and title:\n%.200s", text)
	}
	at := 0
	for _, w := range []string{r.Title, heading, item} {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q not found in order after offset %d:\n%s", w, at, text)
		}
		at += i + len(w)
	}
	// Pages come back in order, one form feed after each.
	pageTexts := strings.Split(text, "\f")
	if len(pageTexts) != pages+1 || pageTexts[pages] != "" {
		t.Fatalf("%d form feeds for %d pages", len(pageTexts)-1, pages)
	}
	for i, p := range pageTexts[:pages] {
		footer := fmt.Sprintf("Northwind Logistics · %s · Page %d of %d\n", r.Title, i+1, pages)
		if !strings.HasSuffix(p, footer) {
			t.Errorf("page %d does not end with %q:\n%s", i+1, footer, p)
		}
	}
}
