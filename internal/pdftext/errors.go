package pdftext

import "errors"

// Errors returned by package pdftext.
var (
	// ErrUnreadable means the data is not a PDF this extractor can read:
	// malformed syntax, a missing page tree or an unsupported stream filter.
	// The wrapped error says what and where.
	ErrUnreadable = errors.New("PDF cannot be read")
)
