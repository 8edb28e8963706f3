//go:build !linux

package output

import "os"

// syncDir flushes the folder dir itself where syncfs is not available
// (best effort: some systems cannot open a folder for syncing).
func syncDir(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	f.Sync()
	f.Close()
}

// startWriteback does nothing here: syncDir makes the data durable.
func startWriteback(*os.File) {}
