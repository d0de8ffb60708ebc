package cli

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"veil/exif"
	"veil/exif/exiftooltest"
)

// TestAnIPhonePhotoBecomesACleanUprightJPEG cleans an iPhone-style HEIC
// (GPS, XMP, EXIF orientation, a rotation box, a thumbnail, a colour profile)
// with no edits at all: the copy is a JPEG, upright, verified, with nothing
// but its colour profile left.
func TestAnIPhonePhotoBecomesACleanUprightJPEG(t *testing.T) {
	data, err := os.ReadFile("../../exif/testdata/heic/iphone-style.heic")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "IMG_0001.HEIC")
	os.WriteFile(src, data, 0o600)
	code, out, errs := run(t, "clean", "--json", src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	clean, err := os.ReadFile(filepath.Join(dir, "IMG_0001-clean.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bytes.ToUpper(clean), []byte("VEIL-MARKER")) {
		t.Error("a marker survived")
	}
	exiftooltest.Check(t, clean)
	info, err := exif.Inspect(clean)
	if err != nil || info.Format != exif.JPEG || info.Orientation != 1 {
		t.Fatalf("got %+v, %v", info, err)
	}
	for _, f := range info.Findings {
		if f.Label != "Colour profile" {
			t.Errorf("the clean copy still gives away %s: %s", f.Label, f.Value)
		}
	}
	img, err := jpeg.Decode(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	// The fixture is 128×192 upright, red on the right and blue on the left.
	if b := img.Bounds(); b.Dx() != 128 || b.Dy() != 192 {
		t.Fatalf("size %v, want 128×192", b.Size())
	}
	r, _, bl, _ := img.At(120, 96).RGBA()
	r2, _, bl2, _ := img.At(8, 96).RGBA()
	if r < bl || bl2 < r2 {
		t.Errorf("not upright: right %x/%x, left %x/%x (red/blue)", r, bl, r2, bl2)
	}
}
