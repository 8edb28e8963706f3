package generator

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// A file is its Data.
func TestFileContent(t *testing.T) {
	whole := File{Name: "a", Data: []byte("abc")}
	empty := File{Name: "c", Data: []byte{}}
	if got := whole.Content(); !bytes.Equal(got, []byte("abc")) || whole.Size() != 3 || whole.Streamed() {
		t.Errorf("content %q, size %d", got, whole.Size())
	}
	if empty.Size() != 0 || empty.Content() == nil {
		t.Errorf("an empty file: size %d, content %v", empty.Size(), empty.Content())
	}
}

// A streamed file is what its Stream writes: Hold makes it into Data (and
// reports Stream's error), Content and Size make it too, and a file with
// Data is not streamed whatever its Stream.
func TestFileStream(t *testing.T) {
	f := File{Name: "s", Stream: func(w io.Writer) error {
		_, err := io.WriteString(w, "ab")
		if err == nil {
			_, err = io.WriteString(w, "c")
		}
		return err
	}}
	if !f.Streamed() {
		t.Fatal("a file with only a Stream is not streamed")
	}
	h, err := f.Hold()
	if err != nil || h.Streamed() || !bytes.Equal(h.Data, []byte("abc")) || h.Name != "s" {
		t.Errorf("Hold = %+v, %v", h, err)
	}
	if got := f.Content(); !bytes.Equal(got, []byte("abc")) || f.Size() != 3 {
		t.Errorf("content %q, size %d", got, f.Size())
	}
	empty, err := File{Name: "e", Stream: func(io.Writer) error { return nil }}.Hold()
	if err != nil || empty.Data == nil || len(empty.Data) != 0 {
		t.Errorf("an empty stream held: %+v, %v", empty, err)
	}
	boom := errors.New("boom")
	bad := File{Name: "bad.html", Stream: func(w io.Writer) error { io.WriteString(w, "half"); return boom }}
	if _, err := bad.Hold(); !errors.Is(err, boom) || !strings.Contains(err.Error(), "bad.html") {
		t.Errorf("Hold of a failing stream: %v", err)
	}
	if bad.Content() != nil || bad.Size() != 0 {
		t.Errorf("a failing stream has content %q", bad.Content())
	}
	both := File{Name: "d", Data: []byte("data"), Stream: f.Stream}
	if both.Streamed() || string(both.Content()) != "data" {
		t.Error("a file with Data is streamed")
	}
}

// Generate hands streamed files over made (their sinks keep or inspect
// them), and a failing stream fails the run with the step's name.
func TestGenerateHoldsStreams(t *testing.T) {
	step := func(name string, stream func(io.Writer) error) Step {
		return Step{Name: name, Run: func(ctx context.Context, m *Model, emit Sink) error {
			return emit(File{Name: name + ".txt", Stream: stream})
		}}
	}
	var got []File
	ok := step("ok", func(w io.Writer) error { _, err := io.WriteString(w, "made"); return err })
	if err := Generate(context.Background(), &Model{}, []Step{ok}, func(f File) error { got = append(got, f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Streamed() || string(got[0].Data) != "made" {
		t.Errorf("Generate handed over %+v", got)
	}
	boom := errors.New("boom")
	bad := step("bad", func(io.Writer) error { return boom })
	err := Generate(context.Background(), &Model{}, []Step{bad}, func(File) error { t.Error("a failed stream reached the sink"); return nil })
	if !errors.Is(err, boom) || !errors.Is(err, ErrStepFailed) || !strings.Contains(err.Error(), "bad") {
		t.Errorf("err = %v", err)
	}
}
