package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/internal/pdftext"
)

func TestPayBarOffByDefault(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	if m.Settings.PayChart {
		t.Fatal("the example turns the pay chart on")
	}
	for i := range m.Roles {
		d := BuildJobDescription(m, &m.Roles[i])
		s, _ := d.Section(JDCompensation)
		for _, b := range s.Blocks {
			if b.Kind == JDPayChart {
				t.Errorf("%s has a pay bar with pay_chart off", m.Roles[i].ID)
			}
		}
	}
}

func TestPayBarFromConfig(t *testing.T) {
	m := pdfModelFromYAML(t, `version: 1
company: {name: Acme}
roles:
  - {id: mgr, template: operations-manager, reports_to: ceo, salary: {min: 92000, max: 104000}}
  - {id: banded, template: operations-manager, reports_to: ceo}
  - {id: hourly, template: operations-supervisor, reports_to: mgr, salary: {min: 29, max: 36, period: hour}}
ladder:
  bands:
    OPS-3: {min: 70000, max: 88000}
    OPS-4: {min: 85000, max: 110000}
output: {pay_chart: true}
`, "letter")
	if !m.Settings.PayChart {
		t.Fatal("output.pay_chart did not reach the settings")
	}
	bar := func(id string) *JDBlock {
		r, _ := m.Role(id)
		d := BuildJobDescription(m, r)
		s, _ := d.Section(JDCompensation)
		for i := range s.Blocks {
			if s.Blocks[i].Kind == JDPayChart {
				return &s.Blocks[i]
			}
		}
		return nil
	}
	b := bar("mgr")
	if b == nil {
		t.Fatal("no pay bar for a role with its own salary in its band's currency")
	}
	if *b.Bar != (JDPayBar{BandMin: 85000, BandMax: 110000, RoleMin: 92000, RoleMax: 104000}) {
		t.Errorf("bar %+v", *b.Bar)
	}
	if !strings.Contains(b.Text, "OPS-4 band, $85,000 to $110,000 per year") {
		t.Errorf("caption %q", b.Text)
	}
	// Paid the band itself, or by the hour under a yearly band: no bar.
	if bar("banded") != nil || bar("hourly") != nil {
		t.Error("a bar for a role without its own comparable pay")
	}

	// Layout: the role's mark spans (104-92)/(110-85) of the band strip.
	r, _ := m.Role("mgr")
	p, err := pdfPlanDocument(BuildJobDescription(m, r), JDRenderOptions{Paper: "letter", Date: pdfTestDate})
	if err != nil {
		t.Fatal(err)
	}
	var band, mark *pdfOp
	for _, page := range p.pages {
		for i, op := range page {
			if op.kind != pdfOpFill {
				continue
			}
			switch op.style.color {
			case pdfHairline:
				band = &page[i]
			case pdfDefaultBrand:
				if band != nil && mark == nil {
					mark = &page[i]
				}
			}
		}
	}
	if band == nil || mark == nil {
		t.Fatal("no band strip and mark drawn")
	}
	if got, want := mark.w/band.w, 12.0/25; math.Abs(got-want) > 1e-9 {
		t.Errorf("mark is %.4f of the band, want %.4f", got, want)
	}
	if got, want := (mark.x-band.x)/band.w, 7.0/25; math.Abs(got-want) > 1e-9 {
		t.Errorf("mark starts %.4f into the band, want %.4f", got, want)
	}
	if mark.h <= band.h || band.w > pdfPayBarW+1e-9 {
		t.Errorf("band %.1fx%.1f, mark height %.1f", band.w, band.h, mark.h)
	}

	// The caption is real text in the PDF.
	data, _ := pdfRenderRole(t, m, r, false)
	text, err := pdftext.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "Position of this pay range (marked) in the OPS-4 band") {
		t.Error("caption missing from the PDF text")
	}
}
