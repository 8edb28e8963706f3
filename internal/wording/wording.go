// Package wording checks text for gendered or exclusionary words that have
// no place in a job description or a career ladder.
package wording

import (
	"regexp"
	"sort"
)

// Flagged lists the words and phrases that the checker refuses. Single words
// match whole words only ("he" matches "he" but not "the" or "help").
var Flagged = []string{
	"he", "she", "his", "her", "hers", "him", "himself", "herself",
	"manpower", "man-hours", "chairman", "chairwoman", "foreman", "salesman",
	"workmanship", "rockstar", "rock star", "ninja", "guru", "wizard",
	"young", "youthful", "digital native", "able-bodied", "energetic",
	"native english", "mother tongue", "guys",
}

var patterns = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(Flagged))
	for i, w := range Flagged {
		out[i] = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(w) + `($|[^\p{L}\p{N}])`)
	}
	return out
}()

// Find returns the flagged words that occur in text, sorted and without
// duplicates; nil when the text is clean.
func Find(text string) []string {
	var found []string
	for i, re := range patterns {
		if re.MatchString(text) {
			found = append(found, Flagged[i])
		}
	}
	sort.Strings(found)
	return found
}

// Clean reports whether text contains none of the flagged words.
func Clean(text string) bool { return len(Find(text)) == 0 }
