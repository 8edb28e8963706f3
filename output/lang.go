package output

import "strings"

// DefaultLanguage is the language documents declare when the company sets
// no locale: US English, the product's default.
const DefaultLanguage = "en-US"

// LanguageTag is the BCP 47 tag every document declares (the workbook's
// dc:language, a PDF's /Lang) for a company locale. It is the one place
// the locale becomes a tag, so all outputs of a run say the same: the
// supported locales (en-US, en-GB, en-CA, en-AU) in canonical case, the
// default for an empty or unknown one (config validation refuses those).
func LanguageTag(locale string) string {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(locale), "_", "-")) {
	case "en-gb":
		return "en-GB"
	case "en-ca":
		return "en-CA"
	case "en-au":
		return "en-AU"
	}
	return DefaultLanguage
}
