package cpulimit

import (
	"runtime"
	"testing"
)

func TestApplyNestsAndRestores(t *testing.T) {
	t.Setenv("GOMAXPROCS", "")
	before := runtime.GOMAXPROCS(0)
	const cpus = 8 // GOMAXPROCS may exceed the real CPUs
	r1 := apply(1, cpus)
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("after a 1-worker run began: GOMAXPROCS %d, want 1", got)
	}
	r0 := apply(0, cpus) // no limit asked: nothing changes
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("after a run without a limit began: GOMAXPROCS %d, want still 1", got)
	}
	r0()
	r3 := apply(3, cpus)
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Errorf("runs limited to 1 and 3 at once: GOMAXPROCS %d, want 3", got)
	}
	r3()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("after the 3-worker run ended: GOMAXPROCS %d, want 1", got)
	}
	r1()
	r1() // twice is harmless
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("after every run ended: GOMAXPROCS %d, want %d", got, before)
	}
}

func TestApplyLeavesEnvironmentAlone(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	t.Setenv("GOMAXPROCS", "7")
	defer apply(1, 8)()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("GOMAXPROCS set in the environment: changed to %d", got)
	}
}

func TestApplyAtLeastCPUsIsNoOp(t *testing.T) {
	t.Setenv("GOMAXPROCS", "")
	before := runtime.GOMAXPROCS(0)
	defer apply(4, 4)()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("as many workers as CPUs: GOMAXPROCS %d, want %d", got, before)
	}
}
