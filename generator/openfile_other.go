//go:build !unix

package generator

import "os"

// openNoBlock opens p for reading (the stat before it refused pipes).
func openNoBlock(p string) (*os.File, error) { return os.Open(p) }
