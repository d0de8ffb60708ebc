package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// procFDs reports whether /proc/self/fd is there: an unnamed file gets its
// name through it (linkat with AT_EMPTY_PATH needs a capability).
var procFDs = sync.OnceValue(func() bool {
	_, err := os.Stat("/proc/self/fd")
	return err == nil
})

// noUnnamed is set once naming an unnamed file has failed: every later
// copy is written under a temporary name from the start.
var noUnnamed atomic.Bool

// unnamedFailed records that an unnamed file could not be named, and
// reports whether the copy should be written again under a temporary name
// (true the first time only, so a failure that is not about unnamed files
// is reported rather than retried forever).
func unnamedFailed() bool { return !noUnnamed.Swap(true) }

// createTemp makes an unnamed file in dir (open(2) O_TMPFILE): nothing
// is ever seen under a name until linkUnnamed gives it one, and a crash
// leaves nothing behind. File systems without it get a named temporary.
func createTemp(dir string) (*tempFile, error) {
	if procFDs() && !noUnnamed.Load() {
		fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600)
		if err == nil {
			return &tempFile{f: os.NewFile(uintptr(fd), filepath.Join(dir, ".veil-unnamed"))}, nil
		}
		if !errors.Is(err, unix.EOPNOTSUPP) && !errors.Is(err, unix.EISDIR) && !errors.Is(err, unix.EINVAL) {
			return nil, &os.PathError{Op: "open", Path: dir, Err: err}
		}
	}
	return createNamedTemp(dir)
}

// linkUnnamed gives an O_TMPFILE file the name final; like link(2) it
// fails if final exists. A variable, so tests can make it fail.
var linkUnnamed = func(f *os.File, final string) error {
	err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, final, unix.AT_SYMLINK_FOLLOW)
	if errors.Is(err, unix.EEXIST) {
		return fs.ErrExist
	}
	if err != nil {
		return &os.LinkError{Op: "link", Old: f.Name(), New: final, Err: err}
	}
	return nil
}

// startWriteback asks the kernel to start writing n bytes at off to disk
// now (sync_file_range(2), without waiting for them), so that the sync
// that follows finds most of the work done.
func startWriteback(f *os.File, off, n int) {
	_ = unix.SyncFileRange(int(f.Fd()), int64(off), int64(n), unix.SYNC_FILE_RANGE_WRITE)
}
