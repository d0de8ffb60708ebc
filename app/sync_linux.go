//go:build linux

package app

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncfs is syncfs(2); a variable, so tests can make it fail.
var syncfs = unix.Syncfs

// syncOutputs flushes a batch's files with one syncfs(2) per file system
// they were written to (one per output folder is enough): far cheaper than
// an fsync per file, and unlike sync(2) it does not wait for other disks.
// It returns, for each name, the error of the sync that covered it (nil
// when the data is on disk).
func syncOutputs(names []string) []error {
	byDir := map[string]error{}
	errs := make([]error, len(names))
	for i, n := range names {
		dir := filepath.Dir(n)
		err, done := byDir[dir]
		if !done {
			err = syncDir(dir)
			byDir[dir] = err
		}
		errs[i] = err
	}
	return errs
}

// syncDir flushes the file system that holds dir.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syncfs(int(f.Fd())); err != nil {
		return &os.PathError{Op: "syncfs", Path: dir, Err: err}
	}
	return nil
}
