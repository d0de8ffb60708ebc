package redact

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"github.com/disintegration/imaging"
)

// The 3×2 stored image used below, one letter per pixel:
//
//	A B C
//	D E F
var letters = map[byte]color.NRGBA{
	'A': {10, 0, 0, 255}, 'B': {20, 0, 0, 255}, 'C': {30, 0, 0, 255},
	'D': {40, 0, 0, 255}, 'E': {50, 0, 0, 255}, 'F': {60, 0, 0, 255},
}

func letterImage(rows []string, origin image.Point) *image.NRGBA {
	img := image.NewNRGBA(image.Rectangle{origin, origin.Add(image.Pt(len(rows[0]), len(rows)))})
	for y, row := range rows {
		for x := range len(row) {
			img.SetNRGBA(origin.X+x, origin.Y+y, letters[row[x]])
		}
	}
	return img
}

// orientCases are the upright images, worked out by hand from the meaning
// of each value in CIPA DC-008 (where the stored 0th row and 0th column lie).
var orientCases = []struct {
	name        string
	orientation int
	want        []string
}{
	{"1 (top-left) is left alone", 1, []string{"ABC", "DEF"}},
	{"2 (top-right) is mirrored horizontally", 2, []string{"CBA", "FED"}},
	{"3 (bottom-right) is turned 180°", 3, []string{"FED", "CBA"}},
	{"4 (bottom-left) is mirrored vertically", 4, []string{"DEF", "ABC"}},
	{"5 (left-top) is transposed", 5, []string{"AD", "BE", "CF"}},
	{"6 (right-top) is turned 90° clockwise", 6, []string{"DA", "EB", "FC"}},
	{"7 (right-bottom) is transversed", 7, []string{"FC", "EB", "DA"}},
	{"8 (left-bottom) is turned 90° counter-clockwise", 8, []string{"CF", "BE", "AD"}},
	{"0 (invalid) is read as 1", 0, []string{"ABC", "DEF"}},
	{"9 (reserved) is read as 1", 9, []string{"ABC", "DEF"}},
	{"-1 (invalid) is read as 1", -1, []string{"ABC", "DEF"}},
}

func TestOrientEveryValue(t *testing.T) {
	src := letterImage([]string{"ABC", "DEF"}, image.Pt(5, -3)) // an offset origin must not matter
	rgba := image.NewRGBA(src.Rect)                             // the same, opaque, as RGBA
	copy(rgba.Pix, src.Pix)
	before := bytes.Clone(src.Pix)
	for _, tt := range orientCases {
		want := letterImage(tt.want, image.Point{})
		for name, img := range map[string]image.Image{"NRGBA": src, "RGBA": rgba} {
			t.Run(tt.name+" from "+name, func(t *testing.T) {
				got := Orient(img, tt.orientation)
				if p, diff := firstDiff(got, want); diff {
					t.Errorf("got %v, want %v; first difference at %v", got.Rect, want.Rect, p)
				}
			})
		}
	}
	if !bytes.Equal(src.Pix, before) {
		t.Error("Orient modified its input")
	}
	if out := Orient(src, 1); &out.Pix[0] == &src.Pix[0] {
		t.Error("Orient(1) returned its input's pixels instead of a copy")
	}
}

// TestOrientOtherTypes checks YCbCr (every subsampling, odd sizes) and a
// generic type against orienting their NRGBA conversion.
func TestOrientOtherTypes(t *testing.T) {
	ratios := map[string]image.YCbCrSubsampleRatio{
		"4:4:4": image.YCbCrSubsampleRatio444, "4:2:2": image.YCbCrSubsampleRatio422,
		"4:2:0": image.YCbCrSubsampleRatio420, "4:4:0": image.YCbCrSubsampleRatio440,
		"4:1:1": image.YCbCrSubsampleRatio411, "4:1:0": image.YCbCrSubsampleRatio410,
	}
	images := map[string]image.Image{}
	for name, ratio := range ratios {
		y := image.NewYCbCr(image.Rect(1, 2, 12, 7), ratio)
		for i := range y.Y {
			y.Y[i] = uint8(i * 37)
		}
		for i := range y.Cb {
			y.Cb[i], y.Cr[i] = uint8(i*53), uint8(255-i*29)
		}
		images["YCbCr "+name] = y
	}
	g := image.NewGray16(image.Rect(0, 0, 5, 3))
	for i := range g.Pix {
		g.Pix[i] = uint8(i * 17)
	}
	images["Gray16"] = g
	for name, img := range images {
		ref := imaging.Clone(img)
		for o := 1; o <= 8; o++ {
			got, want := Orient(img, o), Orient(ref, o)
			if !bytes.Equal(got.Pix, want.Pix) || got.Rect != want.Rect {
				t.Errorf("%s orientation %d differs from orienting its NRGBA copy", name, o)
			}
		}
	}
}

// TestOrientAgreesWithImaging checks each value against the matching
// imaging transform (as imaging's own decoder applies them).
func TestOrientAgreesWithImaging(t *testing.T) {
	src := testPhoto(7, 5, image.Point{})
	ops := map[int]func(image.Image) *image.NRGBA{
		2: imaging.FlipH, 3: imaging.Rotate180, 4: imaging.FlipV,
		5: imaging.Transpose, 6: imaging.Rotate270, 7: imaging.Transverse, 8: imaging.Rotate90,
	}
	for o, op := range ops {
		if got, want := Orient(src, o), op(src); !bytes.Equal(got.Pix, want.Pix) || got.Rect != want.Rect {
			t.Errorf("orientation %d differs from imaging", o)
		}
	}
}

func TestOrientDegenerateImages(t *testing.T) {
	for _, img := range []image.Image{nil, image.NewNRGBA(image.Rect(0, 0, 0, 5)), image.NewNRGBA(image.Rect(3, 3, 4, 4))} {
		for o := 0; o <= 9; o++ {
			out := Orient(img, o)
			if img != nil && out.Rect.Size() != img.Bounds().Size() && out.Rect.Size() != (image.Point{img.Bounds().Dy(), img.Bounds().Dx()}) {
				t.Errorf("orientation %d of %v gave %v", o, img.Bounds(), out.Rect)
			}
		}
	}
}

func BenchmarkOrient12MP(b *testing.B) {
	src := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	for _, o := range []int{1, 3, 6} {
		b.Run("YCbCr orientation "+string(rune('0'+o)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Orient(src, o)
			}
		})
	}
	nrgba := imaging.Clone(src)
	b.Run("NRGBA orientation 6", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Orient(nrgba, 6)
		}
	})
}
