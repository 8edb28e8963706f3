package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
)

// payCell reads a cell's raw value (no number format) as a number.
func payCell(t *testing.T, f *excelize.File, cell string) float64 {
	t.Helper()
	typ, err := f.GetCellType(xlsxSheetPayBands, cell)
	if err != nil {
		t.Fatal(err)
	}
	if formula, _ := f.GetCellFormula(xlsxSheetPayBands, cell); formula != "" {
		t.Fatalf("%s holds a formula %q", cell, formula)
	}
	raw, err := f.GetCellValue(xlsxSheetPayBands, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
		t.Fatalf("%s = %q (type %v), want a number", cell, raw, typ)
	}
	return v
}

// payRow finds the row whose column A and C hold level and role id ("" for
// the level's own row).
func payRow(t *testing.T, f *excelize.File, level, id string) int {
	t.Helper()
	rows, err := f.GetRows(xlsxSheetPayBands)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 2 && r[0] == level && r[2] == id {
			return i + 1
		}
		if id == "" && len(r) > 1 && r[0] == level && (len(r) < 3 || r[2] == "") {
			return i + 1
		}
	}
	t.Fatalf("no row for %s %s", level, id)
	return 0
}

func cellAt(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col+1, row)
	return c
}

// TestPayBandsFigures checks the main example's figures against ones
// worked out by hand from its ladder.bands and salaries.
func TestPayBandsFigures(t *testing.T) {
	f, _ := xlsxBuildOpen(t, xlsxTestModel(t, "company"))
	near := func(cell string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", cell, got, want)
		}
	}
	type level struct {
		code                    string
		min, mid, max, spread   float64
		progression, overlap    float64
		hasProgression, isEmpty bool
	}
	levels := []level{
		// OPS-2 62,000-78,000: mid 70,000; spread 16/62; to OPS-3 (mid
		// 79,000) 79/70-1; OPS-3 starts at 70,000: 8,000 of 16,000 overlap.
		{code: "OPS-2", min: 62000, mid: 70000, max: 78000, spread: 16.0 / 62, progression: 79.0/70 - 1, overlap: 0.5, hasProgression: true},
		// OPS-4 85,000-110,000: mid 97,500; to OPS-5 (100,000-128,000, mid
		// 114,000): 114/97.5-1; overlap 10,000 of 25,000.
		{code: "OPS-4", min: 85000, mid: 97500, max: 110000, spread: 25.0 / 85, progression: 114/97.5 - 1, overlap: 0.4, hasProgression: true},
		// OPS-6 130,000-170,000: no OPS-7 band, so the next is OPS-8
		// (170,000-220,000, mid 195,000): 195/150-1; they touch at 170,000.
		{code: "OPS-6", min: 130000, mid: 150000, max: 170000, spread: 40.0 / 130, progression: 195.0/150 - 1, overlap: 0, hasProgression: true},
		// OPS-9 200,000-270,000, the top: no progression.
		{code: "OPS-9", min: 200000, mid: 235000, max: 270000, spread: 70.0 / 200},
	}
	for _, lv := range levels {
		r := payRow(t, f, lv.code, "")
		near(lv.code+" min", payCell(t, f, cellAt(xlsxPayColMin, r)), lv.min)
		near(lv.code+" mid", payCell(t, f, cellAt(xlsxPayColMid, r)), lv.mid)
		near(lv.code+" max", payCell(t, f, cellAt(xlsxPayColMax, r)), lv.max)
		near(lv.code+" spread", payCell(t, f, cellAt(xlsxPayColSpread, r)), lv.spread)
		if lv.hasProgression {
			near(lv.code+" progression", payCell(t, f, cellAt(xlsxPayColProgression, r)), lv.progression)
			near(lv.code+" overlap", payCell(t, f, cellAt(xlsxPayColOverlap, r)), lv.overlap)
		} else if v, _ := f.GetCellValue(xlsxSheetPayBands, cellAt(xlsxPayColProgression, r)); v != "" {
			t.Errorf("%s is the top band but shows a progression %q", lv.code, v)
		}
	}
	// Roles: dir-supply-chain 140,000-170,000 in OPS-6 (mid 150,000):
	// compa-ratio 155/150; ops-mgr-returns is paid the OPS-4 band: 1.
	r := payRow(t, f, "OPS-6", "dir-supply-chain")
	near("dir-supply-chain mid", payCell(t, f, cellAt(xlsxPayColMid, r)), 155000)
	near("dir-supply-chain compa", payCell(t, f, cellAt(xlsxPayColCompa, r)), 155.0/150)
	r = payRow(t, f, "OPS-4", "ops-mgr-returns")
	near("ops-mgr-returns compa", payCell(t, f, cellAt(xlsxPayColCompa, r)), 1)
	// The hourly night supervisor is not compared with the yearly OPS-3 band.
	r = payRow(t, f, "OPS-3", "ops-supervisor-night")
	if v, _ := f.GetCellValue(xlsxSheetPayBands, cellAt(xlsxPayColCompa, r)); v != "" {
		t.Errorf("hourly role under a yearly band has compa-ratio %q", v)
	}
	// Level cells wear their ladder band's tint, as the org chart's boxes do.
	for code, tint := range map[string]string{"OPS-2": "E2F3F1", "OPS-4": "FBEFD9", "OPS-9": "EEE6F4"} {
		id, err := f.GetCellStyle(xlsxSheetPayBands, cellAt(xlsxPayColLevel, payRow(t, f, code, "")))
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || len(st.Fill.Color) != 1 || st.Fill.Color[0] != tint {
			t.Errorf("%s level cell fill %+v, want %s", code, st.Fill, tint)
		}
	}
	// Formats: currency and percent, shown as people read them.
	r = payRow(t, f, "OPS-2", "")
	for col, want := range map[int]string{xlsxPayColMin: "$62,000", xlsxPayColSpread: "25.81%", xlsxPayColOverlap: "50.00%"} {
		if got, _ := f.GetCellValue(xlsxSheetPayBands, cellAt(col, r)); got != want {
			t.Errorf("OPS-2 column %d shows %q, want %q", col, got, want)
		}
	}
}

// chartSeries are the series of a chart part: chart type -> series names'
// cell references and value references.
type chartXML struct {
	Bar []struct {
		Grouping struct {
			Val string `xml:"val,attr"`
		} `xml:"grouping"`
		Series []chartSer `xml:"ser"`
	} `xml:"chart>plotArea>barChart"`
	Line []struct {
		Series []chartSer `xml:"ser"`
	} `xml:"chart>plotArea>lineChart"`
	Title  string `xml:"chart>title>tx>rich>p>r>t"`
	Legend []struct {
		Idx struct {
			Val string `xml:"val,attr"`
		} `xml:"idx"`
		Delete struct {
			Val string `xml:"val,attr"`
		} `xml:"delete"`
	} `xml:"chart>legend>legendEntry"`
}

type chartSer struct {
	Name   string `xml:"tx>strRef>f"`
	Values string `xml:"val>numRef>f"`
	Color  struct {
		Val   string `xml:"val,attr"`
		Alpha struct {
			Val string `xml:"val,attr"`
		} `xml:"alpha"`
	} `xml:"spPr>solidFill>srgbClr"`
	Symbol struct {
		Val string `xml:"val,attr"`
	} `xml:"marker>symbol"`
}

func readCharts(t *testing.T, data []byte) map[string]chartXML {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]chartXML{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		var c chartXML
		if err := xml.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		out[zf.Name] = c
	}
	return out
}

// TestPayBandsChart: the chart part is in the workbook, with an invisible
// base series, one bar series per ladder band in its colour, and markers
// for the midpoint and the roles' lowest and highest pay.
func TestPayBandsChart(t *testing.T) {
	f, data := xlsxBuildOpen(t, xlsxTestModel(t, "company"))
	charts := readCharts(t, data)
	c, ok := charts["xl/charts/chart1.xml"]
	if !ok || len(charts) != 1 {
		t.Fatalf("chart parts %v, want xl/charts/chart1.xml only", len(charts))
	}
	if len(c.Bar) != 1 || c.Bar[0].Grouping.Val != "stacked" || len(c.Line) != 1 {
		t.Fatalf("want one stacked bar chart and one line chart: %+v", c)
	}
	if c.Title != "Pay bands, USD per year" {
		t.Errorf("title %q", c.Title)
	}
	bars := c.Bar[0].Series
	if len(bars) != 4 {
		t.Fatalf("%d bar series, want base + three bands", len(bars))
	}
	if bars[0].Color.Alpha.Val != "0" {
		t.Errorf("base series is visible: %+v", bars[0])
	}
	if len(c.Legend) != 1 || c.Legend[0].Idx.Val != "0" || c.Legend[0].Delete.Val != "1" {
		t.Errorf("the base series is not hidden from the legend: %+v", c.Legend)
	}
	name := func(ref string) string {
		cell := ref[strings.LastIndex(ref, "!")+1:]
		v, _ := f.GetCellValue(xlsxSheetPayBands, strings.ReplaceAll(cell, "$", ""))
		return v
	}
	wantBars := []string{"Band minimum", "Individual contributor", "Management", "Executive"}
	wantFill := []string{"FFFFFF", "2A9D8F", "D08C1A", "7B4FA0"}
	for i, s := range bars {
		if name(s.Name) != wantBars[i] || s.Color.Val != wantFill[i] {
			t.Errorf("bar series %d: %q fill %s, want %q fill %s", i, name(s.Name), s.Color.Val, wantBars[i], wantFill[i])
		}
	}
	lines := c.Line[0].Series
	wantLines := []string{"Midpoint", "Roles' lowest pay", "Roles' highest pay"}
	if len(lines) != len(wantLines) {
		t.Fatalf("%d marker series, want %d", len(lines), len(wantLines))
	}
	for i, s := range lines {
		if name(s.Name) != wantLines[i] || s.Symbol.Val == "" || s.Symbol.Val == "none" {
			t.Errorf("marker series %d: %q symbol %q", i, name(s.Name), s.Symbol.Val)
		}
	}
	// The values are the chart data below the table: seven levels have a
	// band (OPS-2..OPS-6, OPS-8, OPS-9); the midpoint column holds them.
	ref := lines[0].Values
	cells := strings.Split(ref[strings.LastIndex(ref, "!")+1:], ":")
	from, r1, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(cells[0], "$", ""))
	_, r2, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(cells[1], "$", ""))
	if r2-r1+1 != 7 {
		t.Fatalf("midpoint series %s covers %d levels, want 7", ref, r2-r1+1)
	}
	wantMid := []float64{70000, 79000, 97500, 114000, 150000, 195000, 235000}
	for i := range wantMid {
		v := payCell(t, f, cellAt(from-1, r1+i))
		if v != wantMid[i] {
			t.Errorf("midpoint %d = %v, want %v", i, v, wantMid[i])
		}
	}
}

// TestPayBandsOneChartPerCurrency: bands in two currencies and periods get
// a chart each; a company without bands gets a note and no chart.
func TestPayBandsOneChartPerCurrency(t *testing.T) {
	doc := `version: 1
company: {name: Acme}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, salary: {min: 240000, max: 300000, currency: CAD}}
  - {id: sup, template: operations-supervisor, reports_to: coo}
ladder:
  bands:
    OPS-3: {min: 27, max: 35, period: hour}
    OPS-8: {min: 170000, max: 225000}
    OPS-9: {min: 220000, max: 290000, currency: CAD}
`
	cfg, err := generator.Parse([]byte(doc), "company.yaml", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Date: xlsxTestDate})
	if err != nil {
		t.Fatal(err)
	}
	_, data := xlsxBuildOpen(t, m)
	charts := readCharts(t, data)
	var titles []string
	for i := 1; i <= len(charts); i++ {
		titles = append(titles, charts["xl/charts/chart"+strconv.Itoa(i)+".xml"].Title)
	}
	want := "Pay bands, USD per hour|Pay bands, USD per year|Pay bands, CAD per year"
	if strings.Join(titles, "|") != want {
		t.Errorf("charts %q, want %q", strings.Join(titles, "|"), want)
	}

	f, data := xlsxBuildOpen(t, xlsxTestModel(t, "small-business"))
	if n := len(readCharts(t, data)); n != 0 {
		t.Errorf("%d charts without bands", n)
	}
	if v, _ := f.GetCellValue(xlsxSheetPayBands, "B2"); v != xlsxPayNoBands {
		t.Errorf("B2 = %q, want the no-bands note", v)
	}
}
