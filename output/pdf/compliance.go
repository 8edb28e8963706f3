package pdf

import (
	"strings"

	"github.com/jdgen/jdgen/generator"
)

// pdfStatementsInJD are the kinds of posting statement the job description
// prints after its pay sentence; the pay range and the benefits are in the
// compensation section already.
var pdfStatementsInJD = map[string]bool{
	"good_faith": true, "deadline": true, "how_to_apply": true, "ai_screening": true, "vacancy": true,
}

// pdfComplianceText is the sentences the pay-transparency laws that apply
// to the role ask for (generator.Compliance: the good-faith range, the
// deadline or "ongoing", how to apply, Ontario's AI-screening and vacancy
// statements), joined as one paragraph; "" when none applies. One
// paragraph, not a headed list, so that the statements cost the page
// budget as little as possible.
func pdfComplianceText(r *generator.Role) string {
	if r.Compliance == nil {
		return ""
	}
	var parts []string
	for _, s := range r.Compliance.Statements {
		if t := strings.TrimSpace(s.Text); pdfStatementsInJD[s.Kind] && t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}
