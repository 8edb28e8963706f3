package geo

import "errors"

// Errors returned by the geo package. Callers test them with errors.Is; the
// *Error that wraps them carries the text and a hint on how to write it.
var (
	// ErrEmpty means the location text is empty.
	ErrEmpty = errors.New("location is empty")
	// ErrUnknown means no part of the text names a country, US state or
	// Canadian province that jdgen knows.
	ErrUnknown = errors.New("location cannot be placed")
	// ErrAmbiguous means the text could name two different places.
	ErrAmbiguous = errors.New("location is ambiguous")
	// ErrBadRegion means a region does not belong to the country given.
	ErrBadRegion = errors.New("region is not in the country")
	// ErrNoRegion means a US or Canadian city was given without its state
	// or province, which the state and provincial rules need.
	ErrNoRegion = errors.New("state or province missing")
	// ErrBadArea means a remote-region code is not a country, US state,
	// Canadian province or EU.
	ErrBadArea = errors.New("unknown area code")
)

// Error is a location that cannot be placed: the text, why, and how to
// write it instead.
type Error struct {
	// Kind is one of the Err* values above.
	Kind error
	// Text is the location as written.
	Text string
	// Detail says what is wrong; Hint says how to write it.
	Detail, Hint string
}

func (e *Error) Error() string {
	s := e.Detail
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Unwrap returns Kind so errors.Is works.
func (e *Error) Unwrap() error { return e.Kind }
