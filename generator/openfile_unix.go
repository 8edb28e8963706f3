//go:build unix

package generator

import (
	"os"
	"syscall"
)

// openNoBlock opens p for reading with O_NONBLOCK: opening a FIFO that has
// no writer returns at once instead of waiting for one. Reads from a
// regular file are not affected by the flag.
func openNoBlock(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
