package app

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"veil/exif"
	"veil/redact"
)

// A JPEG whose EXIF block is damaged (a GPS pointer past its end) but whose
// IFD0 says Orientation 6 is cleaned standing up: the lossless copy keeps
// orientation 6, and an edited copy is turned upright.
func TestOrientationSurvivesADamagedEXIFBlock(t *testing.T) {
	data, err := os.ReadFile("../exif/testdata/jpeg/orientation-6-gps-pointer-past-end.jpg")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := exif.Inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	w, h := stored.Width, stored.Height
	src := writeFile(t, t.TempDir(), "sideways.jpg", data)
	cover := []redact.Region{{Rect: image.Rect(0, 0, 4, 4), Style: redact.Fill}}
	for _, tt := range []struct {
		name       string
		plan       Plan
		wantOrient int
		wantW      int
	}{
		{"a lossless clean keeps orientation 6", Plan{}, 6, w},
		{"an edited copy is turned upright", Plan{Regions: cover}, 1, h},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := CleanWith(src, Settings{OutDir: t.TempDir()}, tt.plan)
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if r.Width != h || r.Height != w {
				t.Errorf("reported %d×%d, want the upright %d×%d", r.Width, r.Height, h, w)
			}
			out, _ := os.ReadFile(r.Output)
			info, err := exif.Inspect(out)
			if err != nil || info.Orientation != tt.wantOrient || info.Width != tt.wantW {
				t.Errorf("%s: %v, orientation %d, stored width %d", filepath.Base(r.Output), err, info.Orientation, info.Width)
			}
		})
	}
}
