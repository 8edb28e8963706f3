package templates

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jdgen/jdgen/internal/wording"
)

// textField is one string of a template, named by its path in the YAML.
type textField struct {
	path, text string
}

// textFields walks v and returns every string in it, with its YAML path
// (items are named by their key where they have one). Walking by reflection
// means a field added to Template later is checked without editing the tests.
func textFields(v any) []textField {
	var out []textField
	var walk func(reflect.Value, string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, textField{path, v.String()})
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				el := v.Index(i)
				name := fmt.Sprintf("%s[%d]", path, i)
				if el.Kind() == reflect.Struct {
					if k := el.FieldByName("Key"); k.IsValid() && k.String() != "" {
						name = fmt.Sprintf("%s[%s]", path, k.String())
					}
				}
				walk(el, name)
			}
		case reflect.Map:
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			for _, k := range keys {
				walk(v.MapIndex(k), path+"."+k.String())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if name == "-" {
					name, _, _ = strings.Cut(f.Tag.Get("json"), ",")
				}
				if name == "" {
					name = f.Name
				}
				if path != "" {
					name = path + "." + name
				}
				walk(v.Field(i), name)
			}
		}
	}
	walk(reflect.ValueOf(v), "")
	return out
}

// wordingProblems lists every flagged word in every string of ts.
func wordingProblems(ts []Template) []string {
	var out []string
	for _, tmpl := range ts {
		for _, f := range textFields(tmpl) {
			if words := wording.Find(f.text); len(words) > 0 {
				out = append(out, fmt.Sprintf("%s: %s: %s (in %q)", tmpl.ID, f.path, strings.Join(words, ", "), f.text))
			}
		}
	}
	return out
}

func TestInclusiveWording(t *testing.T) {
	ts := mustBuiltin(t)
	for _, p := range wordingProblems(ts) {
		t.Error(p)
	}

	// The scan must reach every list, including the focuses: plant a flagged
	// word in each kind of field and check that it is reported.
	plant := []func(*Template){
		func(x *Template) { x.Summary += " A true rockstar." },
		func(x *Template) { x.Responsibilities[1].Area = "Manpower" },
		func(x *Template) { x.KPIs[0].Text = "Guys per hour." },
		func(x *Template) { x.Qualifications[2].Text = "Young and energetic." },
		func(x *Template) { x.Dimensions.OrganisationalImpact = "His team." },
		func(x *Template) { x.PhysicalDemands[1] = "She travels." },
		func(x *Template) { x.WorkingEnvironment[0] = "The foreman decides." },
		func(x *Template) { x.SummaryVariants[0].Text += " Guys welcome." },
		func(x *Template) { x.DimensionVariants["scope"][1].Text = "Manpower." },
		func(x *Template) { x.Focuses[4].Aliases[0] = "ninja" },
		func(x *Template) { x.Focuses[2].Responsibilities[0].Text = "Trains the chairman." },
	}
	clean := mustLookup(t, "director-of-operations")
	before := len(wordingProblems([]Template{clean}))
	for i, p := range plant {
		dirty := clean.Clone()
		p(&dirty)
		if got := wordingProblems([]Template{dirty}); len(got) != before+1 {
			t.Errorf("planted word %d: scan reported %d problems, want %d: %q", i, len(got), before+1, got)
		}
	}
}

// Renderers draw with a font that covers Latin-1 and General Punctuation;
// emoji make the PDF library panic.
func TestCharacterSet(t *testing.T) {
	for _, tmpl := range mustBuiltin(t) {
		for _, f := range textFields(tmpl) {
			for _, r := range f.text {
				ok := (r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r <= 0xff) || (r >= 0x2000 && r <= 0x206f)
				if !ok {
					t.Errorf("%s: %s: character %U %q is outside ASCII, Latin-1 and General Punctuation", tmpl.ID, f.path, r, r)
				}
			}
			if f.text != strings.TrimSpace(f.text) || strings.Contains(f.text, "  ") {
				t.Errorf("%s: %s: stray spaces in %q", tmpl.ID, f.path, f.text)
			}
		}
	}
}

func TestCounts(t *testing.T) {
	for i, tmpl := range mustBuiltin(t) {
		minResp := 6
		if i >= 3 { // OPS-4 and above
			minResp = 8
		}
		if n := len(tmpl.Responsibilities); n < minResp {
			t.Errorf("%s: %d responsibilities, want at least %d", tmpl.ID, n, minResp)
		}
		if n := len(tmpl.KPIs); n < 3 || n > 5 {
			t.Errorf("%s: %d KPIs, want 3 to 5", tmpl.ID, n)
		}
		if n := len(tmpl.PhysicalDemands); n < 3 || n > 5 {
			t.Errorf("%s: %d physical demands, want 3 to 5", tmpl.ID, n)
		}
		if n := len(tmpl.WorkingEnvironment); n < 2 || n > 4 {
			t.Errorf("%s: %d working environment lines, want 2 to 4", tmpl.ID, n)
		}
		if len(tmpl.WorkingConditions) != 0 {
			t.Errorf("%s: built-ins use physical_demands and working_environment, not working_conditions", tmpl.ID)
		}
	}
}

func TestQualifications(t *testing.T) {
	for _, tmpl := range mustBuiltin(t) {
		required := map[string]int{}
		preferred := 0
		for _, q := range tmpl.Qualifications {
			switch q.Area {
			case AreaEducation, AreaExperience, AreaSkills:
			default:
				t.Errorf("%s: qualification %s: area %q", tmpl.ID, q.Key, q.Area)
			}
			if q.Preferred {
				preferred++
			} else {
				required[q.Area]++
			}
		}
		for _, area := range []string{AreaEducation, AreaExperience, AreaSkills} {
			if required[area] == 0 {
				t.Errorf("%s: no required %s qualification", tmpl.ID, area)
			}
		}
		if preferred == 0 {
			t.Errorf("%s: no preferred qualification", tmpl.ID)
		}
	}
}

func TestDimensions(t *testing.T) {
	for _, tmpl := range positioned(t) {
		d := reflect.ValueOf(tmpl.Dimensions)
		for i := 0; i < d.NumField(); i++ {
			name := d.Type().Field(i).Name
			s := d.Field(i).String()
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: dimension %s is empty", tmpl.ID, name)
				continue
			}
			if n := len(sentenceEnd.FindAllString(s, -1)); n != 1 || !strings.HasSuffix(s, ".") {
				t.Errorf("%s: dimension %s should be one sentence ending with a period: %q", tmpl.ID, name, s)
			}
		}
	}
}

func TestFLSA(t *testing.T) {
	for i, tmpl := range mustBuiltin(t) {
		if tmpl.FLSA != FLSAExempt && tmpl.FLSA != FLSANonExempt {
			t.Errorf("%s: flsa %q", tmpl.ID, tmpl.FLSA)
		}
		if i >= 3 && tmpl.FLSA != FLSAExempt {
			t.Errorf("%s: flsa %q, want exempt from Operations Manager up", tmpl.ID, tmpl.FLSA)
		}
	}
	for _, id := range []string{"operations-coordinator", "operations-supervisor"} {
		if c := mustLookup(t, id); c.FLSA != FLSANonExempt {
			t.Errorf("%s: flsa %q, want non-exempt", id, c.FLSA)
		}
	}
}

func TestReportsToPointsUp(t *testing.T) {
	ts := mustBuiltin(t)
	rank := map[string]int{}
	for i, tmpl := range ts {
		rank[tmpl.ID] = i
	}
	for i, tmpl := range ts {
		switch tmpl.ReportsTo {
		case ReportsToCEO, ReportsToBoard:
			if i != len(ts)-1 {
				t.Errorf("%s reports to %q; only the top template should", tmpl.ID, tmpl.ReportsTo)
			}
			continue
		}
		j, ok := rank[tmpl.ReportsTo]
		if !ok {
			t.Errorf("%s: reports_to %q is neither ceo, board nor a built-in id", tmpl.ID, tmpl.ReportsTo)
		} else if j <= i {
			t.Errorf("%s (%s) reports to %s (%s), which is not a higher level", tmpl.ID, tmpl.Level, tmpl.ReportsTo, ts[j].Level)
		}
	}
}

func TestKeysAreUniqueSlugs(t *testing.T) {
	slug := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	// A key may repeat inside one list only as a variant with another
	// condition; across owners (template, focus) it must not repeat.
	check := func(owner, list string, items []Item, seen map[string]string) {
		conds := map[string]map[Cond]bool{}
		for _, it := range items {
			if !slug.MatchString(it.Key) {
				t.Errorf("%s: %s key %q is not a slug", owner, list, it.Key)
			}
			if conds[it.Key] == nil {
				if prev, dup := seen[it.Key]; dup {
					t.Errorf("%s: %s key %q repeats %s", owner, list, it.Key, prev)
				}
				conds[it.Key] = map[Cond]bool{}
			}
			if conds[it.Key][it.When] {
				t.Errorf("%s: %s key %q has two variants for %s", owner, list, it.Key, it.When)
			}
			conds[it.Key][it.When] = true
			seen[it.Key] = owner
		}
	}
	for _, tmpl := range mustBuiltin(t) {
		if !slug.MatchString(tmpl.ID) {
			t.Errorf("id %q is not a slug", tmpl.ID)
		}
		resp, kpis, quals := map[string]string{}, map[string]string{}, map[string]string{}
		check(tmpl.ID, "responsibility", tmpl.Responsibilities, resp)
		check(tmpl.ID, "KPI", tmpl.KPIs, kpis)
		check(tmpl.ID, "qualification", tmpl.Qualifications, quals)
		// A focus adds to the template's lists, so its keys must not repeat
		// the template's (or another focus's).
		for _, f := range tmpl.Focuses {
			owner := tmpl.ID + " focus " + f.Key
			check(owner, "responsibility", f.Responsibilities, resp)
			check(owner, "KPI", f.KPIs, kpis)
			check(owner, "qualification", f.Qualifications, quals)
		}
	}
}

var (
	// thirdPerson is a capitalised verb in the third person: "Leads", "Owns".
	thirdPerson = regexp.MustCompile(`^[A-Z][a-z]+s$`)
	// sentenceEnd finds the end of a sentence.
	sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)
)

// checkResponsibility enforces the house style: one third-person sentence,
// verb first, ending with a period.
func checkResponsibility(t *testing.T, owner string, it Item) {
	t.Helper()
	first, _, _ := strings.Cut(it.Text, " ")
	first = strings.TrimRight(first, ",;:")
	if !thirdPerson.MatchString(first) {
		t.Errorf("%s: responsibility %s should start with a third-person verb such as \"Leads\": %q", owner, it.Key, it.Text)
	}
	if !strings.HasSuffix(it.Text, ".") {
		t.Errorf("%s: responsibility %s should end with a period: %q", owner, it.Key, it.Text)
	}
	if n := len(sentenceEnd.FindAllString(it.Text, -1)); n != 1 {
		t.Errorf("%s: responsibility %s should be one sentence, has %d: %q", owner, it.Key, n, it.Text)
	}
	if a := it.Area; a == "" || !unicode.IsUpper([]rune(a)[0]) {
		t.Errorf("%s: responsibility %s: area %q should be capitalised", owner, it.Key, a)
	}
}

// testVars fill placeholders where a test needs real words.
var testVars = Vars{Title: "Operations Manager", Manager: "Chief Executive Officer", TopOps: "Operations Manager", Executive: CEOTitle, ExperienceYears: 5}

func TestTextStyle(t *testing.T) {
	sentence := func(owner, what, s string) {
		s = testVars.Expand(s)
		if s == "" || !(unicode.IsUpper([]rune(s)[0]) || unicode.IsDigit([]rune(s)[0])) || !strings.HasSuffix(s, ".") {
			t.Errorf("%s: %s should start with a capital and end with a period: %q", owner, what, s)
		}
	}
	for _, tmpl := range positioned(t) {
		for _, it := range tmpl.Responsibilities {
			checkResponsibility(t, tmpl.ID, it)
		}
		for _, it := range tmpl.KPIs {
			sentence(tmpl.ID, "KPI "+it.Key, it.Text)
		}
		for _, it := range tmpl.Qualifications {
			sentence(tmpl.ID, "qualification "+it.Key, it.Text)
		}
		for i, w := range tmpl.PhysicalDemands {
			sentence(tmpl.ID, fmt.Sprintf("physical demand %d", i), w)
		}
		for i, w := range tmpl.WorkingEnvironment {
			sentence(tmpl.ID, fmt.Sprintf("working environment %d", i), w)
		}
		sentence(tmpl.ID, "summary", tmpl.Summary)
		if n := len(sentenceEnd.FindAllString(tmpl.Summary, -1)); n < 2 || n > 5 {
			t.Errorf("%s: summary has %d sentences, want 2 to 5", tmpl.ID, n)
		}
		// The summary names the role by its own title, never the template's.
		if !strings.HasPrefix(tmpl.Summary, "The "+PhTitle+" ") || strings.Contains(tmpl.Summary, tmpl.Title) {
			t.Errorf("%s: summary should start \"The {title}\" and not spell out %q: %q", tmpl.ID, tmpl.Title, tmpl.Summary)
		}
	}
}

// Responsibilities of one area are listed together, because renderers group
// them by area in the order listed.
func TestAreasAreContiguous(t *testing.T) {
	for _, tmpl := range positioned(t) {
		done := map[string]bool{}
		prev := ""
		for _, it := range tmpl.Responsibilities {
			if it.Area != prev {
				if done[it.Area] {
					t.Errorf("%s: area %q appears in two separate runs (again at %s)", tmpl.ID, it.Area, it.Key)
				}
				done[prev] = true
				prev = it.Area
			}
		}
	}
}

// Every template says its own things: no summary, responsibility, KPI,
// dimension or working condition is copied from another template.
func TestTextIsDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, tmpl := range mustBuiltin(t) {
		// The template's own wording: its typical position's summary and
		// dimensions, and the items without a condition. (The top_ops
		// variants of several templates say the same on purpose: each is
		// then the top operations executive.)
		texts := []textField{{"summary", tmpl.Summary}}
		for _, it := range tmpl.Responsibilities {
			if it.When == Always {
				texts = append(texts, textField{"responsibilities[" + it.Key + "]", it.Text})
			}
		}
		for _, it := range tmpl.KPIs {
			texts = append(texts, textField{"kpis[" + it.Key + "]", it.Text})
		}
		for _, f := range textFields(tmpl.Dimensions) {
			texts = append(texts, f)
		}
		for _, f := range texts {
			where := tmpl.ID + ": " + f.path
			if prev, dup := seen[strings.ToLower(f.text)]; dup {
				t.Errorf("%s repeats %s: %q", where, prev, f.text)
			}
			seen[strings.ToLower(f.text)] = where
		}
	}
}

// Required experience has one source, experience_years: it grows with the
// level (it may stay level at the top), and the one required experience
// qualification that states years says {experience}, with no number spelled
// out anywhere else.
func TestRequiredExperienceGrows(t *testing.T) {
	spelled := regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b years|\b\d+\+? years`)
	prev, prevID := 0, ""
	for _, tmpl := range mustBuiltin(t) {
		n := tmpl.ExperienceYears
		if n < 1 {
			t.Errorf("%s: experience_years %d", tmpl.ID, n)
		}
		if n < prev {
			t.Errorf("%s asks for %d years of experience, less than %s (%d)", tmpl.ID, n, prevID, prev)
		}
		prev, prevID = n, tmpl.ID
		uses := 0
		for _, q := range tmpl.Qualifications {
			uses += strings.Count(q.Text, PhExperience)
			if strings.Contains(q.Text, PhExperience) && (q.Area != AreaExperience || q.Preferred || !strings.HasPrefix(q.Text, PhExperience)) {
				t.Errorf("%s: %s: {experience} belongs at the start of a required experience qualification: %q", tmpl.ID, q.Key, q.Text)
			}
		}
		if uses != 1 {
			t.Errorf("%s: {experience} used %d times in the qualifications, want once", tmpl.ID, uses)
		}
		for _, f := range textFields(tmpl) {
			if m := spelled.FindString(f.text); m != "" && !strings.Contains(f.path, "qualifications") {
				t.Errorf("%s: %s: %q states years of experience outside experience_years: %q", tmpl.ID, f.path, m, f.text)
			}
		}
	}
}

// The four roles of the domain fact sheet say what the facts say.
func TestSeedRoles(t *testing.T) {
	type want struct {
		id, reportsTo string
		keys          []string          // responsibility keys that must exist
		areas         []string          // responsibility areas that must exist
		dims          map[string]string // dimension field -> phrase it must contain
		summary       []string          // phrases the summary must contain
	}
	cases := []want{
		{
			id: "chief-operating-officer", reportsTo: ReportsToCEO,
			keys: []string{"company-strategy", "strategy-execution", "operations-oversight", "finance-partnership",
				"culture-and-talent", "cross-functional-alignment", "risk-management", "strategic-partnerships", "growth-initiatives"},
			areas: []string{"Strategy and planning", "Financial management", "People leadership", "Risk and continuity", "Partnerships", "Innovation and growth"},
			dims: map[string]string{
				"Scope": "entire company", "Seniority": "second only to the {manager}",
				"DecisionAuthority": "highest decision-making authority after the {manager}", "StrategicFocus": "long-term planning, growth, financial performance and organizational development",
				"OrganisationalImpact": "whole organization",
			},
			summary: []string{"{executive}", "executive team", "cash flow", "continuity"},
		},
		{
			id: "vp-of-operations", reportsTo: "chief-operating-officer",
			keys: []string{"operating-plan", "priority-communication", "operations-cadence", "operational-troubleshooting",
				"process-streamlining", "kpi-analysis", "resource-allocation", "quality-standards", "cross-functional-teams"},
			areas: []string{"Strategy and planning", "Operations management", "Quality", "Cross-functional alignment"},
			dims: map[string]string{
				"Scope": "day to day across functions", "Seniority": "senior executive reporting to the {manager}",
				"DecisionAuthority": "operational decisions across functions", "StrategicFocus": "turning company strategy into operating plans",
				"OrganisationalImpact": "all of operations",
			},
			summary: []string{"{manager}", "Finance, Marketing and HR"},
		},
		{
			id: "director-of-operations", reportsTo: "vp-of-operations",
			keys: []string{"process-optimisation", "team-development", "quality-audits", "inventory-optimisation",
				"supplier-contracts", "supplier-delivery", "performance-analysis"},
			areas: []string{"Process improvement", "Quality", "Inventory management", "Supplier management", "Data and reporting"},
			dims: map[string]string{
				"Scope": "one specialized area", "Seniority": "senior manager and specialist",
				"DecisionAuthority": "within the area", "StrategicFocus": "processes and standards in the area",
				"OrganisationalImpact": "one area of operations",
			},
			summary: []string{"one specialized area", "{manager}"},
		},
		{
			id: "operations-manager", reportsTo: "director-of-operations",
			keys: []string{"department-plan", "strategy-execution", "daily-operations", "policies-and-procedures",
				"resource-optimisation", "inventory-management", "interdepartment-workflow", "staff-leadership"},
			areas: []string{"Operations management", "People leadership", "Collaboration"},
			dims: map[string]string{
				"Scope": "one department", "Seniority": "middle management",
				"DecisionAuthority": "tactical decisions", "StrategicFocus": "day-to-day efficiency",
				"OrganisationalImpact": "department level",
			},
			summary: []string{"plans, organizes and controls", "one department", "{manager}"},
		},
	}
	for _, c := range cases {
		tmpl := mustLookup(t, c.id)
		if tmpl.ReportsTo != c.reportsTo {
			t.Errorf("%s: reports_to %q, want %q", c.id, tmpl.ReportsTo, c.reportsTo)
		}
		keys, areas := map[string]bool{}, map[string]bool{}
		for _, it := range tmpl.Responsibilities {
			keys[it.Key] = true
			areas[it.Area] = true
		}
		for _, k := range c.keys {
			if !keys[k] {
				t.Errorf("%s: no responsibility with key %q", c.id, k)
			}
		}
		for _, a := range c.areas {
			if !areas[a] {
				t.Errorf("%s: no responsibility in area %q", c.id, a)
			}
		}
		dims := reflect.ValueOf(tmpl.Dimensions)
		for field, phrase := range c.dims {
			got := dims.FieldByName(field).String()
			if !strings.Contains(strings.ToLower(got), strings.ToLower(phrase)) {
				t.Errorf("%s: dimensions.%s = %q, want it to say %q", c.id, field, got, phrase)
			}
		}
		for _, phrase := range c.summary {
			if !strings.Contains(tmpl.Summary, phrase) {
				t.Errorf("%s: summary does not mention %q", c.id, phrase)
			}
		}
	}

	// The COO's responsibilities cover finance with budgets and cash flow,
	// continuity, and negotiations with partners.
	coo := mustLookup(t, "chief-operating-officer")
	for key, phrase := range map[string]string{
		"finance-partnership":    "cash flow",
		"risk-management":        "business-continuity",
		"strategic-partnerships": "negotiations",
		"company-strategy":       "executive team",
	} {
		if it := findItem(coo.Responsibilities, key); !strings.Contains(it.Text, phrase) {
			t.Errorf("chief-operating-officer: responsibility %s = %q, want it to mention %q", key, it.Text, phrase)
		}
	}
	vp := mustLookup(t, "vp-of-operations")
	if it := findItem(vp.Responsibilities, "cross-functional-teams"); !strings.Contains(it.Text, "Finance, Marketing and HR") {
		t.Errorf("vp-of-operations: cross-functional-teams = %q, want Finance, Marketing and HR", it.Text)
	}
	dir := mustLookup(t, "director-of-operations")
	if it := findItem(dir.Responsibilities, "inventory-optimisation"); !strings.Contains(it.Text, "turnover") || !strings.Contains(it.Text, "holding") {
		t.Errorf("director-of-operations: inventory-optimisation = %q, want turnover against holding cost", it.Text)
	}
	if it := findItem(dir.Responsibilities, "supplier-delivery"); !strings.Contains(it.Text, "on-time delivery") {
		t.Errorf("director-of-operations: supplier-delivery = %q, want on-time delivery", it.Text)
	}
}

func findItem(items []Item, key string) Item {
	for _, it := range items {
		if it.Key == key {
			return it
		}
	}
	return Item{}
}
