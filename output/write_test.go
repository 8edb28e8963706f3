package output

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jdgen/jdgen/generator"
)

func writeAll(t *testing.T, target string, files map[string]string) error {
	t.Helper()
	w, err := NewDirWriter(target)
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := w.Write(generator.File{Name: name, Data: []byte(data)}); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func noTemp(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), TempPrefix) {
				t.Errorf("temporary folder left behind: %s", filepath.Join(d, e.Name()))
			}
		}
	}
}

func TestDirWriterReplacesOwnFilesKeepsOthers(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	if err := writeAll(t, out, map[string]string{"job-descriptions/a.pdf": "A1", "job-descriptions/old.pdf": "OLD", "career-ladder.xlsx": "X1"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeAll(t, out, map[string]string{"job-descriptions/a.pdf": "A2", "career-ladder.xlsx": "X2"}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "job-descriptions", "a.pdf")); got != "A2" {
		t.Errorf("a.pdf = %q", got)
	}
	if got := readFile(t, filepath.Join(out, "career-ladder.xlsx")); got != "X2" {
		t.Errorf("workbook = %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "job-descriptions", "old.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a removed role's PDF is still there: %v", err)
	}
	if got := readFile(t, filepath.Join(out, "notes.txt")); got != "mine" {
		t.Errorf("unrelated file changed: %q", got)
	}
	noTemp(t, parent, out)
}

func TestDirWriterAbortLeavesOldOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	if err := writeAll(t, out, map[string]string{"career-ladder.xlsx": "X1"}); err != nil {
		t.Fatal(err)
	}
	w, err := NewDirWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(generator.File{Name: "career-ladder.xlsx", Data: []byte("half")}); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(out, "career-ladder.xlsx")); got != "X1" {
		t.Errorf("aborted run changed the output: %q", got)
	}
	noTemp(t, parent, out)
}

func TestDirWriterSymlinkReplacedNotFollowed(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	outside := filepath.Join(parent, "outside.txt")
	if err := os.WriteFile(outside, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "career-ladder.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := writeAll(t, out, map[string]string{"career-ladder.xlsx": "X"}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, outside); got != "precious" {
		t.Errorf("symlink target was overwritten: %q", got)
	}
	st, err := os.Lstat(filepath.Join(out, "career-ladder.xlsx"))
	if err != nil || st.Mode()&os.ModeSymlink != 0 {
		t.Errorf("workbook is still a symlink: %v", err)
	}
}

func TestDirWriterRefusesBadTargets(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewDirWriter(file); !errors.Is(err, ErrOutputDir) {
		t.Errorf("target is a file: err = %v", err)
	}
	if _, err := NewDirWriter(filepath.Join(file, "out")); !errors.Is(err, ErrOutputDir) {
		t.Errorf("parent is a file: err = %v", err)
	}
	w, err := NewDirWriter(filepath.Join(parent, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for _, bad := range []string{"../escape.pdf", "/abs.pdf", ""} {
		if err := w.Write(generator.File{Name: bad}); !errors.Is(err, ErrUnsafeName) {
			t.Errorf("Write(%q): err = %v", bad, err)
		}
	}
}

func TestDirWriterRemovesStaleTempFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	// A killed run's folder: its owner process no longer exists.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := filepath.Join(parent, TempPrefix+"out-killed")
	live := filepath.Join(parent, TempPrefix+"out-running")
	for dir, pid := range map[string]int{dead: cmd.Process.Pid, live: os.Getpid()} {
		if err := os.MkdirAll(filepath.Join(dir, "job-descriptions"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeAll(t, out, map[string]string{"career-ladder.xlsx": "X"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale folder of a killed run is still there")
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live run's folder was removed: %v", err)
	}
}
