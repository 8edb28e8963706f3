package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncDir flushes the file system holding dir (syncfs): one call makes
// every file a run staged durable before the journal refers to it.
func syncDir(dir string) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	unix.Syncfs(fd)
	unix.Close(fd)
}

// startWriteback asks the kernel to start writing f's data to the disk
// now, without waiting for it (sync_file_range with
// SYNC_FILE_RANGE_WRITE), so that the disk works while jdgen renders and
// the syncfs before the commit has little left to wait for. Best effort:
// errors are ignored, syncDir is what makes the data durable.
func startWriteback(f *os.File) {
	c, err := f.SyscallConn()
	if err != nil {
		return
	}
	c.Control(func(fd uintptr) {
		unix.SyncFileRange(int(fd), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
	})
}
