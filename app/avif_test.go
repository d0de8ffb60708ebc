package app

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"veil/exif"
)

func readAVIFFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "exif", "testdata", "avif", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The fixtures are 192×128 as stored, red above and blue below.
func TestDecodeAVIFGivesThePictureAsShown(t *testing.T) {
	tests := []struct {
		name, file string
		w, h       int
		red, blue  image.Point
	}{
		{"a picture without transforms decodes as stored", "plain.avif", 192, 128, image.Pt(96, 18), image.Pt(96, 110)},
		{"metadata does not turn the picture", "metadata.avif", 192, 128, image.Pt(96, 18), image.Pt(96, 110)},
		{"irot 3 turns it a quarter turn clockwise", "rotated.avif", 128, 192, image.Pt(110, 96), image.Pt(18, 96)},
		// mirror-*.avif are red, green / blue, white quarters as stored.
		{"imir mode 0 exchanges top and bottom", "mirror-0.avif", 192, 128, image.Pt(20, 110), image.Pt(20, 20)},
		{"imir mode 1 exchanges left and right", "mirror-1.avif", 192, 128, image.Pt(170, 20), image.Pt(170, 110)},
		{"clap keeps the centre", "cropped.avif", 96, 64, image.Pt(48, 10), image.Pt(48, 54)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := readAVIFFixture(t, tt.file)
			info, err := exif.Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != exif.AVIF || info.Orientation != 1 || info.Width != tt.w || info.Height != tt.h {
				t.Fatalf("exif reports %+v", info)
			}
			img, err := decodeAVIF(data)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Fatalf("decoded %v, want %dx%d", b, tt.w, tt.h)
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

// TestDecodeAVIFCopiesEveryPixel decodes a flat grey picture: every pixel,
// the first ones included, must be grey.
func TestDecodeAVIFCopiesEveryPixel(t *testing.T) {
	img, err := decodeAVIF(readAVIFFixture(t, "grey.avif"))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			for _, v := range rgbAt(img, x, y) {
				if v < 120 || v > 136 {
					t.Fatalf("at (%d,%d): %v, want grey 128 within 8", x, y, rgbAt(img, x, y))
				}
			}
		}
	}
}

// TestDecodeAVIFNeverTrustsTheDeclaredSize lies about the stored size.
func TestDecodeAVIFNeverTrustsTheDeclaredSize(t *testing.T) {
	for _, s := range [][2]uint32{{4000, 3000}, {16000, 16}, {100, 100}, {193, 128}} {
		d := bytes.Clone(readAVIFFixture(t, "plain.avif"))
		i := bytes.Index(d, []byte("ispe"))
		binary.BigEndian.PutUint32(d[i+8:], s[0])
		binary.BigEndian.PutUint32(d[i+12:], s[1])
		img, err := decodeAVIF(d)
		if err == nil {
			t.Errorf("%v: decoded %v", s, img.Bounds())
			continue
		}
		if !errors.Is(err, errAVIFDamaged) || strings.Contains(err.Error(), "wasm") {
			t.Errorf("%v: error %q", s, err)
		}
	}
}

func TestHEIFOrientationMatchesTurnsThenMirror(t *testing.T) {
	tests := []struct {
		turns  int
		mirror exif.Mirror
		want   int
	}{
		{0, exif.NoMirror, 1}, {0, exif.MirrorLeftRight, 2}, {0, exif.MirrorTopBottom, 4},
		{1, exif.NoMirror, 8}, {1, exif.MirrorLeftRight, 7}, {1, exif.MirrorTopBottom, 5},
		{2, exif.NoMirror, 3}, {2, exif.MirrorLeftRight, 4}, {2, exif.MirrorTopBottom, 2},
		{3, exif.NoMirror, 6}, {3, exif.MirrorLeftRight, 5}, {3, exif.MirrorTopBottom, 7},
	}
	for _, tt := range tests {
		if got := heifOrientation(tt.turns, tt.mirror); got != tt.want {
			t.Errorf("%d turns, mirror %d: orientation %d, want %d", tt.turns, tt.mirror, got, tt.want)
		}
	}
}

// BenchmarkDecodeAVIF decodes the plain fixture, or the file named by
// VEIL_AVIF_BENCH (for example a 12-megapixel photo).
func BenchmarkDecodeAVIF(b *testing.B) {
	data := readAVIFFixture(b, "plain.avif")
	if p := os.Getenv("VEIL_AVIF_BENCH"); p != "" {
		var err error
		if data, err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	if _, err := decodeAVIF(data); err != nil { // the first call compiles the WebAssembly
		b.Fatal(err)
	}
	b.Logf("first decode (with compilation): %v", time.Since(start))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := decodeAVIF(data); err != nil {
			b.Fatal(err)
		}
	}
}
