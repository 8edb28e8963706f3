package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// File-structure checks on real job descriptions (issue #15; fpdf patches
// 3-6 in third_party/fpdf/PATCHES.md): what PDFBox's PDF/A preflight
// flagged in every file before.

var (
	pdfTrailerID   = regexp.MustCompile(`trailer\n<<[^>]*/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]`)
	pdfOutlineRoot = regexp.MustCompile(`(\d+) 0 obj\n<</Type /Outlines /First \d+ 0 R\n/Last \d+ 0 R /Count (\d+)>>`)
	pdfOutlineItem = regexp.MustCompile(`<</Title [^\n]*\n/Parent (\d+) 0 R\n`)
)

func TestJobDescriptionFileStructure(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	ids := map[string]string{}
	for i := range m.Roles[:3] {
		r := &m.Roles[i]
		data, _ := pdfRenderRole(t, m, r, false)
		again, _ := pdfRenderRole(t, m, r, false)

		lines := bytes.SplitN(data, []byte("\n"), 3)
		if !bytes.HasPrefix(lines[0], []byte("%PDF-1.")) || len(lines[1]) < 5 || lines[1][0] != '%' ||
			lines[1][1] < 128 || lines[1][2] < 128 || lines[1][3] < 128 || lines[1][4] < 128 {
			t.Errorf("%s: header %q %q, want %%PDF-1.x then a binary comment", r.ID, lines[0], lines[1])
		}

		id := pdfTrailerID.FindSubmatch(data)
		if id == nil {
			t.Fatalf("%s: trailer has no /ID", r.ID)
		}
		if again := pdfTrailerID.FindSubmatch(again); again == nil || !bytes.Equal(again[1], id[1]) {
			t.Errorf("%s: /ID differs between two renders", r.ID)
		}
		if other, dup := ids[string(id[1])]; dup {
			t.Errorf("%s and %s share /ID %s", r.ID, other, id[1])
		}
		ids[string(id[1])] = r.ID

		if bytes.Contains(data, []byte("/EmbeddedFiles")) {
			t.Errorf("%s: has an EmbeddedFiles tree without attachments", r.ID)
		}

		root := pdfOutlineRoot.FindSubmatch(data)
		if root == nil {
			t.Fatalf("%s: no outline root with /Count", r.ID)
		}
		top := 0
		for _, item := range pdfOutlineItem.FindAllSubmatch(data, -1) {
			if string(item[1]) == string(root[1]) {
				top++
			}
		}
		if n, _ := strconv.Atoi(string(root[2])); n != top || top == 0 {
			t.Errorf("%s: outline root /Count %s, want its %d top-level items", r.ID, root[2], top)
		}
	}
}
