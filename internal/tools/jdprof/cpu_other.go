//go:build !unix

package main

// cpuSeconds is the CPU time the process has used; 0 where getrusage is
// not available.
func cpuSeconds() float64 { return 0 }
