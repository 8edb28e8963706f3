package paylaw

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/internal/geo"
)

func table(t *testing.T) *Table {
	t.Helper()
	tb, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestTable checks the table's own rules: every row has a source and a
// checked date, codes are unique, dates parse, and every city rule names
// a US state.
func TestTable(t *testing.T) {
	tb := table(t)
	if _, err := time.Parse(dateLayout, tb.Version); err != nil {
		t.Errorf("version %q is not a date: %v", tb.Version, err)
	}
	if len(tb.Rules) < 25 {
		t.Errorf("%d rules; the table has lost rows", len(tb.Rules))
	}
	seen := map[string]bool{}
	for _, r := range tb.Rules {
		if seen[r.Code] {
			t.Errorf("duplicate code %s", r.Code)
		}
		seen[r.Code] = true
		if strings.TrimSpace(r.Source) == "" || r.Checked.IsZero() || r.Law == "" {
			t.Errorf("%s: source %q, checked %v, law %q", r.Code, r.Source, r.Checked, r.Law)
		}
		if r.Checked.Format(dateLayout) > tb.Version {
			t.Errorf("%s: checked %s after the table version %s", r.Code, r.Checked.Format(dateLayout), tb.Version)
		}
		if r.Effective.Year() < 2018 || r.Effective.Year() > 2030 {
			t.Errorf("%s: effective %s looks wrong", r.Code, r.Effective.Format(dateLayout))
		}
		if _, ok := r.Has(PayRange); !ok {
			if _, ok := r.Has(PayBeforeInterview); !ok {
				t.Errorf("%s asks for no pay at all", r.Code)
			}
		}
	}
	for _, code := range []string{"US-CO", "US-NY-NYC", "US-NJ-JC", "US-OH-CLE", "US-OH-CBUS", "US-NY-ITH", "CA-ON", "US-DE", "EU-IT"} {
		if !seen[code] {
			t.Errorf("the table has no %s", code)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	header := "# version: 2026-01-01\ncode,name,kind,country,region,cities,effective,threshold,threshold_scope,law,requires,remote,confidence,source,checked,notes\n"
	good := "US-CO,Colorado,state,US,US-CO,,2021-01-01,1,x,law,pay_range,open,high,src,2026-01-01,\n"
	if _, err := Parse(header + good); err != nil {
		t.Fatalf("good table refused: %v", err)
	}
	bad := map[string]string{
		"duplicate code":    header + good + good,
		"no source":         header + strings.Replace(good, ",src,", ",,", 1),
		"no checked date":   header + strings.Replace(good, "2026-01-01,\n", ",\n", 1),
		"bad date":          header + strings.Replace(good, "2021-01-01", "2021-13-01", 1),
		"unknown need":      header + strings.Replace(good, "pay_range", "pay_rnage", 1),
		"value missing":     header + strings.Replace(good, "pay_range", "max_spread", 1),
		"bad remote rule":   header + strings.Replace(good, ",open,", ",anywhere,", 1),
		"bad region":        header + strings.Replace(good, ",US-CO,,", ",CA-ON,,", 1),
		"no version":        strings.TrimPrefix(header, "# version: 2026-01-01\n") + good,
		"city without list": header + strings.Replace(good, ",state,", ",city,", 1),
		"short row":         header + "US-CO,Colorado\n",
	}
	for name, text := range bad {
		if _, err := Parse(text); !errors.Is(err, ErrBadTable) {
			t.Errorf("%s: got %v, want ErrBadTable", name, err)
		}
	}
}

func place(t *testing.T, s string) *geo.Place {
	t.Helper()
	p, err := geo.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return &p
}

func codes(ms []Match) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Rule.Code)
	}
	return strings.Join(out, " ")
}

func day(s string) time.Time {
	d, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func n(i int) *int { return &i }

func TestMatches(t *testing.T) {
	tb := table(t)
	after := day("2026-12-02")
	cases := []struct {
		name string
		f    Facts
		date time.Time
		want string
	}{
		{"state", Facts{Place: place(t, "Denver, CO"), Employees: n(140)}, after, "US-CO"},
		{"NYC is city and state", Facts{Place: place(t, "New York, NY"), Employees: n(140)}, after, "US-NY US-NY-NYC"},
		{"Brooklyn is NYC", Facts{Place: place(t, "Brooklyn, NY"), Employees: n(140)}, after, "US-NY US-NY-NYC"},
		{"Buffalo is the state only", Facts{Place: place(t, "Buffalo, NY"), Employees: n(140)}, after, "US-NY"},
		{"Ithaca", Facts{Place: place(t, "Ithaca, NY"), Employees: n(140)}, after, "US-NY US-NY-ITH"},
		{"Jersey City", Facts{Place: place(t, "Jersey City, NJ"), Employees: n(140)}, after, "US-NJ US-NJ-JC"},
		{"Cleveland", Facts{Place: place(t, "Cleveland, OH"), Employees: n(140)}, after, "US-OH-CLE"},
		{"Columbus", Facts{Place: place(t, "Columbus, OH"), Employees: n(140)}, after, "US-OH-CBUS"},
		{"Cincinnati has no posting rule", Facts{Place: place(t, "Cincinnati, OH"), Employees: n(140)}, after, ""},
		{"province", Facts{Place: place(t, "Toronto, ON"), Employees: n(140)}, after, "CA-ON"},
		{"Ontario before 2026", Facts{Place: place(t, "Toronto, ON"), Employees: n(140)}, day("2025-12-31"), ""},
		{"EU member", Facts{Place: place(t, "Milano, Italia"), Employees: n(140)}, after, "EU-IT"},
		{"EU member before transposition", Facts{Place: place(t, "Milan, Italy"), Employees: n(140)}, day("2026-06-06"), ""},
		{"UK has none", Facts{Place: place(t, "London, UK"), Employees: n(140)}, after, ""},
		{"Germany not transposed", Facts{Place: place(t, "Berlin, Germany"), Employees: n(140)}, after, ""},
		{"below Ontario's 25", Facts{Place: place(t, "Toronto, ON"), Employees: n(24)}, after, ""},
		{"below California's 15, above NYC's 4", Facts{Place: place(t, "Los Angeles, CA"), Employees: n(10)}, after, ""},
		{"NYC at 10", Facts{Place: place(t, "New York, NY"), Employees: n(10)}, after, "US-NY US-NY-NYC"},
		{"Delaware before 2027-09-26", Facts{Place: place(t, "Wilmington, DE, US"), Employees: n(140)}, day("2027-09-25"), ""},
		{"Delaware from 2027-09-26", Facts{Place: place(t, "Wilmington, DE, US"), Employees: n(140)}, day("2027-09-26"), "US-DE"},
		{"remote open to US", Facts{Remote: true, RemoteAreas: []string{"US"}, Employees: n(140)}, after, "US-CO US-CA US-WA US-NY-NYC US-VA"},
		{"remote open to US-MD", Facts{Remote: true, RemoteAreas: []string{"US-MD"}, Employees: n(140)}, after, "US-MD"},
		{"remote open to US-NY", Facts{Remote: true, RemoteAreas: []string{"US-NY"}, Employees: n(140)}, after, "US-NY US-NY-NYC"},
		{"remote open to CA", Facts{Remote: true, RemoteAreas: []string{"CA"}, Employees: n(140)}, after, "CA-BC"},
		{"remote open to CA-ON", Facts{Remote: true, RemoteAreas: []string{"CA-ON"}, Employees: n(140)}, after, "CA-ON"},
		{"remote reporting to Chicago", Facts{Remote: true, RemoteAreas: []string{"US-TX"}, ManagerPlace: place(t, "Chicago, IL"), Employees: n(140)}, after, "US-IL"},
		{"remote reporting to Denver is not enough", Facts{Remote: true, RemoteAreas: []string{"US-TX"}, ManagerPlace: place(t, "Denver, CO"), Employees: n(140)}, after, ""},
		{"employees unknown", Facts{Place: place(t, "Toronto, ON")}, after, "CA-ON"},
	}
	for _, c := range cases {
		got := codes(tb.Matches(c.f, c.date))
		if got != c.want {
			t.Errorf("%s: got [%s], want [%s]", c.name, got, c.want)
		}
	}
}

func TestNeedsByDate(t *testing.T) {
	tb := table(t)
	co := Facts{Place: place(t, "Denver, CO"), Employees: n(140)}
	kinds := func(d string) string {
		var out []string
		for _, r := range tb.Applicable(co, day(d)) {
			out = append(out, r.Need.Kind)
		}
		return strings.Join(out, " ")
	}
	if got := kinds("2023-12-31"); got != "pay_range closed_range benefits how_to_apply" {
		t.Errorf("Colorado 2023: %s", got)
	}
	if got := kinds("2024-01-01"); got != "pay_range closed_range benefits deadline how_to_apply" {
		t.Errorf("Colorado 2024: %s", got)
	}
	ms := tb.Matches(Facts{Place: place(t, "Toronto, ON")}, day("2026-12-02"))
	if len(ms) != 1 || !ms[0].ThresholdAssumed {
		t.Fatalf("Ontario without employees: %+v", ms)
	}
	if n, ok := ms[0].Rule.Has(MaxSpread); !ok || n.Value != 50000 {
		t.Errorf("Ontario max spread %v %v", n, ok)
	}
	if !strings.Contains(ms[0].Why, "Toronto, Ontario, Canada") {
		t.Errorf("why = %q", ms[0].Why)
	}
	ms = tb.Matches(Facts{Place: place(t, "Denver, CO")}, day("2026-12-02"))
	if len(ms) != 1 || ms[0].ThresholdAssumed {
		t.Errorf("Colorado covers every employer; nothing is assumed: %+v", ms)
	}
	r := tb.Applicable(Facts{Remote: true, RemoteAreas: []string{"US"}}, day("2026-12-02"))
	if len(r) == 0 || r[0].Why != "this role is remote and open to US" {
		t.Errorf("remote why: %+v", r)
	}
}

func ExampleTable_Matches() {
	tb, _ := Builtin()
	p, _ := geo.Parse("Denver, CO")
	for _, m := range tb.Matches(Facts{Place: &p}, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)) {
		fmt.Println(m.Rule.Name, m.Rule.Law, len(m.Needs))
	}
	// Output: Colorado C.R.S. 8-5-201 5
}

// TestREADMEListsEveryRule keeps the README's rules table in step with
// rules.csv: every code, with its effective and checked dates.
func TestREADMEListsEveryRule(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	if !strings.Contains(readme, "**Not legal advice.**") {
		t.Error("the README does not say the checks are not legal advice")
	}
	for _, r := range table(t).Rules {
		row := fmt.Sprintf("| %s | %s | %s | %s |", r.Code, r.Name, r.Law, r.Effective.Format(dateLayout))
		if !strings.Contains(readme, row) || !strings.Contains(readme, r.Checked.Format(dateLayout)+" |") {
			t.Errorf("README has no row starting %q", row)
		}
	}
}
