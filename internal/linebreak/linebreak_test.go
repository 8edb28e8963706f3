package linebreak

import (
	"strings"
	"testing"
)

func units(s string) string {
	var out []string
	Split(s, func(u string, space bool) {
		if space {
			u = "_" + u
		}
		out = append(out, u)
	})
	return strings.Join(out, "|")
}

func TestSplit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Run the weekly review.", "Run|_the|_weekly|_review."},
		{"  two  spaces ", "_two|_spaces"},
		{"On-site OPS-5 long-term", "On-site|_OPS-5|_long-term"},
		// Japanese: a break between any two characters, except before
		// 。、 and closing brackets, small kana and ー, and after opening ones.
		{"倉庫の運営。", "倉|庫|の|運|営。"},
		{"「安全」を守る", "「安|全」|を|守|る"},
		{"チーム、ショップ", "チー|ム、|ショッ|プ"},
		// Chinese with full-width punctuation.
		{"负责仓库（物流）。", "负|责|仓|库|（物|流）。"},
		// Mixed: Latin words stay whole; breaks around CJK.
		{"OPS-5レベルの manager です", "OPS-5|レ|ベ|ル|の|_manager|_で|す"},
		{"", ""},
	} {
		if got := units(c.in); got != c.want {
			t.Errorf("Split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlain(t *testing.T) {
	if !Plain("Ωmega Жук – café") || Plain("倉庫") || Plain("abc、") {
		t.Error("Plain")
	}
}
