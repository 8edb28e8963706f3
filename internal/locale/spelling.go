package locale

import (
	"strings"
	"sync"
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

// softwareWords before "program" mean a computer program, spelled "program"
// in every locale.
var softwareWords = map[string]bool{"computer": true, "software": true}

// Spell rewrites US spelling in text into the spelling of locale l, word by
// word from the table; en-US (and an unsupported locale) returns text as
// it is. Only whole words change: "programmer", "prize" and "size" stay.
// Case is kept ("Labor", "LABOR"). Use it on jdgen's built-in text only:
// text from a company's config is printed as written.
func Spell(l Locale, text string) string {
	if l == EnUS || !l.Valid() || text == "" {
		return text
	}
	tableOnce.Do(buildTable)
	var b strings.Builder
	b.Grow(len(text) + 16)
	prev := ""
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			b.WriteRune(r)
			i += n
			if !unicode.IsSpace(r) {
				prev = ""
			}
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += n2
		}
		word := text[i:j]
		lower := strings.ToLower(word)
		out := word
		if e, ok := byUS[lower]; ok && !(strings.HasPrefix(lower, "program") && softwareWords[prev]) {
			out = matchCase(word, e.For(l))
		}
		b.WriteString(out)
		prev = lower
		i = j
	}
	return b.String()
}

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
