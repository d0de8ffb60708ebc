package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"

	"veil/app/internal/fixture"
	"veil/exif/exiftooltest"
	"veil/redact"
)

// photo is an upright test picture with gradients and texture, 203×157 so
// that neither side is a multiple of the JPEG block size.
func photo() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 203, 157))
	for y := range 157 {
		for x := range 203 {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y + x/3), uint8(90 + 40*((x/7+y/5)%3)), 255})
		}
	}
	return img
}

// scramble replaces every pixel the region covers with random colours.
func scramble(img *image.NRGBA, r redact.Region, seed uint64) *image.NRGBA {
	out := imaging.Clone(img)
	rng := rand.New(rand.NewPCG(seed, 1))
	for y := range out.Rect.Dy() {
		for x := range out.Rect.Dx() {
			if r.Contains(image.Pt(x, y)) {
				out.SetNRGBA(x, y, color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255})
			}
		}
	}
	return out
}

// encodeJPEG stores an upright picture as a camera would with EXIF
// orientation o (1 or 6): for 6, the stored pixels are turned a quarter
// counter-clockwise and an Orientation-only EXIF block says to turn them back.
func encodeJPEG(t *testing.T, upright *image.NRGBA, o int) []byte {
	t.Helper()
	stored := image.Image(upright)
	if o == 6 {
		stored = imaging.Rotate90(upright)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, stored, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	if o == 1 {
		return buf.Bytes()
	}
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08" + // big-endian TIFF header, IFD0 at 8
		"\x00\x01" + // one entry
		"\x01\x12\x00\x03\x00\x00\x00\x01") // Orientation, SHORT, count 1
	tiff = binary.BigEndian.AppendUint16(tiff, uint16(o))
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // value padding, next IFD 0
	var out bytes.Buffer
	out.Write(buf.Bytes()[:2])
	fixture.Segment(&out, 0xE1, append([]byte("Exif\x00\x00"), tiff...))
	out.Write(buf.Bytes()[2:])
	return out.Bytes()
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCoversCarryNothingOfWhatTheyCover is the promise of the redaction
// issue, through the command line: two photos that differ only inside a
// covered area give byte-identical clean copies, for every style and shape,
// as JPEG (upright and stored sideways) and as PNG.
func TestCoversCarryNothingOfWhatTheyCover(t *testing.T) {
	base := photo()
	for _, kind := range []string{"jpeg", "jpeg-orientation-6", "png"} {
		for _, shape := range []redact.Shape{redact.Rect, redact.Ellipse} {
			for _, style := range []redact.Style{redact.Fill, redact.Blur, redact.Pixelate} {
				name := fmt.Sprintf("%s %v %v", kind, shape, style)
				t.Run(name, func(t *testing.T) {
					r := redact.Region{Rect: image.Rect(40, 30, 110, 90), Shape: shape, Style: style}
					arg := fmt.Sprintf("40,30,70,60:%v:%v", style, shape)
					var outs [][]byte
					for seed := range uint64(2) {
						img := scramble(base, r, seed)
						var data []byte
						ext := ".jpg"
						switch kind {
						case "jpeg":
							data = encodeJPEG(t, img, 1)
						case "jpeg-orientation-6":
							data = encodeJPEG(t, img, 6)
						default:
							data, ext = encodePNG(t, img), ".png"
						}
						dir := t.TempDir()
						src := filepath.Join(dir, "p"+ext)
						os.WriteFile(src, data, 0o600)
						if code, _, errs := run(t, "clean", "--region", arg, src); code != ExitOK {
							t.Fatalf("exit %d: %s", code, errs)
						}
						out, err := os.ReadFile(filepath.Join(dir, "p-clean"+ext))
						if err != nil {
							t.Fatal(err)
						}
						outs = append(outs, out)
					}
					if !bytes.Equal(outs[0], outs[1]) {
						t.Error("the clean copies differ: something of the covered area got through")
					}
					exiftooltest.Check(t, outs[0])
				})
			}
		}
	}
}
