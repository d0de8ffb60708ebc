package app

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// The system calls of a clean copy, without the ones package os adds for
// files it might poll (fcntl, epoll_ctl) or to confirm an end of file it
// already knows: a batch of small photos spends most of its time in the
// kernel, and these are a quarter of its calls.

// openRead opens path for reading. It never waits: O_NONBLOCK makes the
// open of a FIFO or a device return at once (the caller then refuses
// anything that is not a regular file, whose reads the flag does not
// change).
func openRead(path string) (*os.File, error) {
	const flags = unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK | unix.O_NOCTTY
	fd, err := unix.Open(path, flags, 0)
	for err == unix.EINTR {
		fd, err = unix.Open(path, flags, 0)
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// readAtMost reads up to len(p) bytes at off. It returns fewer only where
// the file ends, as far as a read can tell: a short read is taken for the
// end, without another call to confirm it. (Were it ever not the end, the
// photo would look cut short and be refused, or its copy would fail its
// check: nothing is written wrongly.)
func readAtMost(f *os.File, p []byte, off int64) (int, error) {
	fd := int(f.Fd())
	n := 0
	for n < len(p) {
		m, err := unix.Pread(fd, p[n:], off+int64(n))
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return n, &os.PathError{Op: "read", Path: f.Name(), Err: err}
		}
		if m == 0 {
			break
		}
		n += m
		if m < len(p[n-m:]) {
			break // short: the end of the file
		}
	}
	return n, nil
}

// maxIOV is the most buffers one writev(2) takes (IOV_MAX on Linux).
const maxIOV = 1024

// writeParts writes the parts one after the other with one writev(2)
// (more only if there are over maxIOV parts or the kernel takes less than
// all).
func writeParts(f *os.File, parts [][]byte) error {
	fd := int(f.Fd())
	for len(parts) > 0 {
		n, err := unix.Writev(fd, parts[:min(len(parts), maxIOV)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return &os.PathError{Op: "write", Path: f.Name(), Err: err}
		}
		if n == 0 && !allEmpty(parts) {
			return &os.PathError{Op: "write", Path: f.Name(), Err: io.ErrShortWrite}
		}
		for len(parts) > 0 && n >= len(parts[0]) {
			n -= len(parts[0])
			parts = parts[1:]
		}
		if n > 0 {
			// A part written in half: the rest of it, then the others
			// (a new list: the caller's is left as it was).
			parts = append([][]byte{parts[0][n:]}, parts[1:]...)
		}
	}
	return nil
}

// allEmpty reports whether no part holds a byte.
func allEmpty(parts [][]byte) bool {
	for _, p := range parts {
		if len(p) > 0 {
			return false
		}
	}
	return true
}
