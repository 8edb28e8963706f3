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
	Text    string `yaml:"-"`
	City    string `yaml:"city"`
	Region  string `yaml:"region"`
	Country string `yaml:"country"`
}

var locationType = reflect.TypeOf(LocationConfig{})

// IsZero reports whether no location was given.
func (l LocationConfig) IsZero() bool { return l == LocationConfig{} }

// IsMapping reports whether the location was written as a mapping.
func (l LocationConfig) IsMapping() bool { return l.Text == "" && !l.IsZero() }

// String is the location as display text: the text as written, or the
// mapping's parts joined by commas.
func (l LocationConfig) String() string {
	if l.Text != "" || l.IsZero() {
		return l.Text
	}
	var parts []string
	for _, s := range []string{l.City, l.Region, l.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
