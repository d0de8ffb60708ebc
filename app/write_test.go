package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// pass is a check that accepts every copy.
func pass([]byte) error { return nil }

// bothWays runs a test with unnamed temporary files (where the system has
// them) and with named ones, the fallback for other file systems.
func bothWays(t *testing.T, test func(t *testing.T)) {
	t.Run("default", test)
	t.Run("named temporary", func(t *testing.T) {
		defer namedTemporariesOnly()()
		test(t)
	})
}

func TestWriteNewNeverOverwrites(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		dir := t.TempDir()
		names := candidateNames(filepath.Join(dir, "a.jpg"), dir, ".jpg", false)
		writeFile(t, dir, "a-clean.jpg", []byte("theirs"))
		got, err := writeNew(dir, [][]byte{[]byte("ours")}, names, true, pass, nil)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(got) != "a-clean-2.jpg" {
			t.Errorf("wrote %s, want a-clean-2.jpg", filepath.Base(got))
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "a-clean.jpg")); string(b) != "theirs" {
			t.Errorf("existing file changed to %q", b)
		}
		if b, _ := os.ReadFile(got); string(b) != "ours" {
			t.Errorf("new file holds %q", b)
		}
	})
}

func TestWriteNewLeavesNoTemporaryFile(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		dir := t.TempDir()
		names := candidateNames(filepath.Join(dir, "a.png"), dir, ".png", false)
		if _, err := writeNew(dir, [][]byte{[]byte("x")}, names, false, pass, nil); err != nil {
			t.Fatal(err)
		}
		if got := dirNames(t, dir); !slices.Equal(got, []string{"a-clean.png"}) {
			t.Errorf("folder holds %v, want only a-clean.png", got)
		}
	})
}

func TestWriteNewGivesOwnerOnlyMode(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no Unix modes on Windows")
		}
		dir := t.TempDir()
		got, err := writeNew(dir, [][]byte{[]byte("x")}, candidateNames("a.gif", dir, ".gif", false), true, pass, nil)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(got)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", st.Mode().Perm())
		}
	})
}

func TestWriteNewFailsInAMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	if _, err := writeNew(dir, [][]byte{[]byte("x")}, candidateNames("a.jpg", dir, ".jpg", false), true, pass, nil); err == nil {
		t.Fatal("wrote into a folder that does not exist")
	}
}

func TestWriteNewNamesOnlyACheckedCopy(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		dir := t.TempDir()
		names := candidateNames(filepath.Join(dir, "a.jpg"), dir, ".jpg", false)
		var seen []string
		check := func(back []byte) error {
			if string(back) != "header+image" {
				t.Errorf("read back %q", back)
			}
			for _, n := range dirNames(t, dir) {
				if !strings.HasPrefix(n, ".veil-") {
					seen = append(seen, n)
				}
			}
			return errors.New("a tag was left")
		}
		_, err := writeNew(dir, [][]byte{[]byte("header+"), []byte("image")}, names, true, check, nil)
		if err == nil || !strings.Contains(err.Error(), "failed its check") {
			t.Fatalf("err = %v, want a failed check", err)
		}
		if len(seen) > 0 {
			t.Errorf("while it was checked the copy was already named %v", seen)
		}
		if got := dirNames(t, dir); len(got) > 0 {
			t.Errorf("a failed copy left %v", got)
		}
	})
}

// A batch reads each file into the buffer of the one before, and reads the
// copy back into it: the pieces written may be slices of that buffer.
func TestWriteNewReadsBackIntoScratch(t *testing.T) {
	bothWays(t, func(t *testing.T) {
		dir := t.TempDir()
		scratch := []byte("HEAD-the picture itself, byte for byte-TAIL")
		parts := [][]byte{[]byte("SOI:"), scratch[5:38]}
		want := bytes.Join(parts, nil)
		var got []byte
		check := func(back []byte) error {
			if &back[0] != &scratch[0] {
				t.Error("the copy was not read back into the scratch buffer")
			}
			got = bytes.Clone(back)
			return nil
		}
		out, err := writeNew(dir, parts, candidateNames("a.jpg", dir, ".jpg", false), false, check, scratch)
		if err != nil {
			t.Fatal(err)
		}
		if onDisk, _ := os.ReadFile(out); !bytes.Equal(onDisk, want) || !bytes.Equal(got, want) {
			t.Errorf("on disk %q, checked %q, want %q", onDisk, got, want)
		}
	})
}

func TestCandidateNames(t *testing.T) {
	tests := []struct {
		name string
		src  string
		i    int
		want string
	}{
		{"first try is NAME-clean.EXT", "/p/IMG_1.JPG", 0, "/out/IMG_1-clean.JPG"},
		{"second try counts from 2", "/p/IMG_1.JPG", 1, "/out/IMG_1-clean-2.JPG"},
		{"a name with dots keeps them", "/p/a.b.c.jpeg", 2, "/out/a.b.c-clean-3.JPG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := candidateNames(tt.src, "/out", ".JPG", false)(tt.i); got != filepath.FromSlash(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRandomNamesCarryNothingOfTheOriginal(t *testing.T) {
	next := candidateNames("/p/holiday-with-anna.jpg", "/out", ".jpg", true)
	a, b := filepath.Base(next(0)), filepath.Base(next(0))
	if a == b {
		t.Errorf("two random names are equal: %s", a)
	}
	if len(a) != len("0123456789abcdef.jpg") {
		t.Errorf("random name %q has an unexpected shape", a)
	}
}
