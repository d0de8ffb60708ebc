package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"veil/exif"
	"veil/exif/exiftooltest"
	"veil/redact"
)

// copyFixture copies an exif testdata file into a fresh folder.
func copyFixture(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "exif", "testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, t.TempDir(), filepath.Base(rel), data)
}

func TestEditedSaves(t *testing.T) {
	tests := []struct {
		name, fixture, wantExt string
		wantFormat             exif.Format
	}{
		{"a JPEG stays JPEG", "jpeg/exif-gps-thumbnail.jpg", ".jpg", exif.JPEG},
		{"a sideways JPEG stays JPEG", "jpeg/orientation-6.jpg", ".jpg", exif.JPEG},
		{"a PNG stays PNG", "png/itxt-xmp.png", ".png", exif.PNG},
		{"a WebP stays WebP", "webp/lossy-exif-xmp.webp", ".webp", exif.WebP},
		{"a GIF becomes PNG", "gif/comment-extension.gif", ".png", exif.PNG},
		{"a HEIC becomes JPEG", "heic/iphone-style.heic", ".jpg", exif.JPEG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Open(copyFixture(t, tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			img, err := p.Image()
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			crop := image.Rect(1, 2, b.Dx()-1, b.Dy()-3)
			r := p.Save(Edits{Regions: []redact.Region{{Rect: image.Rect(2, 3, 9, 9), Shape: redact.Ellipse, Style: redact.Fill}}, Crop: crop}, Settings{})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if filepath.Ext(r.Output) != tt.wantExt || r.Lossless {
				t.Errorf("output %s lossless %v", r.Output, r.Lossless)
			}
			out, _ := os.ReadFile(r.Output)
			info, err := exif.Inspect(out)
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != tt.wantFormat || info.Width != crop.Dx() || info.Height != crop.Dy() || info.Orientation != 1 {
				t.Errorf("got %s %dx%d orientation %d, want %s %dx%d upright", info.Format, info.Width, info.Height, info.Orientation, tt.wantFormat, crop.Dx(), crop.Dy())
			}
			if bytes.Contains(bytes.ToUpper(out), []byte("VEIL-MARKER")) {
				t.Error("a marker survived the edit")
			}
			exiftooltest.Check(t, out)
		})
	}
}

func TestAnEditedSidewaysPhotoIsCoveredWhereThePersonSawIt(t *testing.T) {
	p, err := Open(copyFixture(t, "jpeg/orientation-6.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	img, _ := p.Image()
	b := img.Bounds()
	area := image.Rect(0, 0, b.Dx()/2, b.Dy()/2) // the upright top-left quarter
	r := p.Save(Edits{Regions: []redact.Region{{Rect: area, Style: redact.Fill}}}, Settings{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	f, _ := os.Open(r.Output)
	defer f.Close()
	out, err := jpeg.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if out.Bounds().Size() != b.Size() {
		t.Fatalf("size %v, want the upright %v", out.Bounds().Size(), b.Size())
	}
	cr, cg, cb, _ := out.At(area.Dx()/2, area.Dy()/2).RGBA()
	fr, fg, fb := uint32(redact.DefaultFillColor.R)*0x101, uint32(redact.DefaultFillColor.G)*0x101, uint32(redact.DefaultFillColor.B)*0x101
	if diff(cr, fr) > 0x1000 || diff(cg, fg) > 0x1000 || diff(cb, fb) > 0x1000 {
		t.Errorf("the upright top-left is not covered: %x %x %x", cr, cg, cb)
	}
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestEditedCopiesKeepTheColourProfileUnlessDropped(t *testing.T) {
	for _, fixture := range []string{"jpeg/icc-profile.jpg", "png/iccp.png", "webp/lossless-icc.webp"} {
		t.Run(fixture, func(t *testing.T) {
			src := copyFixture(t, fixture)
			p, err := Open(src)
			if err != nil {
				t.Fatal(err)
			}
			want := exif.Profile(p.data)
			if want == nil {
				t.Fatal("the fixture has no profile")
			}
			edit := Edits{Regions: []redact.Region{{Rect: image.Rect(0, 0, 4, 4), Style: redact.Blur}}}
			for _, drop := range []bool{false, true} {
				r := p.Save(edit, Settings{DropICC: drop})
				if r.Err != nil {
					t.Fatal(r.Err)
				}
				out, _ := os.ReadFile(r.Output)
				got := exif.Profile(out)
				if drop && got != nil || !drop && !bytes.Equal(got, want) {
					t.Errorf("DropICC %v: profile of %d bytes, want %d", drop, len(got), len(want))
				}
			}
		})
	}
}

func TestAnEditedAnimationIsAStillPictureAndAPlainCleanKeepsItWhole(t *testing.T) {
	tests := []struct {
		fixture    string
		wantFormat exif.Format
	}{
		{"gif/animated-loop.gif", exif.PNG},
		{"webp/animated-two-frames.webp", exif.WebP},
		{"png/apng-two-frames.png", exif.PNG},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			p, err := Open(copyFixture(t, tt.fixture))
			if err != nil || !p.Animated() {
				t.Fatalf("%v, animated %v", err, err == nil && p.Animated())
			}
			for _, e := range []Edits{{Crop: image.Rect(0, 0, 4, 4)}, {}} {
				r := p.Save(e, Settings{})
				if r.Err != nil {
					t.Fatal(r.Err)
				}
				out, _ := os.ReadFile(r.Output)
				info, err := exif.Inspect(out)
				if err != nil {
					t.Fatal(err)
				}
				edited := !e.IsZero()
				if r.Still != edited || info.Animated == edited || edited && info.Format != tt.wantFormat {
					t.Errorf("edited %v: Still %v, copy %v animated %v", edited, r.Still, info.Format, info.Animated)
				}
			}
		})
	}
}
