package wording

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// Check finds the same words with the prefilter as by running every
// expression over every text: on the listed words themselves, in other
// cases and spacings, next to letters, and written with the characters
// (?i) also matches (the Kelvin sign for "k", the long s for "s").
func TestPrefilterFindsWhatExpressionsFind(t *testing.T) {
	texts := []string{
		"", "the help desk", "He leads the shift.", "HIS/HER team", "man\n\thours, man  hours",
		"Foreman, FOREMAN, fOrEmAn", "wor\u212Amanship", "\u017Falesman", "\u017FALESMEN",
		"rock star ninja guru wizard", "sanity-check", "able bodied", "native\u00a0english speaker",
		"Manhattan manholes, therapist, the help", "grandfathered in; whitelists", "'he' \"she\"",
		"über-guru", "Ærø he", "İstanbul HİS", "digital\nnative", "youngster young-ish",
	}
	for _, term := range Terms {
		texts = append(texts, term.Word, strings.ToUpper(term.Word), "x "+term.Word+"s", "a-"+term.Word, "1"+term.Word)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{" ", "  ", "\n", "-", "/", "'", "x", "K", "\u212A", "\u017F", "é", "É", "the ", "man", "hours"}
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			if rng.IntN(2) == 0 {
				w := Terms[rng.IntN(len(Terms))].Word
				if rng.IntN(3) == 0 {
					w = strings.ToUpper(w)
				}
				w = strings.ReplaceAll(w, "k", "\u212A")
				if rng.IntN(2) == 0 {
					w = strings.ReplaceAll(w, "s", "\u017F")
				}
				b.WriteString(w)
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, text := range texts {
		got := Check(text)
		prefilter = false
		want := Check(text)
		prefilter = true
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Check(%q) = %v with the prefilter, %v without", text, got, want)
		}
		found += len(want)
	}
	for _, text := range []string{"wor\u212Amanship", "\u017Falesman", "\u017FALESMEN", "man\n\thours"} {
		if len(Check(text)) != 1 {
			t.Errorf("Check(%q) = %v, want one finding", text, Check(text))
		}
	}
	if found < 500 {
		t.Errorf("only %d findings over %d texts: the test texts hold too few listed words", found, len(texts))
	}
}

// fold maps every character to the least of those it matches ignoring
// case, so each listed word folds to the same string however it is cased.
func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Foreman", "FOREMAN"}, {"wor\u212Amanship", "WORKMANSHIP"}, {"\u017Falesman", "SALESMAN"},
		{"über", "ÜBER"}, {"ÜBER", "ÜBER"}, {"he/she", "HE/SHE"}, {"", ""},
	} {
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Checking a typical role's texts (title, focus, summary): the prefilter
// skips the expressions of the words a text cannot hold.
func BenchmarkCheck(b *testing.B) {
	texts := []string{"Operations Manager", "Fulfilment", "Runs the second shift of the Reno distribution center: safety, throughput and a team of 40."}
	for b.Loop() {
		for _, s := range texts {
			Check(s)
		}
	}
}
