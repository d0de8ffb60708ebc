package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writeNew writes data to a new file in dir under the first free name that
// next yields, and returns that name. The data goes to a temporary file in
// the same folder first; when syncNow is true it is synced before it gets
// its final name, so a crash or a full disk leaves no half-written photo
// under that name. The final name is claimed with a hard link, which fails
// rather than replace an existing file; on file systems without hard links
// (FAT, exFAT) it falls back to a rename after checking the name is free.
// The file's mode is 0600 on Unix.
func writeNew(dir string, data []byte, next func(i int) string, syncNow bool) (string, error) {
	tmp, err := os.CreateTemp(dir, ".veil-*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", dir, plainOSError(err))
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // gone in every case: linked, renamed or failed
	if err := writeAll(tmp, data, syncNow); err != nil {
		return "", err
	}
	for i := 0; i < maxNameTries; i++ {
		name := next(i)
		switch err := claim(tmpName, name); {
		case err == nil:
			return name, nil
		case errors.Is(err, fs.ErrExist):
			continue
		default:
			return "", fmt.Errorf("cannot save %s: %w", filepath.Base(name), plainOSError(err))
		}
	}
	return "", errors.New("no free file name for the clean copy")
}

func writeAll(f *os.File, data []byte, syncNow bool) error {
	_, werr := f.Write(data)
	var serr error
	if syncNow && werr == nil {
		serr = f.Sync()
	}
	cerr := f.Close()
	for _, err := range []error{werr, serr, cerr} {
		if err != nil {
			return fmt.Errorf("cannot write the clean copy: %w", plainOSError(err))
		}
	}
	return nil
}

// claim gives tmp the name final unless final exists.
func claim(tmp, final string) error {
	err := os.Link(tmp, final)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// No hard links here: check, then rename. Racy only against another
	// program creating the same name in the same instant.
	if _, serr := os.Lstat(final); serr == nil {
		return fs.ErrExist
	}
	if rerr := os.Rename(tmp, final); rerr != nil {
		return rerr
	}
	return nil
}

// syncFiles flushes files one by one, where there is no syncfs.
func syncFiles(names []string) error {
	var first error
	for _, n := range names {
		f, err := os.OpenFile(n, os.O_RDWR, 0)
		if err == nil {
			err = f.Sync()
			f.Close()
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}
