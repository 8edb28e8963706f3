package posting

import (
	"strings"
	"testing"
)

// clean's fast path (isClean) must agree with joining the fields.
func TestCleanAgreesWithFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b",
		"Chicago, IL", "line one\nline two", "ends\n", "\u3000全角", "x\u2028y",
	} {
		if got, want := clean(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("a  b")
	f.Add(" Chicago,\tIL ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}
