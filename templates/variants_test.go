package templates

import (
	"reflect"
	"slices"
	"testing"
)

func TestCondHolds(t *testing.T) {
	cases := []struct {
		c    Cond
		want [4]bool // for Positions in order: {F,F} {F,T} {T,F} {T,T}
	}{
		{Always, [4]bool{true, true, true, true}},
		{WhenTopOps, [4]bool{false, false, true, true}},
		{WhenNotTopOps, [4]bool{true, true, false, false}},
		{WhenHasReports, [4]bool{false, true, false, true}},
		{WhenNoReports, [4]bool{true, false, true, false}},
		{"sometimes", [4]bool{}},
	}
	for _, c := range cases {
		for i, p := range Positions {
			if got := c.c.Holds(p); got != c.want[i] {
				t.Errorf("%s.Holds(%s) = %v, want %v", c.c, p, got, c.want[i])
			}
		}
	}
}

func TestPick(t *testing.T) {
	// The fallback is used only when no conditioned variant holds, wherever
	// it is written.
	vs := []Variant{{Text: "fallback"}, {When: WhenTopOps, Text: "top"}, {When: WhenHasReports, Text: "reports"}}
	for p, want := range map[Position]string{
		{TopOps: true}:                   "top",
		{TopOps: true, HasReports: true}: "top",
		{HasReports: true}:               "reports",
		{}:                               "fallback",
	} {
		if got, ok := Pick(vs, p); !ok || got != want {
			t.Errorf("Pick(%s) = %q, %v; want %q", p, got, ok, want)
		}
	}
	if got, ok := Pick([]Variant{{When: WhenTopOps, Text: "top"}}, Position{}); ok || got != "" {
		t.Errorf("Pick without a match = %q, %v; want none", got, ok)
	}
	if covers([]Variant{{When: WhenTopOps, Text: "a"}}) || !covers([]Variant{{When: WhenTopOps, Text: "a"}, {When: WhenNotTopOps, Text: "b"}}) {
		t.Error("covers is wrong")
	}
}

func TestSelectItems(t *testing.T) {
	items := []Item{
		{Key: "a", Text: "a generic"},
		{Key: "b", When: WhenHasReports, Text: "b with reports"},
		{Key: "a", When: WhenTopOps, Text: "a top"},
		{Key: "c", Text: "c"},
		{Key: "b", When: WhenNoReports, Text: "b without reports"},
		{Key: "d", When: WhenTopOps, Text: "d only at the top"},
	}
	texts := func(its []Item) []string {
		var out []string
		for _, it := range its {
			out = append(out, it.Text)
		}
		return out
	}
	for p, want := range map[Position][]string{
		{}:                               {"a generic", "c", "b without reports"},
		{HasReports: true}:               {"a generic", "b with reports", "c"},
		{TopOps: true, HasReports: true}: {"b with reports", "a top", "c", "d only at the top"},
	} {
		if got := texts(SelectItems(items, p)); !slices.Equal(got, want) {
			t.Errorf("SelectItems(%s) = %q, want %q", p, got, want)
		}
	}
	if len(items) != 6 {
		t.Error("SelectItems changed its input")
	}
}

func TestDropOrphans(t *testing.T) {
	resp := []Item{{Key: "inventory"}, {Key: "safety"}}
	kpis := []Item{{Key: "turns", For: "inventory"}, {Key: "otif"}, {Key: "trir", For: "safety"}, {Key: "spend", For: "suppliers"}}
	kept, dropped := DropOrphans(kpis, resp)
	if k := keysOf(kept); !slices.Equal(k, []string{"turns", "otif", "trir"}) {
		t.Errorf("kept %v", k)
	}
	if d := keysOf(dropped); !slices.Equal(d, []string{"spend"}) {
		t.Errorf("dropped %v", d)
	}
	kept, _ = DropOrphans(kpis, resp[1:])
	if k := keysOf(kept); !slices.Equal(k, []string{"otif", "trir"}) {
		t.Errorf("without inventory kept %v", k)
	}
}

func keysOf(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Key)
	}
	return out
}

func TestWithFocusAndForPosition(t *testing.T) {
	base := Template{
		Summary:         "Base.",
		SummaryVariants: []Variant{{When: WhenTopOps, Text: "Top."}, {Text: "Base."}},
		Responsibilities: []Item{
			{Key: "inventory", Text: "Inventory."}, {Key: "lead", When: WhenHasReports, Text: "Leads reports."}, {Key: "plan", Text: "Plans."},
		},
		KPIs:              []Item{{Key: "turns", For: "inventory"}, {Key: "team", For: "lead"}, {Key: "otif"}},
		Qualifications:    []Item{{Key: "stock-skill", For: "inventory"}},
		Dimensions:        Dimensions{Scope: "Area.", Seniority: "Senior."},
		DimensionVariants: map[string][]Variant{"scope": {{When: WhenTopOps, Text: "Everything."}, {Text: "Area."}}},
	}
	orig := base.Clone()
	f := Focus{Key: "logistics", Summary: "Logistics focus.", Removes: []string{"inventory"},
		Responsibilities: []Item{{Key: "freight", Text: "Freight."}}, KPIs: []Item{{Key: "freight-cost", For: "freight"}}}
	got := base.WithFocus(f)
	if !reflect.DeepEqual(base, orig) {
		t.Fatal("WithFocus changed its receiver")
	}
	if k := keysOf(got.Responsibilities); !slices.Equal(k, []string{"lead", "plan", "freight"}) {
		t.Errorf("focused responsibilities %v", k)
	}
	if k := keysOf(got.KPIs); !slices.Equal(k, []string{"team", "otif", "freight-cost"}) {
		t.Errorf("focused KPIs %v (turns is tied to the removed inventory duty)", k)
	}
	if len(got.Qualifications) != 0 {
		t.Errorf("focused qualifications %v", got.Qualifications)
	}
	if got.Summary != "Base. Logistics focus." || got.SummaryVariants[0].Text != "Top. Logistics focus." {
		t.Errorf("focused summaries %q, %v", got.Summary, got.SummaryVariants)
	}

	top := got.ForPosition(Position{TopOps: true})
	if top.Summary != "Top. Logistics focus." || top.Dimensions.Scope != "Everything." || top.Dimensions.Seniority != "Senior." {
		t.Errorf("top position: %q, %+v", top.Summary, top.Dimensions)
	}
	if k := keysOf(top.Responsibilities); !slices.Equal(k, []string{"plan", "freight"}) {
		t.Errorf("top position without reports: responsibilities %v", k)
	}
	if k := keysOf(top.KPIs); !slices.Equal(k, []string{"otif", "freight-cost"}) {
		t.Errorf("top position without reports: KPIs %v (team is tied to the absent lead duty)", k)
	}
	if top.SummaryVariants != nil || top.DimensionVariants != nil {
		t.Error("ForPosition left variants")
	}
	low := got.ForPosition(Position{HasReports: true})
	if low.Summary != "Base. Logistics focus." || low.Dimensions.Scope != "Area." || len(low.Responsibilities) != 3 {
		t.Errorf("low position: %q, %q, %v", low.Summary, low.Dimensions.Scope, keysOf(low.Responsibilities))
	}
}

func TestVars(t *testing.T) {
	v := Vars{Title: "VP of Ops", Manager: "Chief Executive Officer", TopOps: "VP of Ops", Executive: CEOTitle, ExperienceYears: 15}
	in := "The {title} reports to the {manager}; with the {executive} and the {top_ops}. {experience} in operations."
	want := "The VP of Ops reports to the Chief Executive Officer; with the Chief Executive Officer and the VP of Ops. 15 or more years in operations."
	if got := v.Expand(in); got != want {
		t.Errorf("Expand = %q, want %q", got, want)
	}
	if got := v.Expand("Config text {not a placeholder}."); got != "Config text {not a placeholder}." {
		t.Errorf("Expand changed other braces: %q", got)
	}
	if got := GenericVars("Operations Manager").Expand("Reports to the {manager} and the {top_ops}."); got != "Reports to the manager and the top operations executive." {
		t.Errorf("GenericVars: %q", got)
	}
	for n, want := range map[int]string{0: "Relevant experience", 1: "1 year or more", 2: "2 or more years", 15: "15 or more years"} {
		if got := ExperienceText(n); got != want {
			t.Errorf("ExperienceText(%d) = %q, want %q", n, got, want)
		}
	}
	if got := unknownPlaceholders("The {title} and {Manager} and {bad} and }"); !slices.Equal(got, []string{"{Manager}", "{bad}", "}"}) {
		t.Errorf("unknownPlaceholders = %q", got)
	}
}
