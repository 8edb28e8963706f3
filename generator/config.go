package generator

// Config is the company file as written by the user (config contract v1),
// decoded strictly. Zero values mean "not given"; defaults are filled in by
// Resolve, in one place.
type Config struct {
	Version   *int             `yaml:"version"`
	Company   CompanyConfig    `yaml:"company"`
	Defaults  DefaultsConfig   `yaml:"defaults"`
	Roles     []RoleConfig     `yaml:"roles"`
	Templates []TemplateConfig `yaml:"templates"`
	Ladder    LadderConfig     `yaml:"ladder"`
	Output    OutputConfig     `yaml:"output"`

	// File is the config path as the user gave it (used in messages).
	File string `yaml:"-"`
	// Dir is the folder relative paths in the file resolve against.
	Dir string `yaml:"-"`
	// Logo is the logo file's bytes, read and checked by Load.
	Logo []byte `yaml:"-"`

	lines map[string]int
}

// CompanyConfig is the `company:` section.
type CompanyConfig struct {
	Name             string   `yaml:"name"`
	Industry         string   `yaml:"industry"`
	Employees        *int     `yaml:"employees"`
	About            string   `yaml:"about"`
	Website          string   `yaml:"website"`
	Logo             string   `yaml:"logo"`
	BrandColor       string   `yaml:"brand_color"`
	Benefits         []string `yaml:"benefits"`
	EqualOpportunity string   `yaml:"equal_opportunity"`
}

// DefaultsConfig is the `defaults:` section every role inherits.
type DefaultsConfig struct {
	Location       string `yaml:"location"`
	Workplace      string `yaml:"workplace"`
	EmploymentType string `yaml:"employment_type"`
	Currency       string `yaml:"currency"`
	FLSA           string `yaml:"flsa"`
}

// SalaryConfig is a pay range.
type SalaryConfig struct {
	Min      *float64 `yaml:"min"`
	Max      *float64 `yaml:"max"`
	Currency string   `yaml:"currency"`
	Period   string   `yaml:"period"`
}

// ItemConfig is one list item in a config: either a plain string (the text)
// or a mapping with key, area, text and preferred.
type ItemConfig struct {
	Key       string `yaml:"key"`
	Area      string `yaml:"area"`
	Text      string `yaml:"text"`
	Preferred bool   `yaml:"preferred"`
}

// ListPatch changes a template list: `add` appends items, `remove` drops
// items by key. Written as a plain sequence, it replaces the list.
type ListPatch struct {
	Add     []ItemConfig `yaml:"add"`
	Remove  []string     `yaml:"remove"`
	Replace []ItemConfig `yaml:"-"`
	// Replaces is true when the list was written as a sequence.
	Replaces bool `yaml:"-"`
}

// RoleConfig is one entry of `roles:`.
type RoleConfig struct {
	ID               string        `yaml:"id"`
	Template         string        `yaml:"template"`
	Title            string        `yaml:"title"`
	Focus            string        `yaml:"focus"`
	Department       string        `yaml:"department"`
	ReportsTo        string        `yaml:"reports_to"`
	Headcount        *int          `yaml:"headcount"`
	Level            string        `yaml:"level"`
	Location         string        `yaml:"location"`
	Workplace        string        `yaml:"workplace"`
	EmploymentType   string        `yaml:"employment_type"`
	FLSA             string        `yaml:"flsa"`
	Salary           *SalaryConfig `yaml:"salary"`
	Summary          string        `yaml:"summary"`
	Responsibilities ListPatch     `yaml:"responsibilities"`
	Qualifications   ListPatch     `yaml:"qualifications"`
	KPIs             ListPatch     `yaml:"kpis"`
}

// DimensionsConfig overrides some of a template's dimensions.
type DimensionsConfig struct {
	Scope                string `yaml:"scope"`
	Seniority            string `yaml:"seniority"`
	DecisionAuthority    string `yaml:"decision_authority"`
	StrategicFocus       string `yaml:"strategic_focus"`
	OrganisationalImpact string `yaml:"organisational_impact"`
}

// TemplateConfig is one custom template under `templates:`.
type TemplateConfig struct {
	ID                string           `yaml:"id"`
	Extends           string           `yaml:"extends"`
	Title             string           `yaml:"title"`
	Level             string           `yaml:"level"`
	Summary           string           `yaml:"summary"`
	Responsibilities  ListPatch        `yaml:"responsibilities"`
	Qualifications    ListPatch        `yaml:"qualifications"`
	KPIs              ListPatch        `yaml:"kpis"`
	Dimensions        DimensionsConfig `yaml:"dimensions"`
	WorkingConditions []string         `yaml:"working_conditions"`
	FLSA              string           `yaml:"flsa"`
	ReportsTo         string           `yaml:"reports_to"`
}

// LadderConfig is the `ladder:` section.
type LadderConfig struct {
	Name  string                  `yaml:"name"`
	Bands map[string]SalaryConfig `yaml:"bands"`
}

// OutputConfig is the `output:` section.
type OutputConfig struct {
	Dir   string `yaml:"dir"`
	Paper string `yaml:"paper"`
}

// Line returns the line of a key path in the file, falling back to the
// nearest enclosing path that has one, then to line 1.
func (c *Config) Line(path string) int {
	for p := path; p != ""; p = parentPath(p) {
		if l, ok := c.lines[p]; ok {
			return l
		}
	}
	return 1
}

func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case '.':
			return p[:i]
		case '[':
			return p[:i]
		}
	}
	return ""
}
