package pdf

import (
	"fmt"
	"strings"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/locale"
	"github.com/jdgen/jdgen/templates"
)

// JDDocument is one job description as content, before any layout: the
// header, the metadata and the ordered sections. BuildJobDescription makes
// one from the model; RenderJobDescription draws it.
type JDDocument struct {
	// RoleID names the role (and the output file).
	RoleID string
	// Company is the employer's name, shown in the header (when there is no
	// logo) and the footer.
	Company string
	// Title is the role title, the header's headline.
	Title string
	// Subtitle is the "Department · Location · Workplace" line under the title.
	Subtitle string
	// BrandColor is the company colour, "#RRGGBB".
	BrandColor string
	// Eyebrow labels the document above the title; "" means "JOB
	// DESCRIPTION".
	Eyebrow string
	// Meta is the PDF document information.
	Meta JDMeta
	// Sections are the body sections in reading order; empty ones are left out.
	Sections []JDSection
	// Level is the role's level code ("OPS-4"), "" when none.
	Level string
	// PageBudget is the number of pages the document should fit in (see
	// PageBudget); 0 means no budget. A document over it is set in a more
	// compact form (see pdfCompact) when that is shorter.
	PageBudget int
}

// JDMeta is the PDF document information dictionary.
type JDMeta struct {
	Title    string
	Author   string
	Subject  string
	Keywords string
	Creator  string
	// Lang is the document's natural language ("en-GB").
	Lang string
}

// JDSectionID identifies a job-description section.
type JDSectionID string

// The sections of a job description, in the order they appear.
const (
	JDIdentification    JDSectionID = "identification"
	JDSummary           JDSectionID = "summary"
	JDAbout             JDSectionID = "about"
	JDResponsibilities  JDSectionID = "responsibilities"
	JDKPIs              JDSectionID = "kpis"
	JDScope             JDSectionID = "scope"
	JDQualifications    JDSectionID = "qualifications"
	JDCompetencies      JDSectionID = "competencies"
	JDCareerPath        JDSectionID = "career-path"
	JDWorkingConditions JDSectionID = "working-conditions"
	JDCompensation      JDSectionID = "compensation"
	JDEqualOpportunity  JDSectionID = "equal-opportunity"
	// JDAtWill is the at-will employment statement (US, company.at_will).
	JDAtWill JDSectionID = "at-will"
)

// JDSectionOrder is the order sections appear in when they have content.
var JDSectionOrder = []JDSectionID{
	JDIdentification, JDSummary, JDAbout, JDResponsibilities, JDKPIs, JDScope,
	JDQualifications, JDCompetencies, JDCareerPath, JDWorkingConditions,
	JDCompensation, JDEqualOpportunity, JDAtWill,
}

// JDSection is one headed section; its heading is also a PDF bookmark.
type JDSection struct {
	ID      JDSectionID
	Heading string
	Blocks  []JDBlock
}

// JDBlockKind is the kind of a content block.
type JDBlockKind int

// Block kinds.
const (
	// JDParagraph is running text (Text).
	JDParagraph JDBlockKind = iota + 1
	// JDBullets is a bullet list (Items).
	JDBullets
	// JDTable is a ruled two-column key-value table (Rows), such as the
	// identification block.
	JDTable
	// JDDefinitions is an unruled list of terms and their descriptions (Rows).
	JDDefinitions
	// JDGroups is bullet lists under sub-headings (Groups).
	JDGroups
	// JDPayChart is the pay bar (Bar) with its caption (Text).
	JDPayChart
)

// String names the kind, for test messages.
func (k JDBlockKind) String() string {
	switch k {
	case JDParagraph:
		return "paragraph"
	case JDBullets:
		return "bullets"
	case JDTable:
		return "table"
	case JDDefinitions:
		return "definitions"
	case JDGroups:
		return "groups"
	case JDPayChart:
		return "pay chart"
	}
	return fmt.Sprintf("JDBlockKind(%d)", int(k))
}

// JDBlock is one piece of section content; which fields are used depends on
// Kind.
type JDBlock struct {
	Kind JDBlockKind
	Text string
	// Link is a URL that appears in Text (paragraphs): it is drawn as a
	// link, tagged as one.
	Link string
	// Columns sets bullets, definitions and groups' items in this many
	// columns, filled row by row (0 or 1: one column). For short items.
	Columns int
	Items   []string
	Rows    []JDRow
	Groups  []JDGroup
	// Bar is the pay bar of a JDPayChart block.
	Bar *JDPayBar
}

// JDRow is a label and its value. A value may hold line breaks.
type JDRow struct {
	Label string
	Value string
}

// JDGroup is a sub-heading and its bullet items.
type JDGroup struct {
	Heading string
	Items   []string
}

// Section returns the section with the given id.
func (d *JDDocument) Section(id JDSectionID) (*JDSection, bool) {
	for i := range d.Sections {
		if d.Sections[i].ID == id {
			return &d.Sections[i], true
		}
	}
	return nil, false
}

// pdfLang is the documents' language tag (PDF /Lang, XMP dc:language):
// the product's English is US English.
const pdfLang = "en-US"

// pdfMaxListedReports is how many direct-report roles the identification
// table lists one per line; beyond it the list is summarised.
const pdfMaxListedReports = 6

// pdfDateLayout prints the effective date when the model has no date text
// for its locale: "November 22, 2026".
const pdfDateLayout = "January 2, 2006"

// Wording the job description adds around the model's text, in US English;
// pdfWords respells it for the company's locale.
const (
	// pdfEssentialFunctions heads the responsibilities of a US role: the
	// duties that are essential to the job (ADA).
	pdfEssentialFunctions = "Essential functions"
	// pdfKeyResponsibilities heads them elsewhere.
	pdfKeyResponsibilities = "Key responsibilities"
	// pdfOtherDuties follows the responsibilities.
	pdfOtherDuties = "This list of duties is not exhaustive. The job holder may be asked to perform other related duties as assigned."
	// pdfTopOfOperations stands for the level above a role that is the
	// top of operations in its company.
	pdfTopOfOperations = "None in this company: this is the top operations role."
)

// BuildJobDescription turns one role of the model into a job-description
// document. It only reads the model. Sections without content are left out.
func BuildJobDescription(m *generator.Model, r *generator.Role) JDDocument {
	co := m.Company
	d := JDDocument{
		RoleID:     r.ID,
		Company:    co.Name,
		Title:      r.Title,
		Subtitle:   pdfJoin(" · ", r.Department, r.Location, generator.Label(r.Workplace)),
		BrandColor: co.BrandColor,
		Level:      r.Level,
		PageBudget: PageBudget(m, r),
		Meta: JDMeta{
			Title:    r.Title,
			Author:   co.Name,
			Subject:  "Job description",
			Keywords: pdfJoin(", ", r.Level, r.Department),
			Creator:  strings.TrimSpace("jdgen " + m.Settings.Version),
			Lang:     pdfOr(co.Locale, pdfLang),
		},
	}
	w := pdfWords(co.Locale)
	add := func(id JDSectionID, heading string, blocks ...JDBlock) {
		var kept []JDBlock
		for _, b := range blocks {
			if b.Kind == JDGroups {
				var gs []JDGroup
				for _, g := range b.Groups {
					if len(g.Items) > 0 {
						gs = append(gs, g)
					}
				}
				b.Groups = gs
			}
			if !b.empty() {
				kept = append(kept, b)
			}
		}
		if len(kept) > 0 {
			d.Sections = append(d.Sections, JDSection{ID: id, Heading: heading, Blocks: kept})
		}
	}

	add(JDIdentification, w("Position details"), JDBlock{Kind: JDTable, Rows: pdfIdentification(m, r)})
	add(JDSummary, w("Position summary"), pdfParagraph(r.Summary))
	about := strings.TrimSpace(co.About)
	if w := strings.TrimSpace(co.Website); w != "" && about != "" {
		about += " Learn more at " + w + "."
	}
	aboutBlock := pdfParagraph(about)
	if w := strings.TrimSpace(co.Website); w != "" && strings.Contains(about, w) {
		aboutBlock.Link = w
	}
	add(JDAbout, "About "+pdfOr(co.Name, "the company"), aboutBlock)

	var groups []JDGroup
	for _, g := range r.ResponsibilityGroups() {
		groups = append(groups, JDGroup{Heading: g.Area, Items: pdfItemTexts(g.Items, nil)})
	}
	heading := pdfKeyResponsibilities
	if co.Country == "" || co.Country == "US" {
		heading = pdfEssentialFunctions
	}
	add(JDResponsibilities, w(heading), JDBlock{Kind: JDGroups, Groups: groups}, pdfParagraph(pdfIf(len(groups) > 0, w(pdfOtherDuties))))
	add(JDKPIs, w("Key performance indicators"), JDBlock{Kind: JDBullets, Items: pdfItemTexts(r.KPIs, nil)})

	dm := r.Dimensions
	add(JDScope, w("Scope and decision-making authority"), JDBlock{Kind: JDDefinitions, Rows: pdfRows(
		w("Scope"), dm.Scope,
		w("Decision authority"), dm.DecisionAuthority,
		w("Strategic focus"), dm.StrategicFocus,
		w("Organizational impact"), dm.OrganisationalImpact,
	)})

	required, preferred := false, true
	add(JDQualifications, w("Qualifications"), JDBlock{Kind: JDGroups, Groups: []JDGroup{
		{Heading: w("Required"), Items: pdfItemTexts(r.Qualifications, &required)},
		{Heading: w("Preferred"), Items: pdfItemTexts(r.Qualifications, &preferred)},
	}})

	var comp []JDRow
	for _, c := range r.Competencies {
		comp = append(comp, JDRow{Label: c.Name, Value: c.Text})
	}
	// Competencies are short: two columns keep the section compact.
	add(JDCompetencies, w("Competencies expected at this level"), JDBlock{Kind: JDDefinitions, Rows: comp, Columns: 2})

	cp := r.CareerPath
	above := pdfLevelRef(cp.Above)
	if cp.Above == nil && r.IsTopOps {
		above = w(pdfTopOfOperations)
	}
	// The levels side by side, the promotion criteria across the page.
	add(JDCareerPath, w("Career path"),
		JDBlock{Kind: JDDefinitions, Columns: 2, Rows: pdfRows(
			w("Level below"), pdfLevelRef(cp.Below),
			w("Level above"), above,
		)},
		JDBlock{Kind: JDDefinitions, Rows: pdfRows(w(pdfPromotionLabel), pdfIf(cp.Above != nil, cp.Promotion))},
	)

	// Physical demands and the working environment, worded around the
	// essential functions, with how to ask for an accommodation.
	physical := pdfNonEmpty(r.PhysicalDemands)
	environment := pdfNonEmpty(append(append([]string(nil), r.WorkingEnvironment...), r.WorkingConditions...))
	add(JDWorkingConditions, w("Physical demands and working environment"),
		JDBlock{Kind: JDGroups, Groups: []JDGroup{
			{Heading: w("Physical demands"), Items: physical},
			{Heading: w("Working environment"), Items: environment},
		}},
		pdfParagraph(pdfIf(len(physical)+len(environment) > 0, co.Accommodation)))

	var pay string
	if s := r.Salary; s != nil && strings.TrimSpace(s.Text) != "" {
		if s.Source == "band" && r.Level != "" {
			pay = fmt.Sprintf(w("This position is paid within the %s pay band: %s."), r.Level, s.Text)
		} else {
			pay = fmt.Sprintf(w("The pay range for this position is %s."), s.Text)
		}
	}
	var benefits []JDGroup
	if b := pdfNonEmpty(co.Benefits); len(b) > 0 {
		benefits = []JDGroup{{Heading: w("Benefits"), Items: b}}
	}
	bar, _ := pdfPayBarBlock(m, r)
	add(JDCompensation, w("Compensation and benefits"), pdfParagraph(pdfJoin(" ", pay, pdfComplianceText(r))), bar, JDBlock{Kind: JDGroups, Groups: benefits, Columns: 2})

	add(JDEqualOpportunity, w("Equal opportunity"), pdfParagraph(co.EqualOpportunity))
	add(JDAtWill, w("At-will employment"), pdfParagraph(co.AtWill))
	return d
}

// pdfIdentification is the rows of the identification table.
func pdfIdentification(m *generator.Model, r *generator.Role) []JDRow {
	level := r.Level
	if r.LevelTitle != "" && level != "" && r.LevelTitle != r.Title {
		// The level's title, unless it is the job title above.
		level += " · " + r.LevelTitle
	}
	if r.Band != "" && level != "" {
		level += " (" + r.Band + " band)"
	}
	var pay string
	if r.Salary != nil {
		pay = r.Salary.Text
	}
	date := m.Settings.DateText
	if date == "" && !m.Settings.Date.IsZero() {
		date = m.Settings.Date.UTC().Format(pdfDateLayout)
	}
	var experience string
	if r.ExperienceYears > 0 {
		experience = templates.ExperienceText(r.ExperienceYears)
	}
	w := pdfWords(m.Company.Locale)
	return pdfRows(
		w("Job title"), r.Title,
		w("Level"), level,
		w("Seniority"), r.Dimensions.Seniority,
		w("Department"), r.Department,
		w("Reports to"), r.ReportsToTitle,
		w("Direct reports"), pdfDirectReports(m, r),
		w("Location"), r.Location,
		w("Workplace"), generator.Label(r.Workplace),
		w("Employment type"), generator.Label(r.EmploymentType),
		"FLSA status", generator.Label(r.FLSA),
		w("Required experience"), experience,
		w("Pay range"), pay,
		w("Effective date"), date,
	)
}

// pdfDirectReports describes the roles reporting to r: one role on one line,
// a few one per line under a count, many as a count and a short list.
func pdfDirectReports(m *generator.Model, r *generator.Role) string {
	if len(r.DirectReports) == 0 {
		return ""
	}
	type report struct {
		title string
		n     int
	}
	var reports []report
	for _, id := range r.DirectReports {
		if dr, ok := pdfRoleByID(m, id); ok {
			reports = append(reports, report{dr.Title, dr.Headcount})
		} else {
			reports = append(reports, report{id, 0})
		}
	}
	people := r.DirectReportHeadcount
	line := func(rp report) string {
		if rp.n > 1 {
			return fmt.Sprintf("%s (%d people)", rp.title, rp.n)
		}
		return rp.title
	}
	if len(reports) == 1 {
		return line(reports[0])
	}
	head := fmt.Sprintf("%d roles, %s", len(reports), pdfPeople(people))
	if len(reports) <= pdfMaxListedReports {
		lines := []string{head}
		for _, rp := range reports {
			lines = append(lines, line(rp))
		}
		return strings.Join(lines, "\n")
	}
	const shown = pdfMaxListedReports - 1
	titles := make([]string, 0, shown)
	for _, rp := range reports[:shown] {
		titles = append(titles, rp.title)
	}
	return fmt.Sprintf("%s, including %s and %d more roles", head, strings.Join(titles, "; "), len(reports)-shown)
}

// pdfRoleByID finds a role by id. Models built by generator.Resolve answer
// through Model.Role; a hand-built model is searched.
func pdfRoleByID(m *generator.Model, id string) (*generator.Role, bool) {
	if r, ok := m.Role(id); ok {
		return r, true
	}
	for i := range m.Roles {
		if m.Roles[i].ID == id {
			return &m.Roles[i], true
		}
	}
	return nil, false
}

func pdfPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

func pdfLevelRef(l *generator.LevelRef) string {
	if l == nil || l.Code == "" {
		return ""
	}
	return pdfJoin(" · ", l.Code, l.Title)
}

// pdfItemTexts returns the texts of items, only those whose Preferred flag
// matches when preferred is not nil.
func pdfItemTexts(items []generator.Item, preferred *bool) []string {
	var out []string
	for _, it := range items {
		if preferred != nil && it.Preferred != *preferred {
			continue
		}
		if t := strings.TrimSpace(it.Text); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// pdfRows makes rows from label, value pairs, leaving out empty values.
func pdfRows(pairs ...string) []JDRow {
	var out []JDRow
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := strings.TrimSpace(pairs[i+1]); v != "" {
			out = append(out, JDRow{Label: pairs[i], Value: v})
		}
	}
	return out
}

func pdfParagraph(s string) JDBlock {
	return JDBlock{Kind: JDParagraph, Text: strings.TrimSpace(s)}
}

func pdfNonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func pdfJoin(sep string, parts ...string) string {
	return strings.Join(pdfNonEmpty(parts), sep)
}

func pdfOr(s, dflt string) string {
	if strings.TrimSpace(s) == "" {
		return dflt
	}
	return s
}

func pdfIf(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// empty reports whether the block has nothing to show.
func (b JDBlock) empty() bool {
	switch b.Kind {
	case JDParagraph:
		return strings.TrimSpace(b.Text) == ""
	case JDBullets:
		return len(b.Items) == 0
	case JDTable, JDDefinitions:
		return len(b.Rows) == 0
	case JDPayChart:
		return b.Bar == nil
	case JDGroups:
		for _, g := range b.Groups {
			if len(g.Items) > 0 {
				return false
			}
		}
		return true
	}
	return true
}

// pdfPromotionLabel labels the promotion criteria of the career path.
const pdfPromotionLabel = "Promotion"

// pdfCompactSteps is the number of ways pdfCompact can shorten a document.
const pdfCompactSteps = 3

// pdfCompact returns d in a more compact form, for a document over its page
// budget; step 1 lists the competencies by name in two columns and leaves
// what each means at the level to the career-ladder workbook; step 2 also
// leaves the promotion criteria to the workbook; step 3 leaves the
// competencies to the workbook altogether, the career path saying where
// they are. It reports false when the step changes nothing.
func pdfCompact(d JDDocument, step int) (JDDocument, bool) {
	w := pdfWords(d.Meta.Lang)
	level := pdfOr(d.Level, "this level")
	isPromotion := func(b JDBlock) bool { return len(b.Rows) == 1 && b.Rows[0].Label == w(pdfPromotionLabel) }
	_, hasCareer := d.Section(JDCareerPath)
	changed := false
	var secs []JDSection
	for _, s := range d.Sections {
		switch {
		case s.ID == JDCompetencies && step >= 3 && hasCareer:
			// Left to the workbook; the career path says so.
			changed = true
			continue
		case s.ID == JDCompetencies && step >= 1:
			var names []string
			for _, b := range s.Blocks {
				for _, r := range b.Rows {
					names = append(names, r.Label)
				}
			}
			if len(names) == 0 {
				break
			}
			s.Blocks = []JDBlock{{Kind: JDBullets, Items: names, Columns: 2}}
			if step < 2 || !hasCareer {
				s.Blocks = append(s.Blocks, pdfParagraph(w("What each competency means at "+level+" is set out in the career-ladder workbook (Competencies sheet).")))
			}
			changed = true
		case s.ID == JDCareerPath && step >= 2:
			var blocks []JDBlock
			for _, b := range s.Blocks {
				if !isPromotion(b) {
					blocks = append(blocks, b)
				}
			}
			what := "What each competency means at " + level + " and what promotion takes are"
			if step >= 3 {
				what = "The competencies expected at " + level + " and what promotion takes are"
			}
			s.Blocks = append(blocks, pdfParagraph(w(what+" set out in the career-ladder workbook.")))
			changed = true
		}
		secs = append(secs, s)
	}
	d.Sections = secs
	return d, changed
}

// pdfWords returns the function that respells the job description's own
// wording (headings, labels, fixed sentences: written in US English) for
// the company's locale tag; an unknown or empty tag keeps US English.
func pdfWords(tag string) func(string) string {
	loc, err := locale.Parse(tag)
	if err != nil || loc == locale.EnUS {
		return func(s string) string { return s }
	}
	return func(s string) string { return locale.Spell(loc, s) }
}
