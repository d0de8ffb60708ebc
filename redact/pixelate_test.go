package redact

import (
	"image"
	"image/color"
	"testing"
)

func TestPixelateLooksLikeAMosaic(t *testing.T) {
	src := testPhoto(120, 100, image.Point{})
	region := Region{image.Rect(10, 12, 106, 92), Rect, Pixelate}
	out := Apply(src, []Region{region}, Options{Seed: 5})
	bs := mosaicBlock(region.Rect)
	if bs != 10 {
		t.Fatalf("block size %d, want 10 (an eighth of the 80-pixel short side)", bs)
	}
	blocks := map[image.Point]color.NRGBA{}
	for y := region.Rect.Min.Y; y < region.Rect.Max.Y; y++ {
		for x := region.Rect.Min.X; x < region.Rect.Max.X; x++ {
			b := image.Pt((x-region.Rect.Min.X)/bs, (y-region.Rect.Min.Y)/bs)
			c := out.NRGBAAt(x, y)
			if first, ok := blocks[b]; !ok {
				blocks[b] = c
			} else if c != first {
				t.Fatalf("block %v is not uniform: %v at (%d,%d), %v elsewhere", b, c, x, y, first)
			}
		}
	}
	if len(blocks) != 10*8 {
		t.Errorf("%d blocks, want 80 (the last column is a partial one)", len(blocks))
	}
	distinct := map[color.NRGBA]bool{}
	for _, c := range blocks {
		distinct[c] = true
	}
	if len(distinct) < len(blocks)*3/4 {
		t.Errorf("only %d distinct colours among %d blocks", len(distinct), len(blocks))
	}
}

func TestPixelateStaysNearTheRingColour(t *testing.T) {
	teal := color.NRGBA{30, 140, 150, 255}
	src := solid(90, 90, teal)
	region := Region{image.Rect(10, 10, 80, 80), Ellipse, Pixelate}
	out := Apply(src, []Region{region}, Options{Seed: 11})
	tol := int(mosaicLuma+mosaicChroma) + 1
	for y := 10; y < 80; y++ {
		for x := 10; x < 80; x++ {
			if got := out.NRGBAAt(x, y); region.Contains(image.Pt(x, y)) && !near(got, teal, tol) {
				t.Fatalf("pixel (%d,%d) = %v, want %v within %d", x, y, got, teal, tol)
			}
		}
	}
}

func TestMosaicBlockSize(t *testing.T) {
	tests := []struct {
		name string
		r    image.Rectangle
		want int
	}{
		{"a tiny region gets the 8-pixel minimum", image.Rect(0, 0, 2, 3), 8},
		{"a face gets an eighth of its short side", image.Rect(0, 0, 450, 560), 56},
		{"a wide strip follows its short side", image.Rect(0, 0, 4000, 100), 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mosaicBlock(tt.r); got != tt.want {
				t.Errorf("mosaicBlock(%v) = %d, want %d", tt.r, got, tt.want)
			}
		})
	}
}
