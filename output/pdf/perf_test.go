package pdf

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
	"github.com/jdgen/jdgen/internal/fonts"
)

// Tests of what makes rendering fast: the plain-text shortcut of the text
// check, the wrap cache and the checks before the parallel step.

// TestPDFPlainTextCovered: pdfPlainText may skip the font lookup because
// every printable ASCII character is drawn by every face.
func TestPDFPlainTextCovered(t *testing.T) {
	for r := rune(0x20); r <= 0x7E; r++ {
		if !fonts.Covers(r) {
			t.Errorf("%q is not covered, but pdfPlainText accepts it", r)
		}
	}
	for _, s := range []string{"\t", "\x7F", "é", "\r", "a\x00"} {
		if pdfPlainText(s) {
			t.Errorf("pdfPlainText(%q) = true", s)
		}
	}
}

// TestPDFCheckMatchesClean: pdfCheckDocument reports what
// pdfCleanDocument does, message for message, and says a document is
// clean exactly when cleaning leaves it as it is.
func TestPDFCheckMatchesClean(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	var docs []JDDocument
	for i := range m.Roles {
		docs = append(docs, BuildJobDescription(m, &m.Roles[i]))
	}
	decomposed := "Cafe\u0301 logistics"
	edits := []func(d *JDDocument){
		func(d *JDDocument) { d.Title = "Head of 東京 hub" },
		func(d *JDDocument) { d.Subtitle = decomposed },
		func(d *JDDocument) { d.Meta.Keywords = "tab\there" },
		func(d *JDDocument) { d.Sections[0].Heading = "Position 🚚" },
		func(d *JDDocument) { d.Sections[1].Blocks[0].Text = decomposed },
		func(d *JDDocument) { d.Sections[1].Blocks[0].Text = "e\u0301 then ✓" },
		func(d *JDDocument) {
			rows := d.Sections[0].Blocks[0].Rows
			rows[1].Label = "Leve\u0301l"
			rows[1].Value = "OPS-4 ₹"
		},
		func(d *JDDocument) {
			for i := range d.Sections {
				for j := range d.Sections[i].Blocks {
					if b := &d.Sections[i].Blocks[j]; b.Kind == JDGroups {
						b.Groups[0].Heading = "Pla\u0301nning"
						b.Groups[0].Items = append([]string{"ok"}, "uses \u05D0")
						return
					}
				}
			}
		},
		func(d *JDDocument) { d.Company = decomposed; d.Title = "\x01" },
	}
	for i, e := range edits {
		d := BuildJobDescription(m, &m.Roles[i%len(m.Roles)])
		e(&d)
		docs = append(docs, d)
	}
	for i, d := range docs {
		cleaned, errClean := pdfCleanDocument(d, fonts.Default())
		clean, errCheck := pdfCheckDocument(d, fonts.Default())
		if (errClean == nil) != (errCheck == nil) || (errClean != nil && errClean.Error() != errCheck.Error()) {
			t.Errorf("doc %d: clean says %v, check says %v", i, errClean, errCheck)
			continue
		}
		if errCheck != nil {
			if !errors.Is(errCheck, ErrUnrenderable) {
				t.Errorf("doc %d: %v does not wrap ErrUnrenderable", i, errCheck)
			}
			continue
		}
		if same := reflect.DeepEqual(cleaned, d); same != clean {
			t.Errorf("doc %d: check says clean=%v, cleaning changed it: %v", i, clean, !same)
		}
	}
}

// TestPDFPageDims: the page sizes laid out without an fpdf document are
// fpdf's own.
func TestPDFPageDims(t *testing.T) {
	for _, size := range []string{"Letter", "A4"} {
		pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: size})
		fw, fh := pdf.GetPageSize()
		if w, h := pdfPageDims(size); w != fw || h != fh {
			t.Errorf("%s: %v x %v, fpdf says %v x %v", size, w, h, fw, fh)
		}
	}
}

// TestPDFRendererCacheSameBytes: a renderer that reuses wrapped text
// between documents, with a cache large or tiny (turning over all the
// time), makes exactly the bytes of a fresh render, in any order.
func TestPDFRendererCacheSameBytes(t *testing.T) {
	m := pdfBigModel(t, 40)
	for _, paper := range []string{"letter", "a4"} {
		o := JDRenderOptions{Paper: paper, Date: m.Settings.Date}
		want := make([][]byte, len(m.Roles))
		for i := range m.Roles {
			data, err := RenderJobDescription(BuildJobDescription(m, &m.Roles[i]), o)
			if err != nil {
				t.Fatal(err)
			}
			want[i] = data
		}
		for _, size := range []int{pdfWrapCacheSize, 16} {
			r := newPDFRenderer(o)
			r.cache = newPDFWrapCache(size)
			order := make([]int, 0, 2*len(m.Roles))
			for i := range m.Roles {
				order = append(order, i)
			}
			for i := len(m.Roles) - 1; i >= 0; i-- {
				order = append(order, i)
			}
			for _, i := range order {
				got, _, err := r.render(BuildJobDescription(m, &m.Roles[i]))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want[i]) {
					t.Fatalf("%s, cache %d: %s differs from a fresh render", paper, size, m.Roles[i].ID)
				}
			}
			if n := len(r.cache.cur) + len(r.cache.old); n > 2*size {
				t.Errorf("cache of %d per generation holds %d entries", size, n)
			}
		}
	}
}

// pdfBigModel resolves a generated company of n roles.
func pdfBigModel(t *testing.T, n int) *generator.Model {
	t.Helper()
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, n); err != nil {
		t.Fatal(err)
	}
	return pdfModelFromYAML(t, buf.String(), "letter")
}

// TestPDFStepLowestBadRole: with bad text in several roles, the step
// reports the first in config order, emits nothing, whatever the workers.
func TestPDFStepLowestBadRole(t *testing.T) {
	m := pdfBigModel(t, 120)
	summaries := make([]string, len(m.Roles))
	for i := range m.Roles {
		summaries[i] = m.Roles[i].Summary
	}
	for _, bad := range [][]int{{90, 33}, {119}, {0, 1, 2}, {7, 8, 100, 101}} {
		for i := range m.Roles {
			m.Roles[i].OwnText() // texts are shared between roles
			m.Roles[i].Summary = summaries[i]
		}
		for _, i := range bad {
			m.Roles[i].Summary += " ✓"
		}
		first := slices.Min(bad)
		for _, w := range []int{1, 2, 3, 8} {
			files, _, err := pdfCollect(t, context.Background(), m, w)
			if !errors.Is(err, ErrUnrenderable) {
				t.Fatalf("bad %v, workers %d: %v", bad, w, err)
			}
			if want := "role " + m.Roles[first].ID + ":"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("bad %v, workers %d: %q does not start with %q", bad, w, err, want)
			}
			if len(files) != 0 {
				t.Errorf("bad %v, workers %d: %d files emitted", bad, w, len(files))
			}
		}
	}
}
