package generator

import (
	"bytes"
	"testing"
)

// A file is its Data, or its Parts in order when Data is nil.
func TestFileContent(t *testing.T) {
	whole := File{Name: "a", Data: []byte("abc")}
	parts := File{Name: "b", Parts: [][]byte{[]byte("ab"), nil, []byte("c")}}
	empty := File{Name: "c", Data: []byte{}}
	for _, f := range []File{whole, parts} {
		if got := f.Content(); !bytes.Equal(got, []byte("abc")) || f.Size() != 3 || !bytes.Equal(bytes.Join(f.Chunks(), nil), []byte("abc")) {
			t.Errorf("%s: content %q, size %d, chunks %q", f.Name, got, f.Size(), f.Chunks())
		}
	}
	if len(whole.Chunks()) != 1 || len(parts.Chunks()) != 3 {
		t.Errorf("chunks: %d for Data, %d for three parts", len(whole.Chunks()), len(parts.Chunks()))
	}
	if empty.Size() != 0 || empty.Content() == nil || len(empty.Chunks()) != 1 {
		t.Errorf("an empty file: size %d, content %v, %d chunks", empty.Size(), empty.Content(), len(empty.Chunks()))
	}
}
