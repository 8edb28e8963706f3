package orgchart

import "errors"

// Errors returned by the org-chart renderer. Each error it returns wraps
// one of these, so callers can test with errors.Is.
var (
	// ErrUnrenderable means a character has no glyph in the embedded fonts.
	ErrUnrenderable = errors.New("character cannot be drawn in the org chart")
	// ErrPaper means the paper size is neither "letter" nor "a4".
	ErrPaper = errors.New("unknown paper size")
	// ErrBrandColor means the brand colour is not written "#RRGGBB".
	ErrBrandColor = errors.New("brand colour is not #RRGGBB")
	// ErrLayout means the tree could not be laid out.
	ErrLayout = errors.New("org chart layout failed")
	// ErrRender means fpdf failed while building the document.
	ErrRender = errors.New("org chart rendering failed")
)
