package web

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"time"

	"github.com/jdgen/jdgen/output/posting"
)

// employmentTypes maps the config's employment types to schema.org's.
var employmentTypes = map[string]string{
	"full-time": "FULL_TIME",
	"part-time": "PART_TIME",
	"contract":  "CONTRACTOR",
	"temporary": "TEMPORARY",
}

// unitTexts maps pay periods to schema.org's unitText.
var unitTexts = map[string]string{"year": "YEAR", "hour": "HOUR"}

// JobPosting is the schema.org JobPosting of a posting as a JSON-LD value
// (maps and slices; keys sort when encoded). logoURI is the logo as a data
// URI, "" when none.
func JobPosting(d posting.Document, logoURI string) map[string]any {
	org := map[string]any{"@type": "Organization", "name": d.Company}
	if d.Website != "" {
		org["sameAs"] = d.Website
		org["url"] = d.Website
	}
	if logoURI != "" {
		org["logo"] = logoURI
	}
	addr := map[string]any{"@type": "PostalAddress", "addressCountry": d.Address.Country}
	if d.Address.Locality != "" {
		addr["addressLocality"] = d.Address.Locality
	}
	if d.Address.Region != "" {
		addr["addressRegion"] = d.Address.Region
	}
	jp := map[string]any{
		"@context":           "https://schema.org/",
		"@type":              "JobPosting",
		"title":              d.Title,
		"description":        Description(d),
		"datePosted":         d.DatePosted.Format(time.DateOnly),
		"hiringOrganization": org,
		"jobLocation":        map[string]any{"@type": "Place", "address": addr},
		"identifier":         map[string]any{"@type": "PropertyValue", "name": d.Company, "value": d.RoleID},
		// The posting page links to where to apply; with an apply URL that
		// is one click to the application itself.
		"directApply": d.ApplyURL != "",
	}
	if t, ok := employmentTypes[d.EmploymentType]; ok {
		jp["employmentType"] = t
	}
	if d.Pay != nil {
		if u, ok := unitTexts[d.Pay.Period]; ok {
			jp["baseSalary"] = map[string]any{
				"@type":    "MonetaryAmount",
				"currency": d.Pay.Currency,
				"value": map[string]any{
					"@type": "QuantitativeValue", "minValue": d.Pay.Min, "maxValue": d.Pay.Max, "unitText": u,
				},
			}
		}
	}
	if d.Workplace == "remote" {
		jp["jobLocationType"] = "TELECOMMUTE"
		var req []any
		for _, r := range d.RemoteRegions {
			req = append(req, applicantLocation(r))
		}
		if len(req) == 0 {
			req = append(req, applicantLocation(d.Address.Country))
		}
		jp["applicantLocationRequirements"] = req
	}
	if !d.ApplyBy.IsZero() {
		// The last day to apply, to its end.
		jp["validThrough"] = d.ApplyBy.Add(24*time.Hour - time.Second).Format(time.RFC3339)
	}
	if d.ExperienceMonths > 0 {
		jp["experienceRequirements"] = map[string]any{
			"@type": "OccupationalExperienceRequirements", "monthsOfExperience": d.ExperienceMonths,
		}
	}
	if d.Education != "" {
		jp["educationRequirements"] = map[string]any{
			"@type": "EducationalOccupationalCredential", "credentialCategory": d.Education,
		}
	}
	if d.Occupation != "" {
		jp["occupationalCategory"] = d.Occupation
	}
	return jp
}

// applicantLocation is one applicantLocationRequirements entry: a country
// for "US", an administrative area for "US-CO" or "EU".
func applicantLocation(code string) map[string]any {
	if len(code) == 2 && code != "EU" {
		return map[string]any{"@type": "Country", "name": code}
	}
	return map[string]any{"@type": "AdministrativeArea", "name": posting.RegionName(code)}
}

// MarshalJSONLD encodes a JSON-LD value for a <script> element: indented,
// with <, > and & escaped as \u003c, \u003e and \u0026 (and U+2028/U+2029
// as escapes), so no text can close the element or open a comment.
func MarshalJSONLD(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Description is the posting as the HTML Google reads in a JobPosting's
// description: only p, ul, li and br, every text escaped.
func Description(d posting.Document) string {
	var b strings.Builder
	p := func(s string) {
		b.WriteString("<p>" + html.EscapeString(s) + "</p>")
	}
	ul := func(items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("<ul>")
		for _, it := range items {
			b.WriteString("<li>" + html.EscapeString(it) + "</li>")
		}
		b.WriteString("</ul>")
	}
	for _, s := range d.Sections {
		p(s.Heading)
		for _, t := range s.Paragraphs {
			p(t)
		}
		ul(s.Items)
		for _, g := range s.Groups {
			p(g.Heading)
			ul(g.Items)
		}
	}
	return b.String()
}
