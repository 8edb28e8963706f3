package fpdf

// Tests for jdgen's patches to this copy (see PATCHES.md). Each test names
// the patch it covers and checks the bytes a reader relies on.

import (
	"bytes"
	"testing"
	"time"
)

// jdgenDoc builds a small fixed document; extra runs before output.
func jdgenDoc(t *testing.T, extra func(*Fpdf)) []byte {
	t.Helper()
	pdf := New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	fixed := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pdf.SetCreationDate(fixed)
	pdf.SetModificationDate(fixed)
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

// Patch 1: the second line is a comment of four bytes above 127.
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
