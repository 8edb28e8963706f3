// Package locale holds what changes with a company's English: the spelling
// of jdgen's built-in text, date formats, the default paper size, language
// tags and the default legal statements (equal opportunity, accommodation,
// at-will). The built-in text is written once in US English; Spell derives
// the British, Canadian and Australian spelling from a word table.
//
// The package is pure: no I/O, no renderer.
package locale

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Locale is a supported English locale, as a BCP 47 tag ("en-US").
type Locale string

// The supported locales.
const (
	// EnUS is US English, the default.
	EnUS Locale = "en-US"
	// EnGB is British English.
	EnGB Locale = "en-GB"
	// EnCA is Canadian English.
	EnCA Locale = "en-CA"
	// EnAU is Australian English.
	EnAU Locale = "en-AU"
)

// Default is the locale used when a company names none.
const Default = EnUS

// All lists the supported locales, the default first.
var All = []Locale{EnUS, EnGB, EnCA, EnAU}

// Parse returns the locale a tag names. It ignores case and surrounding
// space and accepts "_" for "-" ("en_gb"); the empty tag gives Default.
// Any other tag is an error wrapping ErrUnknownLocale.
func Parse(tag string) (Locale, error) {
	t := strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")
	if t == "" {
		return Default, nil
	}
	for _, l := range All {
		if strings.EqualFold(t, string(l)) {
			return l, nil
		}
	}
	names := make([]string, len(All))
	for i, l := range All {
		names[i] = string(l)
	}
	return "", fmt.Errorf("%w %q: want one of %s", ErrUnknownLocale, tag, strings.Join(names, ", "))
}

// Valid reports whether l is a supported locale.
func (l Locale) Valid() bool { return slices.Contains(All, l) }

// orDefault maps an unsupported locale to Default, so that the formatting
// functions never fail.
func (l Locale) orDefault() Locale {
	if l.Valid() {
		return l
	}
	return Default
}

// String returns the tag.
func (l Locale) String() string { return string(l) }

// LangTag is the language tag for document metadata (PDF /Lang, HTML lang,
// workbook language): "en-US", "en-GB", ... An unsupported locale gives the
// default's tag.
func LangTag(l Locale) string { return string(l.orDefault()) }

// Country is the ISO 3166 country code of the locale: "US", "GB", "CA" or
// "AU".
func Country(l Locale) string {
	_, c, _ := strings.Cut(string(l.orDefault()), "-")
	return c
}

// Paper sizes returned by DefaultPaper; the same names as the output.paper
// setting.
const (
	PaperLetter = "letter"
	PaperA4     = "a4"
)

// DefaultPaper is the usual paper size where the locale is used: US Letter
// in the United States and Canada, A4 elsewhere.
func DefaultPaper(l Locale) string {
	switch l.orDefault() {
	case EnUS, EnCA:
		return PaperLetter
	}
	return PaperA4
}

// FormatDate writes a date the locale's way: "December 1, 2026" in the
// United States and Canada, "1 December 2026" in Britain and Australia. The
// date is taken as it is in t's location.
func FormatDate(l Locale, t time.Time) string {
	switch l.orDefault() {
	case EnUS, EnCA:
		return t.Format("January 2, 2006")
	}
	return t.Format("2 January 2006")
}
