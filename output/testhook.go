package output

import (
	"errors"
	"os"
	"strconv"
	"time"
)

// KillAtEnv names a test-only environment variable: when it holds a number
// n, the process kills itself (SIGKILL where there are signals) at the
// n-th step of a commit or recovery, counting from 1 over the whole run.
// The interrupt tests in cmd/jdgen use it to crash a run at every step of
// the journal; it has no other use.
const KillAtEnv = "JDGEN_TEST_KILL_AT"

var (
	killAt, _ = strconv.Atoi(os.Getenv(KillAtEnv))
	steps     int
)

// faultAt makes the n-th step fail with errFault (unit tests only).
var faultAt int

// step marks one change to the output folder during a commit or recovery.
// It fails only when a unit test asks (faultAt).
func step() error {
	steps++
	if faultAt > 0 && steps == faultAt {
		return errFault
	}
	if killAt > 0 && steps == killAt {
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Kill()
		}
		for {
			time.Sleep(time.Second) // the kill is on its way
		}
	}
	return nil
}

// errFault is the failure faultAt injects; it never leaves the package.
var errFault = errors.New("injected fault")
