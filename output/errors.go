package output

import "errors"

// Errors returned by the atomic folder writer (DirWriter). Each renderer
// package (output/pdf, output/xlsx) declares its own in its errors.go.
var (
	// ErrOutputDir means the output folder cannot be created or used.
	ErrOutputDir = errors.New("output folder unusable")
	// ErrUnsafeName means a generated file name would leave the output folder.
	ErrUnsafeName = errors.New("unsafe output file name")
	// ErrWrite means a generated file could not be written.
	ErrWrite = errors.New("cannot write output file")
	// ErrCommit means the generated files could not be moved into place.
	ErrCommit = errors.New("cannot move output into place")
	// ErrNotOurs means a generated file would replace a file jdgen did not
	// write (or one changed since); Options.Force allows it.
	ErrNotOurs = errors.New("the output folder holds files jdgen did not write")
	// ErrLocked means another jdgen run holds the output folder.
	ErrLocked = errors.New("output folder busy")
	// ErrManifest means the output folder's manifest cannot be read.
	ErrManifest = errors.New("output manifest damaged")
	// ErrJournal means an interrupted commit's journal cannot be read, so
	// the commit can be neither finished nor undone.
	ErrJournal = errors.New("commit journal damaged")
)
