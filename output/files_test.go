package output

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
)

// listed is what l lists, checked to be each name once.
func listed(t *testing.T, l *fileList) map[string]fileEntry {
	t.Helper()
	got := map[string]fileEntry{}
	l.each(func(name string, sum *[sha256.Size]byte, same bool) {
		if _, dup := got[name]; dup {
			t.Errorf("each: %q twice", name)
		}
		e := fileEntry{sum: *sum}
		if same {
			e.ref = refSame
		}
		got[name] = e
	})
	if len(got) != l.len() {
		t.Errorf("each: %d names, len() = %d", len(got), l.len())
	}
	return got
}

func sumOf(name string) [sha256.Size]byte { return sha256.Sum256([]byte(name)) }

// TestFileList: names of every shape are listed once, found again as
// duplicates (under the index add gave them), and come back from each
// exactly, with their sums and same.
func TestFileList(t *testing.T) {
	names := []string{
		"career-ladder.xlsx", "job-descriptions/a.pdf", "job-descriptions/b.pdf",
		"postings/a.pdf", "postings/a.html", "postings/index.html", "a", "a/b",
		"a/b/c", "b", "a/a", "x/a", "deep/er/and/deeper/file.md", "/lead", "trail/",
		"", "é/ü.txt", strings.Repeat("n", 300), "d/" + strings.Repeat("m", 200),
	}
	var l fileList
	want := map[string]fileEntry{}
	for k, name := range names {
		i, ok := l.add(name)
		if !ok || i != k {
			t.Fatalf("add(%q) = %d, %v; want %d, true", name, i, ok, k)
		}
		same := k%3 == 0
		l.set(i, sumOf(name), same)
		e := fileEntry{sum: sumOf(name)}
		if same {
			e.ref = refSame
		}
		want[name] = e
	}
	for k, name := range names {
		if i, ok := l.add(name); ok || i != k {
			t.Errorf("add(%q) again = %d, %v; want %d, false", name, i, ok, k)
		}
	}
	if l.len() != len(names) {
		t.Errorf("len() = %d, want %d", l.len(), len(names))
	}
	if got := listed(t, &l); !maps.Equal(got, want) {
		t.Errorf("each lists %v\nwant %v", got, want)
	}
	// The folders are kept once each, not once a name.
	if len(l.dirs) != 9 {
		t.Errorf("dirs = %q, want 9 folders", l.dirs)
	}
}

// A removed entry is gone from the list and its name can be added again;
// the names that collided with it are still found.
func TestFileListRemove(t *testing.T) {
	for _, weak := range []bool{false, true} {
		t.Run(fmt.Sprintf("weak=%v", weak), func(t *testing.T) {
			l := fileList{weak: weak}
			for k := range 100 {
				l.add(fmt.Sprintf("f/%d", k))
			}
			for k := 0; k < 100; k += 2 {
				i, ok := l.add(fmt.Sprintf("f/%d", k))
				if ok {
					t.Fatalf("f/%d added twice", k)
				}
				l.remove(i)
				l.remove(i) // a second time changes nothing
			}
			if l.len() != 50 {
				t.Fatalf("len() = %d after removing 50 of 100", l.len())
			}
			for k := range 100 {
				_, ok := l.add(fmt.Sprintf("f/%d", k))
				if ok != (k%2 == 0) {
					t.Errorf("add(f/%d) = %v after removing the even ones", k, ok)
				}
			}
			got := listed(t, &l)
			if len(got) != 100 {
				t.Errorf("%d names listed, want 100", len(got))
			}
		})
	}
}

// The weak hash (a test hook) really makes names collide: everything
// above is then resolved by comparing names.
func TestFileListWeakHashCollides(t *testing.T) {
	l := fileList{weak: true}
	hashes := map[uint64]bool{}
	for k := range 1000 {
		l.add(fmt.Sprintf("f/%d", k))
		hashes[l.hashOf(k)] = true
	}
	if len(hashes) > 4 {
		t.Errorf("weak hash gives %d hashes for 1000 names, want at most 4", len(hashes))
	}
}

// Random adds, duplicate adds, sets and removes, checked against a map,
// with a strong and a colliding hash, an arena of one or many chunks
// (names that do not fit are kept aside), long names and more folders than
// are kept.
func TestFileListAgainstMap(t *testing.T) {
	for _, tc := range []struct {
		name      string
		weak      bool
		maxChunks int
		ops       int
	}{
		{"fnv", false, 0, 60000},
		{"weak", true, 0, 6000},
		{"one-chunk", false, 1, 60000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			l := fileList{weak: tc.weak, maxChunks: tc.maxChunks}
			want := map[string]fileEntry{}
			at := map[string]int{} // name -> its entry index
			var names []string
			name := func() string {
				if len(names) > 0 && r.IntN(3) == 0 {
					return names[r.IntN(len(names))]
				}
				var n string
				switch r.IntN(10) {
				case 0:
					n = fmt.Sprintf("dir%d/%d.txt", len(names), r.IntN(1000)) // more folders than maxDirs
				case 1:
					n = fmt.Sprintf("%s/%d", strings.Repeat("long", 300), r.IntN(10)) // a folder too long to keep
				case 2:
					n = fmt.Sprintf("big/%s%d", strings.Repeat("x", maxRecord), r.IntN(10)) // kept aside
				case 3:
					n = fmt.Sprintf("top-%d", r.IntN(5000))
				default:
					n = fmt.Sprintf("postings/role-%d.%s", r.IntN(20000), []string{"pdf", "html", "md"}[r.IntN(3)])
				}
				names = append(names, n)
				return n
			}
			for range tc.ops {
				n := name()
				i, ok := l.add(n)
				if _, had := want[n]; had == ok {
					t.Fatalf("add(%q) = %v, want %v", n, ok, !had)
				}
				if !ok {
					if i != at[n] {
						t.Fatalf("add(%q) again = %d, want %d", n, i, at[n])
					}
					if r.IntN(4) == 0 {
						l.remove(i)
						delete(want, n)
						delete(at, n)
					}
					continue
				}
				at[n] = i
				want[n] = fileEntry{}
				if r.IntN(5) > 0 { // some stay claimed, with a zero sum
					e := fileEntry{sum: sumOf(n)}
					if r.IntN(2) == 0 {
						e.ref = refSame
					}
					l.set(i, e.sum, e.ref == refSame)
					want[n] = e
				}
				if r.IntN(50) == 0 { // a write that failed
					l.remove(i)
					delete(want, n)
					delete(at, n)
				}
			}
			if got := listed(t, &l); !maps.Equal(got, want) {
				t.Errorf("each lists %d names, want %d (or they differ)", len(got), len(want))
			}
			if tc.maxChunks > 0 && len(l.names) != tc.maxChunks {
				t.Errorf("%d chunks, want %d", len(l.names), tc.maxChunks)
			}
			if len(l.long) == 0 || len(l.dirs) != maxDirs {
				t.Errorf("%d names kept aside, %d folders kept: the test missed a case", len(l.long), len(l.dirs))
			}
			// At most three quarters of the index is used.
			if l.used*4 > len(l.index)*3 {
				t.Errorf("index: %d of %d slots used", l.used, len(l.index))
			}
		})
	}
}

// A write that fails gives its name back: once the cause is gone, the
// same name is written, counted once and committed with its content.
func TestDirWriterRewritesAfterFailedWrite(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	w, err := NewDirWriter(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Write(generator.File{Name: "top.txt", Data: []byte("top")}); err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(w.stage, "new", "a")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(generator.File{Name: "a/b.txt", Data: []byte("b")}); !errors.Is(err, ErrWrite) {
		t.Fatalf("err = %v, want ErrWrite", err)
	}
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(generator.File{Name: "a/b.txt", Data: []byte("b")}); err != nil {
		t.Fatalf("writing a/b.txt again: %v", err)
	}
	if err := w.Write(generator.File{Name: "a/b.txt", Data: []byte("b")}); !errors.Is(err, ErrWrite) || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("a third write of a/b.txt: %v, want written twice", err)
	}
	if n := w.Count(); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	res, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 2 {
		t.Errorf("Written = %d, want 2", res.Written)
	}
	m, err := ReadManifest(target)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"top.txt": fmt.Sprintf("%x", sumOf("top")), "a/b.txt": fmt.Sprintf("%x", sumOf("b"))}
	if !maps.Equal(m, want) {
		t.Errorf("manifest %v, want %v", m, want)
	}
	if got := readFile(t, filepath.Join(target, "a", "b.txt")); got != "b" {
		t.Errorf("a/b.txt holds %q", got)
	}
}

// runNames are the names of the files a run of the generated company of
// n roles writes (internal/bigconfig): a job description and three
// posting files a role, the workbook, the chart and the careers index.
func runNames(t testing.TB, n int) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := bigconfig.Write(&buf, n); err != nil {
		t.Fatal(err)
	}
	_, roles, ok := strings.Cut(buf.String(), "\nroles:\n")
	if !ok {
		t.Fatal("no roles in the generated config")
	}
	names := []string{"career-ladder.xlsx", "org-chart.svg", "postings/index.html"}
	for line := range strings.Lines(roles) {
		if id, ok := strings.CutPrefix(line, "  - id: "); ok {
			id = strings.TrimSpace(id)
			names = append(names, "job-descriptions/"+id+".pdf", "postings/"+id+".pdf", "postings/"+id+".html", "postings/"+id+".md")
		}
	}
	if want := 4*n + 3; len(names) != want {
		t.Fatalf("%d names for %d roles, want %d", len(names), n, want)
	}
	return names
}
