package exif

import (
	"bytes"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/webp"
)

// The corpus test holds every fixture in testdata to Veil's promises, whatever
// its container: files named bad-* are refused; every other file is
// stripped, and the result keeps nothing outside the keep-list (no
// VEIL-MARKER byte string, Verify passes, the exiftool oracle agrees), is
// stable (stripping twice changes nothing), decodes to the same pixels and
// keeps the orientation. Each handler's own tests add the details.

func corpusFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"jpeg", "png", "webp", "gif"} {
		m, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, f := range m {
			switch strings.ToLower(filepath.Ext(f)) {
			case ".jpg", ".jpeg", ".png", ".webp", ".gif":
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata")
	}
	return files
}

func TestCorpusKeepsEveryPromise(t *testing.T) {
	for _, f := range corpusFiles(t) {
		name := filepath.Base(f)
		t.Run(filepath.Base(filepath.Dir(f))+"/"+name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(name, "bad-") {
				if out, err := Strip(in, Options{}); err == nil {
					t.Fatalf("a malformed file was cleaned into %d bytes", len(out))
				}
				return
			}
			for _, opt := range []Options{{}, {DropICC: true}} {
				checkStripped(t, in, opt)
			}
		})
	}
}

func checkStripped(t *testing.T, in []byte, opt Options) {
	t.Helper()
	out, err := Strip(in, opt)
	if err != nil {
		t.Fatalf("strip (%+v): %v", opt, err)
	}
	if i := bytes.Index(bytes.ToUpper(out), []byte("VEIL-MARKER")); i >= 0 {
		t.Errorf("marker left at byte %d", i)
	}
	parts, err := StripParts(in, mustInspect(t, in), opt)
	if err != nil || !bytes.Equal(bytes.Join(parts, nil), out) {
		t.Errorf("StripParts differs from Strip (err %v)", err)
	}
	if err := Verify(out, opt); err != nil {
		t.Errorf("verify: %v", err)
	}
	again, err := Strip(out, opt)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("stripping twice changed the file (err %v)", err)
	}
	a, b := mustInspect(t, in), mustInspect(t, out)
	if a.Orientation != b.Orientation || a.Width != b.Width || a.Height != b.Height || a.Animated != b.Animated {
		t.Errorf("orientation/size changed: %d %dx%d -> %d %dx%d", a.Orientation, a.Width, a.Height, b.Orientation, b.Width, b.Height)
	}
	comparePixels(t, a.Format, in, out)
	if opt == (Options{}) {
		checkOracle(t, out)
	}
}

func mustInspect(t *testing.T, data []byte) *Info {
	t.Helper()
	info, err := Inspect(data)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return info
}

// comparePixels decodes both files with the standard decoders and requires
// identical pixels (every frame, for GIF).
func comparePixels(t *testing.T, f Format, in, out []byte) {
	t.Helper()
	if f == GIF {
		ga, err1 := gif.DecodeAll(bytes.NewReader(in))
		gb, err2 := gif.DecodeAll(bytes.NewReader(out))
		if err1 != nil || err2 != nil {
			t.Fatalf("decode: %v / %v", err1, err2)
		}
		if len(ga.Image) != len(gb.Image) {
			t.Fatalf("%d frames became %d", len(ga.Image), len(gb.Image))
		}
		for i := range ga.Image {
			if !samePixels(ga.Image[i], gb.Image[i]) {
				t.Errorf("frame %d changed", i)
			}
		}
		return
	}
	decode := map[Format]func([]byte) (image.Image, error){
		JPEG: func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) },
		PNG:  func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) },
		WebP: func(b []byte) (image.Image, error) { return webp.Decode(bytes.NewReader(b)) },
	}[f]
	ia, err := decode(in)
	if err != nil {
		t.Logf("the standard decoder cannot read the input (%v): pixels not compared", err)
		return
	}
	ib, err := decode(out)
	if err != nil {
		t.Fatalf("the output does not decode: %v", err)
	}
	if !samePixels(ia, ib) {
		t.Error("decoded pixels differ")
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	ra, rb := image.NewNRGBA64(a.Bounds()), image.NewNRGBA64(b.Bounds())
	draw.Draw(ra, ra.Rect, a, a.Bounds().Min, draw.Src)
	draw.Draw(rb, rb.Rect, b, b.Bounds().Min, draw.Src)
	return bytes.Equal(ra.Pix, rb.Pix)
}
