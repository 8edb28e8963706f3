// Package wording checks text for gendered or exclusionary words that have
// no place in a job description, a posting or a career ladder, and
// suggests what to write instead. The list is tuned for operations: the
// trade's standard terms ("lead time", "data-driven", "analyst", "master
// data", "master production schedule") are never flagged, because only whole listed words and phrases match.
package wording

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Term is a flagged word or phrase and what to write instead.
type Term struct {
	// Word is the word or phrase as listed, lower case.
	Word string
	// Suggestion is what to write instead.
	Suggestion string
	// Why is the kind of problem: "gendered", "age", "language", "ability",
	// "jargon" or "exclusionary".
	Why string
}

// Terms is the list the checker flags. Single words match whole words only
// ("he" matches "he" but not "the" or "help"; "man-hours" does not match
// "Manhattan"). Sources: retext-equality gender.yml (foreman, manpower,
// man hours, chairman...), joblint's rules (pronouns, "guys", "ninja"),
// and the operations false positives noted in the domain facts.
var Terms = []Term{
	{"he/she", "they", "gendered"},
	{"he or she", "they", "gendered"},
	{"s/he", "they", "gendered"},
	{"his/her", "their", "gendered"},
	{"his or her", "their", "gendered"},
	{"him/her", "them", "gendered"},
	{"he", "they", "gendered"},
	{"she", "they", "gendered"},
	{"his", "their", "gendered"},
	{"her", "their or them", "gendered"},
	{"hers", "theirs", "gendered"},
	{"him", "them", "gendered"},
	{"himself", "themselves", "gendered"},
	{"herself", "themselves", "gendered"},
	{"foreman", "supervisor or shift lead", "gendered"},
	{"foremen", "supervisors or shift leads", "gendered"},
	{"forewoman", "supervisor or shift lead", "gendered"},
	{"manpower", "staffing, workforce or labor", "gendered"},
	{"man-hours", "labor hours or staff hours", "gendered"},
	{"man-hour", "labor hour or staff hour", "gendered"},
	{"man hours", "labor hours or staff hours", "gendered"},
	{"manhours", "labor hours or staff hours", "gendered"},
	{"man-days", "workdays", "gendered"},
	{"manned", "staffed or crewed", "gendered"},
	{"unmanned", "automated or uncrewed", "gendered"},
	{"manning", "staffing", "gendered"},
	{"chairman", "chair", "gendered"},
	{"chairmen", "chairs", "gendered"},
	{"chairwoman", "chair", "gendered"},
	{"salesman", "salesperson or sales representative", "gendered"},
	{"salesmen", "salespeople", "gendered"},
	{"middleman", "intermediary or broker", "gendered"},
	{"workmanship", "quality of work", "gendered"},
	{"journeyman", "journey-level worker", "gendered"},
	{"handyman", "maintenance technician", "gendered"},
	{"guys", "everyone or the team", "gendered"},
	{"young", "leave age out; describe the experience needed", "age"},
	{"youthful", "leave age out; describe the experience needed", "age"},
	{"digital native", "comfortable with digital tools", "age"},
	{"recent graduate", "early-career", "age"},
	{"energetic", "motivated", "age"},
	{"native english", "fluent in English", "language"},
	{"native english speaker", "fluent in English", "language"},
	{"native speaker", "fluent speaker", "language"},
	{"mother tongue", "fluent", "language"},
	{"able-bodied", "describe the physical task (for example: lift 50 lb, with or without accommodation)", "ability"},
	{"sanity check", "check or validation", "ability"},
	{"rockstar", "skilled", "jargon"},
	{"rock star", "skilled", "jargon"},
	{"ninja", "expert", "jargon"},
	{"guru", "expert", "jargon"},
	{"wizard", "expert", "jargon"},
	{"blacklist", "blocklist", "exclusionary"},
	{"whitelist", "allowlist", "exclusionary"},
	{"slave", "secondary or replica", "exclusionary"},
	{"grandfathered", "legacy or exempted", "exclusionary"},
}

// Flagged lists the words and phrases of Terms.
var Flagged = func() []string {
	out := make([]string, len(Terms))
	for i, t := range Terms {
		out[i] = t.Word
	}
	return out
}()

// patterns holds each term's expression, compiled the first time a text
// passes the term's prefilter (most texts never do, and compiling all of
// them took 4 ms at start-up).
var patterns = func() []func() *regexp.Regexp {
	out := make([]func() *regexp.Regexp, len(Terms))
	for i, t := range Terms {
		out[i] = sync.OnceValue(func() *regexp.Regexp { return compile(t.Word) })
	}
	return out
}()

// compile is the expression that finds word: case-insensitive, starting
// a word. A space in a phrase matches any run of spaces; a hyphen may be
// written as a space too ("man hours").
func compile(word string) *regexp.Regexp {
	w := regexp.QuoteMeta(word)
	w = strings.ReplaceAll(w, " ", `\s+`)
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}/'’-])(` + w + `)`)
}

// needles are each term's space-separated parts, case-folded (see fold):
// a text can only hold the term if its folded form holds every part, so
// the expression is run only then. Checking a company's texts ran about
// 50 expressions over each; now it is one folding and 50 substring
// searches, and an expression for the rare text that passes.
var needles = func() [][]string {
	out := make([][]string, len(Terms))
	for i, t := range Terms {
		out[i] = strings.Fields(fold(t.Word))
	}
	return out
}()

// fold maps every character of s to the smallest character it matches
// case-insensitively (the expressions' (?i), unicode.SimpleFold): "K",
// "k" and the Kelvin sign all become "K", "s" and "ſ" become "S". Folding
// keeps characters apart, so a part of a term that matches somewhere in s
// is a substring of fold(s).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune is the smallest character of r's case-folding orbit.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// Finding is one flagged word in a text.
type Finding struct {
	Term
	// Text is the word as written ("Foreman").
	Text string
	// Offset is its byte offset in the text.
	Offset int
	// Line and Column are 1-based, within the text; Column counts characters.
	Line, Column int
}

// Check returns the flagged words in text in reading order. Where listed
// phrases overlap ("he/she" and "he"), the longest is reported once.
func Check(text string) []Finding {
	type span struct{ start, end, term int }
	var spans []span
	folded := fold(text)
	for i, parts := range needles {
		if prefilter && !containsAll(folded, parts) {
			continue
		}
		for _, m := range patterns[i]().FindAllStringSubmatchIndex(text, -1) {
			if r, _ := utf8.DecodeRuneInString(text[m[3]:]); m[3] < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '-') {
				continue // part of a longer word: "hello", "he/she"
			}
			spans = append(spans, span{m[2], m[3], i})
		}
	}
	sort.Slice(spans, func(a, b int) bool {
		if spans[a].start != spans[b].start {
			return spans[a].start < spans[b].start
		}
		return spans[a].end > spans[b].end
	})
	var out []Finding
	end := -1
	for _, s := range spans {
		if s.start < end {
			continue
		}
		end = s.end
		before := text[:s.start]
		line := 1 + strings.Count(before, "\n")
		col := 1 + utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
		out = append(out, Finding{Term: Terms[s.term], Text: text[s.start:s.end], Offset: s.start, Line: line, Column: col})
	}
	return out
}

// prefilter is off only in tests, which compare Check with and without it.
var prefilter = true

// containsAll reports whether s holds every one of parts.
func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// Find returns the flagged words that occur in text, sorted and without
// duplicates; nil when the text is clean.
func Find(text string) []string {
	seen := map[string]bool{}
	var found []string
	for _, f := range Check(text) {
		if !seen[f.Word] {
			seen[f.Word] = true
			found = append(found, f.Word)
		}
	}
	sort.Strings(found)
	return found
}

// Clean reports whether text contains none of the flagged words.
func Clean(text string) bool { return len(Check(text)) == 0 }
