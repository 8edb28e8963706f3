package locale

import "testing"

// BenchmarkSpell respells a typical built-in responsibility sentence.
func BenchmarkSpell(b *testing.B) {
	s := "Analyzes the area's processes, organizes the labor program and optimizes fulfillment at every distribution center."
	for b.Loop() {
		_ = Spell(EnGB, s)
	}
}

// BenchmarkSpellUncached respells without the cache: the cost of the first
// call for a text.
func BenchmarkSpellUncached(b *testing.B) {
	s := "Analyzes the area's processes, organizes the labor program and optimizes fulfillment at every distribution center."
	for b.Loop() {
		_ = spell(EnGB, s)
	}
}
