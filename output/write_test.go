package output

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdgen/jdgen/generator"
)

func commitFiles(t *testing.T, target string, opts Options, files map[string]string) (Result, error) {
	t.Helper()
	w, err := NewDirWriter(context.Background(), target, opts)
	if err != nil {
		return Result{}, err
	}
	for name, data := range files {
		if err := w.Write(generator.File{Name: name, Data: []byte(data)}); err != nil {
			w.Abort()
			return Result{}, err
		}
	}
	return w.Commit()
}

func writeAll(t *testing.T, target string, files map[string]string) error {
	t.Helper()
	_, err := commitFiles(t, target, Options{}, files)
	return err
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func put(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree lists every file under dir (slash names -> content), symlinks as
// "-> target", jdgen's own folder left out.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == StateDir {
			return filepath.SkipDir
		}
		switch {
		case d.Type()&os.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			out[rel] = "-> " + l
		case d.IsDir():
			if rel != "." {
				out[rel+"/"] = ""
			}
		default:
			out[rel] = readFile(t, p)
		}
		return nil
	})
	return out
}

func sameTree(t *testing.T, got, want map[string]string) {
	t.Helper()
	var diffs []string
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			diffs = append(diffs, k+": got "+g+", want "+v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, k+": unexpected")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("output folder differs:\n%s", strings.Join(diffs, "\n"))
	}
}

func noStage(t *testing.T, out string) {
	t.Helper()
	for _, n := range []string{stageName, journalName, journalName + ".tmp", manifestName + ".tmp"} {
		if exists(filepath.Join(out, StateDir, n)) {
			t.Errorf("%s left behind", n)
		}
	}
}

// TestDirWriterOwnsOnlyItsFiles: a second generation replaces and removes
// only the files the manifest lists; a user's file inside
// job-descriptions/, beside it and in a subfolder stays byte for byte.
func TestDirWriterOwnsOnlyItsFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := writeAll(t, out, map[string]string{"job-descriptions/a.pdf": "A1", "job-descriptions/old.pdf": "OLD", "career-ladder.xlsx": "X1"}); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(out, "notes.txt"), "mine")
	put(t, filepath.Join(out, "job-descriptions", "mine.docx"), "my draft")
	put(t, filepath.Join(out, "job-descriptions", "logos", "logo.png"), "png")
	res, err := commitFiles(t, out, Options{}, map[string]string{"job-descriptions/a.pdf": "A2", "career-ladder.xlsx": "X2", "postings/index.html": "I"})
	if err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, out), map[string]string{
		"job-descriptions/": "", "job-descriptions/a.pdf": "A2", "job-descriptions/mine.docx": "my draft",
		"job-descriptions/logos/": "", "job-descriptions/logos/logo.png": "png",
		"career-ladder.xlsx": "X2", "notes.txt": "mine", "postings/": "", "postings/index.html": "I",
	})
	if len(res.Removed) != 1 || res.Removed[0] != "job-descriptions/old.pdf" || res.Written != 3 {
		t.Errorf("result %+v", res)
	}
	m, err := ReadManifest(out)
	if err != nil || len(m) != 3 || m["postings/index.html"] == "" || m["job-descriptions/old.pdf"] != "" {
		t.Errorf("manifest %v %v", m, err)
	}
	noStage(t, out)
	// A generation without postings removes postings/ (it held only jdgen's file).
	if err := writeAll(t, out, map[string]string{"career-ladder.xlsx": "X3"}); err != nil {
		t.Fatal(err)
	}
	if exists(filepath.Join(out, "postings")) || !exists(filepath.Join(out, "job-descriptions", "mine.docx")) {
		t.Errorf("after a smaller generation: %v", tree(t, out))
	}
}

// TestDirWriterRefusesFilesItDidNotWrite: a generated file landing on a
// file, folder or symlink jdgen did not write fails with ErrNotOurs and
// changes nothing; --force replaces it, never following a symlink.
func TestDirWriterRefusesFilesItDidNotWrite(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, out, outside string)
	}{
		{"user file", func(t *testing.T, out, _ string) { put(t, filepath.Join(out, "job-descriptions", "a.pdf"), "user's") }},
		{"user folder", func(t *testing.T, out, _ string) { put(t, filepath.Join(out, "career-ladder.xlsx", "x"), "user's") }},
		{"file symlink", func(t *testing.T, out, outside string) {
			os.MkdirAll(filepath.Join(out, "job-descriptions"), 0o755)
			os.Symlink(filepath.Join(outside, "f"), filepath.Join(out, "job-descriptions", "a.pdf"))
		}},
		{"folder symlink", func(t *testing.T, out, outside string) {
			os.MkdirAll(out, 0o755)
			os.Symlink(outside, filepath.Join(out, "job-descriptions"))
		}},
		{"file where a folder goes", func(t *testing.T, out, _ string) { put(t, filepath.Join(out, "job-descriptions"), "user's") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out, outside := filepath.Join(dir, "out"), filepath.Join(dir, "outside")
			put(t, filepath.Join(outside, "f"), "precious")
			c.setup(t, out, outside)
			before := tree(t, out)
			files := map[string]string{"job-descriptions/a.pdf": "A", "career-ladder.xlsx": "X"}
			_, err := commitFiles(t, out, Options{}, files)
			if !errors.Is(err, ErrNotOurs) {
				t.Fatalf("err = %v, want ErrNotOurs", err)
			}
			sameTree(t, tree(t, out), before)
			noStage(t, out)
			if _, err := commitFiles(t, out, Options{Force: true}, files); err != nil {
				t.Fatalf("--force: %v", err)
			}
			sameTree(t, tree(t, out), map[string]string{"job-descriptions/": "", "job-descriptions/a.pdf": "A", "career-ladder.xlsx": "X"})
			if got := tree(t, outside); got["f"] != "precious" || len(got) != 1 {
				t.Errorf("outside the output folder: %v", got)
			}
		})
	}
}

// TestDirWriterChangedFiles: a file jdgen wrote but someone changed since
// is not replaced without --force, and not removed when the next
// generation drops it.
func TestDirWriterChangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := writeAll(t, out, map[string]string{"a.pdf": "A1", "b.pdf": "B1"}); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(out, "a.pdf"), "edited")
	put(t, filepath.Join(out, "b.pdf"), "edited too")
	if _, err := commitFiles(t, out, Options{}, map[string]string{"a.pdf": "A2"}); !errors.Is(err, ErrNotOurs) || !strings.Contains(err.Error(), "a.pdf (changed since jdgen wrote it)") {
		t.Fatalf("err = %v", err)
	}
	res, err := commitFiles(t, out, Options{}, map[string]string{"c.pdf": "C"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Kept) != 2 || len(res.Removed) != 0 {
		t.Errorf("result %+v", res)
	}
	sameTree(t, tree(t, out), map[string]string{"a.pdf": "edited", "b.pdf": "edited too", "c.pdf": "C"})
}

func TestDirWriterAbortLeavesOldOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := writeAll(t, out, map[string]string{"career-ladder.xlsx": "X1"}); err != nil {
		t.Fatal(err)
	}
	w, err := NewDirWriter(context.Background(), out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(generator.File{Name: "career-ladder.xlsx", Data: []byte("half")}); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	sameTree(t, tree(t, out), map[string]string{"career-ladder.xlsx": "X1"})
	noStage(t, out)
}

// TestDirWriterFailureMidCommitRollsBack makes every step of a commit fail
// in turn: the folder is always left as the previous generation, with its
// manifest.
func TestDirWriterFailureMidCommitRollsBack(t *testing.T) {
	gen1 := map[string]string{"job-descriptions/a.pdf": "A1", "job-descriptions/b.pdf": "B1", "career-ladder.xlsx": "X1"}
	gen2 := map[string]string{"job-descriptions/a.pdf": "A2", "job-descriptions/c.pdf": "C2", "career-ladder.xlsx": "X2", "postings/c.html": "P2"}
	defer func() { faultAt = 0 }()
	failed := 0
	for n := 1; ; n++ {
		out := filepath.Join(t.TempDir(), "out")
		faultAt = 0
		if err := writeAll(t, out, gen1); err != nil {
			t.Fatal(err)
		}
		put(t, filepath.Join(out, "job-descriptions", "mine.txt"), "mine")
		before := tree(t, out)
		m1, _ := ReadManifest(out)
		steps, faultAt = 0, n
		err := writeAll(t, out, gen2)
		faultAt = 0
		if err == nil {
			if n < 5 {
				t.Fatalf("the commit had only %d steps", n)
			}
			break
		}
		failed++
		if !errors.Is(err, ErrCommit) {
			t.Fatalf("step %d: err = %v", n, err)
		}
		sameTree(t, tree(t, out), before)
		if m, _ := ReadManifest(out); len(m) != len(m1) || m["job-descriptions/b.pdf"] != m1["job-descriptions/b.pdf"] {
			t.Errorf("step %d: manifest %v, want %v", n, m, m1)
		}
		noStage(t, out)
	}
	t.Logf("failed the commit at each of its %d steps", failed)
}

func TestDirWriterRefusesBadTargets(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "file")
	put(t, file, "")
	ctx := context.Background()
	if _, err := NewDirWriter(ctx, file, Options{}); !errors.Is(err, ErrOutputDir) {
		t.Errorf("target is a file: err = %v", err)
	}
	if _, err := NewDirWriter(ctx, filepath.Join(file, "out"), Options{}); !errors.Is(err, ErrOutputDir) {
		t.Errorf("parent is a file: err = %v", err)
	}
	put(t, filepath.Join(parent, "planted", StateDir), "x")
	if _, err := NewDirWriter(ctx, filepath.Join(parent, "planted"), Options{}); !errors.Is(err, ErrOutputDir) {
		t.Errorf(".jdgen is a file: err = %v", err)
	}
	w, err := NewDirWriter(ctx, filepath.Join(parent, "out"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for _, bad := range []string{"../escape.pdf", "/abs.pdf", "", ".jdgen/manifest.json", "a/../b", `a\b`} {
		if err := w.Write(generator.File{Name: bad}); !errors.Is(err, ErrUnsafeName) {
			t.Errorf("Write(%q): err = %v", bad, err)
		}
	}
}

// TestDirWriterSymlinkedOutputFolder: an output folder that is a symlink to
// a folder is used (the files land in the folder it points to).
func TestDirWriterSymlinkedOutputFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.MkdirAll(real, 0o755)
	link := filepath.Join(dir, "out")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := writeAll(t, link, map[string]string{"career-ladder.xlsx": "X"}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(real, "career-ladder.xlsx")); got != "X" {
		t.Errorf("got %q", got)
	}
	os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "dangling"))
	if _, err := NewDirWriter(context.Background(), filepath.Join(dir, "dangling"), Options{}); !errors.Is(err, ErrOutputDir) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("dangling link: %v", err)
	}
}

// TestDirWriterLock: a second writer on the same folder fails at once with
// --no-wait, naming the holder's pid; waits and gives up after its
// timeout; and gets the folder as soon as the first one is done.
func TestDirWriterLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	ctx := context.Background()
	w1, err := NewDirWriter(ctx, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewDirWriter(ctx, out, Options{NoWait: true})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "pid "+itoa(os.Getpid())) {
		t.Fatalf("--no-wait: err = %v", err)
	}
	waited := -1
	_, err = NewDirWriter(ctx, out, Options{Wait: 200 * time.Millisecond, OnWait: func(pid int) { waited = pid }})
	if !errors.Is(err, ErrLocked) || waited != os.Getpid() {
		t.Fatalf("timeout: err = %v, OnWait pid %d", err, waited)
	}
	cctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(100*time.Millisecond, cancel)
	if _, err := NewDirWriter(cctx, out, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: err = %v", err)
	}
	time.AfterFunc(200*time.Millisecond, func() { w1.Abort() })
	w2, err := NewDirWriter(ctx, out, Options{Wait: 10 * time.Second})
	if err != nil {
		t.Fatalf("after the holder finished: %v", err)
	}
	w2.Abort()
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

// TestRecoverFinishesOrUndoes drives Recover over a commit stopped after
// each of its steps by hand-made journals: before the commit point the
// previous generation comes back, after it the new one stays.
func TestRecoverLeavesOneGeneration(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if changed, err := Recover(out); err != nil || changed || exists(out) {
		t.Fatalf("Recover on a missing folder: %v %v", changed, err)
	}
	if err := writeAll(t, out, map[string]string{"a.pdf": "A1"}); err != nil {
		t.Fatal(err)
	}
	// A run killed while rendering leaves a stage and no journal.
	put(t, filepath.Join(out, StateDir, stageName, "new", "a.pdf"), "half")
	if changed, err := Recover(out); err != nil || !changed {
		t.Fatalf("Recover: %v %v", changed, err)
	}
	noStage(t, out)
	sameTree(t, tree(t, out), map[string]string{"a.pdf": "A1"})
	// A damaged journal is reported, not guessed at.
	put(t, journalPath(out), "{")
	if _, err := Recover(out); !errors.Is(err, ErrJournal) {
		t.Errorf("damaged journal: %v", err)
	}
}

// TestDirWriterDamagedManifest: a manifest that cannot be read, or that
// names a path outside the folder, stops the commit (ErrManifest) without
// touching anything; --force writes a fresh one.
func TestDirWriterDamagedManifest(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	put(t, filepath.Join(dir, "outside.txt"), "precious")
	for _, bad := range []string{"{", `{"version":1,"files":{"../outside.txt":"` + strings.Repeat("0", 64) + `"}}`} {
		if err := writeAll(t, out, map[string]string{"a.pdf": "A"}); err != nil {
			t.Fatal(err)
		}
		put(t, ManifestPath(out), bad)
		if err := writeAll(t, out, map[string]string{"b.pdf": "B"}); !errors.Is(err, ErrManifest) {
			t.Fatalf("manifest %q: err = %v", bad, err)
		}
		sameTree(t, tree(t, out), map[string]string{"a.pdf": "A"})
		if _, err := commitFiles(t, out, Options{Force: true}, map[string]string{"a.pdf": "A2"}); err != nil {
			t.Fatal(err)
		}
		if m, err := ReadManifest(out); err != nil || len(m) != 1 {
			t.Errorf("after --force: %v %v", m, err)
		}
		os.RemoveAll(out)
	}
	if got := readFile(t, filepath.Join(dir, "outside.txt")); got != "precious" {
		t.Errorf("outside file: %q", got)
	}
}

// Write is called by several steps at once: every file lands with the
// hash of its own content, and a name written twice, even by two
// goroutines at the same instant, is refused exactly once.
func TestDirWriterConcurrentWrites(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	w, err := NewDirWriter(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const goroutines, each = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*each)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				// Each goroutine writes its own files, and all of them also
				// race to write shared/<i>.txt.
				name := fmt.Sprintf("g%d/%d.txt", g, i)
				if err := w.Write(generator.File{Name: name, Data: []byte(name)}); err != nil {
					errs <- err
				}
				shared := fmt.Sprintf("shared/%d.txt", i)
				errs <- w.Write(generator.File{Name: shared, Data: []byte(shared)})
			}
		}()
	}
	wg.Wait()
	close(errs)
	refused := 0
	for err := range errs {
		switch {
		case err == nil:
		case errors.Is(err, ErrWrite) && strings.Contains(err.Error(), "written twice"):
			refused++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if want := (goroutines - 1) * each; refused != want {
		t.Errorf("%d writes of a shared name refused, want %d", refused, want)
	}
	if n := w.Count(); n != goroutines*each+each {
		t.Errorf("Count = %d, want %d", n, goroutines*each+each)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, target)
	for name := range got {
		if strings.HasSuffix(name, "/") {
			delete(got, name) // the folders
		}
	}
	if len(got) != goroutines*each+each {
		t.Fatalf("%d files in the output folder, want %d", len(got), goroutines*each+each)
	}
	for name, data := range got {
		if name != data {
			t.Errorf("%s holds %q", name, data)
		}
	}
	m, err := ReadManifest(target)
	if err != nil {
		t.Fatal(err)
	}
	for name, h := range m {
		if want := fmt.Sprintf("%x", sha256.Sum256([]byte(name))); h != want {
			t.Errorf("manifest: %s has hash %s, want %s", name, h, want)
		}
	}
}

// A write that fails gives its name back: the run can report it, and the
// name is not left claimed with an empty hash.
func TestDirWriterFailedWriteReleasesName(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	w, err := NewDirWriter(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	// A file where the staged folder "a" must go makes a/b.txt fail.
	if err := os.WriteFile(filepath.Join(w.stage, "new", "a"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(generator.File{Name: "a/b.txt", Data: []byte("b")}); !errors.Is(err, ErrWrite) {
		t.Fatalf("err = %v, want ErrWrite", err)
	}
	if n := w.Count(); n != 0 {
		t.Errorf("Count = %d after a failed write, want 0", n)
	}
}

// A re-run keeps the files whose content did not change where they are:
// the same file (inode) before and after, nothing staged for it, and the
// manifest still lists it. Changed files are replaced as before, and a
// file the user edited since is never taken for unchanged.
func TestDirWriterKeepsUnchangedFiles(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	first := map[string]string{"a.txt": "one", "d/b.txt": "two", "d/e.txt": "five", "gone.txt": "x"}
	if err := writeAll(t, target, first); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for name := range first {
		st, err := os.Stat(filepath.Join(target, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = st
	}
	// The user edits d/e.txt: it is no longer the file jdgen wrote.
	put(t, filepath.Join(target, "d", "e.txt"), "five, edited")

	w, err := NewDirWriter(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	second := map[string]string{"a.txt": "one", "d/b.txt": "TWO", "d/e.txt": "five", "c.txt": "new"}
	for name, data := range second {
		if err := w.Write(generator.File{Name: name, Data: []byte(data)}); err != nil {
			t.Fatal(err)
		}
	}
	staged := tree(t, filepath.Join(w.stage, "new"))
	if _, ok := staged["a.txt"]; ok {
		t.Error("an unchanged file was staged")
	}
	if _, ok := staged["d/e.txt"]; !ok {
		t.Error("a file the user edited was taken for unchanged")
	}
	_, err = w.Commit()
	if !errors.Is(err, ErrNotOurs) {
		t.Fatalf("commit over the user's edit: err = %v, want ErrNotOurs", err)
	}

	// Without the edit in the way, the commit keeps a.txt in place.
	put(t, filepath.Join(target, "d", "e.txt"), "five")
	w, err = NewDirWriter(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range second {
		if err := w.Write(generator.File{Name: name, Data: []byte(data)}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != len(second) || len(res.Removed) != 1 || res.Removed[0] != "gone.txt" {
		t.Errorf("result %+v", res)
	}
	got := tree(t, target)
	for name, data := range second {
		if got[name] != data {
			t.Errorf("%s holds %q, want %q", name, got[name], data)
		}
	}
	if _, ok := got["gone.txt"]; ok {
		t.Error("the dropped file is still there")
	}
	after, err := os.Stat(filepath.Join(target, "a.txt"))
	if err != nil || !os.SameFile(before["a.txt"], after) {
		t.Error("the unchanged a.txt was replaced")
	}
	if after, err := os.Stat(filepath.Join(target, "d", "b.txt")); err != nil || os.SameFile(before["d/b.txt"], after) {
		t.Error("the changed d/b.txt was not replaced")
	}
	m, err := ReadManifest(target)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range second {
		if want := fmt.Sprintf("%x", sha256.Sum256([]byte(data))); m[name] != want {
			t.Errorf("manifest: %s is %s, want %s", name, m[name], want)
		}
	}
	if len(m) != len(second) {
		t.Errorf("manifest lists %d files, want %d", len(m), len(second))
	}
}

// sameContent compares the whole file, beyond its first block, and
// refuses links and files that differ in length.
func TestSameContent(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("0123456789abcdef"), sameBlock/8) // two blocks
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if !sameContent(p, data) {
		t.Fatal("a file is not the same as its own content")
	}
	changed := bytes.Clone(data)
	changed[len(changed)-1] = 'X' // in the second block
	if sameContent(p, changed) || sameContent(p, data[:len(data)-1]) {
		t.Error("a different content was taken for the same")
	}
	if sameContent(p, append(bytes.Clone(data), 'x')) {
		t.Error("a longer content was taken for the same")
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	if sameContent(link, data) {
		t.Error("a symbolic link was taken for the file")
	}
	if sameContent(filepath.Join(dir, "missing"), nil) {
		t.Error("a missing file was taken for an empty one")
	}
}

// A commit into folders that do not exist yet moves each one in whole:
// a first run of many files takes a handful of steps, not one per file,
// and the folder holds every file with the manifest listing them.
func TestDirWriterMovesNewFoldersWhole(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	files := map[string]string{"career-ladder.xlsx": "X"}
	for i := range 200 {
		files[fmt.Sprintf("job-descriptions/r%d.pdf", i)] = fmt.Sprint("JD", i)
		files[fmt.Sprintf("postings/r%d.html", i)] = fmt.Sprint("P", i)
	}
	files["postings/deep/er/x.md"] = "deep"
	steps = 0
	if err := writeAll(t, target, files); err != nil {
		t.Fatal(err)
	}
	if steps > 12 {
		t.Errorf("a first commit of %d files in new folders took %d steps", len(files), steps)
	}
	got := tree(t, target)
	for name, data := range files {
		if got[name] != data {
			t.Errorf("%s holds %q, want %q", name, got[name], data)
		}
	}
	m, err := ReadManifest(target)
	if err != nil || len(m) != len(files) {
		t.Fatalf("manifest of %d files (%v), want %d", len(m), err, len(files))
	}
	noStage(t, target)
}

// A run killed after a new folder was moved in whole is undone file by
// file: a file someone put into that folder before the recovery stays,
// with the folder, and everything else is as before the run.
func TestRecoverAfterWholeFolderKeepsNewUserFiles(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	if err := writeAll(t, target, map[string]string{"career-ladder.xlsx": "X1"}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, target)
	w, err := NewDirWriter(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gen := map[string]string{"career-ladder.xlsx": "X2", "postings/a.html": "A", "postings/sub/b.md": "B"}
	for name, data := range gen {
		if err := w.Write(generator.File{Name: name, Data: []byte(data)}); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{}
	for name, data := range gen {
		files[name] = fmt.Sprintf("%x", sha256.Sum256([]byte(data)))
	}
	old, err := readManifest(target)
	if err != nil {
		t.Fatal(err)
	}
	j, _, err := plan(target, old, files, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(j.PutDirs, []string{"postings"}) || slices.ContainsFunc(j.Put, func(p string) bool { return strings.HasPrefix(p, "postings") }) {
		t.Fatalf("plan: put_dirs %v, put %v", j.PutDirs, j.Put)
	}
	// The run dies right after moving postings/ in.
	if err := j.save(target); err != nil {
		t.Fatal(err)
	}
	defer func() { faultAt = 0 }()
	// apply's steps: its start, each aside, then the folder moved in.
	steps, faultAt = 0, 1+len(j.Aside)+1
	if err := j.apply(target); !errors.Is(err, errFault) || !exists(filepath.Join(target, "postings", "a.html")) {
		t.Fatalf("apply: %v; postings/ moved in: %v", err, exists(filepath.Join(target, "postings")))
	}
	faultAt = 0
	w.lock.release()
	put(t, filepath.Join(target, "postings", "mine.txt"), "mine")
	if _, err := Recover(target); err != nil {
		t.Fatal(err)
	}
	want := maps.Clone(before)
	want["postings/"] = ""
	want["postings/mine.txt"] = "mine"
	sameTree(t, tree(t, target), want)
	if m, _ := ReadManifest(target); len(m) != 1 {
		t.Errorf("manifest after the undo: %v", m)
	}
	noStage(t, target)
}

// streamed is a file whose content Stream writes in pieces of k bytes.
func streamed(name string, data []byte, k int) generator.File {
	return generator.File{Name: name, Stream: func(w io.Writer) error {
		for off := 0; off < len(data); off += k {
			if _, err := w.Write(data[off:min(off+k, len(data))]); err != nil {
				return err
			}
		}
		return nil
	}}
}

// A streamed file is made straight into the stage: the folder gets its
// bytes and the manifest their hash; a re-run that makes the same bytes
// leaves the file in place (same inode, nothing left staged), one that
// makes other bytes replaces it.
func TestDirWriterWritesStreams(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	// write commits f as the next generation; staged is whether f was
	// left in the stage to be moved in.
	write := func(f generator.File, staged bool) {
		t.Helper()
		w, err := NewDirWriter(context.Background(), out, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(f); err != nil {
			w.Abort()
			t.Fatal(err)
		}
		files := slices.DeleteFunc(slices.Collect(maps.Keys(tree(t, filepath.Join(w.stage, "new")))), func(n string) bool { return strings.HasSuffix(n, "/") })
		if got := len(files) > 0; got != staged {
			t.Errorf("%s staged: %v, want %v", f.Name, got, staged)
		}
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	data := bytes.Repeat([]byte("<tr><td>row</td></tr>\n"), 3*streamBufferSize/16) // several buffers
	write(streamed("postings/index.html", data, 1000), true)
	p := filepath.Join(out, "postings", "index.html")
	if got := readFile(t, p); got != string(data) {
		t.Fatalf("the streamed file holds %d bytes, want the %d streamed", len(got), len(data))
	}
	m, err := ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%x", sha256.Sum256(data)); m["postings/index.html"] != want {
		t.Errorf("manifest hash %s, want %s", m["postings/index.html"], want)
	}
	before, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	write(streamed("postings/index.html", data, 777), false) // the same bytes, cut differently
	after, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("an unchanged streamed file was written again")
	}
	changed := bytes.Clone(data)
	changed[len(changed)-2] = 'X' // in the last buffer
	write(streamed("postings/index.html", changed, 1000), true)
	if got := readFile(t, p); got != string(changed) {
		t.Error("a changed streamed file was not replaced")
	}
	// Given as Data, the same content is also taken for unchanged.
	before, _ = os.Stat(p)
	write(generator.File{Name: "postings/index.html", Data: changed}, false)
	if after, err := os.Stat(p); err != nil || !os.SameFile(before, after) {
		t.Error("the streamed file's content given whole was written again")
	}
}

// A stream that fails fails the write (ErrWrite, with its own error),
// releases the name and leaves nothing staged; the output folder keeps its
// last generation when the run is abandoned.
func TestDirWriterFailedStream(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := writeAll(t, out, map[string]string{"index.html": "old"}); err != nil {
		t.Fatal(err)
	}
	w, err := NewDirWriter(context.Background(), out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	f := generator.File{Name: "index.html", Stream: func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 2*streamBufferSize)); err != nil {
			return err
		}
		return boom
	}}
	if err := w.Write(f); !errors.Is(err, ErrWrite) || !errors.Is(err, boom) {
		t.Fatalf("err = %v, want ErrWrite wrapping the stream's error", err)
	}
	if n := w.Count(); n != 0 {
		t.Errorf("Count = %d after a failed stream, want 0", n)
	}
	if staged := tree(t, filepath.Join(w.stage, "new")); staged["index.html"] != "" {
		t.Errorf("a failed stream left %d bytes staged", len(staged["index.html"]))
	}
	// The name is free again.
	if err := w.Write(streamed("index.html", []byte("new"), 1)); err != nil {
		t.Errorf("writing the name again after a failed stream: %v", err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "index.html")); got != "old" {
		t.Errorf("after the failed run index.html holds %q", got)
	}
	noStage(t, out)
}

// sameFiles compares two files to their ends and refuses links and files
// of different lengths.
func TestSameFiles(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("0123456789abcdef"), sameBlock/8) // two blocks
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := write("a", data), write("b", data)
	if !sameFiles(a, b) {
		t.Fatal("two files with the same bytes differ")
	}
	changed := bytes.Clone(data)
	changed[len(changed)-1] = 'X'
	if sameFiles(a, write("c", changed)) || sameFiles(a, write("d", data[:len(data)-1])) || sameFiles(a, write("e", append(bytes.Clone(data), 'x'))) {
		t.Error("different files taken for the same")
	}
	if sameFiles(a, write("empty", nil)) || !sameFiles(write("empty2", nil), filepath.Join(dir, "empty")) {
		t.Error("empty files compared wrongly")
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	if sameFiles(link, b) || sameFiles(filepath.Join(dir, "missing"), b) {
		t.Error("a link or a missing file taken for the file")
	}
}

// Planning a commit looks each folder up once, not once per file in it:
// a first run of 1,000 roles puts 4,000 files in two folders. On a re-run
// (the folders exist, the old files are listed) the same holds, and the
// plan is the same as one that looks every folder up again.
func TestPlanLooksFoldersUpOnce(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"career-ladder.xlsx": "x"}
	for i := range 2000 {
		files[fmt.Sprintf("job-descriptions/r%d.pdf", i)] = "j"
		files[fmt.Sprintf("postings/deep/r%d.md", i)] = "p"
	}
	var mu sync.Mutex
	looked := map[string]int{}
	lstatFolder = func(p string) (fs.FileInfo, error) {
		mu.Lock()
		looked[p]++
		mu.Unlock()
		return os.Lstat(p)
	}
	defer func() { lstatFolder = os.Lstat }()

	j, _, err := plan(target, manifest{}, files, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	for p, n := range looked {
		if n != 1 {
			t.Errorf("first run: %s looked up %d times", p, n)
		}
	}
	if len(looked) != 3 || !slices.Equal(j.PutDirs, []string{"job-descriptions", "postings"}) {
		t.Errorf("first run: looked up %v; put_dirs %v", looked, j.PutDirs)
	}

	// Re-run: the folders exist and the last generation listed its files,
	// some of which are gone from the new one.
	for _, d := range []string{"job-descriptions", "postings/deep"} {
		if err := os.MkdirAll(filepath.Join(target, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	old := manifest{Version: manifestVersion, Files: map[string]string{}}
	for name := range files {
		old.Files[name] = "0"
	}
	old.Files["postings/deep/gone.md"] = "0"
	clear(looked)
	j, res, err := plan(target, old, files, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	for p, n := range looked {
		if n != 1 {
			t.Errorf("re-run: %s looked up %d times", p, n)
		}
	}
	if len(looked) != 3 || len(j.Put) != len(files) || len(j.PutDirs) != 0 || len(j.Mkdir) != 0 || len(res.Removed) != 0 {
		t.Errorf("re-run: looked up %d folders; put %d of %d, put_dirs %v, mkdir %v, removed %v", len(looked), len(j.Put), len(files), j.PutDirs, j.Mkdir, res.Removed)
	}
}
