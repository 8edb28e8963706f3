package generator

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// resolveYAML parses and resolves a config at a fixed date.
func resolveYAML(t *testing.T, doc string) (*Model, error) {
	t.Helper()
	cfg, err := Parse([]byte(doc), "c.yaml", ".")
	if err != nil {
		return nil, err
	}
	return Resolve(cfg, Settings{Paper: "letter", Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
}

func postingProblems(t *testing.T, err error) []Problem {
	t.Helper()
	var ce *ConfigError
	if !errors.As(err, &ce) || !errors.Is(err, ErrInvalidConfig) {
		t.Fatalf("err = %v, want a *ConfigError", err)
	}
	return ce.Problems
}

func TestPostingResolution(t *testing.T) {
	m, err := resolveYAML(t, `version: 1
company: {name: Acme, website: "https://acme.example", accommodation_contact: hr@acme.example, locale: en-GB}
posting: {apply_by: 2027-01-31, how_to_apply: "Send your CV.", apply_url: "https://jobs.acme.example/apply"}
defaults: {remote_regions: [US]}
templates:
  - {id: night-manager, extends: operations-manager, title: Night Manager}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, posting: false}
  - {id: vp, template: vp-of-operations, reports_to: coo, posting: {apply_by: 2027-02-28, apply_url: "mailto:vp@acme.example"}}
  - {id: night, template: night-manager, reports_to: vp, workplace: remote}
  - {id: remote-co, template: operations-analyst, reports_to: vp, workplace: remote, remote_regions: [US-CO, US-CA]}
`)
	if err != nil {
		t.Fatal(err)
	}
	role := func(id string) *Role { r, _ := m.Role(id); return r }
	if role("coo").Posting != nil {
		t.Errorf("posting: false still has a posting: %+v", role("coo").Posting)
	}
	vp := role("vp").Posting
	if vp == nil || vp.ApplyBy != "2027-02-28" || vp.ApplyURL != "mailto:vp@acme.example" || vp.HowToApply != "Send your CV." {
		t.Errorf("vp posting = %+v, want its own apply_by and apply_url over the top-level how_to_apply", vp)
	}
	if d, ok := vp.ApplyByDate(); !ok || !d.Equal(time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ApplyByDate = %v %v", d, ok)
	}
	night := role("night").Posting
	if !slices.Equal(night.RemoteRegions, []string{"US"}) || night.ApplyBy != "2027-01-31" {
		t.Errorf("night posting = %+v, want the defaults' remote regions and the top-level deadline", night)
	}
	if got := role("remote-co").Posting.RemoteRegions; !slices.Equal(got, []string{"US-CO", "US-CA"}) {
		t.Errorf("role remote_regions = %v", got)
	}
	if role("vp").Posting.RemoteRegions != nil {
		t.Errorf("an on-site role has remote regions %v", role("vp").Posting.RemoteRegions)
	}
}

func TestPostingDefaults(t *testing.T) {
	m, err := resolveYAML(t, `version: 1
company: {name: Acme, website: "https://acme.example"}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo}
  - {id: vp, template: vp-of-operations, reports_to: coo, posting: {how_to_apply: "https://acme.example/jobs/vp"}}
`)
	if err != nil {
		t.Fatal(err)
	}
	coo := m.Roles[0].Posting
	if coo == nil || coo.ApplyBy != "" || !strings.Contains(coo.HowToApply, "https://acme.example") {
		t.Errorf("default posting = %+v, want open, ongoing, applying through the website", coo)
	}
	if _, ok := coo.ApplyByDate(); ok {
		t.Error("no apply_by, yet a deadline")
	}
	if vp := m.Roles[1].Posting; vp.ApplyURL != "https://acme.example/jobs/vp" {
		t.Errorf("a bare URL in how_to_apply is not the apply URL: %+v", vp)
	}
	for _, w := range m.Warnings {
		if strings.Contains(w.Path, "posting") || w.Path == "company.brand_color" {
			t.Errorf("postings warn on the quick start: %v", w)
		}
	}
}

func TestPostingValidation(t *testing.T) {
	_, err := resolveYAML(t, `version: 1
company: {name: Acme}
posting: {apply_by: 2027-02-30, apply_url: "ftp://files.acme.example"}
roles:
  - id: coo
    template: chief-operating-officer
    reports_to: ceo
    posting: {apply_by: "31/01/2027", apply_url: "https://", how_to_apply: "javascript:alert(1)"}
  - {id: vp, template: vp-of-operations, reports_to: coo, posting: {apply_url: "https://jobs.acme.example/a b"}}
  - {id: an, template: operations-analyst, reports_to: vp, posting: {apply_url: "mailto:nobody"}}
output: {formats: [postings, pdf, postings]}
`)
	got := map[string]string{}
	for _, p := range postingProblems(t, err) {
		got[p.Path] = p.Message
		if p.Line <= 1 {
			t.Errorf("%s: no line (%d)", p.Path, p.Line)
		}
	}
	want := map[string]string{
		"posting.apply_by":           "is not a date",
		"posting.apply_url":          "must start with https://, http:// or mailto:",
		"roles[0].posting.apply_by":  "is not a date",
		"roles[0].posting.apply_url": "must name a host",
		"roles[1].posting.apply_url": "without spaces",
		"roles[2].posting.apply_url": "e-mail address",
		"output.formats[1]":          `unknown format "pdf"`,
		"output.formats[2]":          "listed twice",
	}
	for path, frag := range want {
		if !strings.Contains(got[path], frag) {
			t.Errorf("%s: message %q, want it to contain %q", path, got[path], frag)
		}
	}
	// javascript: in how_to_apply is text, not a link: no problem, and it
	// never becomes the apply URL.
	if msg, ok := got["roles[0].posting.how_to_apply"]; ok {
		t.Errorf("how_to_apply text refused: %s", msg)
	}
	if len(got) != len(want) {
		t.Errorf("problems %v, want exactly the keys of %v", got, want)
	}
}

func TestPostingOngoing(t *testing.T) {
	m, err := resolveYAML(t, `version: 1
company: {name: Acme}
posting: {apply_by: ongoing}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo, salary: {min: 1, max: 2}}
  - {id: vp, template: vp-of-operations, reports_to: coo, salary: {min: 1, max: 2}, posting: {apply_by: 2027-03-01}}
`)
	if err != nil {
		t.Fatal(err)
	}
	if p := m.Roles[0].Posting; p.ApplyBy != "" {
		t.Errorf("apply_by: ongoing resolved to %q, want no deadline", p.ApplyBy)
	}
	if p := m.Roles[1].Posting; p.ApplyBy != "2027-03-01" {
		t.Errorf("a role's own deadline over ongoing: %q", p.ApplyBy)
	}
}

func TestPostingWarnings(t *testing.T) {
	m, err := resolveYAML(t, `version: 1
company: {name: Acme, brand_color: "#FFD700"}
roles:
  - {id: coo, template: chief-operating-officer, reports_to: ceo}
`)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, w := range m.Warnings {
		paths = append(paths, w.Path)
		if w.Path == "company.brand_color" && !strings.Contains(w.Message, "#FFD700") {
			t.Errorf("the colour warning does not name the colour: %s", w.Message)
		}
	}
	if !slices.Contains(paths, "company.brand_color") {
		t.Errorf("warnings %v, want the light brand colour", m.Warnings)
	}
	// Without postings in the run, the web colour does not matter.
	cfg, err := Parse([]byte("version: 1\ncompany: {name: Acme, brand_color: \"#FFD700\"}\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\n"), "c.yaml", ".")
	if err != nil {
		t.Fatal(err)
	}
	m, err = Resolve(cfg, Settings{Formats: []string{FormatJobDescriptions}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range m.Warnings {
		if w.Path == "company.brand_color" {
			t.Errorf("colour warning without postings: %v", w)
		}
	}
}

func TestFormats(t *testing.T) {
	got, err := ParseFormats(" postings , workbook")
	if err != nil || !slices.Equal(got, []string{"postings", "workbook"}) {
		t.Errorf("ParseFormats = %v, %v", got, err)
	}
	for _, bad := range []string{"", ",", "pdf", "postings,postings", "posting"} {
		if _, err := ParseFormats(bad); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("ParseFormats(%q) err = %v, want ErrUnknownFormat", bad, err)
		}
	}
	if _, err := ParseFormats("posting"); !strings.Contains(err.Error(), `did you mean "postings"`) {
		t.Errorf("no suggestion: %v", err)
	}
	all := Settings{}
	some := Settings{Formats: []string{FormatPostings}}
	if !all.Makes(FormatWorkbook) || !some.Makes(FormatPostings) || some.Makes(FormatWorkbook) {
		t.Error("Makes is wrong")
	}
	m, err := resolveYAML(t, "version: 1\ncompany: {name: Acme}\nroles:\n  - {id: coo, template: chief-operating-officer, reports_to: ceo}\noutput: {formats: [workbook]}\n")
	if err != nil || !slices.Equal(m.Settings.Formats, []string{"workbook"}) {
		t.Errorf("output.formats not in the settings: %v %v", m.Settings.Formats, err)
	}
}

func TestContrastOnWhite(t *testing.T) {
	for _, tc := range []struct {
		rgb      uint32
		min, max float64
	}{
		{0xFFFFFF, 1, 1.0001},
		{0x000000, 20.99, 21.01},
		{0x767676, 4.5, 4.6}, // the lightest grey that passes AA
		{0x777777, 4.4, 4.5},
		{0x1F4E79, 8, 9.5},
	} {
		if c := ContrastOnWhite(tc.rgb); c < tc.min || c >= tc.max {
			t.Errorf("ContrastOnWhite(%06X) = %.3f, want [%.2f, %.2f)", tc.rgb, c, tc.min, tc.max)
		}
	}
}
