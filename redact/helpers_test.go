package redact

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// testPhoto returns a w×h image that looks a little like a photo: smooth
// gradients, a few hard edges and some texture, so that rings differ from
// side to side. Its origin is at origin.
func testPhoto(w, h int, origin image.Point) *image.NRGBA {
	img := image.NewNRGBA(image.Rectangle{origin, origin.Add(image.Pt(w, h))})
	for y := range h {
		for x := range w {
			r := uint8(40 + 180*x/max(1, w))
			g := uint8(30 + 160*y/max(1, h))
			b := uint8(90 + 60*((x/7+y/5)%3))
			if (x/11+y/13)%4 == 0 {
				r, g = g, r
			}
			img.SetNRGBA(origin.X+x, origin.Y+y, color.NRGBA{r, g, b, 255})
		}
	}
	return img
}

// scrambled returns a copy of img in which every pixel that any region
// Contains is replaced with random bytes (alpha included) from seed. It uses
// only the public per-pixel test, independently of how Apply walks regions.
func scrambled(img *image.NRGBA, regions []Region, seed uint64) *image.NRGBA {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	out := cloneNRGBA(img)
	b := out.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			for _, r := range regions {
				if r.Contains(image.Pt(x, y)) {
					i := out.PixOffset(x, y)
					v := rng.Uint32()
					out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = uint8(v), uint8(v>>8), uint8(v>>16), uint8(v>>24)
					break
				}
			}
		}
	}
	return out
}

func cloneNRGBA(img *image.NRGBA) *image.NRGBA {
	out := *img
	out.Pix = bytes.Clone(img.Pix)
	return &out
}

func covered(regions []Region, pt image.Point) bool {
	for _, r := range regions {
		if r.Contains(pt) {
			return true
		}
	}
	return false
}

func pngBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatalf("png.Encode: %v", err)
	}
	return buf.Bytes()
}

// firstDiff returns the first pixel where a and b differ, for messages.
func firstDiff(a, b *image.NRGBA) (image.Point, bool) {
	if a.Rect != b.Rect {
		return a.Rect.Min, true
	}
	for y := a.Rect.Min.Y; y < a.Rect.Max.Y; y++ {
		for x := a.Rect.Min.X; x < a.Rect.Max.X; x++ {
			if a.NRGBAAt(x, y) != b.NRGBAAt(x, y) {
				return image.Pt(x, y), true
			}
		}
	}
	return image.Point{}, false
}
