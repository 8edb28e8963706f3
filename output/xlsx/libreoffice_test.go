//go:build libreoffice

package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/pdftext"
)

// TestPayBandsChartInLibreOffice converts the main example's workbook to
// PDF with LibreOffice and checks the Pay bands page carries the chart: its
// title, currency axis labels and level categories. Run by .ci/run after it
// installs libreoffice-calc-nogui:
//
//	go test -tags libreoffice ./output/xlsx -run LibreOffice
func TestPayBandsChartInLibreOffice(t *testing.T) {
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Fatal("libreoffice not installed (apt-get install -y libreoffice-calc-nogui)")
	}
	data, err := BuildWorkbook(xlsxTestModel(t, "company"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "career-ladder.xlsx")
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "career-ladder.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pdftext.Pages(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var chart string
	for _, p := range pages {
		if strings.Contains(p, "Pay bands, USD per year") {
			chart = p
		}
	}
	if chart == "" {
		t.Fatal("no page shows the chart title")
	}
	for _, want := range []string{"$100,000", "$250,000", "OPS-2", "OPS-9", "Management", "Executive", "Midpoint", "Roles' highest pay"} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart page lacks %q", want)
		}
	}
}
