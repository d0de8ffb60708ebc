package exif

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"veil/exif/exiftooltest"
)

// Real writers: ExifTool (and ImageMagick, when installed) put metadata
// into the clean fixtures the way they do in the wild; Veil must find it,
// strip it and leave nothing the ExifTool oracle would report.

func TestPNGAndGIFStripWhatRealWritersWrite(t *testing.T) {
	tool := exiftooltest.Need(t)
	for _, tc := range []struct {
		name, fixture string
		args          []string
		orientation   int
	}{
		{"exiftool's EXIF, XMP and text in a PNG", "png/clean-gradient.png",
			[]string{"-EXIF:Artist=VEIL-MARKER", "-EXIF:Orientation#=6", "-XMP-dc:Creator=VEIL-MARKER",
				"-PNG:Comment=VEIL-MARKER", "-XMP-exif:GPSLatitude=48.8584", "-XMP-exif:GPSLatitudeRef=N"}, 6},
		{"exiftool's comment and XMP in a GIF", "gif/clean-still.gif",
			[]string{"-GIF:Comment=VEIL-MARKER", "-XMP-dc:Creator=VEIL-MARKER"}, 1},
		{"exiftool's XMP in an animated GIF", "gif/animated-loop.gif",
			[]string{"-XMP-dc:Title=VEIL-MARKER"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), filepath.Base(tc.fixture))
			in, err := os.ReadFile(filepath.Join("testdata", tc.fixture))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, in, 0o600); err != nil {
				t.Fatal(err)
			}
			args := append(append([]string{"-q", "-overwrite_original"}, tc.args...), f)
			if out, err := exec.Command(tool, args...).CombinedOutput(); err != nil {
				t.Fatalf("exiftool: %v: %s", err, out)
			}
			checkRealWriterFile(t, f, tc.orientation)
		})
	}
	t.Run("ImageMagick's profile text in a PNG", func(t *testing.T) {
		magick := "/usr/bin/convert" // the real ImageMagick, not a stand-in
		if runtime.GOOS != "linux" { // the path is Debian's; skipped elsewhere, in CI too
			t.Skip("ImageMagick at /usr/bin/convert is looked for on Linux only")
		}
		if _, err := os.Stat(magick); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("ImageMagick is required in CI (Debian package imagemagick)")
			}
			t.Skip("ImageMagick not installed")
		}
		dir := t.TempDir()
		jpg, png := filepath.Join(dir, "in.jpg"), filepath.Join(dir, "out.png")
		if out, err := exec.Command(magick, "-size", "16x12", "gradient:red-blue", jpg).CombinedOutput(); err != nil {
			t.Skipf("ImageMagick cannot write a JPEG here: %v: %s", err, out)
		}
		if out, err := exec.Command(tool, "-q", "-overwrite_original", "-EXIF:Artist=VEIL-MARKER",
			"-XMP-dc:Creator=VEIL-MARKER", jpg).CombinedOutput(); err != nil {
			t.Fatalf("exiftool: %v: %s", err, out)
		}
		if out, err := exec.Command(magick, jpg, png).CombinedOutput(); err != nil {
			t.Fatalf("convert: %v: %s", err, out)
		}
		checkRealWriterFile(t, png, 1)
	})
}

// checkRealWriterFile requires that Veil lists the marker, strips the file
// to the keep-list and that the oracle finds nothing left.
func checkRealWriterFile(t *testing.T, file string, orientation int) {
	t.Helper()
	in, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(in)
	if err != nil {
		t.Fatalf("Inspect: %v", err)
	}
	if !strings.Contains(pgFindingsText(info.Findings), "VEIL-MARKER") {
		t.Errorf("findings do not show the marker: %+v", info.Findings)
	}
	if info.Orientation != orientation {
		t.Errorf("orientation = %d, want %d", info.Orientation, orientation)
	}
	out, err := Strip(in, Options{})
	if err != nil {
		t.Fatalf("Strip: %v", err)
	}
	if bytes.Contains(out, []byte("VEIL-MARKER")) {
		t.Error("the marker survived")
	}
	if got, err := Inspect(out); err != nil || got.Orientation != orientation {
		t.Errorf("clean orientation = %+v, %v", got, err)
	}
	checkOracle(t, out)
}
