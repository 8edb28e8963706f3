package wording

import (
	"reflect"
	"testing"
)

func TestFind(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"The manager leads the team and helps them grow.", nil},
		{"He leads the team.", []string{"he"}},
		{"Leads her team; a true Rockstar.", []string{"her", "rockstar"}},
		{"Plans manpower for the shift.", []string{"manpower"}},
		{"Reports to the Chairman of the board.", []string{"chairman"}},
		{"A young, able-bodied digital native.", []string{"able-bodied", "digital native", "young"}},
		{"Other, there, theme, shelf, history, hermit, guidance", nil},
		{"A ninja and a guru.", []string{"guru", "ninja"}},
		// Operations wording the check is tuned for.
		{"Foreman, second shift", []string{"foreman"}},
		{"Tracks man-hours and man hours per order.", []string{"man hours", "man-hours"}},
		{"He/she reports to the plant manager.", []string{"he/she"}},
		{"Native English speaker preferred.", []string{"native english speaker"}},
		{"Cuts lead time; data-driven; owns master data and the master production schedule.", nil},
		{"Senior Operations Analyst, Manhattan; a master's degree; human factors; women and men", nil},
		{"Leads the shift team; the lead time target", nil},
		{"Seeking a he he", []string{"he"}},
	}
	for _, c := range cases {
		got := Find(c.text)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Find(%q) = %v, want %v", c.text, got, c.want)
		}
		if Clean(c.text) != (len(c.want) == 0) {
			t.Errorf("Clean(%q) disagrees with Find", c.text)
		}
	}
}

func TestCheckPositions(t *testing.T) {
	text := "Shift foreman.\nPlans manpower; he/she approves Überstunden and man-hours."
	got := Check(text)
	want := []struct {
		word         string
		text         string
		line, column int
		suggestion   string
	}{
		{"foreman", "foreman", 1, 7, "supervisor or shift lead"},
		{"manpower", "manpower", 2, 7, "staffing, workforce or labor"},
		{"he/she", "he/she", 2, 17, "they"},
		{"man-hours", "man-hours", 2, 49, "labor hours or staff hours"},
	}
	if len(got) != len(want) {
		t.Fatalf("Check found %d: %+v", len(got), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Word != w.word || g.Text != w.text || g.Line != w.line || g.Column != w.column || g.Suggestion != w.suggestion {
			t.Errorf("finding %d = %+v, want %+v", i, g, w)
		}
		if text[g.Offset:g.Offset+len(g.Text)] != g.Text {
			t.Errorf("finding %d: offset %d does not point at %q", i, g.Offset, g.Text)
		}
	}
}

func TestEveryTermHasASuggestion(t *testing.T) {
	seen := map[string]bool{}
	for _, term := range Terms {
		if term.Suggestion == "" || term.Why == "" {
			t.Errorf("%q has no suggestion or reason", term.Word)
		}
		if seen[term.Word] {
			t.Errorf("%q is listed twice", term.Word)
		}
		seen[term.Word] = true
		// Every term is found in a sentence of its own.
		if got := Find("We want " + term.Word + " here."); len(got) != 1 || got[0] != term.Word {
			t.Errorf("Find misses %q: %v", term.Word, got)
		}
	}
}
