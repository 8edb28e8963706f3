package templates

import (
	"strings"
	"sync"
	"unicode"

	"github.com/jdgen/jdgen/internal/locale"
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

// toUS maps every British, Canadian and Australian form in the locale
// spelling table to its US word ("centre" -> "center"). Suffix rules in
// americanize cover -ise and -isation words the table does not list.
var toUS = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, e := range locale.Table() {
		for _, l := range locale.All[1:] {
			if f := e.For(l); f != e.US {
				m[f] = e.US
			}
		}
	}
	return m
})

// focusAnd spells "&" and "+" as "and" (built once: a Replacer allocates
// its lookup table on first use).
var focusAnd = strings.NewReplacer("&", " and ", "+", " and ")

// normalizeFocus reduces a focus spelling to a canonical form: lower case,
// words separated by single spaces, "&" and "+" spelled "and", every other
// symbol a separator, American spelling.
func normalizeFocus(s string) string {
	s = strings.ToLower(s)
	s = focusAnd.Replace(s)
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
	if a, ok := toUS()[w]; ok {
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
