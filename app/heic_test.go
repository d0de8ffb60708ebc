package app

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gen2brain/heic"

	"veil/exif"
)

func readHEICFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "exif", "testdata", "heic", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// isRed and isBlue allow for HEVC's lossy colours.
func isRed(c [3]uint32) bool  { return c[0] > 200 && c[1] < 60 && c[2] < 60 }
func isBlue(c [3]uint32) bool { return c[0] < 60 && c[1] < 60 && c[2] > 200 }

func rgbAt(img image.Image, x, y int) [3]uint32 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// The fixtures are 192×128, red above and blue below, as stored. The
// iPhone-style one carries irot (a quarter turn clockwise) and EXIF
// Orientation 6; upright it is 128×192, red on the right.
func TestDecodeHEICGivesTheUprightPicture(t *testing.T) {
	tests := []struct {
		name, file string
		w, h       int
		red, blue  image.Point
	}{
		{"irot turns the picture a quarter turn clockwise", "iphone-style.heic", 128, 192, image.Pt(110, 96), image.Pt(18, 96)},
		{"EXIF Orientation 6 without irot leaves the picture as stored", "metadata.heic", 192, 128, image.Pt(96, 18), image.Pt(96, 110)},
		{"a picture without metadata decodes as stored", "plain.heic", 192, 128, image.Pt(96, 18), image.Pt(96, 110)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := readHEICFixture(t, tt.file)
			info, err := exif.Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			if info.Orientation != 1 {
				t.Fatalf("exif reports orientation %d: the app would turn the picture twice", info.Orientation)
			}
			img, err := decodeHEIC(data)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h || b.Dx() != info.Width || b.Dy() != info.Height {
				t.Fatalf("decoded %v, exif says %dx%d, want %dx%d", b, info.Width, info.Height, tt.w, tt.h)
			}
			if c := rgbAt(img, tt.red.X, tt.red.Y); !isRed(c) {
				t.Errorf("at %v: %v, want red", tt.red, c)
			}
			if c := rgbAt(img, tt.blue.X, tt.blue.Y); !isBlue(c) {
				t.Errorf("at %v: %v, want blue", tt.blue, c)
			}
		})
	}
}

func TestDecodeHEICRefusesWhatItCannotShow(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"a file whose picture lies outside it", readHEICFixture(t, "bad-extent-outside.heic"), nil},
		{"a file cut inside its image data", readHEICFixture(t, "bad-cut-mdat.heic"), nil},
		{"a grid of AV1 tiles", readHEICFixture(t, "bad-av1-tiles.heic"), exif.ErrUnsupported},
		{"a picture narrower than the decoder handles", readHEICFixture(t, "narrow.heic"), exif.ErrUnsupported},
		{"a JPEG", []byte("\xFF\xD8\xFF\xD9"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := decodeHEIC(tt.data)
			if err == nil {
				t.Fatalf("decoded %v", img.Bounds())
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestDecodeHEICUsesTheBuiltInDecoder checks that no system libheif was
// loaded: the WebAssembly build is the only one Veil trusts.
func TestDecodeHEICUsesTheBuiltInDecoder(t *testing.T) {
	if heic.Dynamic() == nil {
		t.Fatal("gen2brain/heic loaded a system libheif; build with -tags nodynamic")
	}
}

// TestDecodeHEICSurvivesEveryTruncation decodes every prefix of the
// iPhone-style fixture that exif accepts: each must decode or fail, never
// panic. Prefixes exif refuses never reach the decoder.
func TestDecodeHEICSurvivesEveryTruncation(t *testing.T) {
	data := readHEICFixture(t, "iphone-style.heic")
	decoded := 0
	for n := len(data) - 1; n > 0; n-- {
		if _, err := exif.Inspect(data[:n]); err != nil {
			continue
		}
		if _, err := decodeHEIC(data[:n]); err == nil {
			decoded++
		}
	}
	if decoded > 0 {
		t.Logf("%d truncated copies still decode", decoded)
	}
}

// BenchmarkDecodeHEIC decodes the fixture, or the file named by
// VEIL_HEIC_BENCH (for example a 12-megapixel photo).
func BenchmarkDecodeHEIC(b *testing.B) {
	data := readHEICFixture(b, "iphone-style.heic")
	if p := os.Getenv("VEIL_HEIC_BENCH"); p != "" {
		var err error
		if data, err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	if _, err := decodeHEIC(data); err != nil { // the first call compiles the WebAssembly
		b.Fatal(err)
	}
	b.Logf("first decode (with compilation): %v", time.Since(start))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := decodeHEIC(data); err != nil {
			b.Fatal(err)
		}
	}
}
