//go:build !unix

package output

import "time"

// benchProcessCPU is unknown here: the CPU metrics are left out.
func benchProcessCPU() time.Duration { return 0 }
