// Package ladders holds the career ladder: levels, bands, the competency
// matrix and promotion paths. It is pure data and logic, with no I/O beyond
// its own embedded files, and imports no renderer.
package ladders

// Band groups levels into the individual-contributor, management and
// executive bands.
type Band string

// The three bands of the default ladder.
const (
	BandIndividual Band = "individual-contributor"
	BandManagement Band = "management"
	BandExecutive  Band = "executive"
)

// Level is one rung of the ladder.
type Level struct {
	// Code is the level code ("OPS-4").
	Code string `yaml:"code" json:"code"`
	// Title is the level's typical title ("Operations Manager").
	Title string `yaml:"title" json:"title"`
	// Band is the band the level belongs to.
	Band Band `yaml:"band" json:"band"`
	// Scope is the reach of work expected at this level.
	Scope string `yaml:"scope" json:"scope"`
	// DecisionAuthority is what someone at this level decides alone.
	DecisionAuthority string `yaml:"decision_authority" json:"decision_authority"`
	// TypicalExperience is the usual experience on entering the level
	// ("5 or more years in operations, including ..."). In the default
	// ladder its figure is ExperienceYears.
	TypicalExperience string `yaml:"typical_experience" json:"typical_experience"`
	// ExperienceYears is the required experience in years: in the default
	// ladder, the experience_years of the built-in template at this level,
	// the one source the job descriptions use too. Zero when unknown.
	ExperienceYears int `yaml:"-" json:"experience_years,omitempty"`
	// NextLevel is what it takes to be promoted to the level above; empty at the top.
	NextLevel string `yaml:"next_level" json:"next_level,omitempty"`
}

// Competency is one row of the competency matrix.
type Competency struct {
	// Key is the competency's stable slug ("strategic-planning").
	Key string `yaml:"key" json:"key"`
	// Name is the display name ("Strategic planning").
	Name string `yaml:"name" json:"name"`
	// Description says what the competency covers.
	Description string `yaml:"description" json:"description"`
	// Levels holds one observable expectation per ladder level, keyed by level code.
	Levels map[string]string `yaml:"levels" json:"levels"`
}

// Ladder is a career ladder: its levels from lowest to highest and its
// competency matrix.
type Ladder struct {
	// Name is the ladder's name ("Operations").
	Name string `yaml:"name" json:"name"`
	// Levels are ordered from the lowest level to the highest.
	Levels []Level `yaml:"levels" json:"levels"`
	// Competencies are the rows of the competency matrix.
	Competencies []Competency `yaml:"competencies" json:"competencies"`
}

// Title is the display name of a band ("Individual contributor").
func (b Band) Title() string {
	switch b {
	case BandIndividual:
		return "Individual contributor"
	case BandManagement:
		return "Management"
	case BandExecutive:
		return "Executive"
	}
	return string(b)
}

// Index returns the position of the level with the given code, or -1.
func (l Ladder) Index(code string) int {
	for i, lv := range l.Levels {
		if lv.Code == code {
			return i
		}
	}
	return -1
}

// Level returns the level with the given code.
func (l Ladder) Level(code string) (Level, bool) {
	if i := l.Index(code); i >= 0 {
		return l.Levels[i], true
	}
	return Level{}, false
}

// Codes returns the level codes from lowest to highest.
func (l Ladder) Codes() []string {
	out := make([]string, len(l.Levels))
	for i, lv := range l.Levels {
		out[i] = lv.Code
	}
	return out
}
