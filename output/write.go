package output

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jdgen/jdgen/generator"
)

// The output folder's own bookkeeping lives in one hidden folder inside
// it, so staging and commit stay on the output folder's file system (a
// mount point, a tmpfs or a network share all work):
//
//	<out>/.jdgen/lock           flock'ed by the run that owns the folder; holds its pid
//	<out>/.jdgen/manifest.json  every file the last generation wrote, with its SHA-256
//	<out>/.jdgen/journal.json   present only while a commit is in progress
//	<out>/.jdgen/stage/new/...  the files of the generation being written
//	<out>/.jdgen/stage/old/...  the files a commit moved aside (until it ends)
const (
	// StateDir is the name of jdgen's bookkeeping folder in the output folder.
	StateDir     = ".jdgen"
	lockName     = "lock"
	manifestName = "manifest.json"
	journalName  = "journal.json"
	stageName    = "stage"
)

// DefaultLockWait is how long a run waits for another run on the same
// output folder before giving up.
const DefaultLockWait = 2 * time.Minute

// Options tune how a DirWriter takes over an output folder.
type Options struct {
	// Force lets a run replace files in the output folder that jdgen did
	// not write (or that were changed since it wrote them).
	Force bool
	// NoWait fails at once (ErrLocked) when another run holds the folder.
	NoWait bool
	// Wait is how long to wait for another run; 0 means DefaultLockWait.
	Wait time.Duration
	// OnWait is called once, with the holder's process id (0 if unknown),
	// when the folder is held by another run and this one starts waiting.
	OnWait func(pid int)
}

// DirWriter writes one generation of files into an output folder. Files
// are staged inside the folder and moved into place by Commit under a
// journal, so the folder always holds exactly one generation, even when a
// run is killed at any instant. Only files jdgen wrote (listed in the
// manifest) are ever replaced or removed; anything else is left alone.
//
// Write may be called from several goroutines at once; Commit and Abort
// are called once, after the last Write has returned.
type DirWriter struct {
	target string
	opts   Options
	lock   *folderLock
	stage  string
	mu     sync.Mutex // guards files and done
	files  fileList   // what was written (files.go)
	// old holds the files of the last generation's manifest with their
	// hashes (empty when there is none or it cannot be read; Commit
	// reports that).
	old  map[string][sha256.Size]byte
	done bool
}

// Result says what a commit did.
type Result struct {
	// Written is the number of files in the new generation.
	Written int
	// Removed lists files of the previous generation that are gone now.
	Removed []string
	// Kept lists files of the previous generation that were changed by
	// someone since jdgen wrote them and are therefore left in place.
	Kept []string
}

// NewDirWriter takes over the output folder target: it creates the folder
// if needed, locks it against other runs (waiting as opts say), finishes
// or undoes a commit a killed run left, and prepares an empty stage.
func NewDirWriter(ctx context.Context, target string, opts Options) (*DirWriter, error) {
	target, err := outputFolder(target, true)
	if err != nil {
		return nil, err
	}
	lk, err := lockFolder(ctx, target, opts)
	if err != nil {
		return nil, err
	}
	w := &DirWriter{target: target, opts: opts, lock: lk}
	if err := recoverLocked(target); err != nil {
		lk.release()
		return nil, err
	}
	if m, err := readManifest(target); err == nil {
		w.old = make(map[string][sha256.Size]byte, len(m.Files))
		for name, h := range m.Files {
			var sum [sha256.Size]byte
			if _, err := hex.Decode(sum[:], []byte(h)); err == nil {
				w.old[name] = sum
			}
		}
	}
	w.stage = filepath.Join(target, StateDir, stageName)
	if err := os.MkdirAll(filepath.Join(w.stage, "new"), 0o755); err != nil {
		lk.release()
		return nil, fmt.Errorf("%w: %w", ErrOutputDir, err)
	}
	return w, nil
}

// outputFolder checks target (following a symbolic link the user made to
// a folder) and creates it when create is set. It returns the path to use.
func outputFolder(target string, create bool) (string, error) {
	target = filepath.Clean(target)
	st, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !create {
			return target, nil
		}
		if err := os.MkdirAll(target, 0o755); err != nil {
			return "", fmt.Errorf("%w: %w", ErrOutputDir, err)
		}
	case err != nil:
		return "", fmt.Errorf("%w: %w", ErrOutputDir, err)
	case st.Mode()&fs.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(target)
		if err != nil {
			return "", fmt.Errorf("%w: %s is a symbolic link to a missing folder", ErrOutputDir, target)
		}
		if st, err := os.Stat(real); err != nil || !st.IsDir() {
			return "", fmt.Errorf("%w: %s is a symbolic link to %s, which is not a folder", ErrOutputDir, target, real)
		}
		target = real
	case !st.IsDir():
		return "", fmt.Errorf("%w: %s exists and is not a folder", ErrOutputDir, target)
	}
	sd := filepath.Join(target, StateDir)
	if st, err := os.Lstat(sd); err == nil && (!st.IsDir() || st.Mode()&fs.ModeSymlink != 0) {
		return "", fmt.Errorf("%w: %s is not a folder jdgen made; move it away", ErrOutputDir, sd)
	}
	if create {
		if err := os.MkdirAll(sd, 0o755); err != nil {
			return "", fmt.Errorf("%w: %w", ErrOutputDir, err)
		}
	}
	return target, nil
}

// Recover finishes or undoes a commit that a killed run left in the output
// folder target, if there is one and no other run holds the folder. It
// creates nothing: a folder without jdgen's bookkeeping is left as it is.
// It reports whether it changed anything.
func Recover(target string) (bool, error) {
	target, err := outputFolder(target, false)
	if err != nil {
		return false, err
	}
	sd := filepath.Join(target, StateDir)
	if !exists(filepath.Join(sd, journalName)) && !exists(filepath.Join(sd, stageName)) {
		return false, nil
	}
	lk, err := lockFolder(context.Background(), target, Options{NoWait: true})
	if errors.Is(err, ErrLocked) {
		return false, nil // a live run owns it and will finish its own commit
	}
	if err != nil {
		return false, err
	}
	defer lk.release()
	return true, recoverLocked(target)
}

// Target is the output folder.
func (w *DirWriter) Target() string { return w.target }

// Count is the number of files written so far.
func (w *DirWriter) Count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files.len()
}

// Write stages one file. It is safe for concurrent use: the name is
// claimed under the writer's lock, and the file is written and hashed
// outside it, so writers of different files do not wait for each other.
func (w *DirWriter) Write(f generator.File) error {
	if !localName(f.Name) {
		return fmt.Errorf("%w: %q", ErrUnsafeName, f.Name)
	}
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return fmt.Errorf("%w: writer already closed", ErrWrite)
	}
	i, claimed := w.files.add(f.Name) // claimed; the hash follows
	if !claimed {
		w.mu.Unlock()
		return fmt.Errorf("%w: %q written twice", ErrWrite, f.Name)
	}
	w.mu.Unlock()

	if f.Streamed() {
		return w.writeStream(f, i)
	}
	sum := sha256.Sum256(f.Data)
	same := w.unchanged(f.Name, sum, f.Data)
	var err error
	if !same {
		p := filepath.Join(w.stage, "new", filepath.FromSlash(f.Name))
		if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
			err = writeNew(p, f.Data)
		}
	}
	return w.record(i, sum, same, err)
}

// record ends the write of entry i: it gets the content's hash and
// whether the file stays in place, or, when the write failed, the name is
// given back.
func (w *DirWriter) record(i int, sum [sha256.Size]byte, same bool, err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.files.remove(i)
		return fmt.Errorf("%w: %w", ErrWrite, err)
	}
	w.files.set(i, sum, same)
	return nil
}

// writeStream is Write for a streamed file (generator.File.Stream): it is
// made straight into the stage, hashed on the way, never held whole. If
// the last generation left the same bytes in place, the staged copy is
// dropped and the file stays where it is, as for any unchanged file. i is
// the entry Write claimed for it.
func (w *DirWriter) writeStream(f generator.File, i int) error {
	p := filepath.Join(w.stage, "new", filepath.FromSlash(f.Name))
	sum, err := streamNew(p, f)
	same := false
	if err == nil {
		if same = w.unchangedStaged(f.Name, sum, p); same {
			err = os.Remove(p)
		}
	}
	return w.record(i, sum, same, err)
}

// streamBufferSize is the block a streamed file reaches the disk in.
const streamBufferSize = 64 << 10

// streamBufs keeps the buffers streamed files are written through: every
// PDF of a run is a streamed file, and a new buffer for each was 1.3 GB
// of allocation at 10,000 roles.
var streamBufs = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, streamBufferSize) }}

// streamNew creates p (which must not exist) with what f's Stream writes,
// and returns its SHA-256.
func streamNew(p string, f generator.File) (sum [sha256.Size]byte, err error) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return sum, err
	}
	fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return sum, err
	}
	h := sha256.New()
	bw := streamBufs.Get().(*bufio.Writer)
	bw.Reset(io.MultiWriter(fh, h))
	err = f.Stream(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	streamBufs.Put(bw)
	if err == nil {
		startWriteback(fh)
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p) // what was made of it
		return sum, fmt.Errorf("making %s: %w", f.Name, err)
	}
	h.Sum(sum[:0])
	return sum, nil
}

// unchangedStaged is unchanged for a file already staged at staged.
func (w *DirWriter) unchangedStaged(name string, sum [sha256.Size]byte, staged string) bool {
	return w.lastLeft(name, sum) && sameFiles(filepath.Join(w.target, filepath.FromSlash(name)), staged)
}

// unchanged reports whether the file the last generation wrote at name is
// still in place and holds exactly data: then the new generation keeps
// it as it is. A re-run whose output mostly did not change (same company,
// same day) then writes, moves and deletes only the files that did.
func (w *DirWriter) unchanged(name string, sum [sha256.Size]byte, data []byte) bool {
	return w.lastLeft(name, sum) && sameContent(filepath.Join(w.target, filepath.FromSlash(name)), data)
}

// lastLeft reports whether the last generation's manifest lists name with
// the hash sum, under real folders: the file may be unchanged, which its
// bytes then tell.
func (w *DirWriter) lastLeft(name string, sum [sha256.Size]byte) bool {
	want, ok := w.old[name]
	return ok && want == sum && realParents(name, lstatIn(w.target))
}

// sameContent reports whether p is a regular file (not a link) holding
// exactly data.
func sameContent(p string, data []byte) bool {
	return sameAs(p, int64(len(data)), bytes.NewReader(data))
}

// sameFiles reports whether p is a regular file (not a link) holding
// exactly what the file q holds.
func sameFiles(p, q string) bool {
	st, err := os.Stat(q)
	if err != nil {
		return false
	}
	f, err := os.Open(q)
	if err != nil {
		return false
	}
	defer f.Close()
	return sameAs(p, st.Size(), f)
}

// sameAs reports whether p is a regular file (not a link) of size bytes
// holding exactly what r gives, compared a block at a time.
func sameAs(p string, size int64, r io.Reader) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	ap, bp := sameBufs.Get().(*[]byte), sameBufs.Get().(*[]byte)
	defer sameBufs.Put(ap)
	defer sameBufs.Put(bp)
	a, b := *ap, *bp
	for {
		n, ferr := io.ReadFull(f, a)
		m, rerr := io.ReadFull(r, b[:n])
		if m != n || !bytes.Equal(a[:n], b[:n]) {
			return false
		}
		if ferr != nil {
			// The end of p (it did not grow since its size was read):
			// r must end too.
			k, _ := r.Read(b[:1])
			return (ferr == io.EOF || ferr == io.ErrUnexpectedEOF) && k == 0
		}
		if rerr != nil {
			return false
		}
	}
}

// sameBlock is how much of a file sameAs compares at once.
const sameBlock = 64 << 10

// sameBufs are sameAs's read buffers, two per concurrent Write.
var sameBufs = sync.Pool{New: func() any { b := make([]byte, sameBlock); return &b }}

// localName reports whether a slash-separated name stays inside the output
// folder and outside jdgen's own bookkeeping folder.
func localName(name string) bool {
	if name == "" || strings.Contains(name, "\\") || path.Clean(name) != name || !filepath.IsLocal(filepath.FromSlash(name)) {
		return false
	}
	first, _, _ := strings.Cut(name, "/")
	return !strings.EqualFold(first, StateDir)
}

func writeNew(p string, data []byte) error {
	fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.Write(data); err != nil {
		fh.Close()
		return err
	}
	startWriteback(fh)
	return fh.Close()
}

// Abort drops the staged files and releases the folder; the output folder
// is as it was.
func (w *DirWriter) Abort() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return nil
	}
	w.done = true
	err := os.RemoveAll(w.stage)
	w.lock.release()
	return err
}

// Commit moves the staged generation into place and releases the folder.
// Files jdgen did not write are never replaced: if a staged file would
// land on one, Commit fails with ErrNotOurs and changes nothing (unless
// Options.Force). A failure part-way undoes what was done.
func (w *DirWriter) Commit() (Result, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return Result{}, fmt.Errorf("%w: writer already closed", ErrCommit)
	}
	defer func() {
		if !w.done {
			w.done = true
			os.RemoveAll(w.stage)
			w.lock.release()
		}
	}()
	old, err := readManifest(w.target)
	if err != nil && !w.opts.Force {
		return Result{}, err
	}
	// The hashes are kept as bytes while rendering (half the memory of
	// hex strings, for every file of the run) and spelt out here.
	files := make(map[string]string, w.files.len())
	same := map[string]bool{}
	w.files.each(func(name string, sum *[sha256.Size]byte, s bool) {
		files[name] = hex.EncodeToString(sum[:])
		if s {
			same[name] = true
		}
	})
	j, res, err := plan(w.target, old, files, same, w.opts.Force)
	if err != nil {
		return Result{}, err
	}
	// The staged files reach the disk before anything refers to them.
	syncDir(w.target)
	if err := j.save(w.target); err != nil {
		return Result{}, fmt.Errorf("%w: %w", ErrCommit, err)
	}
	if err := j.apply(w.target); err != nil {
		if rerr := j.rollback(w.target); rerr != nil {
			// The journal and the files moved aside stay for the next run.
			w.done = true
			w.lock.release()
			return Result{}, fmt.Errorf("%w: %w (and undoing it failed: %v; the next run finishes the undo)", ErrCommit, err, rerr)
		}
		return Result{}, fmt.Errorf("%w: %w; the previous output was restored", ErrCommit, err)
	}
	w.done = true
	j.finish(w.target)
	w.lock.release()
	res.Written = w.files.len()
	return res, nil
}

// plan works out the commit: which existing paths are moved aside, which
// folders are created, which staged files are put in place. It refuses
// (ErrNotOurs) when a staged file would replace something jdgen did not
// write, unless force.
func plan(target string, old manifest, files map[string]string, same map[string]bool, force bool) (*journal, Result, error) {
	j := &journal{Phase: phasePrepared, Manifest: manifest{Version: manifestVersion, Files: files}}
	if old.Files != nil {
		j.OldManifest = &old
	}
	var res Result
	var conflicts []string
	aside := map[string]bool{}
	moveAside := func(p string) {
		if !aside[p] {
			aside[p] = true
			j.Aside = append(j.Aside, p)
		}
	}
	mkdirs := map[string]bool{}
	// The folders on the way are looked up once each, not once per file
	// in them: a first run of 1,000 roles put 4,000 files in two folders.
	type dirStat struct {
		st  fs.FileInfo
		err error
	}
	dirs := map[string]dirStat{}
	lstatDir := func(dir string) (fs.FileInfo, error) {
		d, ok := dirs[dir]
		if !ok {
			d.st, d.err = lstatIn(target)(dir)
			dirs[dir] = d
		}
		return d.st, d.err
	}
	for _, name := range sortedNames(files) {
		if same[name] {
			continue // in place already, exactly as the new generation has it
		}
		j.Put = append(j.Put, name)
		// Every folder on the way must be a real folder (never a symlink).
		parts := strings.Split(name, "/")
		blocked := false
		for i := 1; i < len(parts) && !blocked; i++ {
			dir := strings.Join(parts[:i], "/")
			st, err := lstatDir(dir)
			switch {
			case errors.Is(err, fs.ErrNotExist) || aside[dir]:
				if !mkdirs[dir] {
					mkdirs[dir] = true
					j.Mkdir = append(j.Mkdir, dir)
				}
			case err != nil:
				return nil, res, fmt.Errorf("%w: %w", ErrCommit, err)
			case !st.IsDir():
				ours := st.Mode().IsRegular() && old.Files[dir] != "" && fileHash(filepath.Join(target, filepath.FromSlash(dir))) == old.Files[dir]
				if !force && !ours {
					conflicts = append(conflicts, dir+" (not a folder)")
					blocked = true
					continue
				}
				moveAside(dir)
				if !mkdirs[dir] {
					mkdirs[dir] = true
					j.Mkdir = append(j.Mkdir, dir)
				}
			}
		}
		if blocked {
			continue
		}
		if mkdirs[parentOf(name)] {
			continue // its folder is new: nothing is there yet
		}
		p := filepath.Join(target, filepath.FromSlash(name))
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, res, fmt.Errorf("%w: %w", ErrCommit, err)
		case st.Mode().IsRegular() && old.Files[name] != "" && fileHash(p) == old.Files[name]:
			moveAside(name)
		case force:
			moveAside(name)
		default:
			why := "not written by jdgen"
			switch {
			case st.IsDir():
				why = "a folder"
			case st.Mode()&fs.ModeSymlink != 0:
				why = "a symbolic link"
			case old.Files[name] != "":
				why = "changed since jdgen wrote it"
			}
			conflicts = append(conflicts, name+" ("+why+")")
		}
	}
	if len(conflicts) > 0 {
		more := ""
		if len(conflicts) > 5 {
			more = fmt.Sprintf(" and %d more", len(conflicts)-5)
			conflicts = conflicts[:5]
		}
		return nil, res, fmt.Errorf("%w: %s%s; nothing was changed (move them away, or pass --force to replace them)", ErrNotOurs, strings.Join(conflicts, ", "), more)
	}
	wholeFolders(j, mkdirs, aside)
	for _, name := range sortedNames(old.Files) {
		if _, again := files[name]; again {
			continue
		}
		if aside[name] || underAny(name, aside) {
			continue
		}
		p := filepath.Join(target, filepath.FromSlash(name))
		if !realParents(name, lstatDir) {
			res.Kept = append(res.Kept, name)
			continue
		}
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err == nil && st.Mode().IsRegular() && fileHash(p) == old.Files[name]:
			moveAside(name)
			j.Remove = append(j.Remove, name)
			res.Removed = append(res.Removed, name)
		default:
			res.Kept = append(res.Kept, name)
		}
	}
	return j, res, nil
}

// wholeFolders turns the commit's new top folders into PutDirs: a folder
// that did not exist (and is not where something was moved aside) holds
// only new files, so its staged copy is moved in with one rename instead of
// a folder made and a rename per file. A first run into an empty output
// folder then renames three or four things, not thousands.
func wholeFolders(j *journal, mkdirs, aside map[string]bool) {
	for _, d := range j.Mkdir {
		if !mkdirs[parentOf(d)] && !aside[d] {
			j.PutDirs = append(j.PutDirs, d)
		}
	}
	if len(j.PutDirs) == 0 {
		return
	}
	whole := setOf(j.PutDirs)
	inside := func(name string) bool { return whole[name] || underAny(name, whole) }
	j.Mkdir = slices.DeleteFunc(j.Mkdir, inside)
	j.Put = slices.DeleteFunc(j.Put, inside)
}

func parentOf(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i]
	}
	return ""
}

// underAny reports whether name is inside one of the folders in dirs.
func underAny(name string, dirs map[string]bool) bool {
	for d := parentOf(name); d != ""; d = parentOf(d) {
		if dirs[d] {
			return true
		}
	}
	return false
}

// setOf is names as a set.
func setOf(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// lstatIn looks a folder up by its name in the output folder target.
func lstatIn(target string) func(dir string) (fs.FileInfo, error) {
	return func(dir string) (fs.FileInfo, error) {
		return lstatFolder(filepath.Join(target, filepath.FromSlash(dir)))
	}
}

// lstatFolder is os.Lstat for the folders above a file; tests count calls.
var lstatFolder = os.Lstat

// realParents reports whether every folder above name is a real folder;
// lstat looks a folder up by its name in the output folder.
func realParents(name string, lstat func(dir string) (fs.FileInfo, error)) bool {
	for d := parentOf(name); d != ""; d = parentOf(d) {
		st, err := lstat(d)
		if err != nil || !st.IsDir() {
			return false
		}
	}
	return true
}

func isDir(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.IsDir()
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func sortedNames(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fileHash is the SHA-256 of a file's content, or "" if it cannot be read.
func fileHash(p string) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
