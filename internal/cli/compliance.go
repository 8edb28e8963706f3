package cli

import (
	"fmt"
	"io"

	"github.com/jdgen/jdgen/generator"
)

// printCompliance lists, for `jdgen validate`, the pay-transparency laws
// that apply to each role on the run's date and, for each, what it asks
// and whether the config supplies it. Nothing is printed when no law applies.
func printCompliance(w io.Writer, m *generator.Model) {
	header := false
	for _, r := range m.Roles {
		if r.Compliance == nil {
			continue
		}
		if !header {
			header = true
			version := ""
			if m.PayLaw != nil {
				version = fmt.Sprintf(" (rules table %s; a checklist, not legal advice)", m.PayLaw.Version)
			}
			fmt.Fprintf(w, "pay transparency on %s%s:\n", m.Settings.Date.Format("2006-01-02"), version)
		}
		fmt.Fprintf(w, "  %s:\n", r.ID)
		for _, j := range r.Compliance.Jurisdictions {
			assumed := ""
			if j.ThresholdAssumed {
				assumed = "; size assumed: " + j.Threshold
			}
			fmt.Fprintf(w, "    %s (%s): %s%s\n", j.Name, j.Law, j.Why, assumed)
			for _, q := range j.Requirements {
				detail := ""
				if q.Detail != "" {
					detail = ": " + q.Detail
				}
				fmt.Fprintf(w, "      %-7s %s%s\n", q.Status, q.Text, detail)
			}
		}
	}
}
