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
	// Responsibilities are added to the template's own.
	Responsibilities []Item `yaml:"responsibilities" json:"responsibilities"`
	// KPIs are added to the template's own.
	KPIs []Item `yaml:"kpis" json:"kpis"`
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
	// Summary is the position summary paragraph.
	Summary string `yaml:"summary" json:"summary"`
	// Responsibilities are grouped by their Area, in the order listed.
	Responsibilities []Item `yaml:"responsibilities" json:"responsibilities"`
	// KPIs are the measurable indicators the role is judged on.
	KPIs []Item `yaml:"kpis" json:"kpis"`
	// Qualifications are required and preferred education, experience and skills.
	Qualifications []Item `yaml:"qualifications" json:"qualifications"`
	// Dimensions describe scope, seniority, authority, focus and impact.
	Dimensions Dimensions `yaml:"dimensions" json:"dimensions"`
	// WorkingConditions describe the physical and scheduling demands.
	WorkingConditions []string `yaml:"working_conditions" json:"working_conditions"`
	// FLSA is the default FLSA status: "exempt" or "non-exempt".
	FLSA string `yaml:"flsa" json:"flsa"`
	// ReportsTo is the typical manager: a template id, "ceo" or "board".
	ReportsTo string `yaml:"reports_to" json:"reports_to"`
	// Focuses are the specialisations a role of this template may choose.
	Focuses []Focus `yaml:"focuses,omitempty" json:"focuses,omitempty"`
}
