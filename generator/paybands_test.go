package generator

import (
	"math"
	"strings"
	"testing"
)

const bandsDoc = `version: 1
company: {name: Acme}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, salary: {min: 200000, max: 260000}}
  - {id: mgr-a, template: operations-manager, reports_to: coo, salary: {min: 90000, max: 100000}}
  - {id: mgr-b, template: operations-manager, reports_to: coo}
  - {id: sup, template: operations-supervisor, reports_to: mgr-a, salary: {min: 30, max: 36, period: hour}}
  - {id: coord, template: operations-coordinator, reports_to: sup}
ladder:
  bands:
    OPS-1: {min: 20, max: 25, period: hour}
    OPS-3: {min: 70000, max: 88000}
    OPS-4: {min: 85000, max: 110000}
    OPS-5: {min: 100000, max: 128000}
`

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestPayBandFigures checks the figures against hand-computed ones.
func TestPayBandFigures(t *testing.T) {
	m := parse(t, bandsDoc)
	bands := m.PayBands()
	if len(bands) != 4 {
		t.Fatalf("%d bands, want 4 (levels with a band only)", len(bands))
	}
	codes := []string{"OPS-1", "OPS-3", "OPS-4", "OPS-5"}
	for i, b := range bands {
		if b.Level.Code != codes[i] {
			t.Fatalf("band %d is %s, want %s", i, b.Level.Code, codes[i])
		}
	}
	ops1, ops3, ops4, ops5 := bands[0], bands[1], bands[2], bands[3]
	// OPS-1: hourly 20-25, mid 22.5, spread 5/20 = 25%; next is OPS-3
	// (yearly): not comparable, so no progression or overlap.
	if !near(ops1.Mid, 22.5) || !near(ops1.Spread, 0.25) || ops1.Next != ops3 || ops1.Comparable || ops1.Progression != 0 || ops1.Overlap != 0 {
		t.Errorf("OPS-1: %+v", *ops1)
	}
	// OPS-3: 70,000-88,000: mid 79,000, spread 18/70 = 25.714%;
	// progression to OPS-4 (mid 97,500) = 97.5/79 - 1 = 23.418%;
	// overlap 85,000-88,000 = 3,000 of 18,000 = 16.667%.
	if !near(ops3.Mid, 79000) || !near(ops3.Spread, 18.0/70) || !near(ops3.Progression, 97500.0/79000-1) || !near(ops3.Overlap, 3000.0/18000) {
		t.Errorf("OPS-3: mid %v spread %v progression %v overlap %v", ops3.Mid, ops3.Spread, ops3.Progression, ops3.Overlap)
	}
	// OPS-4: 85,000-110,000: mid 97,500, spread 29.412%; to OPS-5 (mid
	// 114,000): 16.923%; overlap 100,000-110,000 = 10,000 of 25,000 = 40%.
	if !near(ops4.Mid, 97500) || !near(ops4.Spread, 25.0/85) || !near(ops4.Progression, 114000.0/97500-1) || !near(ops4.Overlap, 0.4) {
		t.Errorf("OPS-4: mid %v spread %v progression %v overlap %v", ops4.Mid, ops4.Spread, ops4.Progression, ops4.Overlap)
	}
	if ops5.Next != nil || ops5.Progression != 0 {
		t.Errorf("OPS-5 is the top band: %+v", *ops5)
	}
	// Roles at OPS-4: mgr-a (own pay, mid 95,000, compa 95/97.5 = 0.97436)
	// and mgr-b (the band: compa 1).
	if len(ops4.Roles) != 2 {
		t.Fatalf("OPS-4 roles: %+v", ops4.Roles)
	}
	a, b := ops4.Roles[0], ops4.Roles[1]
	if a.ID != "mgr-a" || !a.OwnSalary || !a.Comparable || !near(a.Mid, 95000) || !near(a.CompaRatio, 95000.0/97500) {
		t.Errorf("mgr-a: %+v", a)
	}
	if b.ID != "mgr-b" || b.OwnSalary || !near(b.CompaRatio, 1) {
		t.Errorf("mgr-b: %+v", b)
	}
	// sup is paid by the hour under a yearly band: not comparable.
	if s := ops3.Roles[0]; s.ID != "sup" || s.Comparable || s.CompaRatio != 0 {
		t.Errorf("sup: %+v", s)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("a sound ladder warned: %v", m.Warnings)
	}
}

// TestPayChecks: each check fires with the levels and figures, and
// figures in different currencies or periods are never compared.
func TestPayChecks(t *testing.T) {
	doc := strings.Replace(bandsDoc, "OPS-5: {min: 100000, max: 128000}", "OPS-5: {min: 96000, max: 99000}", 1)
	doc = strings.Replace(doc, "salary: {min: 90000, max: 100000}", "salary: {min: 80000, max: 100000}", 1)
	m := parse(t, doc)
	var got []string
	for _, w := range m.Warnings {
		got = append(got, w.Path+": "+w.Message)
	}
	want := []string{
		"roles[1].salary: $80,000 – $100,000 per year is outside the OPS-4 band ($85,000 – $110,000 per year): the minimum is $5,000 below the band",
		// OPS-5 96,000-99,000: mid 97,500 = OPS-4's, spread 3.125%; it
		// covers 96,000-99,000 = 3,000 of OPS-4's 25,000 (12%): no overlap warning.
		"ladder.bands.OPS-5: the OPS-5 midpoint ($97,500) is not above the OPS-4 midpoint ($97,500); a higher level should pay more",
		"ladder.bands.OPS-5: the OPS-5 band ($96,000 – $99,000 per year) has a range spread of 3.1%; keep the spread, (max - min) / min, between 10% and 150%",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range m.Warnings {
		if w.Line < 2 || w.File != "company.yaml" {
			t.Errorf("warning without its place: %+v", w)
		}
	}
}

func TestPercent(t *testing.T) {
	for v, want := range map[float64]string{0.6: "60%", 0.125: "12.5%", 1.5: "150%", 0.02941: "2.9%", 0: "0%"} {
		if got := percent(v); got != want {
			t.Errorf("percent(%v) = %q, want %q", v, got, want)
		}
	}
}
