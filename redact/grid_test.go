package redact

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"testing"
)

// jpegRoundTrip encodes img as a 4:2:0 JPEG and decodes it, as a photo
// arrives from a camera.
func jpegRoundTrip(t *testing.T, img image.Image) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	out, err := jpeg.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGridMakesJPEGsThatDifferOnlyInsideARegionCoverAlike(t *testing.T) {
	base := testPhoto(97, 75, image.Point{})
	for _, shape := range []Shape{Rect, Ellipse} {
		for _, style := range []Style{Fill, Blur, Pixelate} {
			regions := []Region{{Rect: image.Rect(21, 13, 62, 50), Shape: shape, Style: style}}
			a := jpegRoundTrip(t, base)
			b := jpegRoundTrip(t, scrambled(base, regions, 7))
			grid := Options{Grid: Grid{Size: image.Pt(16, 16)}}
			if !bytes.Equal(Apply(a, regions, grid).Pix, Apply(b, regions, grid).Pix) {
				t.Errorf("%v %v: outputs differ with the block grid", shape, style)
			}
			if bytes.Equal(Apply(a, regions, Options{}).Pix, Apply(b, regions, Options{}).Pix) {
				t.Errorf("%v %v: outputs agree even without the grid: the test shows nothing", shape, style)
			}
		}
	}
}

func TestGridCoversEveryCellARegionTouches(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	bounds := image.Rect(0, 0, 120, 90)
	for i := range 40 {
		r := Region{Rect: image.Rect(rng.IntN(150)-15, rng.IntN(120)-15, 0, 0), Shape: Shape(rng.IntN(2)), Style: Fill}
		r.Rect.Max = r.Rect.Min.Add(image.Pt(1+rng.IntN(60), 1+rng.IntN(60)))
		g := Grid{Size: image.Pt(8+8*rng.IntN(2), 8+8*rng.IntN(2)), Origin: image.Pt(rng.IntN(16), rng.IntN(16))}
		cov := newCoverage([]Region{r}, bounds, g)
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				cell := image.Rectangle{Min: image.Pt(
					g.Origin.X+floorDiv(x-g.Origin.X, g.Size.X)*g.Size.X,
					g.Origin.Y+floorDiv(y-g.Origin.Y, g.Size.Y)*g.Size.Y)}
				cell.Max = cell.Min.Add(g.Size)
				want := false
				for cy := cell.Min.Y; cy < cell.Max.Y && !want; cy++ {
					for cx := cell.Min.X; cx < cell.Max.X && !want; cx++ {
						want = image.Pt(cx, cy).In(bounds.Inset(-16)) && r.Contains(image.Pt(cx, cy))
					}
				}
				if got := cov.covered(x, y); got != want {
					t.Fatalf("case %d %+v grid %+v: pixel (%d,%d) covered %v, want %v", i, r, g, x, y, got, want)
				}
			}
		}
	}
}

func TestFloorDiv(t *testing.T) {
	for _, c := range [][3]int{{7, 2, 3}, {-7, 2, -4}, {-8, 2, -4}, {0, 16, 0}, {-1, 16, -1}, {15, 16, 0}, {16, 16, 1}} {
		if got := floorDiv(c[0], c[1]); got != c[2] {
			t.Errorf("floorDiv(%d, %d) = %d, want %d", c[0], c[1], got, c[2])
		}
	}
}
