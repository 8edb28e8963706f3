package generator

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jdgen/jdgen/internal/wording"
	"go.yaml.in/yaml/v3"
)

// formulaStarts are the characters a spreadsheet reads as the start of a
// formula when it opens a CSV file.
const formulaStarts = "=+-@"

// textChecks runs on every text value as it is decoded: it records the
// column the text starts on (so wording warnings can say where a word is)
// and warns about text a spreadsheet would read as a formula.
func (d *decoder) textChecks(n *yaml.Node, path, s string) {
	if d.rec.wantsCol(path) && !strings.Contains(n.Value, "\n") && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		col := n.Column
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		col += utf8.RuneCountInString(n.Value) - utf8.RuneCountInString(strings.TrimLeft(n.Value, " \t"))
		d.rec.cols[path] = col
	}
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		d.ps.warn(n.Line, path, "starts with %q: the workbook keeps it as text, but a CSV export of the workbook turns it into a live formula in the next spreadsheet that opens it; reword it so it does not start with = + - or @", s[:1])
	}
}

// whyWords says what kind of word a wording finding is.
var whyWords = map[string]string{
	"gendered":     "is gendered",
	"age":          "refers to age",
	"language":     "excludes people by their first language",
	"ability":      "refers to ability",
	"jargon":       "is jargon that puts applicants off",
	"exclusionary": "is exclusionary",
}

// wordingChecks runs the wording check over the company's own text:
// titles, summaries, focus, added list items, working conditions, about
// and benefits. Each finding is a warning with the line and column.
func (r *resolver) wordingChecks() {
	check := func(path, text string) {
		for _, f := range wording.Check(text) {
			switch {
			case f.Line > 1:
				r.warnAt(path, "line %d of the text: %q %s (suggestion: %s)", f.Line, f.Text, whyWords[f.Why], f.Suggestion)
			case f.Line == 1:
				// "column N: " when the file writes the text on one line.
				r.ps.warnAtColumn(path, f.Column-1, "%q %s (suggestion: %s)", f.Text, whyWords[f.Why], f.Suggestion)
			default:
				r.warnAt(path, "%q %s (suggestion: %s)", f.Text, whyWords[f.Why], f.Suggestion)
			}
		}
	}
	items := func(path string, lp ListPatch) {
		for j, it := range lp.Replace {
			check(fmt.Sprintf("%s[%d]", path, j), it.Text)
		}
		for j, it := range lp.Add {
			check(fmt.Sprintf("%s.add[%d]", path, j), it.Text)
		}
	}
	co := r.c.Company
	check("company.about", co.About)
	for j, b := range co.Benefits {
		check(fmt.Sprintf("company.benefits[%d]", j), b)
	}
	for i, t := range r.c.Templates {
		p := fmt.Sprintf("templates[%d]", i)
		check(p+".title", t.Title)
		check(p+".summary", t.Summary)
		items(p+".responsibilities", t.Responsibilities)
		items(p+".qualifications", t.Qualifications)
		items(p+".kpis", t.KPIs)
		for j, w := range t.WorkingConditions {
			check(fmt.Sprintf("%s.working_conditions[%d]", p, j), w)
		}
	}
	for i, rc := range r.c.Roles {
		p := fmt.Sprintf("roles[%d]", i)
		check(p+".title", rc.Title)
		check(p+".focus", rc.Focus)
		check(p+".summary", rc.Summary)
		items(p+".responsibilities", rc.Responsibilities())
		items(p+".qualifications", rc.Qualifications())
		items(p+".kpis", rc.KPIs())
	}
}
