package orgchart

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/fonts/fontstest"
	"github.com/jdgen/jdgen/internal/pdftext"
)

func TestChartDrawsWithCompanyFontsThatOwnItsText(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "brand.ttf"), fontstest.CJK(), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := `version: 1
company: {name: Sakura Logistics, fonts: {regular: brand.ttf}}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, title: 最高執行責任者, location: "Tokyo, Japan", salary: {min: 100, max: 200, currency: JPY}}
`
	cfg, err := generator.Parse([]byte(doc), filepath.Join(dir, "company.yaml"), dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "a4", Date: testDate, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	if c.Fonts != m.Company.Fonts {
		t.Fatal("the chart is not drawn with the company's fonts, which draw all of its text")
	}
	data, err := Render(c, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Text(data)
	if err != nil || !strings.Contains(text, "最高執行責任者") {
		t.Errorf("the Japanese title does not come back from the PDF (%v)", err)
	}
}

func TestChartNotMadeWhenNoFontDrawsItsText(t *testing.T) {
	m := modelFrom(t, []byte(`version: 1
company: {name: Acme}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo}
  - {id: vp, template: vp-of-operations, reports_to: coo}
`))
	// As with a CJK company font without Latin letters: the chart's one
	// family cannot draw this title (validation has passed it for the
	// job descriptions, which mix fonts).
	m.Roles[1].Title = "倉庫マネージャー"
	m.Roles[1].Line = 5
	var warned []generator.Problem
	var files []string
	err := Step(func(p generator.Problem) { warned = append(warned, p) }).Run(context.Background(), m, func(f generator.File) error {
		files = append(files, f.Name)
		return nil
	})
	if err != nil || len(files) != 0 {
		t.Fatalf("err %v, files %v: want no chart and no error", err, files)
	}
	if len(warned) != 1 || warned[0].Path != "roles[1].title" || warned[0].Line != 5 || !strings.Contains(warned[0].Message, "org-chart.pdf was not made") {
		t.Errorf("warnings %+v", warned)
	}
	if err := Step(nil).Run(context.Background(), m, func(generator.File) error { return nil }); err == nil {
		t.Error("without a warning channel the step must fail, not drop the chart silently")
	}
}
