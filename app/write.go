package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// writeNew writes parts, one after the other, as a new file in dir, and
// returns its name. The copy goes to a file with no name yet (O_TMPFILE on
// Linux) or, where there is none, to a hidden temporary file in dir. It is
// read back from disk through the same handle and given to check; only a
// copy that passes gets a name, so a copy that fails is never seen under
// one. The name is the first free one next yields, claimed with a hard
// link, which fails rather than replace an existing file (on file systems
// without hard links, FAT and exFAT, a rename after checking the name is
// free).
//
// When syncNow is true the data is on disk before the name is given, so a
// crash or a full disk leaves no half-written photo under it; the sync
// runs while the copy is checked. Otherwise the caller syncs later (a
// batch syncs once at its end). Either way a large copy is handed to the
// disk a megabyte at a time as it is written (writeAll).
//
// scratch, when large enough, is reused to read the copy back: callers
// pass a buffer they no longer need (parts may be slices of it: they are
// written before it is reused). The file's mode is 0600 on Unix.
func writeNew(dir string, parts [][]byte, next func(i int) string, syncNow bool, check func([]byte) error, scratch []byte) (string, error) {
	return writeAs(dir, parts, target{next: next}, syncNow, check, scratch)
}

// target says what name a checked copy gets: the first free one next
// yields, or, when over is set, over: an earlier copy of Veil's own that
// the new one replaces in one step (see Session).
type target struct {
	next func(i int) string
	over string
}

// writeAs is writeNew with the copy named as tg says.
func writeAs(dir string, parts [][]byte, tg target, syncNow bool, check func([]byte) error, scratch []byte) (string, error) {
	t, err := createTemp(dir)
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", Printable(dir), plainOSError(err))
	}
	defer t.discard() // closed, and its temporary name gone, in every case
	back, err := t.writeChecked(parts, syncNow, check, scratch)
	if err != nil {
		return "", err
	}
	if err := t.seal(); err != nil {
		return "", writeError(err)
	}
	name, err := t.place(dir, tg)
	switch {
	case err == nil:
		return name, nil
	case errors.Is(err, errNoFreeName):
		return "", err
	case t.name == "" && unnamedFailed():
		// This system cannot name an unnamed file (no /proc, a sandbox, a
		// file system that refuses): from now on copies are written under
		// a temporary name, and this one again, from the bytes just
		// checked.
		return writeAs(dir, [][]byte{back}, tg, syncNow, check, nil)
	}
	return "", fmt.Errorf("cannot save %s: %w", DisplayName(name), plainOSError(err))
}

// writeChecked writes parts to the copy, reads them back and checks them,
// syncing meanwhile when syncNow is set, and returns the bytes read back.
func (t *tempFile) writeChecked(parts [][]byte, syncNow bool, check func([]byte) error, scratch []byte) ([]byte, error) {
	size, err := writeAll(t.f, parts)
	if err != nil {
		return nil, writeError(err)
	}
	var synced chan error
	if syncNow {
		synced = make(chan error, 1)
		go func() { synced <- t.f.Sync() }()
	}
	back, rerr := readBack(t.f, size, scratch)
	var cerr error
	if rerr == nil {
		cerr = check(back)
	}
	if synced != nil {
		if err := <-synced; err != nil {
			return nil, writeError(err)
		}
	}
	switch {
	case rerr != nil:
		return nil, fmt.Errorf("the clean copy could not be read back: %w", plainOSError(rerr))
	case cerr != nil:
		return nil, fmt.Errorf("the clean copy failed its check and was removed: %w", cerr)
	}
	return back, nil
}

// errNoFreeName: every name tried is taken.
var errNoFreeName = errors.New("no free file name for the clean copy")

// place gives the checked copy its name, as tg says, and returns it.
func (t *tempFile) place(dir string, tg target) (string, error) {
	if tg.over != "" {
		return tg.over, t.replace(tg.over)
	}
	for i, tries := 0, 0; tries < maxNameTries; i, tries = i+1, tries+1 {
		if i == quickTries {
			i = firstFree(dir, tg.next, i) // many copies already: skip them all at once
		}
		name := tg.next(i)
		if err := t.claim(name); !errors.Is(err, fs.ErrExist) {
			return name, err
		}
	}
	return "", errNoFreeName
}

// quickTries is how many names are tried one by one before the folder is
// listed to skip the names already taken: cleaning a photo for the
// thousandth time costs one listing, not a thousand links.
const quickTries = 4

// firstFree returns the first index from i whose name (next(i)) is not in
// dir as it is listed now, or i when dir cannot be listed. Another program
// may take that name before it is claimed: the claim then fails and the
// search goes on from there.
func firstFree(dir string, next func(i int) string, i int) int {
	d, err := os.Open(dir)
	if err != nil {
		return i
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return i
	}
	taken := make(map[string]bool, len(names))
	for _, n := range names {
		taken[n] = true
	}
	for taken[filepath.Base(next(i))] && i < maxNameIndex {
		i++
	}
	return i
}

// maxNameIndex bounds the numbers firstFree skips to.
const maxNameIndex = 1 << 20

// writeChunk is how much is written before the disk is asked to start.
const writeChunk = 1 << 20

// writeAll writes parts one after the other and returns how many bytes
// that was. A small copy goes in one call; a large one a chunk at a time,
// the disk starting on each full chunk as soon as it is in the page cache
// while the next is copied there, so that the sync that follows waits only
// for the rest. (Starting the disk costs a round trip to it: for the small
// files of a batch, the one sync at its end does better.)
func writeAll(f *os.File, parts [][]byte) (int, error) {
	size := 0
	for _, p := range parts {
		size += len(p)
	}
	if size < writeChunk {
		return size, writeParts(f, parts)
	}
	off := 0
	for _, p := range parts {
		for len(p) > 0 {
			n := min(len(p), writeChunk)
			if _, err := f.Write(p[:n]); err != nil {
				return off, err
			}
			if n == writeChunk {
				startWriteback(f, off, n)
			}
			off += n
			p = p[n:]
		}
	}
	return size, nil
}

func writeError(err error) error {
	return fmt.Errorf("cannot write the clean copy: %w", plainOSError(err))
}

// readBack reads the size bytes just written, and fails if the file holds
// any other number of bytes.
func readBack(f *os.File, size int, scratch []byte) ([]byte, error) {
	buf := scratch[:0]
	if cap(buf) < size+1 {
		buf = make([]byte, size+1)
	}
	buf = buf[:size+1]
	n, err := readAtMost(f, buf, 0)
	if err != nil {
		return nil, err
	}
	if n != size {
		return nil, fmt.Errorf("%d bytes were written but %d are on disk", size, n)
	}
	return buf[:n], nil
}

// tempFile is a copy being written: unnamed, or under a temporary name.
type tempFile struct {
	f      *os.File
	name   string // the temporary name; "" for an unnamed file
	closed bool
}

// createNamedTemp makes a hidden temporary file in dir (mode 0600), locked
// while it is written, after sweeping the folder of those a killed run
// left (see sweepStale).
func createNamedTemp(dir string) (*tempFile, error) {
	sweepStale(dir)
	f, err := os.CreateTemp(dir, ".veil-*.tmp")
	if err != nil {
		return nil, err
	}
	lockTemp(f)
	return &tempFile{f: f, name: f.Name()}, nil
}

// seal closes a named temporary file before it is linked or renamed on
// Windows, which renames no open file. Elsewhere it stays open, and
// locked, until it is claimed and its temporary name removed, as an
// unnamed one stays open until claimed.
func (t *tempFile) seal() error {
	if t.name == "" || runtime.GOOS != "windows" {
		return nil
	}
	t.closed = true
	return t.f.Close()
}

// claim gives the copy the name final unless final exists.
func (t *tempFile) claim(final string) error {
	if t.name == "" {
		return linkUnnamed(t.f, final)
	}
	err := os.Link(t.name, final)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// No hard links here: check, then rename. Racy only against another
	// program creating the same name in the same instant.
	if _, serr := os.Lstat(final); serr == nil {
		return fs.ErrExist
	}
	return os.Rename(t.name, final)
}

// replace gives the copy the name final, replacing the file there in one
// step (rename(2)): at every moment final is either the old copy or the
// new one, whole. An unnamed copy is first linked under a hidden
// temporary name in the same folder.
func (t *tempFile) replace(final string) error {
	if t.name == "" {
		tmp := filepath.Join(filepath.Dir(final), ".veil-"+randomStem()+".tmp")
		if err := linkUnnamed(t.f, tmp); err != nil {
			return err
		}
		t.name = tmp
	}
	if err := os.Rename(t.name, final); err != nil {
		return err
	}
	t.name = "" // nothing left to remove
	return nil
}

// discard closes the file and removes its temporary name, if it still has
// one (after a rename it has not).
func (t *tempFile) discard() {
	if t.name != "" {
		os.Remove(t.name) // while still locked: no sweep of another run sees it
	}
	if !t.closed {
		t.f.Close()
	}
}

// syncFile flushes one file, where there is no syncfs.
//
//lint:ignore U1000 used by sync_other.go, on systems without syncfs(2)
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
