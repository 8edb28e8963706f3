// Package steptest holds what the tests of several output packages share:
// resolved example and generated models, and checks of a step's
// behaviour. It is imported only by _test.go files.
package steptest

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
)

// holdOff is how long SharesWorkerBudget watches a step that must not
// emit anything.
const holdOff = 100 * time.Millisecond

// SharesWorkerBudget checks that step computes only while it holds a slot
// of the run's worker budget: with the only slot taken, it emits nothing;
// once the slot is free it finishes and emits want files.
func SharesWorkerBudget(t *testing.T, step generator.Step, m *generator.Model, want int) {
	t.Helper()
	ctx := generator.WithWorkers(t.Context(), 1)
	release, err := generator.Acquire(ctx) // the only slot
	if err != nil {
		t.Fatal(err)
	}
	var emitted atomic.Int32
	done := make(chan error)
	go func() {
		done <- step.Run(ctx, m, func(generator.File) error {
			emitted.Add(1)
			return nil
		})
	}()
	time.Sleep(holdOff)
	if n := emitted.Load(); n != 0 {
		t.Errorf("%s: %d files emitted while another step held the only worker slot", step.Name, n)
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := int(emitted.Load()); n != want {
		t.Errorf("%s: %d files, want %d", step.Name, n, want)
	}
}
