package generator

import (
	"reflect"
	"strings"
)

// LocationConfig is a location as written in the config: text ("Denver, CO",
// "Milano, Italia") or, where text would be ambiguous, the mapping
// {city, region, country}.
type LocationConfig struct {
	// Text is the location written as text; empty for the mapping form.
	Text string `yaml:"-"`
	// Parts is the mapping form: nil for text, as most roles write it,
	// so that a location costs 24 bytes, not 64. Read it through City,
	// Region and Country.
	Parts *LocationParts `yaml:",inline"`
}

// LocationParts is a location written as the mapping {city, region,
// country}.
type LocationParts struct {
	City    string `yaml:"city"`
	Region  string `yaml:"region"`
	Country string `yaml:"country"`
}

var locationType = reflect.TypeOf(LocationConfig{})

// City is the mapping's city; empty for a location written as text.
func (l LocationConfig) City() string {
	if l.Parts == nil {
		return ""
	}
	return l.Parts.City
}

// Region is the mapping's region; empty for a location written as text.
func (l LocationConfig) Region() string {
	if l.Parts == nil {
		return ""
	}
	return l.Parts.Region
}

// Country is the mapping's country; empty for a location written as text.
func (l LocationConfig) Country() string {
	if l.Parts == nil {
		return ""
	}
	return l.Parts.Country
}

// IsZero reports whether no location was given.
func (l LocationConfig) IsZero() bool {
	return l.Text == "" && (l.Parts == nil || *l.Parts == LocationParts{})
}

// IsMapping reports whether the location was written as a mapping.
func (l LocationConfig) IsMapping() bool { return l.Text == "" && !l.IsZero() }

// String is the location as display text: the text as written, or the
// mapping's parts joined by commas.
func (l LocationConfig) String() string {
	if l.Text != "" || l.IsZero() {
		return l.Text
	}
	var parts []string
	for _, s := range []string{l.City(), l.Region(), l.Country()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
