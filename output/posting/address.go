package posting

import (
	"strings"

	"github.com/jdgen/jdgen/generator"
)

// ParseAddress reads a location as written in the config ("Chicago, IL",
// "Toronto, ON", "Milan, Italy") into its parts. The country comes from a
// US state or Canadian province code or name, or a country name or code;
// failing those, from the pay's currency,
// then the company's country (from its locale), so it is never empty
// (schema.org JobPosting needs it).
func ParseAddress(location string, pay *generator.Pay, country string) Address {
	var a Address
	parts := strings.Split(location, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) > 0 {
		a.Locality = parts[0]
	}
	if len(parts) > 1 {
		last := parts[len(parts)-1]
		switch up := strings.ToUpper(last); {
		case usStates[up] != "":
			a.Region, a.Country = up, "US"
		case caProvinces[up] != "":
			a.Region, a.Country = up, "CA"
		default:
			if code, ok := lookupName(usStates, last); ok {
				a.Region, a.Country = code, "US"
			} else if code, ok := lookupName(caProvinces, last); ok {
				a.Region, a.Country = code, "CA"
			} else if code, ok := lookupName(countryNames, last); ok {
				a.Country = code
			} else if countryNames[up] != "" {
				a.Country = up
			}
		}
		if len(parts) > 2 && a.Region == "" {
			a.Region = parts[len(parts)-2]
		}
	}
	if a.Country == "" && pay != nil {
		a.Country = currencyCountry[pay.Currency]
	}
	if a.Country == "" {
		a.Country = country
	}
	if a.Country == "" {
		a.Country = "US"
	}
	return a
}

func lookupName(m map[string]string, name string) (string, bool) {
	for code, n := range m {
		if strings.EqualFold(n, name) {
			return code, true
		}
	}
	return "", false
}

// currencyCountry is the country of a single-country currency.
var currencyCountry = map[string]string{"USD": "US", "CAD": "CA", "GBP": "GB", "AUD": "AU", "NZD": "NZ", "CHF": "CH", "SEK": "SE", "NOK": "NO", "DKK": "DK", "PLN": "PL", "JPY": "JP", "INR": "IN", "MXN": "MX"}

// countryNames are the countries a location or region code may name.
var countryNames = map[string]string{
	"US": "United States", "CA": "Canada", "GB": "United Kingdom", "IE": "Ireland", "AU": "Australia",
	"NZ": "New Zealand", "DE": "Germany", "FR": "France", "IT": "Italy", "ES": "Spain", "NL": "Netherlands",
	"BE": "Belgium", "AT": "Austria", "CH": "Switzerland", "SE": "Sweden", "NO": "Norway", "DK": "Denmark",
	"FI": "Finland", "PL": "Poland", "PT": "Portugal", "CZ": "Czechia", "MX": "Mexico", "IN": "India",
	"JP": "Japan", "EU": "European Union",
}

var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
	"CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
	"HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
	"KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
	"MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
	"NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
	"NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
	"OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
	"TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
	"WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
}

var caProvinces = map[string]string{
	"AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
	"NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
	"ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
}
