package templates

import (
	"reflect"
	"strings"
	"testing"
)

var directorIDs = []string{"director-of-operations", "senior-director-of-operations"}

func TestFocusesAttachedToDirectorsOnly(t *testing.T) {
	wantKeys := []string{"supply-chain", "logistics", "process-excellence", "quality", "procurement"}
	for _, tmpl := range mustBuiltin(t) {
		isDirector := tmpl.ID == directorIDs[0] || tmpl.ID == directorIDs[1]
		if !isDirector {
			if len(tmpl.Focuses) != 0 {
				t.Errorf("%s has %d focuses, want none", tmpl.ID, len(tmpl.Focuses))
			}
			continue
		}
		var keys []string
		for _, f := range tmpl.Focuses {
			keys = append(keys, f.Key)
		}
		for _, k := range wantKeys {
			found := false
			for _, got := range keys {
				found = found || got == k
			}
			if !found {
				t.Errorf("%s: no focus %q (has %v)", tmpl.ID, k, keys)
			}
		}
	}
	a, b := mustLookup(t, directorIDs[0]), mustLookup(t, directorIDs[1])
	if !reflect.DeepEqual(a.Focuses, b.Focuses) {
		t.Error("the two director templates should offer the same focuses")
	}
}

func TestFocusContent(t *testing.T) {
	tmpl := mustLookup(t, "director-of-operations")
	if len(tmpl.Focuses) < 5 {
		t.Fatalf("%d focuses, want at least 5", len(tmpl.Focuses))
	}
	for _, f := range tmpl.Focuses {
		owner := "focus " + f.Key
		if f.Name == "" || strings.ToUpper(f.Name[:1]) != f.Name[:1] {
			t.Errorf("%s: name %q should be capitalised", owner, f.Name)
		}
		if n := len(sentenceEnd.FindAllString(f.Summary, -1)); n != 1 || !strings.HasPrefix(f.Summary, "This position focuses on ") {
			t.Errorf("%s: summary should be one sentence that reads on from the role summary (\"This position focuses on ...\"): %q", owner, f.Summary)
		}
		if n := len(f.Responsibilities); n < 2 || n > 5 {
			t.Errorf("%s: %d responsibilities, want 2 to 4", owner, n)
		}
		if n := len(f.KPIs); n < 1 || n > 3 {
			t.Errorf("%s: %d KPIs, want 1 to 3", owner, n)
		}
		for _, it := range f.Responsibilities {
			checkResponsibility(t, owner, it)
		}
		for _, it := range f.KPIs {
			if it.Area != "" || !strings.HasSuffix(it.Text, ".") {
				t.Errorf("%s: KPI %s should have no area and end with a period: %+v", owner, it.Key, it)
			}
		}
		if len(f.Aliases) == 0 {
			t.Errorf("%s: no aliases", owner)
		}
		for _, a := range f.Aliases {
			if a != strings.ToLower(a) {
				t.Errorf("%s: alias %q is not lower case", owner, a)
			}
		}
	}
}

func TestMatchFocus(t *testing.T) {
	cases := map[string]string{
		"Supply Chain":                  "supply-chain",
		"supply-chain":                  "supply-chain",
		"  supply   chain ":             "supply-chain",
		"Supply Chain Management":       "supply-chain",
		"SCM":                           "supply-chain",
		"LOGISTICS":                     "logistics",
		"Transportation":                "logistics",
		"transport":                     "logistics",
		"Distribution":                  "logistics",
		"Fleet":                         "logistics",
		"Logistics & Transportation":    "logistics",
		"logistics and transportation":  "logistics",
		"Logistics&Transportation":      "logistics",
		"Process Optimization":          "process-excellence",
		"process optimisation":          "process-excellence",
		"Process-Optimisation":          "process-excellence",
		"Process Improvement":           "process-excellence",
		"Process Excellence":            "process-excellence",
		"Operational Excellence":        "process-excellence",
		"Continuous Improvement":        "process-excellence",
		"Lean":                          "process-excellence",
		"Quality Assurance":             "quality",
		"quality control":               "quality",
		"Quality Management":            "quality",
		"QA":                            "quality",
		"Quality":                       "quality",
		"Procurement":                   "procurement",
		"Purchasing":                    "procurement",
		"Sourcing":                      "procurement",
		"Strategic Sourcing":            "procurement",
		"strategic-sourcing":            "procurement",
		"Supply chain.":                 "supply-chain",
		"Operational excellence (lean)": "",
	}
	for _, id := range directorIDs {
		tmpl := mustLookup(t, id)
		for text, want := range cases {
			f, ok := tmpl.MatchFocus(text)
			if want == "" {
				if ok {
					t.Errorf("%s.MatchFocus(%q) = %q, want no match", id, text, f.Key)
				}
				continue
			}
			if !ok || f.Key != want {
				t.Errorf("%s.MatchFocus(%q) = (%q, %v), want %q", id, text, f.Key, ok, want)
			}
		}
	}
}

func TestMatchFocusNoMatch(t *testing.T) {
	dir := mustLookup(t, "director-of-operations")
	for _, text := range []string{"", "   ", "-", "Facilities", "supply", "chain supply", "logistic", "quality assurance manager", "HR"} {
		if f, ok := dir.MatchFocus(text); ok {
			t.Errorf("MatchFocus(%q) = %q, want no match", text, f.Key)
		}
	}
	mgr := mustLookup(t, "operations-manager")
	if f, ok := mgr.MatchFocus("Supply chain"); ok {
		t.Errorf("operations-manager has no focuses, but MatchFocus matched %q", f.Key)
	}
}

func TestMatchFocusReturnsCopy(t *testing.T) {
	dir := mustLookup(t, "director-of-operations")
	f, ok := dir.MatchFocus("logistics")
	if !ok {
		t.Fatal("no logistics focus")
	}
	f.Aliases[0] = "changed"
	f.Responsibilities[0].Text = "changed"
	again, _ := dir.MatchFocus("logistics")
	if again.Aliases[0] == "changed" || again.Responsibilities[0].Text == "changed" {
		t.Error("changing a matched focus changed the template")
	}
}

func TestNormalizeFocus(t *testing.T) {
	cases := map[string]string{
		"  Supply--Chain  ":           "supply chain",
		"R&D":                         "r and d",
		"Logistics + Fleet":           "logistics and fleet",
		"Process Optimisation":        "process optimization",
		"organisation":                "organization",
		"Organisations":               "organizations",
		"standardised":                "standardized",
		"Fulfilment Centre":           "fulfillment center",
		"Labour planning":             "labor planning",
		"Programme Analysis":          "program analysis",
		"Distribution centres":        "distribution centers",
		"Catalogue modelling":         "catalog modeling",
		"rise":                        "rise",
		"QA/QC":                       "qa qc",
		"":                            "",
		"Quality, Health and Safety.": "quality health and safety",
	}
	for in, want := range cases {
		if got := normalizeFocus(in); got != want {
			t.Errorf("normalizeFocus(%q) = %q, want %q", in, got, want)
		}
	}
}
