package app

import (
	"errors"
	"io"
	"os"

	"veil/exif"
	"veil/internal/parallel"
)

// errNotRegular refuses FIFOs, devices, sockets and folders named as photos.
var errNotRegular = errors.New("not a regular file (a pipe, a device or a folder cannot be cleaned)")

// readFile reads a whole photo, refusing files over exif.MaxBytes before
// reading them, and anything that is not a regular file. It reads into buf
// when buf is large enough (a batch reuses one buffer per worker).
func readFile(path string, buf []byte) ([]byte, error) {
	f, err := openRead(path)
	if err != nil {
		return nil, plainOSError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, plainOSError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if st.Size() > exif.MaxBytes {
		return nil, exif.TooLarge("toolarge.file", exif.CountArg("size", st.Size()>>20), exif.CountArg("limit", exif.MaxBytes>>20))
	}
	// One allocation of the size the file has now plus one byte, which
	// tells whether it grew while it was read (and leaves room for the
	// read-back of its clean copy, which is never larger); if it grew, the
	// rest is read up to the limit.
	size := int(st.Size())
	data := buf[:0]
	if cap(data) < size+1 {
		data = make([]byte, size+1)
	}
	data = data[:size+1]
	n, err := readAt(f, data)
	if err != nil {
		return nil, plainOSError(err)
	}
	data = data[:n]
	if n > size {
		rest, err := io.ReadAll(io.NewSectionReader(f, int64(n), exif.MaxBytes+1-int64(n)))
		if err != nil {
			return nil, plainOSError(err)
		}
		data = append(data, rest...)
	}
	if len(data) > exif.MaxBytes {
		return nil, exif.TooLarge("toolarge.file_unsized", exif.CountArg("limit", exif.MaxBytes>>20))
	}
	return data, nil
}

// readPiece is the least a reader takes of a file read in pieces at once
// (from twice that, one piece per CPU up to parallel.Max): most of the
// time of reading a large photo goes to the kernel setting up fresh
// memory for it, and two CPUs do that in half the time.
const readPiece = 1 << 20

// readAt fills data from the start of f and returns how much it read:
// less than len(data) only if the file ended first.
func readAt(f *os.File, data []byte) (int, error) {
	pieces := parallel.Split(0, len(data), readPiece)
	if len(pieces) < 2 {
		return readAtMost(f, data, 0)
	}
	got := make([]int, len(pieces))
	errs := make([]error, len(pieces))
	parallel.Run(pieces, func(i int, b parallel.Band) {
		got[i], errs[i] = readAtMost(f, data[b.Lo:b.Hi], int64(b.Lo))
	})
	n := 0
	for i, b := range pieces {
		if errs[i] != nil {
			return 0, errs[i]
		}
		n += got[i]
		if got[i] < b.Hi-b.Lo {
			return n, nil // the file ended here (it shrank while read)
		}
	}
	return n, nil
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
