package web

import "errors"

// Errors returned by the web renderer. Callers test them with errors.Is.
var (
	// ErrLogo means the company logo is not a readable PNG or JPEG image.
	ErrLogo = errors.New("logo cannot be used on the web page")
	// ErrBrandColor means the brand colour is not written "#RRGGBB".
	ErrBrandColor = errors.New("brand colour is not #RRGGBB")
	// ErrRender means a page could not be built (a bug in jdgen, not in
	// the config).
	ErrRender = errors.New("web page could not be built")
)
