package output

import "golang.org/x/sys/unix"

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
