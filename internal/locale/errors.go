package locale

import "errors"

// Errors returned by this package. Every error the package returns wraps one
// of these (test with errors.Is); the message adds the value concerned.
var (
	// ErrUnknownLocale means a locale tag is not one jdgen supports
	// (en-US, en-GB, en-CA, en-AU).
	ErrUnknownLocale = errors.New("locale: unknown locale")
)
