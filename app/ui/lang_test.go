package ui

import (
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestEveryStringIsTranslated scans the package's Go files (the editor's
// too) for lang.L keys and checks that English and Spanish have each one,
// with the same template fields.
func TestEveryStringIsTranslated(t *testing.T) {
	keys := langKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found only %d keys: the scan is broken", len(keys))
	}
	field := regexp.MustCompile(`\{\{\s*\.[A-Za-z]+\s*\}\}`)
	for _, file := range []string{"en.json", "es.json"} {
		tr := readTranslations(t, file)
		for k, where := range keys {
			v, ok := tr[k]
			if !ok {
				t.Errorf("%s has no entry for %q (%s)", file, k, where)
				continue
			}
			if a, b := field.FindAllString(k, -1), field.FindAllString(v, -1); len(a) != len(b) {
				t.Errorf("%s: %q keeps %v of the fields %v", file, v, b, a)
			}
		}
	}
}

// langKeys returns every literal key of lang.L in the package, with where
// it was found.
func langKeys(t *testing.T) map[string]string {
	t.Helper()
	call := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	files, _ := filepath.Glob("*.go")
	keys := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %s: %v", f, m[1], err)
			}
			keys[k] = f
		}
	}
	return keys
}

func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// writeGoldenImage writes a rendered golden (with -update).
func writeGoldenImage(t *testing.T, path string, img image.Image) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
