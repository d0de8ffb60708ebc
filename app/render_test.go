package app

import (
	"image"
	"testing"

	"veil/redact"
)

func TestRenderIsWhatASavedCopyHolds(t *testing.T) {
	tests := []struct {
		name string
		e    Edits
	}{
		{"covers alone", Edits{Regions: []redact.Region{
			{Rect: image.Rect(2, 3, 20, 12), Shape: redact.Ellipse, Style: redact.Blur},
			{Rect: image.Rect(10, 1, 30, 9), Style: redact.Pixelate}}}},
		{"covers and a crop", Edits{Regions: []redact.Region{{Rect: image.Rect(0, 0, 9, 9), Style: redact.Fill}},
			Crop: image.Rect(1, 2, 17, 19)}},
		{"a cover past the edge", Edits{Regions: []redact.Region{{Rect: image.Rect(-6, -6, 12, 12), Shape: redact.Ellipse, Style: redact.Blur}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Open(copyFixture(t, "png/itxt-xmp.png"))
			if err != nil {
				t.Fatal(err)
			}
			img, _ := p.Image()
			want, err := Render(img, tt.e, p.RedactOptions())
			if err != nil {
				t.Fatal(err)
			}
			r := p.Save(tt.e, Settings{})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			saved, _ := Open(r.Output)
			got, err := saved.Image()
			if err != nil || !samePixels(got, want) {
				t.Errorf("the saved copy is not the rendered picture (%v)", err)
			}
		})
	}
}

// samePixels compares two pictures colour by colour, at the same offsets
// from their corners.
func samePixels(a, b image.Image) bool {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return false
	}
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}
