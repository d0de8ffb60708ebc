package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"testing"

	"veil/redact"
)

// A JPEG edited in its own YCbCr planes comes out as the NRGBA way makes
// it (to within the JPEG encoder's rounding), in place or not, and a photo
// that is not private keeps its picture for the next caller.
func TestAJPEGIsEditedInItsOwnPlanes(t *testing.T) {
	e := Edits{Regions: []redact.Region{
		{Rect: image.Rect(3, 2, 30, 20), Shape: redact.Ellipse, Style: redact.Blur},
		{Rect: image.Rect(20, 10, 44, 30), Style: redact.Pixelate},
	}, Crop: image.Rect(1, 3, 47, 31)}
	var outs [][]byte
	for _, private := range []bool{false, true} {
		p, err := Open(copyFixture(t, "jpeg/plain.jpg"))
		if err != nil {
			t.Fatal(err)
		}
		p.private = private
		img, _ := p.Image()
		before := bytes.Clone(img.(*image.YCbCr).Y)
		want := redact.Apply(img, e.Regions, p.RedactOptions())
		want, _ = redact.Crop(want, e.Crop)
		r := p.Save(e, Settings{})
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		out, _ := os.ReadFile(r.Output)
		outs = append(outs, out)
		got, err := jpeg.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if d := meanDiff(got, want); d > 3 {
			t.Errorf("private %v: the copy differs from the NRGBA way by %.1f levels on average", private, d)
		}
		if !private && !bytes.Equal(before, img.(*image.YCbCr).Y) {
			t.Error("saving changed the picture the photo shows")
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("editing in place gives another copy than editing a copy")
	}
}

// meanDiff is the mean absolute difference of the colour channels.
func meanDiff(a, b image.Image) float64 {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return 255
	}
	var sum, n float64
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8)} {
				sum += float64(max(d, -d))
				n++
			}
		}
	}
	return sum / n
}
