package locale

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// variety is a set of locales that share a spelling.
type variety uint8

const (
	gb variety = 1 << iota
	ca
	au
	// commonwealth is every non-US locale.
	commonwealth = gb | ca | au
	// gbAU is Britain and Australia, where Canada keeps the US form.
	gbAU = gb | au
)

// has reports whether the variety includes the locale.
func (v variety) has(l Locale) bool {
	switch l {
	case EnGB:
		return v&gb != 0
	case EnCA:
		return v&ca != 0
	case EnAU:
		return v&au != 0
	}
	return false
}

// izeStems are the US stems in -iz/-yz whose British and Australian forms
// are -is/-ys. Canada keeps -ize (and -yze). Only stems listed here change:
// "size", "prize", "seize" and "capsize" are the same everywhere.
var izeStems = []string{
	"organiz", "optimiz", "prioritiz", "standardiz", "recogniz", "realiz", "minimiz",
	"maximiz", "utiliz", "summariz", "authoriz", "customiz", "specializ", "categoriz",
	"finaliz", "stabiliz", "harmoniz", "centraliz", "decentraliz", "emphasiz",
	"characteriz", "synchroniz", "visualiz", "digitiz", "mobiliz", "demobiliz",
	"moderniz", "normaliz", "apologiz", "criticiz", "energiz", "familiariz",
	"formaliz", "itemiz", "localiz", "memoriz", "monetiz", "penaliz", "rationaliz",
	"revitaliz", "sanitiz", "scrutiniz", "socializ", "steriliz", "subsidiz",
	"incentiviz", "jeopardiz", "capitaliz", "computeriz", "containeriz",
	"palletiz", "operationaliz", "randomiz", "institutionaliz", "reorganiz",
	"industrializ", "internationaliz", "personaliz", "productiz", "mechaniz",
	"publiciz", "symboliz", "theoriz", "economiz", "agoniz", "legitimiz",
	"initializ", "neutraliz", "generaliz", "conceptualiz", "contextualiz",
	"hospitaliz", "immuniz", "patroniz", "fertiliz", "winteriz",
}

// izeEndings are the endings that follow an -iz stem.
var izeEndings = []string{"e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "ationally"}

// yzeStems are the US stems in -yz ("analyz") that are -ys in Britain and
// Australia. Canada keeps -yze.
var yzeStems = []string{"analyz", "paralyz", "catalyz", "overanalyz"}

// yzeEndings follow an -yz stem.
var yzeEndings = []string{"e", "es", "ed", "ing", "er", "ers"}

// ourWords are -or words (with their inflections) that are -our outside the
// United States. Derived words that drop the u everywhere ("laborious",
// "humorous", "vigorous") are not listed and stay as written.
var ourWords = []string{
	"labor", "labors", "labored", "laboring", "laborer", "laborers",
	"color", "colors", "colored", "coloring", "colorful",
	"behavior", "behaviors", "behavioral", "behaviorally",
	"favor", "favors", "favored", "favoring", "favorable", "favorably", "favorite", "favorites",
	"honor", "honors", "honored", "honoring", "honorable",
	"neighbor", "neighbors", "neighboring", "neighborhood", "neighborhoods",
	"harbor", "harbors", "rumor", "rumors", "endeavor", "endeavors", "endeavored",
	"humor", "vigor", "odor", "odors", "flavor", "flavors", "armor", "valor", "vapor", "candor",
	"savior", "parlor", "splendor", "demeanor", "misdemeanor", "misdemeanors",
}

// reWords are -er words that are -re outside the United States.
var reWords = []string{
	"center", "centers", "centered", "centering",
	"theater", "theaters", "fiber", "fibers", "liter", "liters",
	"kilometer", "kilometers", "centimeter", "centimeters", "millimeter", "millimeters",
	"caliber", "somber", "luster", "meager", "saber", "scepter", "specter",
}

// doubleL are US words with one l before an ending that Britain, Canada and
// Australia spell with two.
var doubleL = []string{
	"traveled", "traveling", "traveler", "travelers",
	"canceled", "canceling",
	"labeled", "labeling",
	"modeled", "modeling", "modeler", "modelers",
	"leveled", "leveling",
	"signaled", "signaling",
	"totaled", "totaling",
	"fueled", "fueling",
	"counseled", "counseling", "counselor", "counselors",
	"channeled", "channeling",
	"equaled", "equaling",
	"dialed", "dialing",
	"marshaled", "marshaling",
	"tunneled", "tunneling",
	"jeweler", "jewelers",
}

// pair is one US word and its form in some locales.
type pair struct {
	us, other string
	in        variety
}

// singles are the other words of the table.
var singles = []pair{
	{"program", "programme", gb},
	{"programs", "programmes", gb},
	{"fulfill", "fulfil", gbAU},
	{"fulfills", "fulfils", gbAU},
	{"fulfillment", "fulfilment", gbAU},
	{"fulfillments", "fulfilments", gbAU},
	{"enroll", "enrol", commonwealth},
	{"enrolls", "enrols", commonwealth},
	{"enrollment", "enrolment", commonwealth},
	{"enrollments", "enrolments", commonwealth},
	{"installment", "instalment", gbAU},
	{"installments", "instalments", gbAU},
	{"skillful", "skilful", gbAU},
	{"skillfully", "skilfully", gbAU},
	{"willful", "wilful", gbAU},
	{"judgment", "judgement", gbAU},
	{"judgments", "judgements", gbAU},
	{"license", "licence", commonwealth},
	{"licenses", "licences", commonwealth},
	{"defense", "defence", commonwealth},
	{"offense", "offence", commonwealth},
	{"offenses", "offences", commonwealth},
	{"catalog", "catalogue", commonwealth},
	{"catalogs", "catalogues", commonwealth},
	{"dialog", "dialogue", commonwealth},
	{"gray", "grey", commonwealth},
	{"aging", "ageing", gbAU},
	{"toward", "towards", gbAU},
	{"afterward", "afterwards", gbAU},
	{"aluminum", "aluminium", gbAU},
	{"mold", "mould", commonwealth},
	{"molds", "moulds", commonwealth},
	{"plow", "plough", gbAU},
	{"jewelry", "jewellery", commonwealth},
	{"sulfur", "sulphur", gbAU},
	{"maneuver", "manoeuvre", gbAU},
	{"maneuvers", "manoeuvres", gbAU},
}

// Entry is one row of the spelling table: a US word and its spelling in each
// other locale (equal to US where the locale keeps the US form).
type Entry struct {
	US, GB, CA, AU string
}

// For returns the entry's spelling in locale l.
func (e Entry) For(l Locale) string {
	switch l {
	case EnGB:
		return e.GB
	case EnCA:
		return e.CA
	case EnAU:
		return e.AU
	}
	return e.US
}

var (
	tableOnce sync.Once
	table     []Entry
	byUS      map[string]Entry
)

// buildTable expands the word lists into entries.
func buildTable() {
	byUS = map[string]Entry{}
	add := func(us, other string, in variety) {
		if us == other {
			return
		}
		e := Entry{US: us, GB: us, CA: us, AU: us}
		if in.has(EnGB) {
			e.GB = other
		}
		if in.has(EnCA) {
			e.CA = other
		}
		if in.has(EnAU) {
			e.AU = other
		}
		table = append(table, e)
		byUS[us] = e
	}
	for _, s := range izeStems {
		for _, end := range izeEndings {
			add(s+end, strings.TrimSuffix(s, "z")+"s"+end, gbAU)
		}
	}
	for _, s := range yzeStems {
		for _, end := range yzeEndings {
			add(s+end, strings.TrimSuffix(s, "z")+"s"+end, gbAU)
		}
	}
	for _, w := range ourWords {
		i := strings.LastIndex(w, "or")
		add(w, w[:i]+"our"+w[i+2:], commonwealth)
	}
	for _, w := range reWords {
		i := strings.LastIndex(w, "er")
		add(w, w[:i]+"re"+w[i+2:], commonwealth)
	}
	for _, w := range doubleL {
		i := strings.LastIndex(w, "l")
		add(w, w[:i]+"l"+w[i:], commonwealth)
	}
	for _, p := range singles {
		add(p.us, p.other, p.in)
	}
}

// Table returns the spelling table: every US word Spell changes, with its
// form in each locale. The slice is a copy.
func Table() []Entry {
	tableOnce.Do(buildTable)
	return append([]Entry(nil), table...)
}

// Spell rewrites US spelling in text into the spelling of locale l, word by
// word from the table, then the few phrasings that differ (see phrase);
// en-US (and an unsupported locale) returns text as it is. Only whole words change: "programmer", "prize" and "size" stay.
// Case is kept ("Labor", "LABOR"). Use it on jdgen's built-in text only:
// text from a company's config is printed as written.
func Spell(l Locale, text string) string {
	if l == EnUS || !l.Valid() || text == "" {
		return text
	}
	key := spellKey{l, text}
	if v, ok := spellCache.Load(key); ok {
		return v.(string)
	}
	out := phrase(l, spell(l, text))
	// Built-in text is a few thousand strings, each respelled for every
	// role: remember them, up to a bound so that other text cannot grow the
	// cache without limit.
	if spellCached.Load() < spellCacheMax {
		if _, loaded := spellCache.LoadOrStore(key, out); !loaded {
			spellCached.Add(1)
		}
	}
	return out
}

// usWeight is a weight as the US library writes it: pounds, then
// kilograms in brackets ("25 lb (11 kg)").
var usWeight = regexp.MustCompile(`\b(\d+(?:\.\d+)?) lb \((\d+(?:\.\d+)?) kg\)`)

// phrase rewrites what differs beyond single words, after spell: outside
// the US weights are given in kilograms first ("11 kg (25 lb)"); British
// English holds "one-to-one" meetings; and in Britain and Australia
// figures change "year on year", and the safety measure of all
// recordable injuries goes by its frequency-rate name, TRIFR, not by
// TRIR, the name US OSHA record-keeping gives it.
func phrase(l Locale, text string) string {
	if strings.Contains(text, " lb (") {
		text = usWeight.ReplaceAllString(text, "$2 kg ($1 lb)")
	}
	switch l {
	case EnGB:
		text = gbPhrases.Replace(text)
	case EnAU:
		text = auPhrases.Replace(text)
	}
	return text
}

// usPhrases are the US phrases British and Australian English put
// otherwise, each followed by the British and Australian form.
var usPhrases = []string{
	"year over year", "year on year",
	"Year over year", "Year on year",
	"Total recordable incident rate (TRIR)", "Total recordable injury frequency rate (TRIFR)",
	"total recordable incident rate (TRIR)", "total recordable injury frequency rate (TRIFR)",
}

var (
	auPhrases = strings.NewReplacer(usPhrases...)
	gbPhrases = strings.NewReplacer(append([]string{"one-on-one", "one-to-one"}, usPhrases...)...)
)

// spellKey is a cache key: the locale and the text.
type spellKey struct {
	l    Locale
	text string
}

// spellCacheMax bounds the number of remembered results.
const spellCacheMax = 1 << 14

var (
	spellCache  sync.Map // spellKey -> string
	spellCached atomic.Int64
)

// spell respells text for a non-US locale, word by word.
func spell(l Locale, text string) string {
	tableOnce.Do(buildTable)
	var (
		b    strings.Builder // used once the first word changes
		done int             // text[:done] is already in b
		soft bool            // the previous word is "computer" or "software"
		low  [32]byte        // lower-case copy of an ASCII word
	)
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			// A non-ASCII letter run is a word no table entry matches.
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) {
				soft = false
			}
			for i += n; i < len(text) && text[i] >= utf8.RuneSelf; {
				_, n = utf8.DecodeRuneInString(text[i:])
				i += n
			}
			continue
		}
		if !isASCIILetter(c) {
			if c != ' ' && c != '\t' && c != '\n' {
				soft = false
			}
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		if j < len(text) && text[j] >= utf8.RuneSelf {
			// The word goes on with a non-ASCII letter: not in the table.
			r, _ := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) {
				for j < len(text) && (isASCIILetter(text[j]) || text[j] >= utf8.RuneSelf) {
					_, n := utf8.DecodeRuneInString(text[j:])
					j += n
				}
				i, soft = j, false
				continue
			}
		}
		word := text[i:j]
		if len(word) > len(low) {
			i, soft = j, false
			continue
		}
		lw := low[:len(word)]
		for k := 0; k < len(word); k++ {
			c := word[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lw[k] = c
		}
		if e, ok := byUS[string(lw)]; ok {
			if f := e.For(l); f != e.US && !(soft && strings.HasPrefix(e.US, "program")) {
				if b.Len() == 0 {
					b.Grow(len(text) + 16)
				}
				b.WriteString(text[done:i])
				b.WriteString(matchCase(word, f))
				done = j
			}
		}
		soft = string(lw) == "computer" || string(lw) == "software"
		i = j
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// matchCase gives repl the case pattern of word: all upper, capitalized or
// lower.
func matchCase(word, repl string) string {
	switch {
	case strings.ToUpper(word) == word && len(word) > 1:
		return strings.ToUpper(repl)
	case unicode.IsUpper([]rune(word)[0]):
		r, n := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(r)) + repl[n:]
	}
	return repl
}
