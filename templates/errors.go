package templates

import "errors"

// Errors returned by this package. Every error the package returns wraps one
// or more of these (test with errors.Is); the message adds the file and the
// field concerned. They all describe a broken embedded library: a released
// binary never returns them, and tests catch them first.
var (
	// ErrDecode means an embedded YAML file could not be decoded: bad
	// syntax, an unknown field, a wrong type, or not exactly one document.
	ErrDecode = errors.New("templates: cannot decode embedded YAML")
	// ErrMissingField means a required field is empty.
	ErrMissingField = errors.New("templates: required field is empty")
	// ErrInvalidKey means an id or key is not a slug of the form
	// ^[a-z0-9][a-z0-9-]*$.
	ErrInvalidKey = errors.New("templates: invalid key")
	// ErrDuplicate means an id, level, key or focus spelling occurs twice
	// where it must be unique.
	ErrDuplicate = errors.New("templates: duplicate")
	// ErrInvalidValue means a field holds a value outside its allowed set
	// (an FLSA status, a level code, a qualification area...).
	ErrInvalidValue = errors.New("templates: invalid value")
	// ErrUnknownReference means a field names a template that does not
	// exist, or a manager that is not above the role.
	ErrUnknownReference = errors.New("templates: unknown or invalid reference")
)
