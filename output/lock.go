package output

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// lockPoll is how often a waiting run retries the lock.
const lockPoll = 50 * time.Millisecond

// folderLock is an advisory lock (flock on Unix, LockFileEx on Windows) on
// <out>/.jdgen/lock: one run at a time per output folder. The lock file
// holds the owner's process id so a waiting run can name it. The lock
// goes with the process: a killed run never leaves the folder locked.
type folderLock struct{ f *os.File }

// lockFolder takes the output folder's lock, waiting as opts say.
func lockFolder(ctx context.Context, target string, opts Options) (*folderLock, error) {
	p := filepath.Join(target, StateDir, lockName)
	f, err := openLockFile(p)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOutputDir, err)
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: cannot lock %s: %w", ErrOutputDir, p, err)
	}
	if !ok {
		holder := lockHolder(p)
		if opts.NoWait {
			f.Close()
			return nil, fmt.Errorf("%w: %s is in use by another jdgen run%s", ErrLocked, target, pidNote(holder))
		}
		if opts.OnWait != nil {
			opts.OnWait(holder)
		}
		wait := opts.Wait
		if wait <= 0 {
			wait = DefaultLockWait
		}
		deadline := time.NewTimer(wait)
		defer deadline.Stop()
		tick := time.NewTicker(lockPoll)
		defer tick.Stop()
		for !ok {
			select {
			case <-ctx.Done():
				f.Close()
				return nil, ctx.Err()
			case <-deadline.C:
				f.Close()
				return nil, fmt.Errorf("%w: %s is still in use by another jdgen run%s after %s", ErrLocked, target, pidNote(lockHolder(p)), wait)
			case <-tick.C:
				if ok, err = tryLock(f); err != nil {
					f.Close()
					return nil, fmt.Errorf("%w: cannot lock %s: %w", ErrOutputDir, p, err)
				}
			}
		}
	}
	// Record the owner for runs that come to wait.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &folderLock{f: f}, nil
}

// lockHolder reads the pid a lock's holder recorded (0 if none yet).
func lockHolder(p string) int {
	b, err := os.ReadFile(p)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid < 0 {
		return 0
	}
	return pid
}

func pidNote(pid int) string {
	if pid <= 0 {
		return ""
	}
	return fmt.Sprintf(" (pid %d)", pid)
}

// release gives the lock up; calling it twice is harmless.
func (l *folderLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	unlock(l.f)
	l.f.Close()
	l.f = nil
}
