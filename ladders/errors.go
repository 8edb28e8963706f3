package ladders

import "errors"

// Errors returned by the ladders package. Each returned error wraps one of
// these with %w, so callers test them with errors.Is; Validate joins every
// problem it finds, and errors.Is matches any of them.
var (
	// ErrDecode means the ladder YAML could not be decoded (bad syntax, an
	// unknown key or a value of the wrong type).
	ErrDecode = errors.New("ladder YAML cannot be decoded")
	// ErrNoLevels means the ladder has no levels.
	ErrNoLevels = errors.New("ladder has no levels")
	// ErrEmptyField means a required text (a name, code, title, scope,
	// authority, experience, promotion text, description or cell) is empty.
	ErrEmptyField = errors.New("required field is empty")
	// ErrDuplicateCode means two levels share a code.
	ErrDuplicateCode = errors.New("duplicate level code")
	// ErrUnknownBand means a level's band is not one of the known bands.
	ErrUnknownBand = errors.New("unknown band")
	// ErrDuplicateCompetency means two competencies share a key.
	ErrDuplicateCompetency = errors.New("duplicate competency key")
	// ErrMissingCell means a competency has no expectation for a level.
	ErrMissingCell = errors.New("competency has no expectation for a level")
	// ErrUnknownLevel means a competency has an expectation for a level code
	// the ladder does not have.
	ErrUnknownLevel = errors.New("competency names an unknown level")
)
