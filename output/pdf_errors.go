package output

import "errors"

// Errors returned by the job-description PDF renderer. Each error it returns
// wraps one of these, so callers can test with errors.Is.
var (
	// ErrPDFUnrenderable means a character has no glyph in the embedded fonts
	// (or lies above U+FFFF, which fpdf cannot encode). The message names the
	// character, its code point and where it was found.
	ErrPDFUnrenderable = errors.New("character cannot be drawn in the PDF")
	// ErrPDFPaper means the paper size is neither "letter" nor "a4".
	ErrPDFPaper = errors.New("unknown paper size")
	// ErrPDFLogo means the logo is not a readable PNG or JPEG image.
	ErrPDFLogo = errors.New("logo cannot be used")
	// ErrPDFBrandColor means the brand colour is not written "#RRGGBB".
	ErrPDFBrandColor = errors.New("brand colour is not #RRGGBB")
	// ErrPDFRender means fpdf failed while building the document.
	ErrPDFRender = errors.New("PDF rendering failed")
)
