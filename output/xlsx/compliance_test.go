package xlsx

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/golden"
)

// xlsxComplianceModel resolves the done-when scenario (Denver, New York
// City, Toronto, Milan, London, US-remote) on 2026-12-02.
func xlsxComplianceModel(t testing.TB) *generator.Model {
	t.Helper()
	cfg, err := generator.Load("../../testdata/compliance-done-when/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "letter", Date: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestXLSXCompliance(t *testing.T) {
	m := xlsxComplianceModel(t)
	f, _ := xlsxBuildOpen(t, m)
	rows, err := f.GetRows(xlsxSheetCompliance)
	if err != nil {
		t.Fatal(err)
	}
	var dump strings.Builder
	for _, r := range rows {
		dump.WriteString(strings.Join(r, "\t") + "\n")
	}
	golden.Check(t, "testdata/compliance.txt", []byte(dump.String()))

	// One row per role x jurisdiction x requirement, in model order.
	want := 0
	for _, r := range m.Roles {
		if r.Compliance == nil {
			continue
		}
		for _, j := range r.Compliance.Jurisdictions {
			want += len(j.Requirements)
		}
	}
	if want < 20 {
		t.Fatalf("the scenario has only %d requirements", want)
	}
	header := rows[0]
	if strings.Join(header, "|") != "Role ID|Role title|Location|Jurisdiction|Jurisdiction name|Law|Why it applies|Requirement|Status|Detail|Confidence|Source|Rule checked" {
		t.Errorf("header %v", header)
	}
	body := rows[1 : 1+want]
	counts := map[string]int{}
	for _, r := range body {
		if len(r) != len(header) {
			t.Fatalf("row %v has %d cells", r, len(r))
		}
		counts[r[8]]++
		if r[11] == "" || r[12] != "2026-12-02" {
			t.Errorf("row without source or checked date: %v", r)
		}
		if r[0] == "london-analyst" {
			t.Errorf("London has no rule but has a row: %v", r)
		}
	}
	if counts["met"] == 0 || counts["missing"] == 0 || counts["met"]+counts["missing"]+counts["exempt"]+counts["check"] != want {
		t.Errorf("statuses %v", counts)
	}
	// The filter covers the table, not the note under it.
	if got := xlsxFilterRef(t, f); got != "'Compliance'!$A$1:$M$"+strconv.Itoa(want+1) {
		t.Errorf("auto filter %q", got)
	}
	if last := rows[len(rows)-1]; !strings.Contains(last[0], "not legal advice") || !strings.Contains(last[0], m.PayLaw.Version) {
		t.Errorf("last row %v, want the rules note", last)
	}
	// Missing is bold, so it stands out when printed.
	miss := ""
	for i, r := range body {
		if r[8] == "missing" {
			miss = "I" + strconv.Itoa(i+2)
			break
		}
	}
	if st := xlsxStyleOf(t, f, xlsxSheetCompliance, miss); st.Font == nil || !st.Font.Bold {
		t.Errorf("%s is not bold", miss)
	}
	if st := xlsxStyleOf(t, f, xlsxSheetCompliance, "J2"); st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "top" {
		t.Errorf("body cells are not wrapped and top-aligned: %+v", st.Alignment)
	}
}

func xlsxFilterRef(t testing.TB, f *excelize.File) string {
	t.Helper()
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == xlsxSheetCompliance {
			return d.RefersTo
		}
	}
	return ""
}
