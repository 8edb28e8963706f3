//go:build !unix && !windows

package output

import (
	"fmt"
	"os"
)

func openLockFile(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
}

func tryLock(f *os.File) (bool, error) {
	return false, fmt.Errorf("%w: locking is not supported on this system", ErrOutputDir)
}

func unlock(f *os.File) {}
