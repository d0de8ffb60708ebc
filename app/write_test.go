package app

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

func TestWriteNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	names := candidateNames(filepath.Join(dir, "a.jpg"), dir, ".jpg", false)
	writeFile(t, dir, "a-clean.jpg", []byte("theirs"))
	got, err := writeNew(dir, []byte("ours"), names, true)
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
}

func TestWriteNewLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	names := candidateNames(filepath.Join(dir, "a.png"), dir, ".png", false)
	if _, err := writeNew(dir, []byte("x"), names, false); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"a-clean.png"}) {
		t.Errorf("folder holds %v, want only a-clean.png", got)
	}
}

func TestWriteNewGivesOwnerOnlyMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	dir := t.TempDir()
	got, err := writeNew(dir, []byte("x"), candidateNames("a.gif", dir, ".gif", false), true)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(got)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}

func TestWriteNewFailsInAMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	if _, err := writeNew(dir, []byte("x"), candidateNames("a.jpg", dir, ".jpg", false), true); err == nil {
		t.Fatal("wrote into a folder that does not exist")
	}
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
