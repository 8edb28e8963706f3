package pdf

import "errors"

// Errors returned by the job-description PDF renderer. Each error it returns
// wraps one of these, so callers can test with errors.Is.
var (
	// ErrUnrenderable means a character has no glyph in the embedded fonts
	// (or lies above U+FFFF, which fpdf cannot encode). The message names the
	// character, its code point and where it was found.
	ErrUnrenderable = errors.New("character cannot be drawn in the PDF")
	// ErrPaper means the paper size is neither "letter" nor "a4".
	ErrPaper = errors.New("unknown paper size")
	// ErrLogo means the logo is not a readable PNG or JPEG image.
	ErrLogo = errors.New("logo cannot be used")
	// ErrBrandColor means the brand colour is not written "#RRGGBB".
	ErrBrandColor = errors.New("brand colour is not #RRGGBB")
	// ErrRender means fpdf failed while building the document.
	ErrRender = errors.New("PDF rendering failed")
)
