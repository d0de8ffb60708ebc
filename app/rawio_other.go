//go:build !linux

package app

import (
	"io"
	"os"
)

// openRead opens path for reading. Anything but a regular file is refused
// before it is opened: opening a FIFO waits for a writer that may never
// come.
func openRead(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	return os.Open(path)
}

// readAtMost reads up to len(p) bytes at off, fewer only where the file
// ends.
func readAtMost(f *os.File, p []byte, off int64) (int, error) {
	n, err := f.ReadAt(p, off)
	if err == io.EOF {
		err = nil
	}
	return n, err
}

// writeParts writes the parts one after the other.
func writeParts(f *os.File, parts [][]byte) error {
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			return err
		}
	}
	return nil
}
