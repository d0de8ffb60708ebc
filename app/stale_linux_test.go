package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

// The temporary file a killed run left is removed by the next run that
// writes a named temporary in that folder; one a live writer holds, and
// files that only look alike, are left.
func TestStaleTemporariesOfAKilledRunAreRemoved(t *testing.T) {
	defer namedTemporariesOnly()()
	dir := t.TempDir()
	writeFile(t, dir, ".veil-123456.tmp", []byte("half a photo")) // a killed run's
	writeFile(t, dir, ".veil-notes.tmp", []byte("not ours"))
	writeFile(t, dir, "veil-42.tmp", []byte("not hidden: not ours"))
	live := writeFile(t, dir, ".veil-777.tmp", []byte("being written"))
	f, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		t.Skip("no locks here:", err)
	}
	if _, err := writeNew(dir, [][]byte{[]byte("x")}, candidateNames(filepath.Join(dir, "a.jpg"), dir, ".jpg", false), false, pass, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{".veil-777.tmp", ".veil-notes.tmp", "a-clean.jpg", "veil-42.tmp"}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}

// A copy being written holds its lock until it has its name: a sweep of
// another run in the same folder at that moment leaves it alone.
func TestATemporaryBeingWrittenIsNotSwept(t *testing.T) {
	defer namedTemporariesOnly()()
	dir := t.TempDir()
	check := func([]byte) error {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			removeIfAbandoned(filepath.Join(dir, e.Name()))
		}
		return nil
	}
	got, err := writeNew(dir, [][]byte{[]byte("x")}, candidateNames(filepath.Join(dir, "a.jpg"), dir, ".jpg", false), false, check, nil)
	if err != nil {
		t.Fatalf("a sweep during the write broke it: %v", err)
	}
	if b, _ := os.ReadFile(got); string(b) != "x" {
		t.Errorf("%s holds %q", got, b)
	}
}
