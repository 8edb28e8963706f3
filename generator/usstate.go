package generator

import "strings"

// This file is a deliberately small reading of "City, ST" locations, enough
// for the FLSA checks. Full location parsing (provinces, countries, the
// {city, region, country} form) replaces it later: keep its callers to
// locationCountry and usState.

// usStates maps the two-letter USPS codes of the states and DC to their names.
var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
	"FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
	"IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
	"MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
	"NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
	"TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
	"WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

// usState returns the US state code of a "City, ST" or "City, State"
// location, and false for anything else.
func usState(location string) (string, bool) {
	i := strings.LastIndexByte(location, ',')
	if i < 0 {
		return "", false
	}
	last := strings.TrimSpace(location[i+1:])
	if _, ok := usStates[last]; ok {
		return last, true
	}
	for code, name := range usStates {
		if strings.EqualFold(name, last) {
			return code, true
		}
	}
	return "", false
}

// locationCountry returns "US" for a US state location, "" when the location
// does not say (no comma: the company's own country applies), and "other"
// for a location outside the US ("Toronto, ON", "Leeds, UK").
func locationCountry(location string) string {
	if _, ok := usState(location); ok {
		return "US"
	}
	i := strings.LastIndexByte(location, ',')
	if i < 0 {
		return ""
	}
	switch strings.ToUpper(strings.TrimSpace(location[i+1:])) {
	case "US", "USA", "U.S.", "U.S.A.", "UNITED STATES":
		return "US"
	}
	return "other"
}
