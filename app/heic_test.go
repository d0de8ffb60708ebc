package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gen2brain/heic"
	"github.com/tetratelabs/wazero"

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
		{"a picture narrower than libheif's 64-sample rows keeps its colours", "narrow.heic", 64, 48, image.Pt(2, 2), image.Pt(-1, -1)},
		{"an odd size cropped by the bitstream's conformance window decodes whole", "odd-size.heic", 201, 151, image.Pt(200, 10), image.Pt(200, 140)},
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
			if c := rgbAt(img, tt.blue.X, tt.blue.Y); tt.blue.X >= 0 && !isBlue(c) {
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
// loaded by gen2brain/heic's init: Veil runs only the WebAssembly build.
func TestDecodeHEICUsesTheBuiltInDecoder(t *testing.T) {
	if heic.Dynamic() == nil {
		t.Fatal("gen2brain/heic loaded a system libheif; build with -tags nodynamic")
	}
}

// setISPE rewrites the first ispe box of a HEIC file (ISO/IEC 23008-12
// §6.5.3: full box header, then width(32) and height(32)) to declare w×h.
func setISPE(t *testing.T, data []byte, w, h uint32) []byte {
	t.Helper()
	d := bytes.Clone(data)
	i := bytes.Index(d, []byte("ispe"))
	if i < 0 {
		t.Fatal("no ispe box")
	}
	binary.BigEndian.PutUint32(d[i+8:], w)
	binary.BigEndian.PutUint32(d[i+12:], h)
	return d
}

// TestDecodeHEICNeverTrustsTheDeclaredSize lies about the size of real
// pictures: larger (the decoder would copy rows from outside its planes),
// wider and flatter (it would return its own memory as pixels), smaller.
// Each is refused with the one plain sentence, never decoder internals.
func TestDecodeHEICNeverTrustsTheDeclaredSize(t *testing.T) {
	tests := []struct {
		name string
		file string
		w, h uint32
	}{
		{"4000×3000 declared on a 192×128 picture", "plain.heic", 4000, 3000},
		{"16000×16 declared on a 192×128 picture", "plain.heic", 16000, 16},
		{"a smaller size declared", "plain.heic", 100, 100},
		{"one pixel wider declared", "grey.heic", 257, 192},
		{"4000×3000 declared on a rotated picture", "iphone-style.heic", 4000, 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := decodeHEIC(setISPE(t, readHEICFixture(t, tt.file), tt.w, tt.h))
			if err == nil {
				t.Fatalf("decoded %v", img.Bounds())
			}
			if !errors.Is(err, errHEICDamaged) || strings.Contains(err.Error(), "wasm") {
				t.Errorf("error %q, want %q", err, errHEICDamaged)
			}
		})
	}
}

// TestDecodeHEICCopiesEveryPixel decodes a flat grey picture: every pixel,
// the first ones included (the decoder's allocator reuses freed memory),
// must be grey.
func TestDecodeHEICCopiesEveryPixel(t *testing.T) {
	img, err := decodeHEIC(readHEICFixture(t, "grey.heic"))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := rgbAt(img, x, y)
			for _, v := range c {
				if v < 120 || v > 136 {
					t.Fatalf("at (%d,%d): %v, want grey 128 within 8", x, y, c)
				}
			}
		}
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
		_, err := decodeHEIC(data[:n])
		if err == nil {
			decoded++
		} else if !errors.Is(err, errHEICDamaged) {
			t.Fatalf("cut at %d: %q, want %q", n, err, errHEICDamaged)
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

// BenchmarkCompileLibheif compiles the decoder's WebAssembly from nothing
// (what the first HEIC photo of a process waits for, unless WarmUp ran),
// and from a warm compilation cache on disk (what a cache would save).
func BenchmarkCompileLibheif(b *testing.B) {
	run := func(b *testing.B, cache func() wazero.CompilationCache) {
		for b.Loop() {
			e, err := compileLibheifWith(cache())
			if err != nil {
				b.Fatal(err)
			}
			e.rt.Close(context.Background())
		}
	}
	b.Run("no cache", func(b *testing.B) {
		run(b, func() wazero.CompilationCache { return nil })
	})
	b.Run("warm file cache", func(b *testing.B) {
		dir := b.TempDir()
		if _, err := compileLibheifWith(fileCache(b, dir)); err != nil { // fills the cache
			b.Fatal(err)
		}
		run(b, func() wazero.CompilationCache { return fileCache(b, dir) })
	})
}

func fileCache(b *testing.B, dir string) wazero.CompilationCache {
	c, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// TestWarmUpCompilesOnlyWhatThePhotosNeed: a window with no HEIC or AVIF
// photo carries no compiled decoder.
func TestWarmUpCompilesOnlyWhatThePhotosNeed(t *testing.T) {
	tests := []struct {
		name       string
		paths      []string
		heif, avif bool
	}{
		{"no photo", nil, false, false},
		{"JPEG and PNG need neither", []string{"a.jpg", "b.PNG"}, false, false},
		{"an iPhone photo needs libheif", []string{"a.jpg", "IMG_1.HEIC"}, true, false},
		{"a .heif too", []string{"x.heif"}, true, false},
		{"an AVIF needs libavif", []string{"x.avif"}, false, true},
		{"both", []string{"x.avif", "y.heic"}, true, true},
		{"a folder is not a photo", []string{"Photos"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if h, a := decodersFor(tt.paths); h != tt.heif || a != tt.avif {
				t.Errorf("decodersFor(%q) = %v, %v, want %v, %v", tt.paths, h, a, tt.heif, tt.avif)
			}
		})
	}
}

// TestBothDecodersCompile starts the background compilation a window asks
// for and waits for both engines.
func TestBothDecodersCompile(t *testing.T) {
	WarmUp("a.heic", "b.avif")
	for name, compiled := range map[string]func() (*wasmEngine, error){"libheif": libheifCompiled, "libavif": libavifCompiled} {
		if e, err := compiled(); err != nil || e == nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
