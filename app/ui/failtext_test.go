package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"veil/app"
	"veil/exif"
)

func TestFailuresAreExplainedInPlainWords(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a damaged file", &app.FileError{File: "a.jpg", Err: exif.FormatError{Format: exif.JPEG, Offset: -1, Reason: exif.Truncated, Detail: "jpeg: file ends inside entropy-coded data, before EOI"}},
			"Damaged or incomplete file: Veil cannot be sure to clean all of it, so it wrote nothing."},
		{"an unknown kind of file", &app.FileError{File: "a.txt", Err: fmt.Errorf("%w: not a JPEG, PNG, WebP, GIF or HEIC image", exif.ErrUnsupported)},
			"Not supported: not a JPEG"},
		{"a huge file", &app.FileError{File: "a.png", Err: fmt.Errorf("%w: 30000x30000 is 900 megapixels", exif.ErrTooLarge)},
			"Too large: 30000x30000"},
		{"a check that failed", &app.FileError{File: "a.jpg", Err: fmt.Errorf("the clean copy failed its check and was removed: %w", fmt.Errorf("%w: XMP (APP1)", exif.ErrNotClean))},
			"Failed: the clean copy failed its check and was removed"},
		{"a plain error", &app.FileError{File: "a.heic", Err: errors.New("this HEIC photo is damaged and cannot be read")},
			"Failed: this HEIC photo is damaged and cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := failText(tt.err)
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want it to start with %q", got, tt.want)
			}
			for _, jargon := range []string{"entropy-coded", "EOI", "jpeg:", "exif:", "app:", "a.jpg", "a.heic", "a.png"} {
				if strings.Contains(got, jargon) {
					t.Errorf("%q says %q", got, jargon)
				}
			}
		})
	}
}

// TestRefusalsAreWordedInTheWindowsLanguage drops a text file and a TIFF
// in Spanish and in French: each row gives the reason in that language,
// from its table, and none of the English one.
func TestRefusalsAreWordedInTheWindowsLanguage(t *testing.T) {
	files := map[string][]byte{
		"notes.txt": []byte("not a photo"),
		"scan.tif":  append([]byte("II*\x00\x08\x00\x00\x00"), make([]byte, 64)...),
	}
	for _, code := range []string{"es", "fr"} {
		t.Run("in "+code, func(t *testing.T) {
			v, _ := newTestShell(t)
			lang.Use(code) // as the Settings would
			t.Cleanup(func() { lang.Use("") })
			dir := t.TempDir()
			var paths []string
			for name, data := range files {
				paths = append(paths, filepath.Join(dir, name))
				os.WriteFile(paths[len(paths)-1], data, 0o600)
			}
			drop(v, paths...)
			if len(v.entries) != len(files) {
				t.Fatalf("%d rows for %d files", len(v.entries), len(files))
			}
			for _, e := range v.entries {
				checkRefusalWorded(t, code, e.statusText(), files[e.name()])
			}
		})
	}
}

// checkRefusalWorded fails when status does not give the refusal of data
// in language code, or gives any of its English.
func checkRefusalWorded(t *testing.T, code, status string, data []byte) {
	t.Helper()
	_, err := exif.Sniff(data)
	english, ok := exif.English.Refusal(err)
	if !ok {
		t.Fatalf("%v is no refusal", err)
	}
	want, _ := findingTables()[code].Refusal(err)
	if !strings.Contains(status, want) || strings.Contains(status, english) || want == english {
		t.Errorf("the row says %q, want %q and not %q", status, want, english)
	}
	if strings.HasPrefix(status, "Not supported") {
		t.Errorf("the row says %q: its prefix is English", status)
	}
}
