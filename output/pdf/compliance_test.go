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
	want := "This position is paid within the OPS-4 pay band: $85,000 – $110,000 per year. Applications close on January 31, 2027. How to apply: Apply at https://northwind.example/careers."
	if got := sec.Blocks[0].Text; got != want {
		t.Errorf("pay paragraph %q, want %q", got, want)
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
	for _, s := range []string{"Applications close on January 31, 2027.", "$85,000 – $110,000 per year"} {
		if !strings.Contains(text, s) {
			t.Errorf("PDF text lacks %q", s)
		}
	}
	// London has no rule: no statements.
	l, _ := m.Role("london-analyst")
	if s := pdfComplianceText(l); s != "" {
		t.Errorf("London role has %q", s)
	}
	// Ontario's statements.
	to, _ := m.Role("toronto-ops-manager")
	to.Compliance.Statements = append(to.Compliance.Statements, generator.PostingStatement{Kind: "vacancy", Text: "This posting is for an existing vacancy."})
	if s := pdfComplianceText(to); !strings.HasSuffix(s, "This posting is for an existing vacancy.") {
		t.Errorf("Toronto statements %q", s)
	}
}
