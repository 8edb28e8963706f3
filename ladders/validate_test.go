package ladders

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultValidates(t *testing.T) {
	l := mustDefault(t)
	if err := l.Validate(); err != nil {
		t.Fatalf("default ladder does not validate: %v", err)
	}
}

// smallLadder is a valid three-level ladder for breaking in tests.
func smallLadder() Ladder {
	lv := func(code string, band Band, next string) Level {
		return Level{
			Code: code, Title: "Title " + code, Band: band,
			Scope: "Scope.", DecisionAuthority: "Authority.",
			TypicalExperience: "0-2 years", NextLevel: next,
		}
	}
	return Ladder{
		Name: "Test",
		Levels: []Level{
			lv("T-1", BandIndividual, "Evidence for T-2."),
			lv("T-2", BandManagement, "Evidence for T-3."),
			lv("T-3", BandExecutive, ""),
		},
		Competencies: []Competency{
			{Key: "a", Name: "A", Description: "About A.", Levels: map[string]string{"T-1": "a1", "T-2": "a2", "T-3": "a3"}},
			{Key: "b", Name: "B", Description: "About B.", Levels: map[string]string{"T-1": "b1", "T-2": "b2", "T-3": "b3"}},
		},
	}
}

func TestValidate(t *testing.T) {
	if err := smallLadder().Validate(); err != nil {
		t.Fatalf("valid ladder rejected: %v", err)
	}
	cases := []struct {
		name   string
		mutate func(l *Ladder)
		want   error
		words  []string // the message must name these
	}{
		{"missing cell", func(l *Ladder) { delete(l.Competencies[1].Levels, "T-2") }, ErrMissingCell, []string{"(b)", "T-2"}},
		{"empty cell", func(l *Ladder) { l.Competencies[0].Levels["T-3"] = " " }, ErrEmptyField, []string{"(a)", "T-3"}},
		{"cell for unknown level", func(l *Ladder) { l.Competencies[0].Levels["T-9"] = "x" }, ErrUnknownLevel, []string{"T-9"}},
		{"duplicate code", func(l *Ladder) { l.Levels[2].Code = "T-1" }, ErrDuplicateCode, []string{"levels[2]", "T-1"}},
		{"unknown band", func(l *Ladder) { l.Levels[1].Band = "managment" }, ErrUnknownBand, []string{"T-2", "managment"}},
		{"empty band", func(l *Ladder) { l.Levels[0].Band = "" }, ErrUnknownBand, []string{"T-1"}},
		{"empty scope", func(l *Ladder) { l.Levels[1].Scope = "" }, ErrEmptyField, []string{"T-2", "scope"}},
		{"empty next_level below top", func(l *Ladder) { l.Levels[0].NextLevel = "" }, ErrEmptyField, []string{"T-1", "next_level"}},
		{"empty level code", func(l *Ladder) { l.Levels[0].Code = "" }, ErrEmptyField, []string{"levels[0].code"}},
		{"duplicate competency", func(l *Ladder) { l.Competencies[1].Key = "a" }, ErrDuplicateCompetency, []string{"competencies[1]"}},
		{"empty description", func(l *Ladder) { l.Competencies[0].Description = "" }, ErrEmptyField, []string{"description"}},
		{"no levels", func(l *Ladder) { l.Levels = nil }, ErrNoLevels, nil},
		{"empty name", func(l *Ladder) { l.Name = "" }, ErrEmptyField, []string{"name"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := smallLadder()
			c.mutate(&l)
			err := l.Validate()
			if !errors.Is(err, c.want) {
				t.Fatalf("Validate() = %v, want an error matching %v", err, c.want)
			}
			for _, w := range c.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %q", err, w)
				}
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	l := smallLadder()
	l.Levels[1].Band = "staff"
	l.Levels[2].Code = "T-1"
	delete(l.Competencies[0].Levels, "T-1")
	err := l.Validate()
	for _, want := range []error{ErrUnknownBand, ErrDuplicateCode, ErrMissingCell} {
		if !errors.Is(err, want) {
			t.Errorf("Validate() = %v, does not report %v", err, want)
		}
	}
}

func TestDecode(t *testing.T) {
	valid := `
name: Test
levels:
  - {code: T-1, title: One, band: individual-contributor, scope: s, decision_authority: d, typical_experience: e, next_level: n}
  - {code: T-2, title: Two, band: executive, scope: s, decision_authority: d, typical_experience: e, next_level: ""}
competencies:
  - key: a
    name: A
    description: About A.
    levels: {T-1: a1, T-2: a2}
`
	l, err := decode([]byte(valid))
	if err != nil {
		t.Fatalf("decode(valid) error: %v", err)
	}
	if got := l.Codes(); len(got) != 2 || got[1] != "T-2" {
		t.Errorf("decoded codes %v, want [T-1 T-2]", got)
	}

	cases := []struct {
		name, doc string
		want      error
	}{
		{"unknown key", strings.Replace(valid, "scope: s,", "scop: s,", 1), ErrDecode},
		{"syntax error", "name: [", ErrDecode},
		{"empty document", "", ErrDecode},
		{"missing cell", strings.Replace(valid, "T-2: a2", "", 1), ErrMissingCell},
		{"unknown band", strings.Replace(valid, "band: executive", "band: exec", 1), ErrUnknownBand},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := decode([]byte(c.doc)); !errors.Is(err, c.want) {
				t.Errorf("decode() = %v, want an error matching %v", err, c.want)
			}
		})
	}
}
