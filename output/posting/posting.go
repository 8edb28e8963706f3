// Package posting builds the candidate-facing posting of a role: one
// document model, made from the resolved generator.Model only, that every
// posting format renders (output/pdf: postings/<id>.pdf, output/web:
// postings/<id>.html and postings/index.html, output/markdown:
// postings/<id>.md).
//
// A posting carries what a candidate needs and nothing HR keeps for
// itself: no level code, band, competency matrix, promotion criteria,
// headcount, KPIs or internal ids in its text (the role id only names the
// files and the JSON-LD identifier).
package posting

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/locale"
)

// SectionID identifies a posting section.
type SectionID string

// The sections of a posting, in the order they appear.
const (
	AboutCompany      SectionID = "about-company"
	AboutRole         SectionID = "about-role"
	Responsibilities  SectionID = "responsibilities"
	Qualifications    SectionID = "qualifications"
	WorkingConditions SectionID = "working-conditions"
	Benefits          SectionID = "benefits"
	HowToApply        SectionID = "how-to-apply"
	EqualOpportunity  SectionID = "equal-opportunity"
)

// Document is one role's posting as content, before any format.
type Document struct {
	// RoleID names the files (postings/<id>.*) and is the JSON-LD
	// identifier; it is never shown.
	RoleID string
	// Lang is the language tag ("en-US").
	Lang string
	// Title is the job title, the page's only top-level heading.
	Title string
	// Company is the employer's name; Website its site ("" when none).
	Company string
	Website string
	// BrandColor is the company colour, "#RRGGBB".
	BrandColor string
	// Logo is the company's logo file (PNG or JPEG), nil when none.
	Logo []byte
	// Department is the team the role is in ("" when none).
	Department string
	// Location is the place as written ("Chicago, IL"); Address its parts.
	Location string
	Address  Address
	// Workplace is "on-site", "hybrid" or "remote".
	Workplace string
	// RemoteRegions are where a remote role's person may live.
	RemoteRegions []string
	// EmploymentType is "full-time", "part-time", "contract" or "temporary".
	EmploymentType string
	// Pay is the pay range, nil when the role has none.
	Pay *generator.Pay
	// Facts are the key facts shown under the title, in order.
	Facts []Fact
	// Sections are the body in reading order; empty ones are left out.
	Sections []Section
	// DatePosted is the run's effective date.
	DatePosted time.Time
	// ApplyBy is the application deadline; zero when applications are
	// accepted on an ongoing basis.
	ApplyBy time.Time
	// ApplyURL is where to apply ("" when none).
	ApplyURL string
	// Occupation is the O*NET-SOC code of the role's template
	// ("11-1021.00"), "" when unknown.
	Occupation string
	// ExperienceMonths is the required experience, 0 when none is stated.
	ExperienceMonths int
	// Education is the lowest credential the required qualifications
	// accept, as schema.org names it ("bachelor degree"), "" when none.
	Education string
	// Summary is the role summary, also the page description.
	Summary string
}

// Address is a postal address as far as the location tells.
type Address struct {
	Locality string
	Region   string
	// Country is an ISO 3166-1 alpha-2 code; never empty.
	Country string
}

// Fact is one key fact: a label and its value.
type Fact struct {
	Label string
	Value string
}

// Section is one headed part of the body.
type Section struct {
	ID      SectionID
	Heading string
	// Paragraphs come first, then Items (a bullet list), then Groups.
	Paragraphs []string
	Items      []string
	Groups     []Group
}

// Group is a sub-heading and its bullet items.
type Group struct {
	Heading string
	Items   []string
}

// Section returns the section with the given id.
func (d *Document) Section(id SectionID) (*Section, bool) {
	for i := range d.Sections {
		if d.Sections[i].ID == id {
			return &d.Sections[i], true
		}
	}
	return nil, false
}

// Open returns the roles of the model that have a posting, in config order.
func Open(m *generator.Model) []*generator.Role {
	var out []*generator.Role
	for i := range m.Roles {
		if m.Roles[i].Posting != nil {
			out = append(out, &m.Roles[i])
		}
	}
	return out
}

// Dir is the output folder of the postings.
const Dir = "postings"

// Ongoing is what a posting without a deadline says.
const Ongoing = "Applications are accepted on an ongoing basis."

// Build makes the posting of one role. The role must have a posting
// (Role.Posting != nil); Build only reads the model.
func Build(m *generator.Model, r *generator.Role) Document {
	co := m.Company
	p := r.Posting
	if p == nil {
		p = &generator.Posting{}
	}
	d := Document{
		RoleID: r.ID, Lang: or(co.Locale, "en-US"), Title: clean(r.Title), Company: clean(co.Name),
		Website: strings.TrimSpace(co.Website), BrandColor: co.BrandColor, Logo: co.Logo,
		Department: clean(r.Department), Location: clean(r.Location), Workplace: r.Workplace,
		RemoteRegions: p.RemoteRegions, EmploymentType: r.EmploymentType, Pay: r.Salary,
		DatePosted: m.Settings.Date.UTC(), ApplyURL: p.ApplyURL, Occupation: r.ONET,
		Summary: clean(r.Summary),
	}
	if t, ok := p.ApplyByDate(); ok {
		d.ApplyBy = t
	}
	d.Address = ParseAddress(r.Location, r.Salary, co.Country)

	d.Facts = append(d.Facts, Fact{"Company", d.Company})
	if d.Department != "" {
		d.Facts = append(d.Facts, Fact{"Team", d.Department})
	}
	loc := d.Location
	if r.Workplace == "remote" {
		loc = strings.TrimSpace(remoteText(p.RemoteRegions))
		if loc == "" {
			loc = d.Location
		}
	}
	if loc != "" {
		d.Facts = append(d.Facts, Fact{"Location", loc})
	}
	d.Facts = append(d.Facts, Fact{"Workplace", generator.Label(r.Workplace)})
	d.Facts = append(d.Facts, Fact{"Employment type", generator.Label(r.EmploymentType)})
	if r.Salary != nil {
		d.Facts = append(d.Facts, Fact{"Pay", r.Salary.Text})
	}
	if d.ApplyBy.IsZero() {
		d.Facts = append(d.Facts, Fact{"Applications", "Accepted on an ongoing basis"})
	} else {
		d.Facts = append(d.Facts, Fact{"Apply by", FormatDate(d.ApplyBy, d.Lang)})
	}

	add := func(s Section) {
		s.Paragraphs = nonEmpty(s.Paragraphs)
		s.Items = nonEmpty(s.Items)
		var gs []Group
		for _, g := range s.Groups {
			if g.Items = nonEmpty(g.Items); len(g.Items) > 0 {
				gs = append(gs, g)
			}
		}
		s.Groups = gs
		if len(s.Paragraphs)+len(s.Items)+len(s.Groups) > 0 {
			d.Sections = append(d.Sections, s)
		}
	}
	add(Section{ID: AboutCompany, Heading: "About " + or(d.Company, "us"), Paragraphs: []string{clean(co.About)}})
	add(Section{ID: AboutRole, Heading: "About the role", Paragraphs: []string{d.Summary}})
	var resp []string
	for _, it := range r.Responsibilities {
		resp = append(resp, clean(it.Text))
	}
	add(Section{ID: Responsibilities, Heading: "What you will do", Items: resp})
	var req, pref []string
	for _, it := range r.Qualifications {
		if it.Preferred {
			pref = append(pref, clean(it.Text))
		} else {
			req = append(req, clean(it.Text))
		}
	}
	q := Section{ID: Qualifications, Heading: "What you bring"}
	if len(pref) == 0 {
		q.Items = req
	} else {
		q.Groups = []Group{{"Required", req}, {"Nice to have", pref}}
	}
	add(q)
	var wc []string
	for _, list := range [][]string{r.WorkingEnvironment, r.PhysicalDemands, r.WorkingConditions} {
		for _, s := range list {
			wc = append(wc, clean(s))
		}
	}
	add(Section{ID: WorkingConditions, Heading: "Working conditions and physical demands", Items: wc})
	var benefits []string
	for _, b := range co.Benefits {
		benefits = append(benefits, clean(b))
	}
	// The pay range is a key fact; the section holds the benefits, and the
	// good-faith statement where a pay-transparency law asks for it.
	law := lawStatements(r)
	if law["good_faith"] != "" && r.Salary != nil {
		add(Section{ID: Benefits, Heading: "Pay and benefits", Paragraphs: []string{"The pay range for this role is " + r.Salary.Text + ". " + law["good_faith"]}, Items: benefits})
	} else {
		add(Section{ID: Benefits, Heading: "Benefits", Items: benefits})
	}
	// How and by when to apply, then what the laws ask a posting to say
	// about the hiring process (Ontario: AI screening, existing vacancy).
	add(Section{ID: HowToApply, Heading: "How to apply", Paragraphs: []string{applyText(p) + " " + d.deadlineSentence(), law["vacancy"], law["ai_screening"]}})
	eo := clean(co.EqualOpportunity)
	if !strings.Contains(strings.ToLower(eo), "accommodation") {
		eo = strings.TrimSpace(eo + " " + clean(co.Accommodation))
	}
	// The at-will statement is written for the job description.
	atWill := strings.ReplaceAll(clean(co.AtWill), "This job description is", "This posting is")
	add(Section{ID: EqualOpportunity, Heading: "Equal opportunity", Paragraphs: []string{eo, atWill}})

	d.ExperienceMonths = r.ExperienceYears * 12
	if d.ExperienceMonths == 0 {
		d.ExperienceMonths = experienceMonths(req)
	}
	d.Education = education(r.Qualifications)
	return d
}

// lawStatements are the statements the pay-transparency laws that apply
// to the role ask a posting to carry (generator.Compliance), by kind. The
// pay, benefits, deadline and how to apply are in every posting already.
func lawStatements(r *generator.Role) map[string]string {
	out := map[string]string{}
	if r.Compliance == nil {
		return out
	}
	for _, s := range r.Compliance.Statements {
		out[s.Kind] = clean(s.Text)
	}
	return out
}

// applyText says how to apply, as one or more sentences: the company's
// text, and the application URL when the text does not give it.
func applyText(p *generator.Posting) string {
	how := clean(p.HowToApply)
	switch {
	case how == p.ApplyURL && how != "":
		return "Apply at " + how + "."
	case p.ApplyURL != "" && !strings.Contains(how, p.ApplyURL):
		how = sentence(how)
		return strings.TrimSpace(how + " Apply at " + p.ApplyURL + ".")
	}
	return sentence(how)
}

// sentence ends s with a full stop unless it ends with punctuation or a URL.
func sentence(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	if i := strings.LastIndex(s, " "); strings.Contains(s[i+1:], "://") {
		return s // a trailing full stop would look like part of the URL
	}
	return s + "."
}

// FormatDate writes a date the way the locale does: "January 31, 2027"
// (en-US, en-CA) or "31 January 2027" (en-GB, en-AU).
func FormatDate(t time.Time, lang string) string {
	return locale.FormatDate(locale.Locale(lang), t)
}

// deadlineSentence says by when to apply, or that applications are
// accepted on an ongoing basis.
func (d *Document) deadlineSentence() string {
	if d.ApplyBy.IsZero() {
		return Ongoing
	}
	return "Apply by " + FormatDate(d.ApplyBy, d.Lang) + "."
}

// remoteText describes where a remote role's person may live: "Remote
// (Colorado or California, United States; Canada)".
func remoteText(regions []string) string {
	if len(regions) == 0 {
		return ""
	}
	var groups []string           // in order of first appearance
	subs := map[string][]string{} // country name -> its regions
	for _, code := range regions {
		name := RegionName(code)
		region, country, ok := strings.Cut(name, ", ")
		if !ok {
			if _, seen := subs[name]; !seen {
				groups = append(groups, name)
				subs[name] = nil
			}
			continue
		}
		if _, seen := subs[country]; !seen {
			groups = append(groups, country)
		}
		subs[country] = append(subs[country], region)
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = g
		if rs := subs[g]; len(rs) > 0 {
			parts[i] = orList(rs) + ", " + g
		}
	}
	return "Remote (" + strings.Join(parts, "; ") + ")"
}

// orList joins names as "A", "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// RegionName is a display name for a region code: "US" -> "United
// States", "US-CO" -> "Colorado, United States"; unknown codes as written.
func RegionName(code string) string {
	c, sub, _ := strings.Cut(code, "-")
	country := countryNames[c]
	if country == "" {
		return code
	}
	if sub == "" {
		return country
	}
	if c == "US" {
		if n := usStates[sub]; n != "" {
			return n + ", " + country
		}
	}
	if c == "CA" {
		if n := caProvinces[sub]; n != "" {
			return n + ", " + country
		}
	}
	return code
}

// clean trims a config text and joins its lines: a line break inside one
// text would otherwise start a new paragraph or block in some formats.
func clean(s string) string {
	if isClean(s) {
		return s // most texts: no copy
	}
	return strings.Join(strings.Fields(s), " ")
}

// isClean reports whether clean(s) == s: no leading, trailing or repeated
// white space, and no white space other than single spaces.
func isClean(s string) bool {
	space := true // at the start, a space would be leading
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return !space || s == ""
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// yearsRe finds "Five years or more", "5+ years", "10 or more years".
var yearsRe = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\s*(?:\+\s*)?(?:or more\s+)?years?\b`)

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
}

// experienceMonths is the first number of years the required
// qualifications name (the overall experience comes first in the built-in
// library), in months; 0 when none does.
func experienceMonths(required []string) int {
	for _, s := range required {
		if m := yearsRe.FindStringSubmatch(s); m != nil {
			w := strings.ToLower(m[1])
			n, ok := numberWords[w]
			if !ok {
				n, _ = strconv.Atoi(w)
			}
			if n > 0 {
				return n * 12
			}
		}
	}
	return 0
}

// education is the lowest credential a required qualification names, as
// schema.org's credentialCategory: "high school", "associate degree",
// "bachelor degree", "postgraduate degree"; "" when none is named.
func education(items []generator.Item) string {
	for _, it := range items {
		if it.Preferred {
			continue
		}
		t := strings.ToLower(it.Text)
		if !strings.Contains(t, "degree") && !strings.Contains(t, "diploma") && !strings.Contains(t, "high school") {
			continue
		}
		switch {
		case strings.Contains(t, "high school"):
			return "high school"
		case strings.Contains(t, "associate"):
			return "associate degree"
		case strings.Contains(t, "bachelor"):
			return "bachelor degree"
		case strings.Contains(t, "master") || strings.Contains(t, "mba") || strings.Contains(t, "doctor"):
			return "postgraduate degree"
		}
	}
	return ""
}
