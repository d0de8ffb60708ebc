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

// TestARotatedAVIFBecomesACleanUprightJPEG cleans an AVIF with GPS, camera
// and XMP items and a rotation box (irot, a quarter turn clockwise) with no
// edits at all: the copy is a JPEG, upright, verified, with nothing left
// that gives anything away.
func TestARotatedAVIFBecomesACleanUprightJPEG(t *testing.T) {
	data, err := os.ReadFile("../../exif/testdata/avif/rotated.avif")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "photo.avif")
	os.WriteFile(src, data, 0o600)
	code, out, errs := run(t, "clean", src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	clean, err := os.ReadFile(filepath.Join(dir, "photo-clean.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bytes.ToUpper(clean), []byte("VEIL-MARKER")) {
		t.Error("a marker survived")
	}
	exiftooltest.Check(t, clean)
	info, err := exif.Inspect(clean)
	if err != nil || info.Format != exif.JPEG || info.Orientation != 1 || len(info.Findings) > 0 {
		t.Fatalf("got %+v, %v", info, err)
	}
	img, err := jpeg.Decode(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	// 128×192 upright: red on the right, blue on the left.
	if b := img.Bounds(); b.Dx() != 128 || b.Dy() != 192 {
		t.Fatalf("size %v, want 128×192", b.Size())
	}
	r, _, bl, _ := img.At(120, 96).RGBA()
	r2, _, bl2, _ := img.At(8, 96).RGBA()
	if r < bl || bl2 < r2 {
		t.Errorf("not upright: right %x/%x, left %x/%x (red/blue)", r, bl, r2, bl2)
	}
}
