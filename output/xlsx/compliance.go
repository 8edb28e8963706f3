package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jdgen/jdgen/generator"
)

// xlsxSheetCompliance is the pay-transparency checklist: one row per role x
// jurisdiction x requirement.
const xlsxSheetCompliance = "Compliance"

// xlsxComplianceGuide is the Compliance sheet's line in the Overview.
const xlsxComplianceGuide = "One row per role, pay-transparency law and requirement on the effective date: whether the configuration meets it, what it supplies, the law's source and the date the rule was checked. Use the filter buttons to show what is missing. A checklist built from public sources, not legal advice."

// Compliance columns, in order.
const (
	xlsxCompColID = iota
	xlsxCompColTitle
	xlsxCompColLocation
	xlsxCompColCode
	xlsxCompColName
	xlsxCompColLaw
	xlsxCompColWhy
	xlsxCompColRequirement
	xlsxCompColStatus
	xlsxCompColDetail
	xlsxCompColConfidence
	xlsxCompColSource
	xlsxCompColChecked
)

// xlsxComplianceRows calls fn with each row of the sheet, in order: a
// role, one of its jurisdictions and one of that jurisdiction's
// requirements. The sheet is walked twice (column widths, then rows)
// rather than listed: at 10,000 roles the list was 5 MB.
func xlsxComplianceRows(m *generator.Model, fn func(r *generator.Role, j *generator.Jurisdiction, q *generator.LegalRequirement) error) error {
	for i := range m.Roles {
		r := &m.Roles[i]
		if r.Compliance == nil {
			continue
		}
		for k := range r.Compliance.Jurisdictions {
			j := &r.Compliance.Jurisdictions[k]
			for q := range j.Requirements {
				if err := fn(r, j, &j.Requirements[q]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeCompliance writes the Compliance sheet. With no law in force for
// any role it says so in one row under the headers.
func (b *xlsxBook) writeCompliance() error {
	m := b.m
	s := xlsxNewSheet(xlsxSheetCompliance, 1,
		xlsxCol{header: "Role ID", max: 24},
		xlsxCol{header: "Role title", max: xlsxNameWidth},
		xlsxCol{header: "Location", max: xlsxNameWidth},
		xlsxCol{header: "Jurisdiction", max: 12},
		xlsxCol{header: "Jurisdiction name", max: 22},
		xlsxCol{header: "Law", max: xlsxNameWidth},
		xlsxCol{header: "Why it applies", max: xlsxProseWidth},
		xlsxCol{header: "Requirement", max: xlsxProseWidth},
		xlsxCol{header: "Status", max: 9},
		xlsxCol{header: "Detail", max: xlsxProseWidth},
		xlsxCol{header: "Confidence", max: 11},
		xlsxCol{header: "Source", max: xlsxProseWidth},
		xlsxCol{header: "Rule checked", max: 12},
	)
	rows := 0
	_ = xlsxComplianceRows(m, func(r *generator.Role, j *generator.Jurisdiction, q *generator.LegalRequirement) error {
		rows++
		s.see(xlsxCompColID, r.ID)
		s.see(xlsxCompColTitle, r.Title)
		s.see(xlsxCompColLocation, xlsxComplianceWhere(r))
		s.see(xlsxCompColCode, j.Code)
		s.see(xlsxCompColName, j.Name)
		s.see(xlsxCompColLaw, j.Law)
		s.see(xlsxCompColWhy, j.Why)
		s.see(xlsxCompColRequirement, q.Text)
		s.see(xlsxCompColStatus, q.Status)
		s.see(xlsxCompColDetail, q.Detail)
		s.see(xlsxCompColConfidence, j.Confidence)
		s.see(xlsxCompColSource, j.Source)
		s.see(xlsxCompColChecked, j.Checked)
		return nil
	})
	if rows+3 > xlsxMaxRows {
		return fmt.Errorf("%w: %d compliance rows", ErrWorkbookTooLarge, rows)
	}
	st, err := b.stream(s, b.st.header)
	if err != nil {
		return err
	}
	err = xlsxComplianceRows(m, func(r *generator.Role, j *generator.Jurisdiction, q *generator.LegalRequirement) error {
		status := b.textCell(q.Status)
		if q.Status != generator.StatusMet {
			status = excelize.Cell{StyleID: b.st.bold, Value: q.Status}
		}
		return st.add(
			excelize.Cell{StyleID: b.st.bold, Value: r.ID},
			b.textCell(r.Title), b.textCell(xlsxComplianceWhere(r)),
			b.textCell(j.Code), b.textCell(j.Name), b.textCell(j.Law), b.textCell(j.Why),
			b.textCell(q.Text), status, b.textCell(q.Detail),
			b.textCell(j.Confidence), b.textCell(j.Source), b.textCell(j.Checked))
	})
	if err != nil {
		return err
	}
	if rows == 0 {
		if err := st.add(b.textCell(fmt.Sprintf("No pay-transparency law in jdgen's rules table applies to these roles on %s.", m.Settings.Date.UTC().Format("2006-01-02")))); err != nil {
			return err
		}
	}
	// Filter buttons over the table only, then the note under it.
	ref := fmt.Sprintf("A1:%s%d", s.lastCol(), max(st.row, 2))
	if err := b.f.AutoFilter(s.name, ref, nil); err != nil {
		return xlsxWrap(err)
	}
	st.skip(1)
	note := "Rules table " + "(none)"
	if m.PayLaw != nil {
		note = fmt.Sprintf("Rules table version %s. %s", m.PayLaw.Version, m.PayLaw.Note)
	}
	// The note spans the table's width on one line.
	if err := st.sw.MergeCell(s.cell(1, st.row+1), s.cell(len(s.cols), st.row+1)); err != nil {
		return xlsxWrap(err)
	}
	if err := st.addHeight(xlsxLineHeight, excelize.Cell{StyleID: b.st.prose, Value: note}); err != nil {
		return err
	}
	return st.finish(false)
}

// xlsxComplianceWhere is where a role is: its location, or for a remote
// role where its holder may live ("Remote (US)").
func xlsxComplianceWhere(r *generator.Role) string {
	if r.Workplace == "remote" && len(r.RemoteRegions) > 0 {
		return "Remote (" + strings.Join(r.RemoteRegions, ", ") + ")"
	}
	return r.Location
}
