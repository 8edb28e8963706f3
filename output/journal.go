package output

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// Journal phases.
const (
	// phasePrepared: the commit may have started moving files; a recovery
	// undoes it (rolls back to the previous generation).
	phasePrepared = "prepared"
	// phaseCommitted: every new file and the new manifest are in place; a
	// recovery only removes what the commit moved aside (rolls forward).
	phaseCommitted = "committed"
)

// journal is one commit's plan, saved before the first change so a later
// run can finish or undo it. Every step is idempotent: a recovery killed
// part-way is simply run again.
type journal struct {
	Phase string `json:"phase"`
	// Aside are paths in the output folder moved to stage/old first:
	// files being replaced or removed, and (with --force) whatever was in
	// the way.
	Aside []string `json:"aside"`
	// Remove are the old generation's files that the new one drops (a
	// subset of Aside).
	Remove []string `json:"remove,omitempty"`
	// Mkdir are folders the commit creates, parents first.
	Mkdir []string `json:"mkdir,omitempty"`
	// PutDirs are folders of the new generation that did not exist: each
	// is moved from stage/new whole, with every file under it.
	PutDirs []string `json:"put_dirs,omitempty"`
	// Put are the new generation's files not under PutDirs, moved from
	// stage/new one by one.
	Put []string `json:"put"`
	// Manifest is the new generation's manifest.
	Manifest manifest `json:"manifest"`
	// OldManifest is the previous one (nil: there was none).
	OldManifest *manifest `json:"old_manifest,omitempty"`
}

func journalPath(target string) string { return filepath.Join(target, StateDir, journalName) }

func (j *journal) save(target string) error {
	return writeAtomicWith(journalPath(target), func(w *bufio.Writer) error {
		jw := &jsonWriter{w: w}
		jw.journal(j)
		return jw.err
	})
}

func loadJournal(target string) (*journal, error) {
	b, err := os.ReadFile(journalPath(target))
	if err != nil {
		return nil, err
	}
	var j journal
	if err := json.Unmarshal(b, &j); err != nil || (j.Phase != phasePrepared && j.Phase != phaseCommitted) {
		return nil, fmt.Errorf("%w: %s; move the output folder's .jdgen folder away and check the files by hand", ErrJournal, journalPath(target))
	}
	for _, list := range [][]string{j.Aside, j.Remove, j.Mkdir, j.PutDirs, j.Put} {
		for _, name := range list {
			if !localName(name) {
				return nil, fmt.Errorf("%w: %s lists %q", ErrJournal, journalPath(target), name)
			}
		}
	}
	return &j, nil
}

func (j *journal) paths(target, name string) (live, old, staged string) {
	n := filepath.FromSlash(name)
	st := filepath.Join(target, StateDir, stageName)
	return filepath.Join(target, n), filepath.Join(st, "old", n), filepath.Join(st, "new", n)
}

// apply carries the commit out, up to and including the commit point
// (the journal saying "committed").
func (j *journal) apply(target string) error {
	if err := step(); err != nil {
		return err
	}
	for _, a := range j.Aside {
		live, old, _ := j.paths(target, a)
		if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
			return err
		}
		if err := os.Rename(live, old); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	for _, d := range j.Mkdir {
		live, _, _ := j.paths(target, d)
		if err := os.Mkdir(live, 0o755); err != nil && !(errors.Is(err, fs.ErrExist) && isDir(live)) {
			return err
		}
	}
	for _, p := range append(slices.Clip(j.PutDirs), j.Put...) {
		live, _, staged := j.paths(target, p)
		if err := os.Rename(staged, live); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	if err := writeManifest(target, &j.Manifest); err != nil {
		return err
	}
	if err := step(); err != nil {
		return err
	}
	syncDir(target)
	j.Phase = phaseCommitted
	if err := j.save(target); err != nil {
		return err
	}
	return step()
}

// rollback undoes a prepared commit: new files go back to the stage, the
// folders it made go, what it moved aside comes back, and the previous
// manifest is restored. Then the stage and the journal are removed.
func (j *journal) rollback(target string) error {
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	// A folder moved in whole goes back file by file, like the others, so
	// that a file someone put into it since stays where it is.
	for _, p := range slices.Backward(append(j.filesUnder(j.PutDirs), j.Put...)) {
		live, _, staged := j.paths(target, p)
		if !exists(staged) && exists(live) {
			keep(os.MkdirAll(filepath.Dir(staged), 0o755))
			keep(os.Rename(live, staged))
			step()
		}
	}
	for _, d := range slices.Backward(j.foldersUnder(j.PutDirs)) {
		live, _, _ := j.paths(target, d)
		os.Remove(live) // only if empty
	}
	for _, d := range slices.Backward(j.Mkdir) {
		live, _, _ := j.paths(target, d)
		os.Remove(live) // only if empty: a user's file put there since stays
	}
	for _, a := range j.Aside {
		live, old, _ := j.paths(target, a)
		if exists(old) && !exists(live) {
			keep(os.Rename(old, live))
			step()
		}
	}
	if first != nil {
		return first
	}
	if err := writeManifest(target, j.OldManifest); err != nil {
		return err
	}
	step()
	syncDir(target)
	return j.cleanup(target, false)
}

// finish ends a committed commit: what was moved aside is deleted, folders
// emptied by removed files go, then the journal.
func (j *journal) finish(target string) error { return j.cleanup(target, true) }

func (j *journal) cleanup(target string, committed bool) error {
	if committed {
		for _, r := range j.Remove {
			for d := parentOf(r); d != ""; d = parentOf(d) {
				if os.Remove(filepath.Join(target, filepath.FromSlash(d))) != nil {
					break // not empty: it holds other files
				}
			}
		}
	}
	// The journal goes first: once the folder is one generation, a stage
	// without a journal is only leftovers, and a later recovery must not
	// read the journal against a half-removed stage.
	if err := os.Remove(journalPath(target)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	step()
	if err := os.RemoveAll(filepath.Join(target, StateDir, stageName)); err != nil {
		return err
	}
	step()
	return nil
}

// recoverLocked brings the output folder back to exactly one generation
// after a killed run: a journal in phase "prepared" is undone, one in
// phase "committed" is finished, and a stage without a journal (a run
// killed while rendering) is removed. The caller holds the lock.
func recoverLocked(target string) error {
	sd := filepath.Join(target, StateDir)
	os.Remove(journalPath(target) + ".tmp")
	os.Remove(ManifestPath(target) + ".tmp")
	j, err := loadJournal(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.RemoveAll(filepath.Join(sd, stageName)); err != nil {
			return fmt.Errorf("%w: %w", ErrOutputDir, err)
		}
		return nil
	case err != nil:
		return err
	case j.Phase == phaseCommitted:
		err = j.finish(target)
	default:
		err = j.rollback(target)
	}
	if err != nil {
		return fmt.Errorf("%w: finishing the commit a killed run left: %w", ErrCommit, err)
	}
	return nil
}

// filesUnder lists the new generation's files under the folders dirs, in
// name order.
func (j *journal) filesUnder(dirs []string) []string {
	set := setOf(dirs)
	var out []string
	for name := range j.Manifest.Files {
		if underAny(name, set) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// foldersUnder lists dirs and the folders under them that hold a file of
// the new generation, in name order: a parent before its children.
func (j *journal) foldersUnder(dirs []string) []string {
	set := setOf(dirs)
	folders := maps.Clone(set)
	for name := range j.Manifest.Files {
		for d := parentOf(name); d != "" && (set[d] || underAny(d, set)); d = parentOf(d) {
			folders[d] = true
		}
	}
	return slices.Sorted(maps.Keys(folders))
}
