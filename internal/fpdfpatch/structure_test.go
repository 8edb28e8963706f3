package fpdfpatch

// Tests for jdgen's file-structure patches to fpdf (patches 3-6 in
// third_party/fpdf/PATCHES.md, issue #15). Each test names the patch it
// covers and checks the bytes a reader relies on.

import (
	"bytes"
	"regexp"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

var (
	outlineRootRe = regexp.MustCompile(`/Type /Outlines [^>]*/Count (-?\d+)>>`)
	outlineItemRe = regexp.MustCompile(`(?s)<</Title \(([^)]*)\).*?/Count (-?\d+)>>`)
)

var trailerIDRe = regexp.MustCompile(`/ID \[<([0-9a-f]{32})> ?<([0-9a-f]{32})>\]`)

// fixedDoc is a new A4 document in unit whose bytes depend only on what
// is drawn: sorted catalog, fixed dates (documents made a second apart
// must be identical).
func fixedDoc(unit string) *fpdf.Fpdf {
	pdf := fpdf.New("P", unit, "A4", "")
	pdf.SetCatalogSort(true)
	fixed := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pdf.SetCreationDate(fixed)
	pdf.SetModificationDate(fixed)
	return pdf
}

// jdgenDoc builds a small fixed document; extra runs before output.
func jdgenDoc(t *testing.T, extra func(*fpdf.Fpdf)) []byte {
	t.Helper()
	pdf := fixedDoc("mm")
	pdf.SetFont("Helvetica", "", 12)
	pdf.AddPage()
	pdf.Cell(40, 10, "Hello")
	if extra != nil {
		extra(pdf)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes()
}

// Patch 3: the second line is a comment of four bytes above 127.
func TestJdgenPatchBinaryCommentAfterHeader(t *testing.T) {
	b := jdgenDoc(t, nil)
	lines := bytes.SplitN(b, []byte("\n"), 3)
	if len(lines) < 3 || !bytes.HasPrefix(lines[0], []byte("%PDF-1.")) {
		t.Fatalf("first line %q is not a PDF header", lines[0])
	}
	c := lines[1]
	if len(c) < 5 || c[0] != '%' {
		t.Fatalf("second line %q is not a comment of at least four bytes", c)
	}
	for i, x := range c[1:5] {
		if x < 128 {
			t.Errorf("comment byte %d is %#x, want >= 0x80", i, x)
		}
	}
}

// Patch 4: the trailer carries an /ID of two 16-byte strings that depend
// on the content, not on the time of the build.
func TestJdgenPatchTrailerID(t *testing.T) {
	id := func(b []byte) []byte {
		t.Helper()
		i := bytes.LastIndex(b, []byte("trailer"))
		if i < 0 {
			t.Fatal("no trailer")
		}
		m := trailerIDRe.FindSubmatch(b[i:])
		if m == nil {
			t.Fatalf("trailer has no /ID of two 16-byte hex strings:\n%s", b[i:])
		}
		if !bytes.Equal(m[1], m[2]) {
			t.Errorf("first-build /ID halves differ: %s %s", m[1], m[2])
		}
		return m[1]
	}
	a := id(jdgenDoc(t, nil))
	time.Sleep(1100 * time.Millisecond) // a time-based ID would change here
	b := id(jdgenDoc(t, nil))
	if !bytes.Equal(a, b) {
		t.Errorf("same document, different /ID: %s then %s", a, b)
	}
	c := id(jdgenDoc(t, func(p *fpdf.Fpdf) { p.Cell(40, 10, "other") }))
	if bytes.Equal(a, c) {
		t.Errorf("different documents share /ID %s", a)
	}
}

// Patch 5: no EmbeddedFiles tree (nor an empty name dictionary) without
// attachments; with one, the tree is still written.
func TestJdgenPatchNoEmptyEmbeddedFiles(t *testing.T) {
	b := jdgenDoc(t, nil)
	for _, bad := range []string{"/EmbeddedFiles", "/Names"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("document without attachments has %s", bad)
		}
	}
	b = jdgenDoc(t, func(p *fpdf.Fpdf) {
		p.SetAttachments([]fpdf.Attachment{{Content: []byte("x"), Filename: "x.txt"}})
	})
	if !bytes.Contains(b, []byte("/EmbeddedFiles << /Names [")) {
		t.Error("document with an attachment lost its EmbeddedFiles tree")
	}
}

// Patch 6: the outline root has /Count (its top-level items); an item
// with children counts them negatively (closed), a leaf has /Count 0.
func TestJdgenPatchOutlineCount(t *testing.T) {
	b := jdgenDoc(t, func(p *fpdf.Fpdf) {
		p.Bookmark("One", 0, 0)
		p.Bookmark("One.a", 1, 5)
		p.Bookmark("One.b", 1, 10)
		p.Bookmark("Two", 0, 20)
		p.Bookmark("Three", 0, 30)
	})
	root := outlineRootRe.FindSubmatch(b)
	if root == nil {
		t.Fatalf("outline root has no /Count:\n%s", b)
	}
	if string(root[1]) != "3" {
		t.Errorf("outline root /Count %s, want 3", root[1])
	}
	want := map[string]string{"One": "-2", "One.a": "0", "One.b": "0", "Two": "0", "Three": "0"}
	got := map[string]string{}
	for _, m := range outlineItemRe.FindAllSubmatch(b, -1) {
		got[string(m[1])] = string(m[2])
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("item %q /Count %q, want %s", k, got[k], v)
		}
	}
}
