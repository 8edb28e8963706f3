package pdf

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
)

// pdfCollect runs the step and returns the files by name, checking that
// emit is never called concurrently.
func pdfCollect(t *testing.T, ctx context.Context, m *generator.Model, workers int) (map[string][]byte, []string, error) {
	t.Helper()
	var (
		mu     sync.Mutex
		inside atomic.Int32
		files  = map[string][]byte{}
		order  []string
	)
	emit := func(f generator.File) error {
		if inside.Add(1) != 1 {
			t.Error("emit called concurrently")
		}
		defer inside.Add(-1)
		time.Sleep(time.Millisecond) // widen the window for overlap
		mu.Lock()
		defer mu.Unlock()
		if _, dup := files[f.Name]; dup {
			t.Errorf("%s emitted twice", f.Name)
		}
		f, err := f.Hold() // the step reuses its buffer after emit
		if err != nil {
			return err
		}
		files[f.Name] = f.Data
		order = append(order, f.Name)
		return nil
	}
	step := JobDescriptionsStep(Options{Workers: workers})
	if step.Name != "job descriptions" {
		t.Errorf("step name %q", step.Name)
	}
	err := step.Run(ctx, m, emit)
	return files, order, err
}

func TestPDFStepDeterministic(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	one, _, err := pdfCollect(t, context.Background(), m, 1)
	if err != nil {
		t.Fatal(err)
	}
	four, _, err := pdfCollect(t, context.Background(), m, 4)
	if err != nil {
		t.Fatal(err)
	}
	all, _, err := pdfCollect(t, context.Background(), m, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) != len(m.Roles) {
		t.Fatalf("%d files for %d roles", len(one), len(m.Roles))
	}
	for _, r := range m.Roles {
		name := "job-descriptions/" + r.ID + ".pdf"
		a, ok := one[name]
		if !ok {
			t.Errorf("%s not emitted", name)
			continue
		}
		if !bytes.Equal(a, four[name]) || !bytes.Equal(a, all[name]) {
			t.Errorf("%s differs between 1, 4 and NumCPU workers", name)
		}
		if !bytes.HasPrefix(a, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", name)
		}
	}
}

func TestPDFStepThroughGenerate(t *testing.T) {
	m := pdfExampleModel(t, "a4")
	var names []string
	err := generator.Generate(context.Background(), m, []generator.Step{JobDescriptionsStep(Options{Workers: 3})}, func(f generator.File) error {
		names = append(names, f.Name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	var want []string
	for _, r := range m.Roles {
		want = append(want, "job-descriptions/"+r.ID+".pdf")
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
}

func TestPDFStepCancelled(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files, _, err := pdfCollect(t, ctx, m, 2)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if len(files) == len(m.Roles) {
		t.Errorf("all %d files emitted after cancellation", len(files))
	}

	// Cancelled by the first emit: the step stops early.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err = JobDescriptionsStep(Options{Workers: 2}).Run(ctx, m, func(generator.File) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if n >= len(m.Roles) {
		t.Errorf("%d files emitted after cancellation", n)
	}
}

func TestPDFStepEmitError(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	boom := errors.New("disk full")
	calls := 0
	err := JobDescriptionsStep(Options{Workers: 4}).Run(context.Background(), m, func(generator.File) error {
		calls++
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want the emit error", err)
	}
	if calls != 1 {
		t.Errorf("emit called %d times after failing", calls)
	}
}

func TestPDFStepRefusesBadText(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	m.Roles[3].OwnText() // texts are shared between roles
	m.Roles[5].OwnText()
	m.Roles[3].Summary = "Runs the 東京 hub."
	m.Roles[5].Summary = "Runs the 🚚 fleet."
	for _, w := range []int{1, 4} {
		files, _, err := pdfCollect(t, context.Background(), m, w)
		if !errors.Is(err, ErrUnrenderable) {
			t.Fatalf("workers %d: error %v, want ErrUnrenderable", w, err)
		}
		// The first bad role in config order is reported, before any rendering.
		if want := "role " + m.Roles[3].ID + ":"; !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("workers %d: error %q does not start with %q", w, err, want)
		}
		if len(files) != 0 {
			t.Errorf("workers %d: %d files emitted", w, len(files))
		}
	}
}

func TestPDFStepBadSettings(t *testing.T) {
	m := pdfExampleModel(t, "letter")
	m.Settings.Paper = "tabloid"
	if _, _, err := pdfCollect(t, context.Background(), m, 1); !errors.Is(err, ErrPaper) {
		t.Errorf("paper: %v", err)
	}
	m = pdfExampleModel(t, "letter")
	m.Company.Logo = []byte("not an image")
	if _, _, err := pdfCollect(t, context.Background(), m, 1); !errors.Is(err, ErrLogo) {
		t.Errorf("logo: %v", err)
	}
	empty := &generator.Model{}
	if files, _, err := pdfCollect(t, context.Background(), empty, 1); err != nil || len(files) != 0 {
		t.Errorf("no roles: %v, %d files", err, len(files))
	}
}

// The step renders into buffers it reuses once a document is emitted: a
// run of 40 documents on 2 workers makes at most 2 buffers (each worker
// renders into its own and emits it before its next document), not 40.
// Held, each is its own document.
func TestStepReusesBuffers(t *testing.T) {
	m := pdfBigModel(t, 40)
	var (
		mu   sync.Mutex // the workers make buffers
		made int
	)
	pdfNewBuffer = func() { mu.Lock(); made++; mu.Unlock() }
	defer func() { pdfNewBuffer = func() {} }()
	ctx := generator.WithWorkers(context.Background(), 2)
	held := map[string][]byte{}
	err := JobDescriptionsStep(Options{Workers: 2}).Run(ctx, m, func(f generator.File) error {
		if !f.Streamed() {
			t.Errorf("%s is not streamed", f.Name)
		}
		h, err := f.Hold()
		held[f.Name] = h.Data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 40 {
		t.Fatalf("%d documents", len(held))
	}
	mu.Lock()
	n := made
	mu.Unlock()
	if n < 1 || n > 2 {
		t.Errorf("40 documents rendered into %d new buffers, want 1 or 2", n)
	}
	// One worker, other timing: the same documents.
	err = JobDescriptionsStep(Options{Workers: 1}).Run(generator.WithWorkers(context.Background(), 1), m, func(f generator.File) error {
		h, err := f.Hold()
		if err == nil && !bytes.Equal(h.Data, held[f.Name]) {
			t.Errorf("%s differs between runs: a buffer was reused too soon", f.Name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
