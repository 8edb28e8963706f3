package pdf

import (
	"strings"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/pdftext"
)

func TestJDCarriesComplianceStatements(t *testing.T) {
	cfg, err := generator.Load("../../testdata/compliance-done-when/company.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := generator.Resolve(cfg, generator.Settings{Paper: "letter", Date: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := m.Role("denver-ops-manager")
	if !ok {
		t.Fatal("no Denver role")
	}
	d := BuildJobDescription(m, r)
	sec, ok := d.Section(JDCompensation)
	if !ok {
		t.Fatal("no compensation section")
	}
	var group *JDGroup
	for _, b := range sec.Blocks {
		for i, g := range b.Groups {
			if strings.HasPrefix(g.Heading, "Hiring statements") {
				group = &b.Groups[i]
			}
		}
	}
	if group == nil || group.Heading != "Hiring statements (Colorado)" {
		t.Fatalf("no hiring statements group in %+v", sec.Blocks)
	}
	want := "Applications close on January 31, 2027.|How to apply: Apply at https://northwind.example/careers."
	if got := strings.Join(group.Items, "|"); got != want {
		t.Errorf("items %q, want %q", got, want)
	}
	// The rendered PDF carries them too.
	data, err := RenderJobDescription(d, JDRenderOptions{Paper: "letter", Date: m.Settings.Date})
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(text), " ")
	for _, s := range []string{"Hiring statements (Colorado)", "Applications close on January 31, 2027.", "$85,000 – $110,000 per year"} {
		if !strings.Contains(text, s) {
			t.Errorf("PDF text lacks %q", s)
		}
	}
	// London has no rule: no group.
	l, _ := m.Role("london-analyst")
	if g := pdfComplianceGroups(l); g != nil {
		t.Errorf("London role has %+v", g)
	}
}
