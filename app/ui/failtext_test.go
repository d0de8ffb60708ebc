package ui

import (
	"errors"
	"fmt"
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
