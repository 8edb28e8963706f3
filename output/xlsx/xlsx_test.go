package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/golden"
)

var xlsxTestDate = time.Unix(1700000000, 0).UTC()

// xlsxTestModel resolves one of the example configs.
func xlsxTestModel(t testing.TB, name string) *generator.Model {
	t.Helper()
	cfg, err := generator.Load("../../examples/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "letter", Date: xlsxTestDate, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// xlsxBuildOpen builds the workbook of m and opens it again.
func xlsxBuildOpen(t testing.TB, m *generator.Model) (*excelize.File, []byte) {
	t.Helper()
	data, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, data
}

// xlsxDump is a text dump of every non-empty cell of every sheet, as
// displayed (number formats applied), with hyperlinks.
func xlsxDump(t testing.TB, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fmt.Fprintf(&b, "%s\t%q", cell, v)
				if ok, link, _ := f.GetCellHyperLink(sheet, cell); ok {
					fmt.Fprintf(&b, " -> %s", link)
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

var xlsxWantSheets = []string{"Overview", "Ladder", "Competencies", "Roles", "Responsibilities", "Comparison", "Org Chart", "Pay bands", "Compliance"}

func TestXLSXGolden(t *testing.T) {
	for _, name := range []string{"company", "small-business"} {
		t.Run(name, func(t *testing.T) {
			f, _ := xlsxBuildOpen(t, xlsxTestModel(t, name))
			if got := f.GetSheetList(); !slices.Equal(got, xlsxWantSheets) {
				t.Fatalf("sheets %v, want %v", got, xlsxWantSheets)
			}
			golden.Check(t, "testdata/"+name+".txt", []byte(xlsxDump(t, f)))
		})
	}
}

func TestXLSXDeterministic(t *testing.T) {
	m := xlsxTestModel(t, "company")
	a, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	b, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same model differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	// Every part is stamped with the model's day (a valid zip date;
	// excelize's zero stamp reads as 1980-00-00).
	day := time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.Equal(day) || zf.ModifiedDate != 0x576e || zf.ModifiedTime != 0 {
			t.Errorf("%s stamped %v (DOS date %#x time %#x), want %v", zf.Name, zf.Modified, zf.ModifiedDate, zf.ModifiedTime, day)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("zip parts not sorted: %v", names)
	}
	// A different date changes the document properties, and only them.
	m.Settings.Date = xlsxTestDate.Add(24 * time.Hour)
	c, err := BuildWorkbook(m)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Error("the date does not reach the workbook")
	}
}

func TestXLSXLayout(t *testing.T) {
	m := xlsxTestModel(t, "company")
	f, _ := xlsxBuildOpen(t, m)

	freezeCols := map[string]int{"Overview": 0, "Ladder": 2, "Competencies": 1, "Roles": 2, "Responsibilities": 0, "Comparison": 2, "Org Chart": 1, "Pay bands": 3, "Compliance": 1}
	filtered := map[string]bool{"Ladder": true, "Competencies": true, "Roles": true, "Comparison": true, "Org Chart": true, "Pay bands": true, "Compliance": true}
	names := f.GetDefinedName()
	defined := func(name, scope string) string {
		for _, d := range names {
			if d.Name == name && d.Scope == scope {
				return d.RefersTo
			}
		}
		return ""
	}
	for _, sheet := range xlsxWantSheets {
		t.Run(sheet, func(t *testing.T) {
			p, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Freeze || p.YSplit != 1 || p.XSplit != freezeCols[sheet] {
				t.Errorf("panes %+v, want frozen header row and %d columns", p, freezeCols[sheet])
			}
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 || *pl.Size != xlsxPaperLetter {
				t.Errorf("page layout %s, fit %dx%d, size %d", *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight, *pl.Size)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Error("fit to page is off: the print scaling is ignored")
			}
			if got, want := defined("_xlnm.Print_Titles", sheet), fmt.Sprintf("'%s'!$1:$1", sheet); got != want {
				t.Errorf("print titles %q, want %q", got, want)
			}
			if got := defined("_xlnm._FilterDatabase", sheet); (got != "") != filtered[sheet] {
				t.Errorf("auto filter %q, want one: %v", got, filtered[sheet])
			}
			hf, err := f.GetHeaderFooter(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(hf.OddHeader, m.Company.Name) || !strings.Contains(hf.OddFooter, "&P of &N") {
				t.Errorf("header %q footer %q", hf.OddHeader, hf.OddFooter)
			}

			// The header row: brand fill, bold, wrapped, top.
			st := xlsxStyleOf(t, f, sheet, "A1")
			if len(st.Fill.Color) != 1 || !strings.EqualFold(strings.TrimPrefix(st.Fill.Color[0], "#"), "1F4E79") || st.Fill.Pattern != 1 {
				t.Errorf("header fill %+v, want the brand colour", st.Fill)
			}
			if st.Font == nil || !st.Font.Bold || !strings.EqualFold(st.Font.Color, "FFFFFF") {
				t.Errorf("header font %+v, want bold white", st.Font)
			}
			if st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "top" && sheet != "Overview" {
				t.Errorf("header alignment %+v", st.Alignment)
			}
			// Body text: wrapped and aligned top.
			bodyCell := "B3"
			if sheet == "Org Chart" {
				bodyCell = "C3" // B is the numeric tier
			}
			body := xlsxStyleOf(t, f, sheet, bodyCell)
			if sheet == "Compliance" {
				// No law applies to the example on its date: the sheet
				// holds a note; TestXLSXCompliance checks its body rows.
				body = xlsxStyleOf(t, f, sheet, "A2")
			}
			if body.Alignment == nil || !body.Alignment.WrapText || body.Alignment.Vertical != "top" {
				t.Errorf("%s alignment %+v, want wrapped, top", bodyCell, body.Alignment)
			}
			// Columns are sized within bounds.
			for c := 1; c <= 2; c++ {
				col, _ := excelize.ColumnNumberToName(c)
				w, err := f.GetColWidth(sheet, col)
				if err != nil || w < xlsxMinColWidth || w > xlsxOverviewTextWidth {
					t.Errorf("column %s width %v (%v)", col, w, err)
				}
			}
		})
	}

	// The Responsibilities table with its filter buttons.
	tables, err := f.GetTables("Responsibilities")
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Responsibilities")
	if len(tables) != 1 || tables[0].Name != xlsxRespTable || tables[0].Range != fmt.Sprintf("A1:F%d", len(rows)) {
		t.Fatalf("tables %+v, want one over A1:F%d", tables, len(rows))
	}

	// Pay cells are numbers in a currency format.
	for _, c := range []struct{ sheet, cell, raw, shown, format string }{
		{"Roles", "M2", "210000", "$210,000", `"$"#,##0`},
		{"Roles", "N2", "260000", "$260,000", `"$"#,##0`},
		{"Ladder", "G3", "62000", "$62,000", `"$"#,##0`},
		{"Ladder", "H10", "270000", "$270,000", `"$"#,##0`},
	} {
		if got := xlsxRaw(t, f, c.sheet, c.cell); got != c.raw {
			t.Errorf("%s!%s raw %q, want %q", c.sheet, c.cell, got, c.raw)
		}
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.shown {
			t.Errorf("%s!%s shows %q, want %q", c.sheet, c.cell, got, c.shown)
		}
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s type %v, want a number", c.sheet, c.cell, typ)
		}
		st := xlsxStyleOf(t, f, c.sheet, c.cell)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != c.format {
			t.Errorf("%s!%s number format %v, want %s", c.sheet, c.cell, st.CustomNumFmt, c.format)
		}
	}
	// A role without pay has empty pay cells.
	if got, _ := f.GetCellValue("Roles", "M6"); got != "$100,000" {
		t.Errorf("ops-mgr-warehouse pays the OPS-5 band: got %q", got)
	}

	// Hyperlinks: each role to its PDF, the Overview to each sheet.
	for i, r := range m.Roles {
		cell := fmt.Sprintf("Q%d", i+2)
		ok, link, err := f.GetCellHyperLink("Roles", cell)
		if err != nil || !ok || link != "job-descriptions/"+r.ID+".pdf" {
			t.Errorf("Roles!%s link %v %q %v", cell, ok, link, err)
		}
	}
	links := map[string]bool{}
	for row := 1; row < 40; row++ {
		cell := fmt.Sprintf("A%d", row)
		if ok, link, _ := f.GetCellHyperLink("Overview", cell); ok {
			links[link] = true
		}
	}
	for _, sheet := range xlsxWantSheets[1:] {
		if !links["'"+sheet+"'!A1"] {
			t.Errorf("the Overview does not link to %s: %v", sheet, links)
		}
	}

	// Document properties from the model.
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if dp.Created != "2023-11-14T22:13:20Z" || dp.Modified != dp.Created || dp.Creator != "jdgen test" || !strings.Contains(dp.Title, m.Company.Name) {
		t.Errorf("doc props %+v", dp)
	}

	// Org chart: indented by depth, children in order under their manager.
	for _, c := range []struct {
		cell, title string
		indent      int
	}{
		{"A2", "Chief Executive Officer", 0},
		{"A3", "Chief Operating Officer", 1},
		{"A4", "Vice President of Operations", 2},
		{"A5", "Director of Operations, Supply Chain", 3},
		{"A6", "Warehouse Operations Manager", 4},
		{"A7", "Night Shift Operations Supervisor", 5},
		{"A8", "Returns Operations Manager", 4},
	} {
		if got, _ := f.GetCellValue("Org Chart", c.cell); got != c.title {
			t.Errorf("Org Chart!%s = %q, want %q", c.cell, got, c.title)
		}
		st := xlsxStyleOf(t, f, "Org Chart", c.cell)
		if st.Alignment == nil || st.Alignment.Indent != c.indent {
			t.Errorf("Org Chart!%s indent %+v, want %d", c.cell, st.Alignment, c.indent)
		}
	}

	// Rows are tall enough for their wrapped text.
	h, err := f.GetRowHeight("Ladder", 5)
	if err != nil || h < 8*xlsxLineHeight {
		t.Errorf("Ladder row 5 is %v points tall (%v): its promotion text does not fit", h, err)
	}
}

func xlsxStyleOf(t testing.TB, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func xlsxRaw(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestXLSXComparisonAlwaysShowsSeedLevels(t *testing.T) {
	f, _ := xlsxBuildOpen(t, xlsxTestModel(t, "small-business"))
	rows, err := f.GetRows("Comparison")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	var order []string
	for _, r := range rows[1:] {
		got[r[0]] = r
		order = append(order, r[0])
	}
	if want := []string{"OPS-9", "OPS-8", "OPS-6", "OPS-4", "OPS-1"}; !slices.Equal(order, want) {
		t.Fatalf("levels %v, want %v (most senior first, seeds included)", order, want)
	}
	coo := got["OPS-9"]
	if coo[1] != "Chief Operating Officer" || coo[2] != xlsxNoRoles || coo[3] == "" || coo[8] != "Chief Executive Officer" {
		t.Errorf("COO row %q", coo)
	}
	// Configured roles show their real managers: this VP reports to the
	// CEO (there is no COO), the manager to the VP.
	if vp := got["OPS-8"]; vp[2] != "Vice President of Operations" || vp[8] != "Chief Executive Officer" {
		t.Errorf("VP row %q", vp)
	}
	if mgr := got["OPS-4"]; mgr[2] != "Warehouse and Fulfillment Manager" || mgr[8] != "Vice President of Operations" {
		t.Errorf("Manager row %q", mgr)
	}
	for _, r := range rows[1:] {
		for c := 3; c <= 8; c++ {
			if c < len(r) && r[c] == "" || c >= len(r) {
				t.Errorf("%s has no %s", r[0], rows[0][c])
			}
		}
	}
}

func TestXLSXFormulaInjection(t *testing.T) {
	m := xlsxTestModel(t, "company")
	evil := []string{`=HYPERLINK("http://example.invalid","x")`, "+1+1", "-2-2", "@SUM(A1:A2)", "=1+1"}
	r := &m.Roles[0]
	r.OwnLevel() // its department, focus and location are shared with other roles
	r.OwnTerms()
	r.Title = evil[0]
	r.Department = evil[1]
	r.Location = evil[2]
	r.Focus = evil[3]
	m.Company.Name = evil[4]
	for i := range r.Responsibilities[:4] {
		r.Responsibilities[i].Text = evil[i+1]
		r.Responsibilities[i].Area = evil[i]
	}
	f, _ := xlsxBuildOpen(t, m)
	want := map[string]bool{}
	for _, e := range evil {
		want[e] = true
	}
	seen := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				formula, err := f.GetCellFormula(sheet, cell)
				if err != nil || formula != "" {
					t.Errorf("%s!%s holds formula %q (%v)", sheet, cell, formula, err)
				}
				if want[v] {
					seen[v] = true
					typ, _ := f.GetCellType(sheet, cell)
					if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
						t.Errorf("%s!%s = %q is stored as %v, want text", sheet, cell, v, typ)
					}
				}
			}
		}
	}
	for _, e := range evil {
		if !seen[e] {
			t.Errorf("%q was not written back as the same text", e)
		}
	}
	if got, _ := f.GetCellValue("Roles", "B2"); got != evil[0] {
		t.Errorf("Roles!B2 = %q, want the title as written", got)
	}
	if got, _ := f.GetCellValue("Responsibilities", "F2"); got != evil[1] {
		t.Errorf("Responsibilities!F2 = %q, want the text as written", got)
	}
}

func TestXLSXPayFormats(t *testing.T) {
	for _, c := range []struct {
		currency string
		cents    bool
		suffix   string
		want     string
	}{
		{"USD", false, "", `"$"#,##0`},
		{"USD", true, "", `"$"#,##0.00`},
		{"EUR", true, "", `"€"#,##0.00`},
		{"GBP", false, " per hour", `"£"#,##0" per hour"`},
		{"SEK", false, "", `#,##0" SEK"`},
		{"CHF", false, "", `"CHF "#,##0`},
	} {
		if got := xlsxMoneyFormat(c.currency, c.cents, c.suffix); got != c.want {
			t.Errorf("xlsxMoneyFormat(%s, %v, %q) = %s, want %s", c.currency, c.cents, c.suffix, got, c.want)
		}
	}
	if xlsxHasCents(1500.5, "JPY") || !xlsxHasCents(29.5, "USD") || xlsxHasCents(29, "USD") {
		t.Error("xlsxHasCents")
	}

	// Hourly pay with cents, a band per hour and a currency without symbol.
	m := xlsxTestModel(t, "company")
	night := &m.Roles[slices.IndexFunc(m.Roles, func(r generator.Role) bool { return r.ID == "ops-supervisor-night" })]
	night.Salary.Min = 29.5
	lv := &m.Ladder.Levels[2] // OPS-3
	lv.Pay = &generator.Pay{Min: 600000, Max: 700000, Currency: "SEK", Period: "year"}
	m.Ladder.Levels[0].Pay = &generator.Pay{Min: 21.25, Max: 25, Currency: "USD", Period: "hour"}
	f, _ := xlsxBuildOpen(t, m)
	row := slices.IndexFunc(m.Roles, func(r generator.Role) bool { return r.ID == "ops-supervisor-night" }) + 2
	for _, c := range []struct{ sheet, cell, raw, shown string }{
		{"Roles", fmt.Sprintf("M%d", row), "29.5", "$29.50"},
		{"Roles", fmt.Sprintf("N%d", row), "36", "$36.00"},
		{"Ladder", "G4", "600000", "600,000 SEK"},
		{"Ladder", "G2", "21.25", "$21.25 per hour"},
	} {
		if got := xlsxRaw(t, f, c.sheet, c.cell); got != c.raw {
			t.Errorf("%s!%s raw %q, want %q", c.sheet, c.cell, got, c.raw)
		}
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.shown {
			t.Errorf("%s!%s shows %q, want %q", c.sheet, c.cell, got, c.shown)
		}
	}
	if got, _ := f.GetCellValue("Roles", fmt.Sprintf("P%d", row)); got != "Per hour" {
		t.Errorf("period %q", got)
	}
}

func TestXLSXLightBrandColour(t *testing.T) {
	m := xlsxTestModel(t, "small-business")
	m.Company.BrandColor = "#FFD966"
	f, _ := xlsxBuildOpen(t, m)
	st := xlsxStyleOf(t, f, "Roles", "A1")
	if st.Font == nil || !strings.EqualFold(st.Font.Color, "000000") {
		t.Errorf("header font on a light brand colour: %+v, want black", st.Font)
	}
	m.Company.BrandColor = "not a colour"
	if _, err := BuildWorkbook(m); err != nil {
		t.Errorf("a bad brand colour falls back to the default: %v", err)
	}
}

func TestXLSXStep(t *testing.T) {
	m := xlsxTestModel(t, "small-business")
	step := CareerLadderStep(Options{})
	if step.Name != "career ladder" {
		t.Errorf("step name %q", step.Name)
	}
	var files []generator.File
	err := step.Run(context.Background(), m, func(f generator.File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name != "career-ladder.xlsx" {
		t.Fatalf("files %v", files)
	}
	// The step hands the workbook over as a stream, built while it is
	// written (TestXLSXStreamed).
	if !files[0].Streamed() {
		t.Errorf("the step's file has Data of %d bytes; want a Stream", len(files[0].Data))
	}
	want, _ := BuildWorkbook(m)
	if !bytes.Equal(files[0].Content(), want) || files[0].Size() != len(want) {
		t.Error("the step and BuildWorkbook disagree")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := step.Run(ctx, m, func(generator.File) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
	if _, err := BuildWorkbook(nil); !errors.Is(err, ErrWorkbookNoModel) {
		t.Errorf("nil model: %v", err)
	}
}

// xlsxLargeModel has n roles: a chain of depth deep under the first, a
// manager with wide direct reports, and the rest under the chain's end.
func xlsxLargeModel(t testing.TB, n, deep, wide int) *generator.Model {
	t.Helper()
	base := xlsxTestModel(t, "company")
	proto := base.Roles[slices.IndexFunc(base.Roles, func(r generator.Role) bool { return r.ID == "ops-mgr-returns" })]
	m := &generator.Model{Company: base.Company, Ladder: base.Ladder, Settings: base.Settings}
	m.Roles = make([]generator.Role, n)
	for i := range m.Roles {
		r := proto
		r.OwnReporting() // each role gets its own manager
		r.ID = fmt.Sprintf("role-%05d", i)
		r.Title = fmt.Sprintf("Operations Manager %d", i)
		r.DirectReports = nil
		r.DirectReportHeadcount = 0
		switch {
		case i == 0:
			r.ReportsTo, r.ReportsToTitle, r.Depth = "board", "Board of Directors", 0
		case i <= deep:
			r.ReportsTo, r.Depth = m.Roles[i-1].ID, i
		case i <= deep+wide:
			r.ReportsTo, r.Depth = m.Roles[0].ID, 1
		default:
			r.ReportsTo, r.Depth = m.Roles[deep].ID, deep+1
		}
		m.Roles[i] = r
	}
	idx := map[string]int{}
	for i, r := range m.Roles {
		idx[r.ID] = i
	}
	for i := 1; i < n; i++ {
		mgr := &m.Roles[idx[m.Roles[i].ReportsTo]]
		m.Roles[i].ReportsToTitle = mgr.Title
		mgr.DirectReports = append(mgr.DirectReports, m.Roles[i].ID)
		mgr.DirectReportHeadcount += m.Roles[i].Headcount
	}
	for i := range m.Ladder.Levels {
		m.Ladder.Levels[i].Roles = nil
		if m.Ladder.Levels[i].Code == proto.Level {
			for _, r := range m.Roles {
				m.Ladder.Levels[i].Roles = append(m.Ladder.Levels[i].Roles, r.ID)
			}
		}
	}
	return m
}

func TestXLSXLarge(t *testing.T) {
	const n, deep, wide = 10000, 500, 5000
	m := xlsxLargeModel(t, n, deep, wide)
	f, data := xlsxBuildOpen(t, m)
	t.Logf("%d roles: %d KB", n, len(data)/1024)

	roles, err := f.GetRows("Roles")
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) != n+1 {
		t.Errorf("Roles has %d rows, want %d", len(roles), n+1)
	}
	resp, err := f.GetRows("Responsibilities")
	if err != nil {
		t.Fatal(err)
	}
	if want := n*len(m.Roles[0].Responsibilities) + 1; len(resp) != want {
		t.Errorf("Responsibilities has %d rows, want %d", len(resp), want)
	}
	org, err := f.GetRows("Org Chart")
	if err != nil {
		t.Fatal(err)
	}
	if len(org) != n+2 || org[1][0] != "Board of Directors" || org[2][0] != m.Roles[0].Title {
		t.Fatalf("Org Chart has %d rows, starting %q", len(org), org[1:3])
	}
	// Depth first: the whole chain comes right after its head, then the
	// rest under the chain's end, then the wide fan-out.
	if org[2+deep][0] != m.Roles[deep].Title || org[2+deep][1] != fmt.Sprint(deep+1) {
		t.Errorf("row %d is %q, want the end of the chain at tier %d", 3+deep, org[2+deep][:2], deep+1)
	}
	st := xlsxStyleOf(t, f, "Org Chart", fmt.Sprintf("A%d", 3+deep))
	if st.Alignment == nil || st.Alignment.Indent != xlsxMaxIndent {
		t.Errorf("deep rows are indented %+v, want the cap %d", st.Alignment, xlsxMaxIndent)
	}
	// The ladder lists a bounded number of roles in one cell.
	ladder, _ := f.GetRows("Ladder")
	for _, row := range ladder[1:] {
		if len(row) > 8 && strings.Count(row[8], "\n") > xlsxMaxListed {
			t.Errorf("%s lists %d roles in one cell", row[0], strings.Count(row[8], "\n")+1)
		}
	}
}

func TestXLSXEmptyAndA4(t *testing.T) {
	m := xlsxTestModel(t, "small-business")
	m.Roles = nil
	for i := range m.Ladder.Levels {
		m.Ladder.Levels[i].Roles = nil
	}
	m.Settings.Paper = "a4"
	f, _ := xlsxBuildOpen(t, m)
	rows, err := f.GetRows("Comparison")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Errorf("an empty structure still compares the four seed levels: %d rows", len(rows))
	}
	if tables, _ := f.GetTables("Responsibilities"); len(tables) != 1 {
		t.Errorf("tables %v", tables)
	}
	pl, err := f.GetPageLayout("Roles")
	if err != nil || *pl.Size != xlsxPaperA4 {
		t.Errorf("paper %v (%v), want A4", *pl.Size, err)
	}
}

func TestXLSXHeaderText(t *testing.T) {
	if got := xlsxHeaderText("Bramble & Stone", "Roles"); got != "&LBramble && Stone&RRoles" {
		t.Errorf("header %q", got)
	}
	long := strings.Repeat("A & B ", 100)
	got := xlsxHeaderText(long, "Org Chart")
	if n := utf8.RuneCountInString(got); n > xlsxHeaderFooterMax || !strings.HasSuffix(got, "…&ROrg Chart") {
		t.Errorf("long header: %d characters: %q", n, got)
	}
	if strings.Count(got, "&")%2 != 0 {
		t.Errorf("a lone & is left in %q", got)
	}
	m := xlsxTestModel(t, "small-business")
	m.Company.Name = long
	if _, err := BuildWorkbook(m); err != nil {
		t.Errorf("long company name: %v", err)
	}
}

func TestXLSXWrapEstimate(t *testing.T) {
	if n := xlsxWrapLines("short", 20, 0, false, xlsxFontSize); n != 1 {
		t.Errorf("short text: %d lines", n)
	}
	if n := xlsxWrapLines("one\ntwo\nthree", 20, 0, false, xlsxFontSize); n != 3 {
		t.Errorf("three paragraphs: %d lines", n)
	}
	long := strings.Repeat("word ", 40) // about 200 characters
	n := xlsxWrapLines(long, 30, 0, false, xlsxFontSize)
	if n < 5 || n > 9 {
		t.Errorf("200 characters in a 30-wide column: %d lines", n)
	}
	if m := xlsxWrapLines(long, 30, 5, false, xlsxFontSize); m <= n {
		t.Errorf("indentation does not narrow the line: %d vs %d", m, n)
	}
	if n := xlsxWrapLines(strings.Repeat("x", 500), 10, 0, false, xlsxFontSize); n < 5 {
		t.Errorf("an unbreakable word: %d lines", n)
	}
	if w := xlsxTextWidth("OPS-4", true); w < 4 || w > 8 {
		t.Errorf("width of OPS-4: %v", w)
	}
}

// TestXLSXManyRolesPerLevel: a level held by hundreds of roles with long
// titles must still fit Excel's tallest row (409 points).
func TestXLSXManyRolesPerLevel(t *testing.T) {
	m := xlsxBigModel(t, 1000)
	f, _ := xlsxBuildOpen(t, m)
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r := range rows {
			h, err := f.GetRowHeight(sheet, r+1)
			if err != nil || h > xlsxMaxRowHeight {
				t.Errorf("%s row %d: height %v (%v)", sheet, r+1, h, err)
			}
		}
	}
}

// A British company's workbook is British throughout: the Overview's own
// prose (what each sheet shows, how to read it) is spelt as its headers
// and role text are.
func TestXLSXOverviewSpelling(t *testing.T) {
	f, _ := xlsxBuildOpen(t, xlsxTestModel(t, "british-company"))
	dump := xlsxDump(t, f)
	overview := dump[:strings.Index(dump[3:], "\n== ")+3]
	if !strings.Contains(overview, "organisational impact") {
		t.Errorf("the British Overview does not say \"organisational impact\":\n%s", overview)
	}
	for _, us := range []string{"organizational", "Organizational"} {
		if strings.Contains(dump, us) {
			t.Errorf("the British workbook says %q", us)
		}
	}
}
