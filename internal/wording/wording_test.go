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
