//go:build !linux

package output

import "errors"

// exchange is not available here: callers fall back to two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }

// processAlive cannot be checked here: assume the owner is alive and keep
// its folder.
func processAlive(pid int) bool { return true }

// syncDir is a no-op where syncfs is not available.
func syncDir(dir string) {}
