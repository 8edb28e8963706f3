package templates

import (
	"strings"
	"unicode"
)

// MatchFocus returns the focus of t that text selects, matching its Key, Name
// or any of its Aliases. The comparison ignores case, extra spaces and
// punctuation, treats hyphens as spaces and "&" as "and", and accepts British
// and American spellings ("optimisation" and "optimization"). It reports
// false for empty text and when nothing matches. The focus returned is a deep
// copy.
func (t Template) MatchFocus(text string) (Focus, bool) {
	want := normalizeFocus(text)
	if want == "" {
		return Focus{}, false
	}
	for _, f := range t.Focuses {
		if normalizeFocus(f.Key) == want || normalizeFocus(f.Name) == want {
			return f.Clone(), true
		}
		for _, a := range f.Aliases {
			if normalizeFocus(a) == want {
				return f.Clone(), true
			}
		}
	}
	return Focus{}, false
}

// britishWords maps British spellings common in operations titles to their
// American form. Suffix rules in americanize cover -ise and -isation.
var britishWords = map[string]string{
	"centre":     "center",
	"centres":    "centers",
	"fulfilment": "fulfillment",
	"labour":     "labor",
	"programme":  "program",
	"programmes": "programs",
	"catalogue":  "catalog",
	"modelling":  "modeling",
	"licence":    "license",
	"defence":    "defense",
	"behaviour":  "behavior",
	"travelling": "traveling",
}

// normalizeFocus reduces a focus spelling to a canonical form: lower case,
// words separated by single spaces, "&" and "+" spelled "and", every other
// symbol a separator, American spelling.
func normalizeFocus(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("&", " and ", "+", " and ").Replace(s)
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		words[i] = americanize(w)
	}
	return strings.Join(words, " ")
}

// americanize returns the American spelling of one lower-case word. It is
// applied to both sides of a comparison, so an over-eager rewrite of a word
// that has no American variant does no harm.
func americanize(w string) string {
	if a, ok := britishWords[w]; ok {
		return a
	}
	for _, s := range [][2]string{
		{"isations", "izations"}, {"isation", "ization"},
		{"ising", "izing"}, {"ised", "ized"}, {"iser", "izer"}, {"ises", "izes"}, {"ise", "ize"},
	} {
		// Only longer words: "rise" and "wise" stay as they are.
		if len(w) >= len(s[0])+3 && strings.HasSuffix(w, s[0]) {
			return strings.TrimSuffix(w, s[0]) + s[1]
		}
	}
	return w
}
