package app

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"testing"

	"veil/exif"
	"veil/redact"
)

// The palette of the hand-made GIFs: index 0 is transparent (its graphic
// control extension says so), 1 red, 2 blue, 3 green.
var testGIFPalette = color.Palette{color.RGBA{}, color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255}, color.RGBA{0, 255, 0, 255}}

// testGIF makes a GIF of two frames on a screen: the first frame is the
// rectangle first, filled with red, with one transparent pixel at its
// top-left corner and a blue square in its middle; the second fills the
// screen with green.
func testGIF(t testing.TB, screen image.Point, first image.Rectangle) []byte {
	t.Helper()
	f0 := image.NewPaletted(first, testGIFPalette)
	for i := range f0.Pix {
		f0.Pix[i] = 1
	}
	c := first.Min.Add(first.Size().Div(2))
	for y := c.Y - 1; y <= c.Y; y++ {
		for x := c.X - 1; x <= c.X; x++ {
			f0.SetColorIndex(x, y, 2)
		}
	}
	f0.SetColorIndex(first.Min.X, first.Min.Y, 0)
	f1 := image.NewPaletted(image.Rectangle{Max: screen}, testGIFPalette)
	for i := range f1.Pix {
		f1.Pix[i] = 3
	}
	g := &gif.GIF{
		Image:    []*image.Paletted{f0, f1},
		Delay:    []int{10, 10},
		Disposal: []byte{gif.DisposalNone, gif.DisposalNone},
		Config:   image.Config{ColorModel: testGIFPalette, Width: screen.X, Height: screen.Y},
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantFirstFrame is what testGIF's first frame looks like on its screen.
func wantFirstFrame(screen image.Point, first image.Rectangle) *image.NRGBA {
	want := image.NewNRGBA(image.Rectangle{Max: screen})
	c := first.Min.Add(first.Size().Div(2))
	for y := first.Min.Y; y < first.Max.Y; y++ {
		for x := first.Min.X; x < first.Max.X; x++ {
			switch {
			case x == first.Min.X && y == first.Min.Y:
			case x >= c.X-1 && x <= c.X && y >= c.Y-1 && y <= c.Y:
				want.Set(x, y, color.NRGBA{0, 0, 255, 255})
			default:
				want.Set(x, y, color.NRGBA{255, 0, 0, 255})
			}
		}
	}
	return want
}

// sameImage reports the first pixel where a and b differ, as NRGBA.
func sameImage(t *testing.T, got image.Image, want *image.NRGBA) {
	t.Helper()
	if got.Bounds() != want.Bounds() {
		t.Fatalf("bounds %v, want %v", got.Bounds(), want.Bounds())
	}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA)
			if w := want.NRGBAAt(x, y); g != w && !(g.A == 0 && w.A == 0) {
				t.Fatalf("pixel %d,%d is %v, want %v", x, y, g, w)
			}
		}
	}
}

func TestTheFirstFrameOfAGIFIsShownOnItsScreen(t *testing.T) {
	screen := image.Pt(12, 10)
	tests := []struct {
		name  string
		first image.Rectangle
	}{
		{"a frame that fills the screen", image.Rect(0, 0, 12, 10)},
		{"a smaller frame at an offset", image.Rect(3, 2, 9, 8)},
		{"a frame in the bottom-right corner", image.Rect(8, 6, 12, 10)},
		{"a frame of one pixel", image.Rect(5, 5, 6, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := decodeGIF(testGIF(t, screen, tt.first))
			if err != nil {
				t.Fatal(err)
			}
			sameImage(t, img, wantFirstFrame(screen, tt.first))
		})
	}
}

func TestAnAnimatedGIFWithCoversIsSavedAsAStillPictureOfItsFirstFrame(t *testing.T) {
	screen, first := image.Pt(40, 30), image.Rect(6, 4, 34, 26)
	p, err := Open(writeFile(t, t.TempDir(), "anim.gif", testGIF(t, screen, first)))
	if err != nil {
		t.Fatal(err)
	}
	cover := image.Rect(16, 11, 24, 19) // over the blue square
	r := p.Save(Edits{Regions: []redact.Region{{Rect: cover, Style: redact.Fill}}}, Settings{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if !r.Still || r.Lossless {
		t.Errorf("Still %v, Lossless %v: want a still picture, re-encoded", r.Still, r.Lossless)
	}
	data, err := os.ReadFile(r.Output)
	if err != nil {
		t.Fatal(err)
	}
	info, err := exif.Inspect(data)
	if err != nil || info.Format != exif.PNG || info.Animated {
		t.Fatalf("copy: %v, %+v", err, info)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := wantFirstFrame(screen, first)
	if got.Bounds() != want.Bounds() {
		t.Fatalf("copy is %v, want the screen %v", got.Bounds(), want.Bounds())
	}
	if same(got, want, cover) {
		t.Error("the pixels under the cover are those of the first frame")
	}
	outside := image.Rect(0, 0, screen.X, cover.Min.Y-4) // beyond the cover's ring
	if !same(got, want, outside) {
		t.Error("the pixels away from the cover changed")
	}
}

func TestAnAnimatedGIFWithoutEditsKeepsEveryFrame(t *testing.T) {
	p, err := Open(writeFile(t, t.TempDir(), "anim.gif", testGIF(t, image.Pt(12, 10), image.Rect(3, 2, 9, 8))))
	if err != nil {
		t.Fatal(err)
	}
	r := p.Save(Edits{}, Settings{})
	if r.Err != nil || !r.Lossless || r.Still {
		t.Fatalf("err %v, Lossless %v, Still %v", r.Err, r.Lossless, r.Still)
	}
	data, _ := os.ReadFile(r.Output)
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil || len(g.Image) != 2 {
		t.Fatalf("copy: %v, frames %d, want 2", err, len(g.Image))
	}
}

// same reports whether a and b have the same pixels in r (fully
// transparent pixels being equal whatever their colour).
func same(a image.Image, b *image.NRGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			g := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA)
			if w := b.NRGBAAt(x, y); g != w && !(g.A == 0 && w.A == 0) {
				return false
			}
		}
	}
	return true
}
