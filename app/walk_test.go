package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestExpandWalksFoldersForImages(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.JPG", "a.png", "notes.txt", ".hidden.jpg", "sub/c.webp", ".git/d.jpg"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	got := Expand([]string{dir, "given-by-name.txt"})
	want := []string{filepath.Join(dir, "a.png"), filepath.Join(dir, "b.JPG"), filepath.Join(dir, "sub/c.webp"), "given-by-name.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
