package generator

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGenerateRunsStepsConcurrently(t *testing.T) {
	// Each step waits for the other to start: run one after the other,
	// they would wait for ever (the deadline turns that into a failure).
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	a, b := make(chan struct{}), make(chan struct{})
	meet := func(mine, theirs chan struct{}, name string) Step {
		return Step{Name: name, Run: func(ctx context.Context, _ *Model, emit Sink) error {
			close(mine)
			select {
			case <-theirs:
			case <-ctx.Done():
				return ctx.Err()
			}
			return emit(File{Name: name + ".txt"})
		}}
	}
	var got []string
	err := Generate(ctx, &Model{}, []Step{meet(a, b, "a"), meet(b, a, "b")}, func(f File) error {
		got = append(got, f.Name) // emit is never called concurrently
		return nil
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("err %v, files %v", err, got)
	}
}

func TestStepsShareTheWorkerBudget(t *testing.T) {
	ctx := WithWorkers(context.Background(), 2)
	if Workers(ctx) != 2 || Workers(context.Background()) != 0 {
		t.Fatalf("Workers = %d", Workers(ctx))
	}
	var now, peak atomic.Int32
	work := func(ctx context.Context, _ *Model, _ Sink) error {
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				release, err := Acquire(ctx)
				if err != nil {
					return
				}
				defer release()
				n := now.Add(1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				time.Sleep(5 * time.Millisecond)
				now.Add(-1)
			}()
		}
		wg.Wait()
		return nil
	}
	steps := []Step{{Name: "x", Run: work}, {Name: "y", Run: work}, {Name: "z", Run: work}}
	if err := Generate(ctx, &Model{}, steps, func(File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if p := peak.Load(); p > 2 {
		t.Errorf("%d goroutines computed at once with a budget of 2", p)
	}
}

func TestFirstFailingStepCancelsTheOthers(t *testing.T) {
	boom := errors.New("boom")
	fail := Step{Name: "fails", Run: func(context.Context, *Model, Sink) error { return boom }}
	waits := Step{Name: "waits", Run: func(ctx context.Context, _ *Model, _ Sink) error {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Second):
			return errors.New("not cancelled")
		}
	}}
	err := Generate(context.Background(), &Model{}, []Step{waits, fail}, func(File) error { return nil })
	if !errors.Is(err, ErrStepFailed) || !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the failing step's error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Acquire(WithWorkers(ctx, 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("Acquire on a cancelled context: %v", err)
	}
}

// GenerateConcurrent lets two steps' emits run at once: each sink call
// waits for the other step's to start, which Generate (one call at a time)
// could never satisfy. Unsafe names are still refused before the sink sees
// them, and the sink's refusal of a name produced twice ends the run.
func TestGenerateConcurrentEmitsAtOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	inside := make(chan struct{}, 2)
	emitter := func(name string) Step {
		return Step{Name: name, Run: func(_ context.Context, _ *Model, emit Sink) error {
			return emit(File{Name: name + ".txt"})
		}}
	}
	var mu sync.Mutex
	var got []string
	err := GenerateConcurrent(ctx, &Model{}, []Step{emitter("a"), emitter("b")}, func(f File) error {
		inside <- struct{}{}
		for len(inside) < 2 { // the other step's emit is running too
			select {
			case <-ctx.Done():
				return errors.New("emit was never called concurrently")
			case <-time.After(time.Millisecond):
			}
		}
		mu.Lock()
		defer mu.Unlock()
		got = append(got, f.Name)
		return nil
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("err %v, files %v", err, got)
	}

	dup := Step{Name: "dup", Run: func(_ context.Context, _ *Model, emit Sink) error {
		if err := emit(File{Name: "x.txt"}); err != nil {
			return err
		}
		return emit(File{Name: "x.txt"})
	}}
	unsafe := Step{Name: "unsafe", Run: func(_ context.Context, _ *Model, emit Sink) error {
		return emit(File{Name: "../x.txt"})
	}}
	// An unsafe name never reaches the sink.
	emitted := 0
	err = GenerateConcurrent(context.Background(), &Model{}, []Step{unsafe}, func(File) error { emitted++; return nil })
	if !errors.Is(err, ErrStepFailed) || emitted != 0 {
		t.Errorf("unsafe name: err = %v, the sink saw %d files", err, emitted)
	}
	// A name produced twice is the sink's to refuse; its error ends the run.
	refused := errors.New("written twice")
	names := map[string]bool{}
	err = GenerateConcurrent(context.Background(), &Model{}, []Step{dup}, func(f File) error {
		if names[f.Name] {
			return refused
		}
		names[f.Name] = true
		return nil
	})
	if !errors.Is(err, ErrStepFailed) || !errors.Is(err, refused) {
		t.Errorf("a name produced twice: err = %v", err)
	}
}
