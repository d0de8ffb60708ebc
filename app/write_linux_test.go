package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

// namedTemporariesOnly makes writeNew use named temporary files, as on
// file systems without O_TMPFILE, until the function it returns is called.
func namedTemporariesOnly() (restore func()) {
	saved := procFDs
	procFDs = func() bool { return false }
	return func() { procFDs = saved }
}

// A system that cannot give an unnamed file a name (no /proc, a sandbox)
// still gets its copy, written again under a temporary name, and every
// later copy is written that way from the start.
func TestWriteNewFallsBackWhenAnUnnamedFileCannotBeNamed(t *testing.T) {
	savedLink := linkUnnamed
	calls := 0
	linkUnnamed = func(*os.File, string) error { calls++; return unix.EPERM }
	defer func() { linkUnnamed = savedLink; noUnnamed.Store(false) }()
	dir := t.TempDir()
	for _, name := range []string{"a.jpg", "b.jpg"} {
		got, err := writeNew(dir, [][]byte{[]byte("SOI"), []byte("-image")}, candidateNames(filepath.Join(dir, name), dir, ".jpg", false), true, pass, nil)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(got); string(b) != "SOI-image" {
			t.Errorf("%s holds %q", got, b)
		}
	}
	if calls != 1 {
		t.Errorf("an unnamed file was tried %d times, want once", calls)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"a-clean.jpg", "b-clean.jpg"}) {
		t.Errorf("folder holds %v", got)
	}
}

// With thousands of copies already in the folder, the next name is found
// with a handful of links, not one link per copy.
func TestTheNextFreeNameIsFoundQuickly(t *testing.T) {
	dir := t.TempDir()
	names := candidateNames(filepath.Join(dir, "a.jpg"), dir, ".jpg", false)
	const taken = 3000
	for i := range taken {
		if err := os.WriteFile(names(i), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	savedLink := linkUnnamed
	links := 0
	linkUnnamed = func(f *os.File, final string) error { links++; return savedLink(f, final) }
	defer func() { linkUnnamed = savedLink }()
	got, err := writeNew(dir, [][]byte{[]byte("x")}, names, false, pass, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := names(taken); got != want {
		t.Errorf("saved as %s, want %s", got, want)
	}
	if links > quickTries+1 {
		t.Errorf("%d links were tried to skip %d copies", links, taken)
	}
}
