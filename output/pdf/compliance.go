package pdf

import (
	"strings"

	"github.com/jdgen/jdgen/generator"
)

// pdfStatementsInJD are the kinds of posting statement the job description
// prints in its own group; pay and benefits are in the compensation text
// already.
var pdfStatementsInJD = map[string]bool{
	"good_faith": true, "deadline": true, "how_to_apply": true, "ai_screening": true, "vacancy": true,
}

// pdfComplianceGroups is the group of statements the pay-transparency laws
// that apply to the role ask for (generator.Compliance), headed with the
// laws' names; nil when none applies.
func pdfComplianceGroups(r *generator.Role) []JDGroup {
	if r.Compliance == nil {
		return nil
	}
	var items []string
	for _, s := range r.Compliance.Statements {
		if pdfStatementsInJD[s.Kind] && strings.TrimSpace(s.Text) != "" {
			items = append(items, s.Text)
		}
	}
	if len(items) == 0 {
		return nil
	}
	var names []string
	for _, j := range r.Compliance.Jurisdictions {
		names = append(names, j.Name)
	}
	return []JDGroup{{Heading: "Hiring statements (" + strings.Join(names, ", ") + ")", Items: items}}
}
