package fonts

import "errors"

// Errors returned when a font file cannot be used. Each error CheckTTF,
// ReadFile and New return wraps one of these, so callers can test with
// errors.Is; the message says what to do.
var (
	// ErrCFF means the file is OpenType with CFF (PostScript) outlines
	// ("OTTO"); only TrueType outlines can be embedded.
	ErrCFF = errors.New("is an OpenType font with CFF (PostScript) outlines; jdgen embeds TrueType outlines only: use the TrueType (.ttf) version of the font, or convert it (FontForge: File > Generate Fonts > TrueType)")
	// ErrCollection means the file is a TrueType collection ("ttcf").
	ErrCollection = errors.New("is a font collection (.ttc) holding several fonts; extract the one face you want into its own .ttf file (fontTools: ttx, or FontForge) and name that")
	// ErrWOFF means the file is a WOFF or WOFF2 web font.
	ErrWOFF = errors.New("is a WOFF/WOFF2 web font; use the .ttf file the web font was made from, or decompress it to .ttf (fontTools: fonttools ttLib.woff2 decompress)")
	// ErrNotTrueType means the file does not start like any font.
	ErrNotTrueType = errors.New("is not a TrueType font file; name a .ttf file")
	// ErrBroken means the file starts like a TrueType font but cannot be read.
	ErrBroken = errors.New("cannot be read as a TrueType font (damaged or incomplete); use a good copy of the .ttf file")
	// ErrNoEmbedding means the font's licence bits (OS/2 fsType) forbid
	// embedding it, or subsetting it, in a document.
	ErrNoEmbedding = errors.New("may not be embedded in documents: its licence flags (OS/2 fsType) forbid embedding or subsetting; use a font whose licence allows embedding")
	// ErrNoUnicode means the font has no Unicode character map (format 4).
	ErrNoUnicode = errors.New("has no Unicode character map (cmap format 4), so text cannot be drawn with it; use another .ttf file")
	// ErrRead means the file cannot be read at all.
	ErrRead = errors.New("cannot be read")
	// ErrNoRegular means a font set has no regular face.
	ErrNoRegular = errors.New("a regular face is required")
)
