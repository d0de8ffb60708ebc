package redact

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"
)

var (
	allStyles = []Style{Fill, Blur, Pixelate}
	allShapes = []Shape{Rect, Ellipse}
)

// leakCases place regions (built for one style and shape) on a 64×48 image.
var leakCases = []struct {
	name    string
	regions func(s Style, sh Shape) []Region
}{
	{"a region in the middle", one(image.Rect(20, 12, 44, 36))},
	{"a region touching the left edge", one(image.Rect(0, 10, 15, 30))},
	{"a region touching the top edge", one(image.Rect(10, 0, 40, 9))},
	{"a region touching the right edge", one(image.Rect(50, 5, 64, 40))},
	{"a region touching the bottom edge", one(image.Rect(5, 30, 60, 48))},
	{"a region sticking out past the top-left corner", one(image.Rect(-10, -8, 12, 14))},
	{"a region sticking out past the bottom-right corner", one(image.Rect(55, 40, 80, 70))},
	{"a 1×1 region", one(image.Rect(30, 20, 31, 21))},
	{"a 2×3 region", one(image.Rect(7, 7, 9, 10))},
	{"a 1×1 region in a corner", one(image.Rect(63, 47, 64, 48))},
	{"a region covering the whole image", one(image.Rect(0, 0, 64, 48))},
	{"a region much larger than the image", one(image.Rect(-100, -100, 200, 200))},
	{"a region outside the image", one(image.Rect(100, 100, 120, 120))},
	{"a reversed rectangle", one(image.Rect(40, 30, 20, 10))},
	{"regions in all four corners", func(s Style, sh Shape) []Region {
		return []Region{
			{image.Rect(0, 0, 10, 10), sh, s}, {image.Rect(54, 0, 64, 10), sh, s},
			{image.Rect(0, 38, 10, 48), sh, s}, {image.Rect(54, 38, 64, 48), sh, s},
		}
	}},
	{"overlapping regions of every style", func(s Style, sh Shape) []Region {
		return []Region{
			{image.Rect(10, 10, 40, 30), sh, s},
			{image.Rect(30, 20, 55, 45), Ellipse, Blur},
			{image.Rect(25, 5, 35, 40), Rect, Pixelate},
			{image.Rect(5, 25, 20, 35), sh, Fill},
		}
	}},
	{"a region enclosed by a larger one", func(s Style, sh Shape) []Region {
		return []Region{{image.Rect(5, 5, 60, 44), Rect, Blur}, {image.Rect(20, 15, 40, 30), sh, s}}
	}},
	{"a region whose ring lies in another region", func(s Style, sh Shape) []Region {
		return []Region{{image.Rect(20, 10, 30, 40), sh, s}, {image.Rect(30, 10, 34, 40), Rect, Pixelate}}
	}},
}

func one(r image.Rectangle) func(Style, Shape) []Region {
	return func(s Style, sh Shape) []Region { return []Region{{r, sh, s}} }
}

func TestApplyOutputDependsOnlyOnUncoveredPixels(t *testing.T) {
	base := testPhoto(64, 48, image.Point{})
	for _, tc := range leakCases {
		for _, style := range allStyles {
			for _, shape := range allShapes {
				name := fmt.Sprintf("%s, %v %v", tc.name, style, shape)
				t.Run(name, func(t *testing.T) {
					regions := tc.regions(style, shape)
					opt := Options{Seed: 42}
					want := Apply(scrambled(base, regions, 1), regions, opt)
					wantPNG := pngBytes(t, want)
					for seed := uint64(2); seed <= 4; seed++ {
						got := Apply(scrambled(base, regions, seed), regions, opt)
						if p, diff := firstDiff(got, want); diff {
							t.Fatalf("interior %d changed the output at %v: %v vs %v", seed, p, got.NRGBAAt(p.X, p.Y), want.NRGBAAt(p.X, p.Y))
						}
						if !bytes.Equal(got.Pix, want.Pix) || !bytes.Equal(pngBytes(t, got), wantPNG) {
							t.Fatalf("interior %d changed the Pix or PNG bytes", seed)
						}
					}
				})
			}
		}
	}
}

func TestApplyCoversExactlyTheRegions(t *testing.T) {
	src := testPhoto(64, 48, image.Pt(-7, 5)) // a non-zero origin must be kept
	for _, tc := range leakCases {
		for _, style := range allStyles {
			t.Run(fmt.Sprintf("%s, %v", tc.name, style), func(t *testing.T) {
				regions := tc.regions(style, Ellipse)
				for i := range regions {
					regions[i] = regions[i].Moved(-7, 5)
				}
				before := bytes.Clone(src.Pix)
				out := Apply(src, regions, Options{})
				if !bytes.Equal(src.Pix, before) {
					t.Fatal("Apply modified its input")
				}
				if out.Rect != src.Rect {
					t.Fatalf("output bounds %v, want %v", out.Rect, src.Rect)
				}
				for y := src.Rect.Min.Y; y < src.Rect.Max.Y; y++ {
					for x := src.Rect.Min.X; x < src.Rect.Max.X; x++ {
						got, orig := out.NRGBAAt(x, y), src.NRGBAAt(x, y)
						switch {
						case covered(regions, image.Pt(x, y)) && got.A != 255:
							t.Fatalf("covered pixel (%d,%d) has alpha %d, want 255", x, y, got.A)
						case !covered(regions, image.Pt(x, y)) && got != orig:
							t.Fatalf("uncovered pixel (%d,%d) changed from %v to %v", x, y, orig, got)
						}
					}
				}
			})
		}
	}
}

func TestApplyAcceptsEveryImageType(t *testing.T) {
	bounds := image.Rect(0, 0, 40, 30)
	regions := []Region{{image.Rect(10, 10, 30, 20), Ellipse, Blur}, {image.Rect(0, 0, 5, 5), Rect, Pixelate}}
	images := map[string]image.Image{
		"YCbCr 4:2:0": image.NewYCbCr(bounds, image.YCbCrSubsampleRatio420),
		"RGBA":        image.NewRGBA(bounds),
		"Gray":        image.NewGray(bounds),
		"Paletted":    image.NewPaletted(bounds, color.Palette{color.Black, color.White}),
		"a nil image": nil,
	}
	for name, img := range images {
		t.Run(name, func(t *testing.T) {
			out := Apply(img, regions, Options{Seed: 1})
			if img != nil && out.Rect != img.Bounds() {
				t.Errorf("bounds %v, want %v", out.Rect, img.Bounds())
			}
		})
	}
}

func TestApplyIsDeterministicAndSeeded(t *testing.T) {
	src := testPhoto(80, 60, image.Point{})
	for _, style := range []Style{Blur, Pixelate} {
		t.Run(style.String()+" noise follows the seed", func(t *testing.T) {
			regions := []Region{{image.Rect(20, 15, 60, 45), Ellipse, style}}
			a := Apply(src, regions, Options{Seed: 7})
			b := Apply(src, regions, Options{Seed: 7})
			c := Apply(src, regions, Options{Seed: 8})
			if !bytes.Equal(a.Pix, b.Pix) {
				t.Error("the same seed gave different outputs")
			}
			if bytes.Equal(a.Pix, c.Pix) {
				t.Error("different seeds gave the same output")
			}
		})
	}
}

func TestOptionsFillColour(t *testing.T) {
	tests := []struct {
		name string
		in   color.NRGBA
		want color.NRGBA
	}{
		{"the zero value selects the default grey", color.NRGBA{}, DefaultFillColor},
		{"an opaque colour is used as is", color.NRGBA{10, 20, 30, 255}, color.NRGBA{10, 20, 30, 255}},
		{"a translucent colour is made opaque", color.NRGBA{10, 20, 30, 40}, color.NRGBA{10, 20, 30, 255}},
		{"opaque black stays black", color.NRGBA{0, 0, 0, 255}, color.NRGBA{0, 0, 0, 255}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Options{FillColor: tt.in}).fill(); got != tt.want {
				t.Errorf("fill() = %v, want %v", got, tt.want)
			}
		})
	}
}

func ExampleApply() {
	photo := image.NewNRGBA(image.Rect(0, 0, 400, 300)) // a decoded, upright photo
	face := image.Rect(150, 80, 230, 180)               // a box from a face detector
	regions := []Region{
		FaceRegion(face, photo.Bounds()),                                   // an ellipse, Blur by default
		{Rect: image.Rect(20, 220, 90, 280), Shape: Rect, Style: Pixelate}, // a tattoo
	}
	out := Apply(photo, regions, Options{Seed: 1})
	fmt.Println(out.Bounds(), regions[0].Shape, regions[0].Style, out.NRGBAAt(190, 130).A)
	// Output: (0,0)-(400,300) ellipse blur 255
}

// benchRegions returns five face-sized regions on a 12 MP (4000×3000) image.
func benchRegions(style Style) []Region {
	var rs []Region
	for i := range 5 {
		face := image.Rect(300+i*700, 900+(i%2)*400, 300+i*700+450, 900+(i%2)*400+560)
		r := FaceRegion(face, image.Rect(0, 0, 4000, 3000))
		r.Style = style
		rs = append(rs, r)
	}
	return rs
}

func BenchmarkApply12MP(b *testing.B) {
	src := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	for i := range src.Y {
		src.Y[i] = uint8(i * 7)
	}
	for _, style := range allStyles {
		b.Run("5 faces "+style.String(), func(b *testing.B) {
			regions := benchRegions(style)
			b.ReportAllocs()
			for b.Loop() {
				Apply(src, regions, Options{Seed: 1})
			}
		})
	}
}

// BenchmarkRedact12MP is the whole pixel path of one edited photo: a decoded
// 12 MP JPEG (YCbCr 4:2:0) stood upright, then five faces covered.
func BenchmarkRedact12MP(b *testing.B) {
	src := image.NewYCbCr(image.Rect(0, 0, 3000, 4000), image.YCbCrSubsampleRatio420)
	for i := range src.Y {
		src.Y[i] = uint8(i * 7)
	}
	regions := benchRegions(Blur)
	b.ReportAllocs()
	for b.Loop() {
		Apply(Orient(src, 6), regions, Options{Seed: 1})
	}
}

func TestExtremeValuesNeverPanic(t *testing.T) {
	const lo, hi = math.MinInt, math.MaxInt
	rects := []image.Rectangle{
		{image.Pt(lo, lo), image.Pt(hi, hi)},
		{image.Pt(hi, hi), image.Pt(lo, lo)},
		{image.Pt(lo, 5), image.Pt(10, hi)},
		{image.Pt(-(1 << 40), -3), image.Pt(1<<40, 3)},
		{image.Pt(hi-1, hi-1), image.Pt(hi, hi)},
	}
	src := testPhoto(20, 15, image.Point{})
	bounds := src.Bounds()
	for _, r := range rects {
		for _, style := range append(allStyles, Style(-1), Style(hi)) {
			for _, shape := range append(allShapes, Shape(lo)) {
				region := Region{r, shape, style}
				out := Apply(src, []Region{region, region.Moved(hi, lo), region.Resized(image.Pt(lo, hi), image.Pt(hi, hi))}, Options{Seed: hi})
				if out.Rect != bounds {
					t.Fatalf("bounds changed to %v", out.Rect)
				}
				_ = region.Clip(bounds)
				_ = region.Contains(image.Pt(lo, hi))
			}
		}
		_ = FaceRegion(r, bounds)
		_, _ = SuggestCrop(bounds, []image.Rectangle{r}, Aspect{hi, 1})
		_, _ = SuggestCrop(r, []image.Rectangle{r}, Aspect1x1)
		_ = Aspect{hi, hi - 1}.Fit(r, r)
		_, _ = Crop(src, r)
	}
}
