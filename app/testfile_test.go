package app

import (
	"os"
	"path/filepath"
	"testing"

	"veil/app/internal/fixture"
)

// jpegWithMetadata is a small JPEG with XMP and a comment holding the marker.
func jpegWithMetadata(t testing.TB) []byte { return fixture.JPEG() }

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
