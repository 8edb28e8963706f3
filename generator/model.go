package generator

import (
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jdgen/jdgen/internal/fonts"
	"github.com/jdgen/jdgen/ladders"
	"github.com/jdgen/jdgen/templates"
)

// Model is the resolved company: every role with its template merged, its
// level, its place in the reporting tree and its pay. Renderers only read it;
// they never re-derive a business fact.
type Model struct {
	// Company is the employer.
	Company Company `json:"company"`
	// Roles are in config order.
	Roles []Role `json:"roles"`
	// Ladder is the career ladder with pay bands and the roles at each level.
	Ladder Ladder `json:"ladder"`
	// Settings are the run settings that shape the output.
	Settings Settings `json:"settings"`
	// Warnings are findings that do not stop the run, sorted by line (see
	// DESIGN.md, warnings). Renderers may show them.
	Warnings []Problem `json:"warnings,omitempty"`
	// PayLaw names the pay-transparency rules table the roles were checked
	// against.
	PayLaw *PayLawInfo `json:"pay_law,omitempty"`

	byID map[string]int
	// share makes equal values of the roles one copy while resolving (see
	// shareRoles); nil once resolved.
	share *sharer
}

// Settings are the values really used for a run, after flags, environment,
// file and defaults were layered.
type Settings struct {
	// Config is the config file's path.
	Config string `json:"config"`
	// OutDir is the output folder.
	OutDir string `json:"out_dir"`
	// Paper is "letter" or "a4".
	Paper string `json:"paper"`
	// Date is the effective date printed on documents (SOURCE_DATE_EPOCH or today), UTC.
	Date time.Time `json:"date"`
	// DateText is Date as the company's locale writes it ("December 1, 2026").
	DateText string `json:"date_text"`
	// Version is the jdgen version written into document metadata.
	Version string `json:"version"`
	// Strict turns warnings into problems (--strict, JDGEN_STRICT, output.strict).
	Strict bool `json:"strict,omitempty"`
	// PayChart draws the band-position bar in job descriptions (output.pay_chart).
	PayChart bool `json:"pay_chart,omitempty"`
	// Formats are the outputs to make (see Formats); empty means all.
	Formats []string `json:"formats,omitempty"`
}

// Company is the resolved `company:` section.
type Company struct {
	Name       string `json:"name"`
	Industry   string `json:"industry,omitempty"`
	Employees  int    `json:"employees,omitempty"`
	SizeClass  string `json:"size_class,omitempty"`
	About      string `json:"about,omitempty"`
	Website    string `json:"website,omitempty"`
	LogoPath   string `json:"logo,omitempty"`
	BrandColor string `json:"brand_color"`
	// Logo is the logo image file (PNG or JPEG), nil when none.
	Logo             []byte   `json:"-"`
	Benefits         []string `json:"benefits,omitempty"`
	EqualOpportunity string   `json:"equal_opportunity"`
	// Locale is the company's English as a language tag ("en-US", "en-GB",
	// "en-CA", "en-AU"): the spelling of built-in text, the date format, the
	// default paper and the documents' language.
	Locale string `json:"locale"`
	// Country is the locale's ISO 3166 country code ("US").
	Country string `json:"country"`
	// AtWill is the at-will employment statement, "" unless company.at_will
	// is true (US only).
	AtWill string `json:"at_will,omitempty"`
	// Accommodation says that reasonable accommodations are made and how to
	// request one (company.accommodation_contact), unless EqualOpportunity
	// says how already: documents print both.
	Accommodation string `json:"accommodation"`

	// Fonts are the fonts the documents are drawn with (company.fonts or
	// the built-in set); nil means the built-in set.
	Fonts *fonts.Set `json:"-"`
}

// Item is a keyed list entry (responsibility, KPI, qualification).
type Item = templates.Item

// Pay is a pay range.
type Pay struct {
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Currency string  `json:"currency"`
	// Period is "year" or "hour".
	Period string `json:"period"`
	// Source is "role" (the role's salary) or "band" (its level's band).
	Source string `json:"source"`
	// Text is the display form: "$82,000 – $98,000 per year".
	Text string `json:"text"`
}

// LevelRef names a ladder level.
type LevelRef struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// CareerPath is where a role sits on the ladder and what promotion takes.
type CareerPath struct {
	// Below is the level under the role's, nil at the bottom.
	Below *LevelRef `json:"below"`
	// Above is the level over the role's, nil at the top.
	Above *LevelRef `json:"above"`
	// Promotion is what it takes to reach Above.
	Promotion string `json:"promotion,omitempty"`
}

// Role is one resolved role.
//
// Groups of fields that many roles have in common sit behind embedded
// pointers that roles with equal values share: RoleLevel (level,
// department, focus), RoleReporting (reporting line), RoleTerms (location
// and terms) and RoleText (the documents' text). Their fields read as the
// role's own and are spelt the same, in the same place, in the model's
// JSON. In a resolved model none of these pointers is nil: encoding/json
// would leave the group's fields out and reading one would panic. A role
// built by hand starts from NewRole. The model is read-only once resolved
// (see shareRoles): change a group of a role only after its Own method
// (OwnLevel, OwnReporting, OwnTerms, OwnText), which gives the role a copy
// of its own.
type Role struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Template string `json:"template"`
	// Place is where the role is, read from Location; nil when no location
	// is given or it cannot be placed (a warning says so).
	Place *Place `json:"place,omitempty"`
	// RemoteRegions are the areas a remote role's holder may live in.
	RemoteRegions []string `json:"remote_regions,omitempty"`
	// Compliance is what the pay-transparency laws that apply to the role
	// ask of its posting and job description, and whether it is there;
	// nil when none applies.
	Compliance *Compliance `json:"compliance,omitempty"`
	// RoleLevel is the role's level, department and focus, shared by
	// roles with equal ones; never nil in a resolved model.
	*RoleLevel
	// RoleReporting is the role's reporting line, shared by roles with
	// equal ones (most roles under one manager); never nil in a resolved
	// model.
	*RoleReporting
	// DirectReports are the ids of the roles reporting here, in config order.
	DirectReports []string `json:"direct_reports"`
	// DirectReportHeadcount is the number of people in those roles.
	DirectReportHeadcount int `json:"direct_report_headcount"`
	Headcount             int `json:"headcount"`
	// Depth is 0 for roles reporting to the CEO or board.
	Depth int `json:"depth"`
	// RoleTerms is where the role is held and on what terms, shared by
	// roles with equal ones; never nil in a resolved model.
	*RoleTerms
	Salary *Pay `json:"salary"`
	// RoleText is what the role's documents say about the work, from
	// Summary to ONET, shared by roles with the same text; never nil in a
	// resolved model.
	*RoleText
	// Posting is the candidate-facing posting's own facts; nil when the
	// role is not open (see posting.go).
	Posting *Posting `json:"posting,omitempty"`

	// Line is the line of the role's entry in the config file, for
	// messages about it after resolving (0 when unknown).
	Line int `json:"-"`
}

// RoleLevel is where a role sits on the ladder and in the company: its
// level, department and focus. Its fields read as the role's own (Role
// embeds it) and are spelt the same in the model's JSON.
type RoleLevel struct {
	// Level is the level code; LevelTitle and Band come from the ladder.
	Level      string `json:"level"`
	LevelTitle string `json:"level_title"`
	Band       string `json:"band"`
	Department string `json:"department,omitempty"`
	// Focus is the specialised area as written; FocusKey the matched built-in focus.
	Focus    string `json:"focus,omitempty"`
	FocusKey string `json:"focus_key,omitempty"`
}

// RoleReporting is a role's reporting line: its manager and the chain above.
// Its fields read as the role's own (Role embeds it) and are spelt the
// same in the model's JSON.
type RoleReporting struct {
	// ReportsTo is a role id, "ceo" or "board"; ReportsToTitle its display
	// title, the {manager} of the library's text.
	ReportsTo      string `json:"reports_to"`
	ReportsToTitle string `json:"reports_to_title"`
	// IsTopOps is true when the role reports to the CEO or the board: it is
	// the top operations executive of its chain.
	IsTopOps bool `json:"is_top_ops"`
	// TopOpsTitle is the title of the top operations executive in the
	// role's chain (the role's own title when IsTopOps).
	TopOpsTitle string `json:"top_ops_title"`
	// ExecutiveTitle is "Chief Executive Officer" or "Board of Directors":
	// whom the top of the chain reports to.
	ExecutiveTitle string `json:"executive_title"`
	// Chain are the titles above the role, its manager first, ending with
	// ExecutiveTitle. Empty when the reporting line is broken.
	Chain []string `json:"chain"`
}

// RoleTerms is where a role is held and on what terms. Its fields read as
// the role's own (Role embeds it) and are spelt the same in the model's
// JSON.
type RoleTerms struct {
	Location       string `json:"location,omitempty"`
	Workplace      string `json:"workplace"`
	EmploymentType string `json:"employment_type"`
	// FLSA is "exempt" or "non-exempt" for roles in the US, "" elsewhere.
	FLSA string `json:"flsa,omitempty"`
}

// NewRole is a role with the given id and title whose groups (RoleLevel,
// RoleReporting, RoleTerms, RoleText) are its own and empty: the start of
// a role built by hand, its other fields set through the promoted names.
func NewRole(id, title string) Role {
	return Role{ID: id, Title: title, RoleLevel: new(RoleLevel), RoleReporting: new(RoleReporting), RoleTerms: new(RoleTerms), RoleText: new(RoleText)}
}

// RoleText is the text of a role's documents: its summary, lists, career
// path, dimensions and working conditions. Its fields read as the role's
// own (Role embeds it) and are spelt the same in the model's JSON.
type RoleText struct {
	Summary           string                `json:"summary"`
	Responsibilities  []Item                `json:"responsibilities"`
	KPIs              []Item                `json:"kpis"`
	Qualifications    []Item                `json:"qualifications"`
	Competencies      []ladders.Expectation `json:"competencies"`
	CareerPath        CareerPath            `json:"career_path"`
	Dimensions        templates.Dimensions  `json:"dimensions"`
	WorkingConditions []string              `json:"working_conditions"`
	// PhysicalDemands are what the essential functions ask of the body
	// (built-in text, worded for the role).
	PhysicalDemands []string `json:"physical_demands"`
	// WorkingEnvironment is where and when the work happens.
	WorkingEnvironment []string `json:"working_environment"`
	// ExperienceYears is the required experience in years: the one figure
	// the job description and the workbook print.
	ExperienceYears int `json:"experience_years"`
	// ONET is the O*NET-SOC 2019 occupation code of the role's template.
	ONET string `json:"onet,omitempty"`
}

// OwnText gives r a RoleText of its own, a copy of the one it shares (or
// an empty one), so that changing r's text leaves other roles as they are.
// The copy's lists are still shared: replace a list rather than change its
// items.
func (r *Role) OwnText() { own(&r.RoleText) }

// OwnLevel gives r a RoleLevel of its own, like OwnText.
func (r *Role) OwnLevel() { own(&r.RoleLevel) }

// OwnReporting gives r a RoleReporting of its own, like OwnText. The
// copy's Chain is still shared: replace it rather than change its titles.
func (r *Role) OwnReporting() { own(&r.RoleReporting) }

// OwnTerms gives r a RoleTerms of its own, like OwnText.
func (r *Role) OwnTerms() { own(&r.RoleTerms) }

// own points *p at a copy of what it points at (or at a zero value).
func own[T any](p **T) {
	c := new(T)
	if *p != nil {
		*c = **p
	}
	*p = c
}

// Ladder is the career ladder as configured.
type Ladder struct {
	Name         string               `json:"name"`
	Levels       []LadderLevel        `json:"levels"`
	Competencies []ladders.Competency `json:"competencies"`
}

// LadderLevel is one level with its pay band and the roles at it.
type LadderLevel struct {
	ladders.Level
	BandTitle string `json:"band_title"`
	// Pay is the configured pay band, nil when none.
	Pay *Pay `json:"pay"`
	// Roles are the ids of the configured roles at this level.
	Roles []string `json:"roles"`
}

// AreaGroup is the responsibilities of one area, in order.
type AreaGroup struct {
	Area  string
	Items []Item
}

// ResponsibilityGroups groups the responsibilities by area, areas in order
// of first appearance.
func (r *Role) ResponsibilityGroups() []AreaGroup {
	var out []AreaGroup
	idx := map[string]int{}
	for _, it := range r.Responsibilities {
		i, ok := idx[it.Area]
		if !ok {
			i = len(out)
			idx[it.Area] = i
			out = append(out, AreaGroup{Area: it.Area})
		}
		out[i].Items = append(out[i].Items, it)
	}
	return out
}

// Role returns the role with the given id.
func (m *Model) Role(id string) (*Role, bool) {
	i, ok := m.byID[id]
	if !ok {
		return nil, false
	}
	return &m.Roles[i], true
}

// Label turns an enum value into display text: "on-site" -> "On-site".
func Label(v string) string {
	r, n := utf8.DecodeRuneInString(v)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + v[n:]
}
