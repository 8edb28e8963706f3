package templates

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// variantText is a YAML value that is either a plain string or a list of
// {when, text} variants.
type variantText struct {
	variants []Variant
	// plain is true when the value was written as one string.
	plain bool
}

// UnmarshalYAML accepts a string or a sequence of mappings with the keys
// "when" and "text" only (the decoder's unknown-field check does not reach
// inside a custom unmarshaler, so the keys are checked here).
func (v *variantText) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		var s string
		if err := n.Decode(&s); err != nil {
			return err
		}
		v.variants, v.plain = []Variant{{Text: s}}, true
		return nil
	case yaml.SequenceNode:
		v.variants = make([]Variant, 0, len(n.Content))
		for _, el := range n.Content {
			if el.Kind != yaml.MappingNode {
				return fmt.Errorf("line %d: a variant is a mapping with when and text", el.Line)
			}
			var out Variant
			for i := 0; i+1 < len(el.Content); i += 2 {
				k, val := el.Content[i], el.Content[i+1]
				var s string
				if err := val.Decode(&s); err != nil {
					return err
				}
				switch k.Value {
				case "when":
					out.When = Cond(s)
				case "text":
					out.Text = s
				default:
					return fmt.Errorf("line %d: field %s not found in a variant (want when and text)", k.Line, k.Value)
				}
			}
			v.variants = append(v.variants, out)
		}
		return nil
	}
	return fmt.Errorf("line %d: want a string or a list of {when, text} variants", n.Line)
}

// dimensionsFile is the YAML shape of dimensions: each value a string or a
// variant list.
type dimensionsFile struct {
	Scope                variantText `yaml:"scope"`
	Seniority            variantText `yaml:"seniority"`
	DecisionAuthority    variantText `yaml:"decision_authority"`
	StrategicFocus       variantText `yaml:"strategic_focus"`
	OrganisationalImpact variantText `yaml:"organisational_impact"`
}

// byName returns the values by their YAML names.
func (d *dimensionsFile) byName() map[string]*variantText {
	return map[string]*variantText{
		"scope": &d.Scope, "seniority": &d.Seniority, "decision_authority": &d.DecisionAuthority,
		"strategic_focus": &d.StrategicFocus, "organisational_impact": &d.OrganisationalImpact,
	}
}

// templateFile is the YAML shape of one built-in template file.
type templateFile struct {
	ID                 string         `yaml:"id"`
	Title              string         `yaml:"title"`
	Level              string         `yaml:"level"`
	Extends            string         `yaml:"extends"`
	Summary            variantText    `yaml:"summary"`
	Responsibilities   []Item         `yaml:"responsibilities"`
	KPIs               []Item         `yaml:"kpis"`
	Qualifications     []Item         `yaml:"qualifications"`
	Dimensions         dimensionsFile `yaml:"dimensions"`
	PhysicalDemands    []string       `yaml:"physical_demands"`
	WorkingEnvironment []string       `yaml:"working_environment"`
	WorkingConditions  []string       `yaml:"working_conditions"`
	ExperienceYears    int            `yaml:"experience_years"`
	ONET               string         `yaml:"onet"`
	FLSA               string         `yaml:"flsa"`
	ReportsTo          string         `yaml:"reports_to"`
	Focuses            []Focus        `yaml:"focuses"`
}

// template converts the file to a Template whose Summary and Dimensions are
// worded for the position typical (see Pick), keeping every variant.
func (f templateFile) template(typical Position) Template {
	t := Template{
		ID: f.ID, Title: f.Title, Level: f.Level, Extends: f.Extends,
		Responsibilities: f.Responsibilities, KPIs: f.KPIs, Qualifications: f.Qualifications,
		PhysicalDemands: f.PhysicalDemands, WorkingEnvironment: f.WorkingEnvironment,
		WorkingConditions: f.WorkingConditions, ExperienceYears: f.ExperienceYears, ONET: f.ONET,
		FLSA: f.FLSA, ReportsTo: f.ReportsTo, Focuses: f.Focuses,
	}
	t.Summary, _ = Pick(f.Summary.variants, typical)
	if !f.Summary.plain && f.Summary.variants != nil {
		t.SummaryVariants = slices.Clone(f.Summary.variants)
	}
	d := f.Dimensions
	for name, v := range d.byName() {
		s, _ := Pick(v.variants, typical)
		*t.Dimensions.field(name) = s
		if !v.plain && v.variants != nil {
			if t.DimensionVariants == nil {
				t.DimensionVariants = map[string][]Variant{}
			}
			t.DimensionVariants[name] = slices.Clone(v.variants)
		}
	}
	return t
}
