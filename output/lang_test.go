package output

import "testing"

func TestLanguageTag(t *testing.T) {
	for in, want := range map[string]string{
		"":        "en-US",
		"en-US":   "en-US",
		"en-gb":   "en-GB",
		" en_CA ": "en-CA",
		"EN-AU":   "en-AU",
		"fr-FR":   "en-US",
	} {
		if got := LanguageTag(in); got != want {
			t.Errorf("LanguageTag(%q) = %q, want %q", in, got, want)
		}
	}
}
