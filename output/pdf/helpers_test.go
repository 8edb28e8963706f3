package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts"
	_ "github.com/jdgen/jdgen/internal/golden" // registers -update
)

// pdfTestDate is the fixed date of every test render.
var pdfTestDate = time.Unix(1700000000, 0).UTC()

// pdfExampleModel resolves examples/company.yaml at the given paper size.
func pdfExampleModel(t testing.TB, paper string) *generator.Model {
	t.Helper()
	return pdfModelFromFile(t, "../../examples/company.yaml", paper)
}

func pdfModelFromFile(t testing.TB, file, paper string) *generator.Model {
	t.Helper()
	cfg, err := generator.Load(file)
	if err != nil {
		t.Fatalf("Load(%s): %v", file, err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: paper, Date: pdfTestDate, Version: "test"})
	if err != nil {
		t.Fatalf("Resolve(%s): %v", file, err)
	}
	return m
}

// pdfModelFromYAML resolves a config given as text.
func pdfModelFromYAML(t testing.TB, yaml, paper string) *generator.Model {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "company.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return pdfModelFromFile(t, file, paper)
}

// pdfRenderRole builds and renders one role of m, returning bytes and pages.
func pdfRenderRole(t testing.TB, m *generator.Model, r *generator.Role, uncompressed bool) ([]byte, int) {
	t.Helper()
	var logo *Logo
	if len(m.Company.Logo) > 0 {
		var err error
		if logo, err = NewLogo(m.Company.Logo); err != nil {
			t.Fatal(err)
		}
	}
	data, st, err := pdfRender(BuildJobDescription(m, r), JDRenderOptions{
		Paper: m.Settings.Paper, Date: m.Settings.Date, Logo: logo, Uncompressed: uncompressed, Fonts: m.Company.Fonts,
	})
	if err != nil {
		t.Fatalf("render %s: %v", r.ID, err)
	}
	if testing.Verbose() {
		t.Logf("%s: %d pages, last page %.0f%% full", r.ID, st.pages, 100*st.lastFill)
	}
	return data, st.pages
}

var pdfPageObj = regexp.MustCompile(`/Type /Page\b[^s]`)

// pdfCountPages counts the page objects in a PDF.
func pdfCountPages(data []byte) int {
	return len(pdfPageObj.FindAll(data, -1))
}

// pdfDump writes data to $JDGEN_PDF_DUMP/name when that variable is set, for
// looking at the output by hand.
func pdfDump(t testing.TB, name string, data []byte) {
	dir := os.Getenv("JDGEN_PDF_DUMP")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pdfUTF16 is s as fpdf writes it in an uncompressed content stream.
func pdfUTF16(s string) []byte {
	var b bytes.Buffer
	for _, r := range s {
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return b.Bytes()
}

// pdfTestLayout is a letter-size layout with the built-in fonts.
func pdfTestLayout() *pdfLayout {
	w, err := pdfWidthsOf(fonts.Default())
	if err != nil {
		panic(err) // the built-in fonts parse: TestDefaultFaces
	}
	return newPDFLayout(612, 792, pdfDefaultBrand, nil, w)
}
