package generator

import (
	"fmt"
	"strings"
)

// closest returns the candidate nearest to s by edit distance, if it is near
// enough to be a plausible typo.
func closest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	limit := len(s) / 3
	if limit < 2 {
		limit = 2
	}
	if bestD > limit || strings.EqualFold(best, s) && best == s {
		return "", false
	}
	return best, true
}

// suggestSuffix is " (did you mean "x"?)" or "".
func suggestSuffix(s string, candidates []string) string {
	if c, ok := closest(s, candidates); ok {
		return fmt.Sprintf(" %q (did you mean %q?)", s, c)
	}
	return fmt.Sprintf(" %q", s)
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return 1 << 20
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
