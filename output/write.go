package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/jdgen/jdgen/generator"
)

// DirWriter writes generated files into a temporary folder beside the
// output folder and moves them into place on Commit, so that a failed or
// interrupted run never leaves a half-written file in the output folder.
// Files in the output folder that jdgen did not generate are left alone.
type DirWriter struct {
	target string
	tmp    string
	top    map[string]bool // top-level names written
	count  int
}

// TempPrefix starts the name of every temporary folder jdgen creates.
const TempPrefix = ".jdgen-tmp-"

// NewDirWriter prepares a writer for the output folder target. It creates
// the folder's parent if needed and a temporary folder beside it.
func NewDirWriter(target string) (*DirWriter, error) {
	target = filepath.Clean(target)
	if st, err := os.Lstat(target); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%w: %s exists and is not a folder", ErrOutputDir, target)
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOutputDir, err)
	}
	removeStale(parent, TempPrefix+filepath.Base(target)+"-")
	removeStale(target, TempPrefix+"old-")
	tmp, err := os.MkdirTemp(parent, TempPrefix+filepath.Base(target)+"-")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOutputDir, err)
	}
	if err := os.WriteFile(filepath.Join(tmp, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("%w: %w", ErrOutputDir, err)
	}
	return &DirWriter{target: target, tmp: tmp, top: map[string]bool{}}, nil
}

// ownerFile inside a temporary folder holds the process id of the run that
// made it, so a later run can tell a killed run's leftovers from a live one.
const ownerFile = ".jdgen-owner"

// removeStale deletes temporary folders named prefix* in dir whose owning
// process is gone (a run killed with SIGKILL or a power cut leaves them).
func removeStale(dir, prefix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if b, err := os.ReadFile(filepath.Join(p, ownerFile)); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && processAlive(pid) {
				continue
			}
		}
		os.RemoveAll(p)
	}
}

// Target is the output folder.
func (w *DirWriter) Target() string { return w.target }

// Count is the number of files written so far.
func (w *DirWriter) Count() int { return w.count }

// Write stores one file in the temporary folder.
func (w *DirWriter) Write(f generator.File) error {
	name := filepath.FromSlash(f.Name)
	if !filepath.IsLocal(name) {
		return fmt.Errorf("%w: %q", ErrUnsafeName, f.Name)
	}
	p := filepath.Join(w.tmp, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("%w: %w", ErrWrite, err)
	}
	if err := writeFileSync(p, f.Data); err != nil {
		return fmt.Errorf("%w: %w", ErrWrite, err)
	}
	w.top[strings.SplitN(filepath.ToSlash(name), "/", 2)[0]] = true
	w.count++
	return nil
}

func writeFileSync(p string, data []byte) error {
	fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.Write(data); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// Commit moves every written file into the output folder. A generated
// folder (job-descriptions/) replaces the old one whole; a generated file
// replaces the old file by rename, which never follows a symlink planted at
// its name.
func (w *DirWriter) Commit() error {
	// One flush of the whole file system instead of one per file: the new
	// files are on disk before they replace the old ones.
	syncDir(w.tmp)
	if err := os.MkdirAll(w.target, 0o755); err != nil {
		w.Abort()
		return fmt.Errorf("%w: %w", ErrOutputDir, err)
	}
	names := make([]string, 0, len(w.top))
	for n := range w.top {
		names = append(names, n)
	}
	// Folders first, the workbook last: the workbook links to the PDFs.
	for _, n := range sortFoldersFirst(w.tmp, names) {
		src, dst := filepath.Join(w.tmp, n), filepath.Join(w.target, n)
		if err := replace(src, dst, w.target); err != nil {
			w.Abort()
			return fmt.Errorf("%w: %w", ErrCommit, err)
		}
	}
	return os.RemoveAll(w.tmp)
}

// Abort removes the temporary folder; the output folder is untouched.
func (w *DirWriter) Abort() error { return os.RemoveAll(w.tmp) }

func sortFoldersFirst(base string, names []string) []string {
	var dirs, files []string
	for _, n := range names {
		if st, err := os.Stat(filepath.Join(base, n)); err == nil && st.IsDir() {
			dirs = append(dirs, n)
		} else {
			files = append(files, n)
		}
	}
	sort.Strings(dirs)
	sort.Strings(files)
	return append(dirs, files...)
}

// replace puts src at dst. An existing folder at dst is moved aside first
// and removed after the swap.
func replace(src, dst, target string) error {
	st, err := os.Lstat(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(src, dst)
	case err != nil:
		return err
	case st.IsDir():
		if err := exchange(src, dst); err == nil {
			return os.RemoveAll(src) // src now holds the old folder
		}
		old, err := os.MkdirTemp(target, TempPrefix+"old-")
		if err != nil {
			return err
		}
		os.WriteFile(filepath.Join(old, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644)
		aside := filepath.Join(old, filepath.Base(dst))
		if err := os.Rename(dst, aside); err != nil {
			os.Remove(old)
			return err
		}
		if err := os.Rename(src, dst); err != nil {
			os.Rename(aside, dst) // put the old output back
			os.RemoveAll(old)
			return err
		}
		return os.RemoveAll(old)
	default:
		if !fileish(src) {
			// A folder replaces a file or symlink of the same name.
			if err := os.Remove(dst); err != nil {
				return err
			}
		}
		return os.Rename(src, dst)
	}
}

func fileish(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && !st.IsDir()
}
