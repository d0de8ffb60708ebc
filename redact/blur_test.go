package redact

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"testing"
)

// solid returns a w×h image of one colour.
func solid(w, h int, c color.NRGBA) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && a.A == b.A
}

func TestBlurTakesItsColoursFromTheRing(t *testing.T) {
	red := color.NRGBA{200, 40, 40, 255}
	region := Region{image.Rect(20, 15, 60, 45), Ellipse, Blur}

	t.Run("a uniform surrounding gives its colour plus fine grain", func(t *testing.T) {
		src := solid(80, 60, red)
		// The interior is something else entirely; none of it may show.
		for y := 25; y < 35; y++ {
			for x := 30; x < 50; x++ {
				src.SetNRGBA(x, y, color.NRGBA{0, 255, 0, 255})
			}
		}
		out := Apply(src, []Region{region}, Options{Seed: 3})
		varied := false
		for y := 15; y < 45; y++ {
			for x := 20; x < 60; x++ {
				if !region.Contains(image.Pt(x, y)) {
					continue
				}
				got := out.NRGBAAt(x, y)
				if !near(got, red, int(blurGrain)+1) {
					t.Fatalf("pixel (%d,%d) = %v, want %v within the grain", x, y, got, red)
				}
				varied = varied || got != red
			}
		}
		if !varied {
			t.Error("the cover has no grain at all")
		}
	})

	t.Run("each side of the cover continues the colour beside it", func(t *testing.T) {
		src := solid(80, 60, red)
		blue := color.NRGBA{30, 60, 220, 255}
		for y := range 60 {
			for x := 40; x < 80; x++ {
				src.SetNRGBA(x, y, blue)
			}
		}
		out := Apply(src, []Region{region}, Options{})
		left, right := out.NRGBAAt(22, 30), out.NRGBAAt(57, 30)
		if !(left.R > left.B+60 && right.B > right.R+60) {
			t.Errorf("left edge %v should be red and right edge %v blue", left, right)
		}
	})

	t.Run("transparent ring pixels give no colour", func(t *testing.T) {
		src := solid(80, 60, color.NRGBA{0, 255, 0, 0}) // hidden green, fully transparent
		green := color.NRGBA{20, 160, 20, 255}
		for y := range 60 {
			for x := 40; x < 80; x++ {
				src.SetNRGBA(x, y, color.NRGBA{20, 160, 20, 128})
			}
		}
		out := Apply(src, []Region{region}, Options{})
		if got := out.NRGBAAt(40, 30); !near(got, green, int(blurGrain)+1) {
			t.Errorf("centre = %v, want the only visible colour %v", got, green)
		}
	})

	t.Run("a fully transparent ring falls back to the fill colour", func(t *testing.T) {
		src := solid(80, 60, color.NRGBA{255, 0, 0, 0})
		out := Apply(src, []Region{region}, Options{})
		if got := out.NRGBAAt(40, 30); got != DefaultFillColor {
			t.Errorf("centre = %v, want %v", got, DefaultFillColor)
		}
	})

	t.Run("a region covering the whole image falls back to the fill colour", func(t *testing.T) {
		src := testPhoto(30, 20, image.Point{})
		fill := color.NRGBA{9, 8, 7, 255}
		out := Apply(src, []Region{{image.Rect(0, 0, 30, 20), Rect, Blur}}, Options{FillColor: fill})
		if !bytes.Equal(out.Pix, solid(30, 20, fill).Pix) {
			t.Error("the image is not uniformly the fill colour")
		}
	})

	t.Run("a region surrounded by other regions falls back to the fill colour", func(t *testing.T) {
		src := testPhoto(60, 60, image.Point{})
		inner := Region{image.Rect(25, 25, 35, 35), Rect, Blur}
		outer := Region{image.Rect(10, 10, 50, 50), Rect, Pixelate}
		out := Apply(src, []Region{outer, inner}, Options{})
		if got := out.NRGBAAt(30, 30); got != DefaultFillColor {
			t.Errorf("centre = %v, want %v", got, DefaultFillColor)
		}
	})
}

func TestRingHasTheDocumentedGeometry(t *testing.T) {
	tests := []struct {
		name           string
		r              image.Rectangle
		thick, sectors int
	}{
		{"a 1×1 region has the thinnest ring and fewest sectors", image.Rect(0, 0, 1, 1), 2, 8},
		{"a face-sized region has the thickest ring and most sectors", image.Rect(0, 0, 400, 560), 16, 96},
		{"a 100×80 region", image.Rect(0, 0, 100, 80), 10, 22},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, k := ringGeometry(tt.r)
			if th != tt.thick || k != tt.sectors {
				t.Errorf("ringGeometry(%v) = %d, %d; want %d, %d", tt.r, th, k, tt.thick, tt.sectors)
			}
		})
	}
}

func TestDiamondAngleIncreasesWithTheAngle(t *testing.T) {
	prev := -1.0
	for deg := 0; deg < 360; deg++ {
		rad := float64(deg) * math.Pi / 180
		a := diamondAngle(3*math.Cos(rad), 3*math.Sin(rad))
		if a <= prev || a < 0 || a >= 4 {
			t.Fatalf("diamondAngle at %d° = %v after %v: want increasing values in [0, 4)", deg, a, prev)
		}
		prev = a
	}
}
