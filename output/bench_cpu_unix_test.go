//go:build unix

package output

import (
	"syscall"
	"time"
)

// benchProcessCPU is the CPU time (user + system) the process has used.
func benchProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
