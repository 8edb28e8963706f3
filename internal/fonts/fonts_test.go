package fonts

import "testing"

func TestCovers(t *testing.T) {
	for _, r := range "AZaz09 é ß Ł ő Ω α Ж я € – — “ ” … •" {
		if !Covers(r) {
			t.Errorf("Covers(%q) = false, want true", r)
		}
	}
	for _, r := range []rune{'東', 'א', 'ب', 'क', '\u0301', '✓', '₹', 0x1F600, '\t', 0x07} {
		if Covers(r) {
			t.Errorf("Covers(%q U+%04X) = true, want false", r, r)
		}
	}
}
