package locale

import (
	"strings"
	"unicode"
)

// Sentences splits text into sentences: a sentence ends at ".", "!" or "?"
// followed by white space or the end of the text. A period inside a number
// ("99.5%") does not end a sentence. Empty sentences are dropped.
func Sentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		if i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && rs[i+1] != '"' && rs[i+1] != ')' {
			continue
		}
		if s := strings.TrimSpace(string(rs[start : i+1])); s != "" {
			out = append(out, s)
		}
		start = i + 1
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// Words returns the words of s: runs of letters, digits, apostrophes and
// inner hyphens, with surrounding punctuation removed. A placeholder such as
// "{manager}" counts as one word.
func Words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		w := strings.TrimFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Syllables estimates the syllables of one English word with a short
// heuristic: groups of vowels (y counts as a vowel after the first letter),
// less a silent final "e" (but not "-le"), at least one. Hyphenated words
// count each part. An acronym of up to three capitals is spelled out (one
// syllable a letter); a token with digits counts two.
func Syllables(word string) int {
	if strings.Contains(word, "-") {
		n := 0
		for _, part := range strings.Split(word, "-") {
			if part != "" {
				n += Syllables(part)
			}
		}
		return max(n, 1)
	}
	letters, upper, digits := 0, 0, 0
	for _, r := range word {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits > 0 {
		return 2
	}
	w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s"))
	if letters > 1 && upper == letters && letters <= 3 {
		return letters
	}
	n := 0
	prevVowel := false
	for i, r := range w {
		v := strings.ContainsRune("aeiou", r) || (r == 'y' && i > 0)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if n > 1 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && !strings.HasSuffix(w, "ee") {
		n--
	}
	if n > 1 && len(w) > 3 && !strings.HasSuffix(w, "ies") {
		// "makes", "based": the e is silent, unless "-ed" follows t or d
		// ("rated") or "-es" follows a sibilant ("changes").
		stem := w[:len(w)-2]
		switch {
		case strings.HasSuffix(w, "ed"):
			if !strings.HasSuffix(stem, "t") && !strings.HasSuffix(stem, "d") && !strings.HasSuffix(stem, "e") {
				n--
			}
		case strings.HasSuffix(w, "es"):
			sibilant := false
			for _, end := range []string{"s", "c", "g", "x", "z", "sh", "ch"} {
				sibilant = sibilant || strings.HasSuffix(stem, end)
			}
			if !sibilant && !strings.HasSuffix(stem, "e") {
				n--
			}
		}
	}
	return max(n, 1)
}

// FleschReadingEase is the Flesch reading-ease score of text:
// 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words). Higher is
// easier; 60-70 is plain English, below 30 is very hard. Text without words
// scores 0.
func FleschReadingEase(text string) float64 {
	sentences := Sentences(text)
	words, syllables := 0, 0
	for _, s := range sentences {
		for _, w := range Words(s) {
			words++
			syllables += Syllables(w)
		}
	}
	if words == 0 {
		return 0
	}
	return 206.835 - 1.015*float64(words)/float64(len(sentences)) - 84.6*float64(syllables)/float64(words)
}
