package ladders

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/jdgen/jdgen/templates"
	"go.yaml.in/yaml/v3"
)

//go:embed default.yaml
var defaultYAML []byte

var (
	defaultOnce   sync.Once
	defaultLadder Ladder
	defaultErr    error
)

// Default returns the built-in Operations ladder: nine levels from OPS-1
// (Operations Coordinator) to OPS-9 (Chief Operating Officer) and its
// competency matrix. The embedded YAML is decoded and validated once; every
// call returns a fresh deep copy, so callers may change the result freely.
// An error means the embedded data is broken (a bug in jdgen, not in the
// user's input).
func Default() (Ladder, error) {
	defaultOnce.Do(func() {
		defaultLadder, defaultErr = decode(defaultYAML)
		if defaultErr == nil {
			defaultErr = defaultLadder.fillExperience()
		}
		if defaultErr != nil {
			defaultErr = fmt.Errorf("default ladder: %w", defaultErr)
		}
	})
	if defaultErr != nil {
		return Ladder{}, defaultErr
	}
	return defaultLadder.clone(), nil
}

// fillExperience sets each level's ExperienceYears from the built-in
// template at the same level and writes the figure into TypicalExperience
// in place of {experience}: required experience has one source, the
// template's experience_years.
func (l *Ladder) fillExperience() error {
	byLevel := map[string]templates.Template{}
	ts, err := templates.Builtin()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrDecode, err)
	}
	for _, t := range ts {
		byLevel[t.Level] = t
	}
	var errs []error
	for i := range l.Levels {
		lv := &l.Levels[i]
		t, ok := byLevel[lv.Code]
		if !ok {
			if strings.Contains(lv.TypicalExperience, templates.PhExperience) {
				errs = append(errs, fmt.Errorf("levels[%d] (%s).typical_experience: %s, but no built-in template has this level: %w", i, lv.Code, templates.PhExperience, ErrEmptyField))
			}
			continue
		}
		lv.ExperienceYears = t.ExperienceYears
		lv.TypicalExperience = templates.Vars{ExperienceYears: t.ExperienceYears}.Expand(lv.TypicalExperience)
	}
	return errors.Join(errs...)
}

// decode reads one ladder document strictly (unknown keys are errors) and
// validates it.
func decode(data []byte) (Ladder, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var l Ladder
	if err := dec.Decode(&l); err != nil {
		if errors.Is(err, io.EOF) {
			return Ladder{}, fmt.Errorf("%w: empty document", ErrDecode)
		}
		return Ladder{}, fmt.Errorf("%w: %w", ErrDecode, err)
	}
	if err := l.Validate(); err != nil {
		return Ladder{}, err
	}
	return l, nil
}

// clone returns a deep copy of l: no slice or map is shared with l.
func (l Ladder) clone() Ladder {
	out := Ladder{Name: l.Name}
	if l.Levels != nil {
		out.Levels = slices.Clone(l.Levels)
	}
	if l.Competencies != nil {
		out.Competencies = make([]Competency, len(l.Competencies))
		for i, c := range l.Competencies {
			c.Levels = maps.Clone(c.Levels)
			out.Competencies[i] = c
		}
	}
	return out
}

// Validate checks that the ladder is complete and consistent: it has a name
// and at least one level; level codes are unique; every band is a known band;
// no level or competency text is empty, except the top level's NextLevel;
// competency keys are unique; and every competency has exactly one non-empty
// expectation for each level code. It reports every problem it finds at once,
// joined with errors.Join, each wrapping one of the package's Err values.
func (l Ladder) Validate() error {
	var errs []error
	add := func(sentinel error, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), sentinel))
	}

	if strings.TrimSpace(l.Name) == "" {
		add(ErrEmptyField, "name")
	}
	if len(l.Levels) == 0 {
		add(ErrNoLevels, "levels")
	}

	codes := make(map[string]bool, len(l.Levels))
	for i, lv := range l.Levels {
		at := fmt.Sprintf("levels[%d]", i)
		if lv.Code != "" {
			at = fmt.Sprintf("levels[%d] (%s)", i, lv.Code)
		}
		switch {
		case strings.TrimSpace(lv.Code) == "":
			add(ErrEmptyField, "%s.code", at)
		case codes[lv.Code]:
			add(ErrDuplicateCode, "%s.code %q", at, lv.Code)
		default:
			codes[lv.Code] = true
		}
		switch lv.Band {
		case BandIndividual, BandManagement, BandExecutive:
		default:
			add(ErrUnknownBand, "%s.band %q", at, lv.Band)
		}
		fields := []struct{ name, value string }{
			{"title", lv.Title},
			{"scope", lv.Scope},
			{"decision_authority", lv.DecisionAuthority},
			{"typical_experience", lv.TypicalExperience},
		}
		if i < len(l.Levels)-1 {
			fields = append(fields, struct{ name, value string }{"next_level", lv.NextLevel})
		}
		for _, f := range fields {
			if strings.TrimSpace(f.value) == "" {
				add(ErrEmptyField, "%s.%s", at, f.name)
			}
		}
	}

	keys := make(map[string]bool, len(l.Competencies))
	for i, c := range l.Competencies {
		at := fmt.Sprintf("competencies[%d]", i)
		if c.Key != "" {
			at = fmt.Sprintf("competencies[%d] (%s)", i, c.Key)
		}
		switch {
		case strings.TrimSpace(c.Key) == "":
			add(ErrEmptyField, "%s.key", at)
		case keys[c.Key]:
			add(ErrDuplicateCompetency, "%s.key %q", at, c.Key)
		default:
			keys[c.Key] = true
		}
		if strings.TrimSpace(c.Name) == "" {
			add(ErrEmptyField, "%s.name", at)
		}
		if strings.TrimSpace(c.Description) == "" {
			add(ErrEmptyField, "%s.description", at)
		}
		seen := make(map[string]bool, len(l.Levels))
		for _, lv := range l.Levels {
			if lv.Code == "" || seen[lv.Code] {
				continue
			}
			seen[lv.Code] = true
			text, ok := c.Levels[lv.Code]
			switch {
			case !ok:
				add(ErrMissingCell, "%s.levels.%s", at, lv.Code)
			case strings.TrimSpace(text) == "":
				add(ErrEmptyField, "%s.levels.%s", at, lv.Code)
			}
		}
		for _, code := range slices.Sorted(maps.Keys(c.Levels)) {
			if !codes[code] {
				add(ErrUnknownLevel, "%s.levels.%s", at, code)
			}
		}
	}
	return errors.Join(errs...)
}

// Below returns the level directly below the one with the given code. It
// reports false for the lowest level and for an unknown code.
func (l Ladder) Below(code string) (Level, bool) {
	if i := l.Index(code); i > 0 {
		return l.Levels[i-1], true
	}
	return Level{}, false
}

// Above returns the level directly above the one with the given code. It
// reports false for the highest level and for an unknown code.
func (l Ladder) Above(code string) (Level, bool) {
	if i := l.Index(code); i >= 0 && i < len(l.Levels)-1 {
		return l.Levels[i+1], true
	}
	return Level{}, false
}

// Expectation is one competency's expectation at one level: a cell of the
// competency matrix with the competency it belongs to.
type Expectation struct {
	// Key is the competency's key ("strategic-planning").
	Key string `json:"key"`
	// Name is the competency's display name ("Strategic planning").
	Name string `json:"name"`
	// Text is the expectation at the level.
	Text string `json:"text"`
}

// Expectations returns what each competency expects at the level with the
// given code, in the matrix's order. Competencies without a non-empty cell
// for the level are left out; an unknown code gives nil.
func (l Ladder) Expectations(code string) []Expectation {
	if l.Index(code) < 0 {
		return nil
	}
	var out []Expectation
	for _, c := range l.Competencies {
		if text := c.Levels[code]; text != "" {
			out = append(out, Expectation{Key: c.Key, Name: c.Name, Text: text})
		}
	}
	return out
}
