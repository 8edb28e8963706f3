package generator

import (
	"io/fs"
	"os"
)

// notRegularError says a path is not a regular file (kind names what it is).
type notRegularError struct {
	kind string
	dir  bool
}

func (e *notRegularError) Error() string { return "is " + e.kind + ", not a regular file" }

// kindOf names a file type for messages.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// openRegular opens p for reading only if it is a regular file. It looks
// before it opens (stat), and opens without blocking so a file swapped
// for a pipe in between cannot hang it either; then it checks again.
func openRegular(p string) (*os.File, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &notRegularError{kind: kindOf(st.Mode()), dir: st.IsDir()}
	}
	f, err := openNoBlock(p)
	if err != nil {
		return nil, err
	}
	st, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &notRegularError{kind: kindOf(st.Mode()), dir: st.IsDir()}
	}
	return f, nil
}
