//go:build linux

package app

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncOutputs flushes a batch's files with one syncfs(2) per file system
// they were written to (one per output folder is enough): far cheaper than
// an fsync per file, and unlike sync(2) it does not wait for other disks.
func syncOutputs(names []string) {
	done := map[string]bool{}
	for _, n := range names {
		dir := filepath.Dir(n)
		if done[dir] {
			continue
		}
		done[dir] = true
		if f, err := os.Open(dir); err == nil {
			_ = unix.Syncfs(int(f.Fd()))
			f.Close()
		}
	}
}
