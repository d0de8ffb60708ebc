package redact

import (
	"image"
	"image/color"
	"testing"
)

func TestFillPaintsOneOpaqueColour(t *testing.T) {
	src := testPhoto(50, 40, image.Point{})
	tests := []struct {
		name   string
		region Region
		opt    Options
		want   color.NRGBA
	}{
		{"a rectangle takes the default grey", Region{Rect: image.Rect(5, 5, 25, 20)}, Options{}, DefaultFillColor},
		{"an ellipse takes a chosen colour", Region{image.Rect(10, 8, 40, 35), Ellipse, Fill}, Options{FillColor: color.NRGBA{200, 0, 50, 255}}, color.NRGBA{200, 0, 50, 255}},
		{"a translucent colour is painted opaque", Region{Rect: image.Rect(0, 0, 50, 40)}, Options{FillColor: color.NRGBA{1, 2, 3, 4}}, color.NRGBA{1, 2, 3, 255}},
		{"an unknown style is filled", Region{image.Rect(5, 5, 25, 20), Rect, Style(42)}, Options{}, DefaultFillColor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Apply(src, []Region{tt.region}, tt.opt)
			n := 0
			for y := range 40 {
				for x := range 50 {
					in := tt.region.Contains(image.Pt(x, y))
					got := out.NRGBAAt(x, y)
					if in && got != tt.want {
						t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got, tt.want)
					}
					if in {
						n++
					}
				}
			}
			if n == 0 {
				t.Fatal("the region covered no pixel")
			}
		})
	}
}
