package gctune

import (
	"runtime/debug"
	"testing"
)

func TestApply(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	restore := Apply()
	if p := debug.SetGCPercent(Percent); p != Percent {
		t.Errorf("GC percent %d while generating, want %d", p, Percent)
	}
	if l := debug.SetMemoryLimit(-1); l != Budget {
		t.Errorf("memory limit %d while generating, want %d", l, Budget)
	}
	inner := Apply() // a second run at the same time
	restore()
	if p := debug.SetGCPercent(Percent); p != Percent {
		t.Errorf("GC percent %d while another run generates, want %d", p, Percent)
	}
	inner()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GC percent %d after generating, want 100 again", p)
	}

	// A user's GOGC or GOMEMLIMIT wins.
	t.Setenv("GOGC", "50")
	restore = Apply()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GC percent %d with GOGC set, want it left alone", p)
	}
	restore()
}
