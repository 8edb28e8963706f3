package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// pdfxBuild writes a minimal PDF of the given numbered objects; streams
// are "stream" entries, compressed when their dictionary says FlateDecode.
func pdfxBuild(t *testing.T, objs []string, streams map[int]string) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n")
	for i, o := range objs {
		n := i + 1
		s, ok := streams[n]
		if !ok {
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, o)
			continue
		}
		data := []byte(s)
		if strings.Contains(o, "FlateDecode") {
			var z bytes.Buffer
			zw := zlib.NewWriter(&z)
			if _, err := zw.Write(data); err != nil {
				t.Fatal(err)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			data = z.Bytes()
		}
		fmt.Fprintf(&b, "%d 0 obj\n<<%s /Length %d>>\nstream\n%s\nendstream\nendobj\n", n, o, len(data), data)
	}
	b.WriteString("trailer\n<</Root 1 0 R>>\n%%EOF\n")
	return b.Bytes()
}

func TestPDFExtractOperators(t *testing.T) {
	// Page objects are in reverse order of the /Kids array, the second page's
	// content is compressed, and the font is a simple one-byte font.
	data := pdfxBuild(t, []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [4 0 R 3 0 R] /Count 2 /Resources <</Font <</F1 5 0 R>>>>>>",
		"<</Type /Page /Parent 2 0 R /Contents 7 0 R>>",
		"<</Type /Page /Parent 2 0 R /Contents [6 0 R]>>",
		"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
		"",
		"/Filter /FlateDecode",
	}, map[int]string{
		6: "BT /F1 10 Tf 12 TL 72 700 Td (Hello) Tj ( world) Tj\n" +
			"T* [(Gap)-2000(ped)-300(Ke)-20(rned)] TJ\n" +
			"T* (Line\\040two) Tj ET\n" +
			"q 1 0 0 1 0 -50 cm BT 72 700 Td (\\(paren\\) back\\\\slash \\101\\102C \\0618 (nested)) Tj Q ET\n" +
			"BT 72 638 Td (tab\\there) Tj (next) ' 1 0 (quo\\\nte) \" <20 48 65 78 21> Tj ET",
		7: "BT /F1 10 Tf 72 700 Td (Second) Tj 7 -2 Td (page) Tj ET",
	})
	got, err := Text(data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Hello world\nGap ped Kerned\nLine two\n(paren) back\\slash ABC 18 (nested)\ntab\there\nnext\nquote Hex!\n\f" +
		"Second page\n\f"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestPagesAndUnreadable(t *testing.T) {
	data := pdfxBuild(t, []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources <</Font <</F1 5 0 R>>>>>>",
		"<</Type /Page /Parent 2 0 R /Contents 6 0 R>>",
		"<</Type /Page /Parent 2 0 R /Contents 7 0 R>>",
		"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
		"",
		"",
	}, map[int]string{
		6: "BT /F1 10 Tf 72 700 Td (One) Tj ET",
		7: "BT /F1 10 Tf 72 700 Td (Two) Tj ET",
	})
	pages, err := Pages(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0] != "One\n" || pages[1] != "Two\n" {
		t.Errorf("pages = %q", pages)
	}
	for _, bad := range [][]byte{nil, []byte("not a pdf"), []byte("1 0 obj\n<</Filter /LZWDecode /Length 1>>\nstream\nx\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>")} {
		if _, err := Text(bad); !errors.Is(err, ErrUnreadable) {
			t.Errorf("Text(%.20q) err = %v, want ErrUnreadable", bad, err)
		}
		if _, err := Pages(bad); !errors.Is(err, ErrUnreadable) {
			t.Errorf("Pages(%.20q) err = %v, want ErrUnreadable", bad, err)
		}
	}
}
