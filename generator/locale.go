package generator

import (
	"strings"

	"github.com/jdgen/jdgen/internal/locale"
)

// companyLocale reads company.locale, reporting an unknown tag with the
// supported ones; the default (en-US) stands in for a bad tag.
func (r *resolver) companyLocale() locale.Locale {
	loc, err := locale.Parse(r.c.Company.Locale)
	if err != nil {
		r.at("company.locale", "unknown locale %q; use one of: %s", r.c.Company.Locale, localeNames())
		return locale.Default
	}
	return loc
}

func localeNames() string {
	s := ""
	for i, l := range locale.All {
		if i > 0 {
			s += ", "
		}
		s += string(l)
	}
	return s
}

// spell respells built-in text (written in US English) for the company's
// locale. Config text never goes through it.
func (r *resolver) spell(s string) string {
	if s == "" || r.loc == locale.EnUS {
		return s
	}
	return locale.Spell(r.loc, s)
}

// localeCompany fills in the company fields that depend on its locale: the
// language tag, country, the default equal-opportunity statement, the
// at-will statement and how to request an accommodation. Config text (an
// equal_opportunity the company wrote) is kept as written.
func (r *resolver) localeCompany(co *Company) {
	c := r.c.Company
	co.Locale = locale.LangTag(r.loc)
	co.Country = locale.Country(r.loc)
	if co.EqualOpportunity == "" {
		co.EqualOpportunity = locale.EqualOpportunity(r.loc, c.Name, c.AccommodationContact)
	}
	co.Accommodation = locale.Accommodation(r.loc, c.AccommodationContact)
	// The equal-opportunity statement, printed in the same documents,
	// says how to ask already: once is enough.
	if strings.Contains(co.EqualOpportunity, locale.RequestSentence(r.loc, c.AccommodationContact)) {
		co.Accommodation = locale.AccommodationNote(r.loc)
	}
	if c.AtWill != nil && *c.AtWill {
		co.AtWill = locale.AtWill(r.loc, c.Name)
		if co.AtWill == "" {
			r.warnAt("company.at_will", "at-will employment is a US doctrine; no statement is printed for locale %s", co.Locale)
		}
	}
}

// localeSettings fills in the run settings the locale decides when nothing
// more specific did: the paper size (an explicit output.paper or --paper
// wins) and the printed form of the effective date.
func (r *resolver) localeSettings(s *Settings) {
	if s.Paper == "" {
		s.Paper = locale.DefaultPaper(r.loc)
	}
	if !s.Date.IsZero() {
		s.DateText = locale.FormatDate(r.loc, s.Date.UTC())
	}
}
