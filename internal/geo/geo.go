// Package geo places a written location: "Denver, CO", "Toronto, Ontario",
// "Milano, Italia", "Zürich, Schweiz", or the parts {city, region, country}
// of a mapping. It knows every ISO 3166-1 country (English names, the
// countries' own names for Europe and a few more, alpha-2 and alpha-3
// codes), the US states and the Canadian provinces (codes and names). It
// never guesses: text it cannot place, or that could name two places, is an
// *Error that says how to write it.
package geo

import (
	_ "embed" // the country and subdivision tables
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed countries.tsv
var countriesTSV string

//go:embed subdivisions.tsv
var subdivisionsTSV string

// Place is where a role is. Country is always set for a placed location.
type Place struct {
	// City is the city as written ("Milano"), empty for a region or country.
	City string `json:"city,omitempty"`
	// Region is the ISO 3166-2 code of a US state or Canadian province
	// ("US-CO", "CA-ON"); empty elsewhere.
	Region string `json:"region,omitempty"`
	// RegionName is the region's name ("Colorado"), or the region as
	// written for other countries ("Lombardy").
	RegionName string `json:"region_name,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code ("IT").
	Country string `json:"country"`
	// CountryName is the country's English name ("Italy").
	CountryName string `json:"country_name"`
}

// String is the place in full: "Denver, Colorado, United States".
func (p Place) String() string {
	var parts []string
	for _, s := range []string{p.City, p.RegionName, p.CountryName} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// Areas are the area codes the place lies in, widest first: "EU" for a
// member state, the country, the region: ["US", "US-CO"].
func (p Place) Areas() []string {
	var out []string
	if euMembers[p.Country] {
		out = append(out, "EU")
	}
	if p.Country != "" {
		out = append(out, p.Country)
	}
	if p.Region != "" {
		out = append(out, p.Region)
	}
	return out
}

// InEU reports whether the place is in a member state of the European Union.
func (p Place) InEU() bool { return euMembers[p.Country] }

type country struct {
	code, code3, name string
}

type region struct {
	code, name, kind string
}

var (
	countries       = map[string]country{} // by alpha-2
	countryByName   = map[string]string{}  // folded name or code -> alpha-2
	regions         = map[string]region{}  // by ISO 3166-2 code
	regionByName    = map[string]string{}  // folded name -> code
	usStateByCode   = map[string]string{}  // "CO" -> "US-CO"
	caProvByCode    = map[string]string{}  // "ON" -> "CA-ON"
	postalSuffixRes = []*regexp.Regexp{
		regexp.MustCompile(`^(.*?)\s+\d{5}(-\d{4})?$`),                   // US ZIP
		regexp.MustCompile(`^(.*?)\s+[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$`), // Canadian postal code
	}
)

func init() {
	for _, f := range tsvRows(countriesTSV) {
		c := country{code: f[0], code3: f[1], name: f[2]}
		countries[c.code] = c
		names := []string{c.name, c.code3}
		if len(f) > 3 && f[3] != "" {
			names = append(names, strings.Split(f[3], ";")...)
		}
		names = append(names, extraCountryNames[c.code]...)
		for _, n := range names {
			countryByName[fold(n)] = c.code
		}
	}
	for _, f := range tsvRows(subdivisionsTSV) {
		r := region{code: f[0], name: f[1], kind: f[2]}
		regions[r.code] = r
		short := r.code[3:]
		if strings.HasPrefix(r.code, "US-") {
			if r.kind == "Outlying area" {
				continue // Puerto Rico, Guam...: placed as countries
			}
			usStateByCode[short] = r.code
		} else {
			caProvByCode[short] = r.code
		}
		regionByName[fold(r.name)] = r.code
		for _, n := range extraRegionNames[r.code] {
			regionByName[fold(n)] = r.code
		}
	}
}

// tsvRows are the tab-separated fields of each line of data, blank lines
// and # comments left out.
func tsvRows(data string) [][]string {
	var rows [][]string
	for line := range strings.Lines(data) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// fold makes names comparable: lower case, no accents, no dots, single spaces.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// howTo is the hint every unplaceable location gets.
const howTo = `write "City, ST" for the US ("Denver, CO"), "City, Province" for Canada ("Toronto, ON"), "City, Country" elsewhere ("Milan, Italy"), or a mapping {city, region, country}`

// Parse places a location written as text: "City, ST", "City, State",
// "City, Province", "City, Country", "City, Region, Country", a US state,
// a Canadian province or a country alone. A US ZIP code or Canadian postal
// code after the region is ignored.
func Parse(text string) (Place, error) {
	raw := strings.TrimSpace(text)
	if raw == "" {
		return Place{}, &Error{Kind: ErrEmpty, Text: text, Detail: "the location is empty", Hint: howTo}
	}
	var parts []string
	for _, p := range strings.Split(raw, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return Place{}, &Error{Kind: ErrEmpty, Text: text, Detail: "the location is empty", Hint: howTo}
	}
	last := parts[len(parts)-1]
	for _, re := range postalSuffixRes {
		if m := re.FindStringSubmatch(last); m != nil && len(parts) > 1 {
			last = m[1]
		}
	}
	parts[len(parts)-1] = last
	switch len(parts) {
	case 1:
		return parseOne(text, parts[0])
	case 2:
		return parseTwo(text, parts[0], parts[1])
	case 3:
		return FromParts(parts[0], parts[1], parts[2])
	}
	return Place{}, &Error{Kind: ErrUnknown, Text: text, Detail: fmt.Sprintf("cannot place %q: it has %d comma-separated parts, at most 3 are read", text, len(parts)), Hint: howTo}
}

func unknown(text string) error {
	return &Error{Kind: ErrUnknown, Text: text, Detail: fmt.Sprintf("cannot place %q", text), Hint: howTo}
}

func parseOne(text, s string) (Place, error) {
	f := fold(s)
	switch f {
	case "new york":
		return Place{}, &Error{Kind: ErrAmbiguous, Text: text, Detail: `"New York" could be the city or the state`, Hint: `write "New York, NY" for the city or "New York State" ({region: NY, country: US}) for the state`}
	case "washington":
		return Place{}, &Error{Kind: ErrAmbiguous, Text: text, Detail: `"Washington" could be the state or the District of Columbia`, Hint: `write "Washington, DC" or "Seattle, WA" (or {region: WA, country: US})`}
	case "new york state":
		return regionPlace("", "US-NY"), nil
	}
	if len(s) == 2 {
		_, state := usStateByCode[strings.ToUpper(s)]
		_, ctry := countries[strings.ToUpper(s)]
		if state && ctry {
			return Place{}, &Error{Kind: ErrAmbiguous, Text: text, Detail: fmt.Sprintf("%q is both a US state code and a country code", s), Hint: fmt.Sprintf("write the name (%q or %q)", regions[usStateByCode[strings.ToUpper(s)]].name, countries[strings.ToUpper(s)].name)}
		}
		if state {
			return regionPlace("", usStateByCode[strings.ToUpper(s)]), nil
		}
	}
	if code, ok := regionByName[f]; ok {
		return regionPlace("", code), nil
	}
	if code, ok := lookupCountry(s); ok {
		return countryPlace("", code), nil
	}
	return Place{}, unknown(text)
}

func parseTwo(text, city, tail string) (Place, error) {
	up := strings.ToUpper(fold(tail))
	if len(up) == 2 {
		if code, ok := usStateByCode[up]; ok {
			if _, isCountry := countries[up]; isCountry {
				if c, known := foreignCities[fold(city)]; known && c == up {
					return Place{}, &Error{Kind: ErrAmbiguous, Text: text,
						Detail: fmt.Sprintf("%q could be %s, %s or %s, %s", text, city, regions[code].name, city, countries[up].name),
						Hint:   fmt.Sprintf("write %q or %q", city+", "+countries[up].name, city+", "+up+", US")}
				}
			}
			return regionPlace(city, code), nil
		}
		if code, ok := caProvByCode[up]; ok {
			if c, known := foreignCities[fold(city)]; known && c == up {
				return Place{}, &Error{Kind: ErrAmbiguous, Text: text,
					Detail: fmt.Sprintf("%q could be %s, %s or %s, %s", text, city, regions[code].name, city, countries[up].name),
					Hint:   fmt.Sprintf("write %q or %q", city+", "+countries[up].name, city+", "+up+", CA")}
			}
			return regionPlace(city, code), nil
		}
	}
	if code, ok := regionByName[fold(tail)]; ok {
		return regionPlace(city, code), nil
	}
	if code, ok := lookupCountry(tail); ok {
		// "Colorado, USA": a region and its country.
		if rc, ok := regionOf(code, city); ok {
			return regionPlace("", rc), nil
		}
		return cityPlace(text, city, code)
	}
	return Place{}, unknown(text)
}

// FromParts places a location given as a mapping: city and region may be
// empty; country is required (a name or an ISO code). For the US and
// Canada the region must be a state or province (code or name).
func FromParts(city, regionText, countryText string) (Place, error) {
	city, regionText, countryText = strings.TrimSpace(city), strings.TrimSpace(regionText), strings.TrimSpace(countryText)
	whole := strings.Join(nonEmpty(city, regionText, countryText), ", ")
	if countryText == "" {
		if regionText == "" && city == "" {
			return Place{}, &Error{Kind: ErrEmpty, Text: whole, Detail: "the location is empty", Hint: howTo}
		}
		return Place{}, &Error{Kind: ErrUnknown, Text: whole, Detail: fmt.Sprintf("cannot place %q without a country", whole), Hint: "add country (a name or an ISO code such as US, CA, IT)"}
	}
	code, ok := lookupCountry(countryText)
	if !ok {
		return Place{}, &Error{Kind: ErrUnknown, Text: whole, Detail: fmt.Sprintf("%q is not a country jdgen knows", countryText), Hint: "use the English name, the country's own name or an ISO 3166 code (US, CA, IT, CH)"}
	}
	if regionText == "" {
		return cityPlace(whole, city, code)
	}
	if code == "US" || code == "CA" {
		rc, ok := regionOf(code, regionText)
		if !ok {
			what := "US state"
			if code == "CA" {
				what = "Canadian province or territory"
			}
			return Place{}, &Error{Kind: ErrBadRegion, Text: whole, Detail: fmt.Sprintf("%q is not a %s", regionText, what), Hint: "use its postal code or name (CO or Colorado; ON or Ontario)"}
		}
		return regionPlace(city, rc), nil
	}
	p := countryPlace(city, code)
	p.RegionName = regionText
	return p, nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// regionOf finds a US state or Canadian province of country by code or name.
func regionOf(countryCode, s string) (string, bool) {
	up := strings.ToUpper(fold(s))
	var byCode map[string]string
	switch countryCode {
	case "US":
		byCode = usStateByCode
	case "CA":
		byCode = caProvByCode
	default:
		return "", false
	}
	if rc, ok := byCode[up]; ok {
		return rc, true
	}
	if rc, ok := regionByName[fold(s)]; ok && strings.HasPrefix(rc, countryCode+"-") {
		return rc, true
	}
	return "", false
}

func lookupCountry(s string) (string, bool) {
	f := fold(s)
	if len(f) == 2 {
		if _, ok := countries[strings.ToUpper(f)]; ok {
			return strings.ToUpper(f), true
		}
	}
	if len(f) == 3 {
		for code, c := range countries {
			if strings.EqualFold(c.code3, f) {
				return code, true
			}
		}
	}
	code, ok := countryByName[f]
	return code, ok
}

// cityPlace places a city given with its country only; in the US and
// Canada the state or province is needed too.
func cityPlace(text, city, code string) (Place, error) {
	if city != "" && (code == "US" || code == "CA") {
		what, eg := "state", city+", CO"
		if code == "CA" {
			what, eg = "province", city+", ON"
		}
		return Place{}, &Error{Kind: ErrNoRegion, Text: text, Detail: fmt.Sprintf("%q has no %s, which the %s rules need", text, what, what), Hint: fmt.Sprintf("write it as %q with the real %s code, or as a mapping {city, region, country}", eg, what)}
	}
	return countryPlace(city, code), nil
}

func countryPlace(city, code string) Place {
	return Place{City: city, Country: code, CountryName: countries[code].name}
}

func regionPlace(city, code string) Place {
	c := code[:2]
	return Place{City: city, Region: code, RegionName: regions[code].name, Country: c, CountryName: countries[c].name}
}

// Area is a place a remote worker may live in: a country ("US"), a US
// state or Canadian province ("US-CO", "CA-ON") or the European Union ("EU").
type Area struct {
	// Code is the code as normalised: "US", "US-CO", "EU".
	Code string `json:"code"`
	// Name is its English name.
	Name string `json:"name"`
}

// ParseArea reads a remote-region code.
func ParseArea(s string) (Area, error) {
	code := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case code == "EU":
		return Area{Code: "EU", Name: "European Union"}, nil
	case len(code) == 2:
		if c, ok := countries[code]; ok {
			return Area{Code: code, Name: c.name}, nil
		}
	case len(code) == 5 && code[2] == '-':
		if r, ok := regions[code]; ok {
			return Area{Code: code, Name: r.name}, nil
		}
	}
	hint := "use a country code (US, CA, IT), a US state or Canadian province as US-CO or CA-ON, or EU"
	if cc, ok := lookupCountry(s); ok {
		hint = fmt.Sprintf("did you mean %q?", cc)
	} else if rc, ok := regionByName[fold(s)]; ok {
		hint = fmt.Sprintf("did you mean %q?", rc)
	}
	return Area{}, &Error{Kind: ErrBadArea, Text: s, Detail: fmt.Sprintf("%q is not an area code jdgen knows", s), Hint: hint}
}

// Contains reports whether the area a covers area code b ("US" covers
// "US-CO"; "EU" covers "IT" and "IT"'s regions; every area covers itself).
func Contains(a, b string) bool {
	switch {
	case a == b:
		return true
	case a == "EU":
		return euMembers[b[:min(2, len(b))]]
	case len(a) == 2:
		return strings.HasPrefix(b, a+"-")
	}
	return false
}

// EUMembers returns the ISO alpha-2 codes of the EU member states, sorted.
func EUMembers() []string {
	out := make([]string, 0, len(euMembers))
	for c := range euMembers {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// CountryName returns the English name of an ISO alpha-2 code.
func CountryName(code string) (string, bool) {
	c, ok := countries[code]
	return c.name, ok
}

// RegionName returns the name of a US state or Canadian province code ("US-CO").
func RegionName(code string) (string, bool) {
	r, ok := regions[code]
	return r.name, ok
}

// Fold is the comparison form of a name (lower case, no accents or dots),
// used to match city names.
func Fold(s string) string { return fold(s) }
