package app

import (
	"errors"
	"fmt"
	"io"
	"os"

	"veil/exif"
)

// readFile reads a whole photo, refusing files over exif.MaxBytes before
// reading them, and anything that is not a regular file. It reads into buf
// when buf is large enough (a batch reuses one buffer per worker).
func readFile(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, plainOSError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, plainOSError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > exif.MaxBytes {
		return nil, fmt.Errorf("%w: %d MB is over the %d MB limit", exif.ErrTooLarge, st.Size()>>20, exif.MaxBytes>>20)
	}
	// One allocation of the size the file has now, plus one byte that
	// tells whether it grew while we read; then at most up to the limit.
	data := buf[:0]
	if int64(cap(data)) < st.Size()+1 {
		data = make([]byte, st.Size()+1)
	}
	data = data[:st.Size()+1]
	n, err := io.ReadFull(f, data)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		data = data[:n]
	case err != nil:
		return nil, plainOSError(err)
	default:
		rest, err := io.ReadAll(io.LimitReader(f, exif.MaxBytes+1-int64(len(data))))
		if err != nil {
			return nil, plainOSError(err)
		}
		data = append(data, rest...)
	}
	if len(data) > exif.MaxBytes {
		return nil, fmt.Errorf("%w: the file is over the %d MB limit", exif.ErrTooLarge, exif.MaxBytes>>20)
	}
	return data, nil
}

// plainOSError turns a *PathError into its plain reason: callers add the
// file name themselves, once.
func plainOSError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
