package app

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"veil/redact"
)

// FuzzPhotoEdits feeds hostile files through the whole edited path: open,
// inspect, decode upright, cover, crop, encode, strip, write and verify.
// Nothing may panic, and whatever is written must be a verified copy.
func FuzzPhotoEdits(f *testing.F) {
	for _, dir := range []string{"jpeg", "png", "gif", "webp"} {
		files, _ := filepath.Glob(filepath.Join("..", "exif", "testdata", dir, "*"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		src := filepath.Join(dir, "p")
		if err := os.WriteFile(src, data, 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := Open(src)
		if err != nil {
			return
		}
		img, err := p.Image()
		if err != nil {
			return
		}
		b := img.Bounds()
		if b.Dx()*b.Dy() > 1<<22 {
			return // keep each run fast; size limits are exif's tests' business
		}
		e := Edits{Regions: []redact.Region{{Rect: image.Rect(0, 0, b.Dx()/2+1, b.Dy()/2+1), Shape: redact.Ellipse, Style: redact.Blur}}}
		if b.Dx() > 2 && b.Dy() > 2 {
			e.Crop = image.Rect(1, 1, b.Dx()-1, b.Dy()-1)
		}
		r := p.Save(e, Settings{})
		if r.Err == nil {
			if _, err := os.Stat(r.Output); err != nil {
				t.Fatalf("reported %s but it is not there", r.Output)
			}
		}
	})
}
