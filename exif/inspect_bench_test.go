package exif

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkInspectEveryFixture inspects every fixture of testdata: the
// cost of listing findings, words included.
func BenchmarkInspectEveryFixture(b *testing.B) {
	paths, _ := filepath.Glob("testdata/*/*")
	var files [][]byte
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			files = append(files, data)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			Inspect(data)
		}
	}
}
