package pdf

import (
	"strings"
	"testing"
)

// naiveFooter is the footer fitting as it was: drop one character at a
// time and lay the line out again (quadratic in the title's length). The
// binary search must choose exactly the same line.
func naiveFooter(l *pdfLayout, st pdfStyle, company, title string, n, total int) string {
	shorten := func(s string) string {
		s = strings.TrimSuffix(s, "…")
		rs := []rune(strings.TrimSpace(s))
		if len(rs) <= 1 {
			return ""
		}
		return strings.TrimRight(string(rs[:len(rs)-1]), " ,;:·-–—") + "…"
	}
	page := "Page " + itoaTest(n) + " of " + itoaTest(total)
	build := func() pdfLine {
		return l.wrap(st, pdfJoin(" "+pdfSeparator+" ", company, title, page), 1e6)[0]
	}
	line := build()
	for _, which := range []*string{&title, &company} {
		for l.lineWidth(line) > l.width && *which != "" {
			*which = shorten(*which)
			line = build()
		}
	}
	return lineText(line)
}

func itoaTest(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoaTest(n/10) + string(rune('0'+n%10))
}

func lineText(line pdfLine) string {
	var b strings.Builder
	for _, s := range line {
		b.WriteString(s.text)
	}
	return b.String()
}

// TestFooterSameAsOneCharacterAtATime: for titles and company names of
// many lengths and shapes the footer equals the old algorithm's.
func TestFooterSameAsOneCharacterAtATime(t *testing.T) {
	l := pdfTestLayout()
	st := pdfStyle{size: pdfFooterSize, color: pdfMuted}
	words := []string{"Operations", "Manager,", "Supply", "Chain —", "Warehouse", "Ä", "Ωmega", "-", "x"}
	for n := 0; n < 60; n++ {
		var title, company strings.Builder
		for i := 0; i < n; i++ {
			title.WriteString(words[(i*7+n)%len(words)] + " ")
			if i%3 == 0 {
				company.WriteString(words[(i+n)%len(words)] + " ")
			}
		}
		tt, co := strings.TrimSpace(title.String()), strings.TrimSpace(company.String())
		got := lineText(l.footer(st, co, tt, 3, 12))
		want := naiveFooter(l, st, co, tt, 3, 12)
		if got != want {
			t.Fatalf("n=%d:\ngot  %q\nwant %q", n, got, want)
		}
		if l.lineWidth(l.footer(st, co, tt, 3, 12)) > l.width {
			t.Errorf("n=%d: the footer does not fit", n)
		}
	}
}

// TestFooterLinearWork counts the line layouts the footer needs: it grows
// with the logarithm of the title's length (the old code needed one per
// dropped character: 8,000 for an 8,400-character title).
func TestFooterLinearWork(t *testing.T) {
	calls := map[int]int{}
	for _, n := range []int{1_000, 8_000, 64_000} {
		pdfLongestFit(n, func(k int) bool { calls[n]++; return k < n/50 })
	}
	for n, c := range calls {
		if c > 20 {
			t.Errorf("a %d-character title took %d layouts", n, c)
		}
	}
	if calls[64_000]-calls[1_000] > 7 {
		t.Errorf("layouts grow faster than log n: %v", calls)
	}
	// And the result is the longest prefix that fits.
	for _, limit := range []int{0, 1, 2, 17, 999, 1000} {
		if got := pdfLongestFit(1000, func(k int) bool { return k <= limit }); got != limit {
			t.Errorf("limit %d: got %d", limit, got)
		}
	}
}
