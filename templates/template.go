// Package templates holds jdgen's built-in operations role library: one
// embedded YAML file per role template, and the types that describe a
// template. It is pure data: it imports no renderer and does no I/O beyond
// reading its own embedded files.
package templates

// Item is one keyed entry of a template list: a responsibility, a KPI or a
// qualification. Key is stable across releases so that configs can remove an
// item by name.
type Item struct {
	// Key identifies the item inside its list (a slug such as "budget-ownership").
	Key string `yaml:"key" json:"key"`
	// Area groups the item: the responsibility area ("Strategy and planning"),
	// or the qualification category ("Education", "Experience", "Skills").
	// KPIs leave it empty.
	Area string `yaml:"area,omitempty" json:"area,omitempty"`
	// Text is the sentence itself, verb-first for responsibilities.
	Text string `yaml:"text" json:"text"`
	// Preferred marks a qualification as preferred rather than required.
	Preferred bool `yaml:"preferred,omitempty" json:"preferred,omitempty"`
	// When limits the item to one position of the role in its company;
	// empty means every position. Items with the same Key and different
	// When are variants of one item (see SelectItems).
	When Cond `yaml:"when,omitempty" json:"when,omitempty"`
	// For ties a KPI or qualification to the responsibility it measures,
	// by key: without that responsibility the item goes too (see
	// DropOrphans).
	For string `yaml:"for,omitempty" json:"for,omitempty"`
}

// Cond is a condition on a role's position in its company, chosen by the
// resolver from the real reporting chain. The empty Cond always holds.
type Cond string

// The position conditions.
const (
	// Always is the empty condition: it holds for every position.
	Always Cond = ""
	// WhenTopOps holds when the role reports to the CEO or the board: it is
	// the top operations executive of its company.
	WhenTopOps Cond = "top_ops"
	// WhenNotTopOps holds when the role reports to another role.
	WhenNotTopOps Cond = "not_top_ops"
	// WhenHasReports holds when at least one configured role reports to
	// the role.
	WhenHasReports Cond = "has_reports"
	// WhenNoReports holds when no configured role reports to the role.
	WhenNoReports Cond = "no_reports"
)

// Conds are the conditions an item or variant may carry, Always excluded.
var Conds = []Cond{WhenTopOps, WhenNotTopOps, WhenHasReports, WhenNoReports}

// Position is what the resolver knows of a role's place in its company.
type Position struct {
	// TopOps is true when the role reports to the CEO or the board.
	TopOps bool `json:"top_ops"`
	// HasReports is true when at least one configured role reports to it.
	HasReports bool `json:"has_reports"`
}

// Positions lists the four possible positions.
var Positions = []Position{{false, false}, {false, true}, {true, false}, {true, true}}

// Holds reports whether c holds for the position p. An unknown condition
// never holds (the loader refuses unknown conditions in the library).
func (c Cond) Holds(p Position) bool {
	switch c {
	case Always:
		return true
	case WhenTopOps:
		return p.TopOps
	case WhenNotTopOps:
		return !p.TopOps
	case WhenHasReports:
		return p.HasReports
	case WhenNoReports:
		return !p.HasReports
	}
	return false
}

// Variant is one wording of a text, used when its condition holds.
type Variant struct {
	// When is the condition; Always marks the fallback.
	When Cond `yaml:"when,omitempty" json:"when,omitempty"`
	// Text is the wording.
	Text string `yaml:"text" json:"text"`
}

// Dimensions are the five ways the operations roles differ from each other
// (see the Comparison sheet of the workbook).
type Dimensions struct {
	// Scope is how much of the organisation the role covers.
	Scope string `yaml:"scope" json:"scope"`
	// Seniority places the role in the hierarchy.
	Seniority string `yaml:"seniority" json:"seniority"`
	// DecisionAuthority is what the role decides on its own.
	DecisionAuthority string `yaml:"decision_authority" json:"decision_authority"`
	// StrategicFocus is what the role spends its attention on.
	StrategicFocus string `yaml:"strategic_focus" json:"strategic_focus"`
	// OrganisationalImpact is how far the role's results reach.
	OrganisationalImpact string `yaml:"organisational_impact" json:"organisational_impact"`
}

// Focus specialises a template for one area (a Director of Operations with a
// supply-chain focus, say). A role's free-text focus is matched against Name
// and Aliases case-insensitively.
type Focus struct {
	// Key is the focus's stable slug ("supply-chain").
	Key string `yaml:"key" json:"key"`
	// Name is the display name ("Supply chain").
	Name string `yaml:"name" json:"name"`
	// Aliases are other spellings that select this focus, lower case.
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	// Summary is a sentence appended to the role summary.
	Summary string `yaml:"summary" json:"summary"`
	// Removes are the keys of the template's generic items (in any list)
	// that the focus's own items replace; every variant of each goes.
	Removes []string `yaml:"removes,omitempty" json:"removes,omitempty"`
	// Responsibilities are added to the template's own.
	Responsibilities []Item `yaml:"responsibilities" json:"responsibilities"`
	// KPIs are added to the template's own.
	KPIs []Item `yaml:"kpis" json:"kpis"`
	// Qualifications are added to the template's own.
	Qualifications []Item `yaml:"qualifications,omitempty" json:"qualifications,omitempty"`
}

// Template is one role template: everything jdgen knows about a role before
// a company config specialises it.
type Template struct {
	// ID is the template's stable id ("operations-manager").
	ID string `yaml:"id" json:"id"`
	// Title is the default job title.
	Title string `yaml:"title" json:"title"`
	// Level is the ladder level code ("OPS-4").
	Level string `yaml:"level" json:"level"`
	// Extends names the template this one builds on (custom templates only).
	Extends string `yaml:"extends,omitempty" json:"extends,omitempty"`
	// Summary is the position summary paragraph for the template's typical
	// position (see TypicalPosition); it may hold placeholders ({title},
	// {manager}, ...; see Vars).
	Summary string `yaml:"summary" json:"summary"`
	// SummaryVariants are every wording of the summary as written, nil when
	// the summary is one plain string. ForPosition picks among them.
	SummaryVariants []Variant `yaml:"-" json:"summary_variants,omitempty"`
	// Responsibilities are grouped by their Area, in the order listed.
	Responsibilities []Item `yaml:"responsibilities" json:"responsibilities"`
	// KPIs are the measurable indicators the role is judged on.
	KPIs []Item `yaml:"kpis" json:"kpis"`
	// Qualifications are required and preferred education, experience and skills.
	Qualifications []Item `yaml:"qualifications" json:"qualifications"`
	// Dimensions describe scope, seniority, authority, focus and impact, for
	// the template's typical position.
	Dimensions Dimensions `yaml:"dimensions" json:"dimensions"`
	// DimensionVariants are the wordings of the dimensions written as
	// variant lists, by YAML name ("scope", "decision_authority", ...).
	// ForPosition picks among them.
	DimensionVariants map[string][]Variant `yaml:"-" json:"dimension_variants,omitempty"`
	// PhysicalDemands describe what the essential functions ask of the body
	// (lifting, standing, screen work), measured where it matters.
	PhysicalDemands []string `yaml:"physical_demands" json:"physical_demands"`
	// WorkingEnvironment describes where and when the work happens: office
	// or floor, noise, protective equipment, hours, travel.
	WorkingEnvironment []string `yaml:"working_environment" json:"working_environment"`
	// WorkingConditions is the older free list of conditions, still
	// accepted in custom templates; the built-ins leave it empty.
	WorkingConditions []string `yaml:"working_conditions,omitempty" json:"working_conditions,omitempty"`
	// ExperienceYears is the required experience in years: the one source
	// for the workbook and the job descriptions. Qualification text refers
	// to it as {experience}.
	ExperienceYears int `yaml:"experience_years" json:"experience_years"`
	// ONET is the O*NET-SOC 2019 occupation code ("11-1021.00").
	ONET string `yaml:"onet" json:"onet"`
	// FLSA is the default FLSA status: "exempt" or "non-exempt".
	FLSA string `yaml:"flsa" json:"flsa"`
	// ReportsTo is the typical manager: a template id, "ceo" or "board".
	ReportsTo string `yaml:"reports_to" json:"reports_to"`
	// Focuses are the specialisations a role of this template may choose.
	Focuses []Focus `yaml:"focuses,omitempty" json:"focuses,omitempty"`
}
