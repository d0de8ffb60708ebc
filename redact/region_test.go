package redact

import (
	"errors"
	"image"
	"math/rand/v2"
	"testing"
)

func TestStyleNamesRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Style
		wantErr bool
	}{
		{"fill parses", "fill", Fill, false},
		{"blur parses", "blur", Blur, false},
		{"pixelate parses", "pixelate", Pixelate, false},
		{"case and spaces are ignored", "  PixeLate ", Pixelate, false},
		{"an unknown name fails", "smudge", Fill, true},
		{"an empty name fails", "", Fill, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseStyle(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseStyle(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrUnknownStyle) {
				t.Errorf("error %v does not wrap ErrUnknownStyle", err)
			}
			if err == nil {
				if back, _ := ParseStyle(got.String()); back != got {
					t.Errorf("%v does not survive String and ParseStyle", got)
				}
			}
		})
	}
	if s := Style(99).String(); s != "fill" {
		t.Errorf("an unknown style prints %q, want fill (how Apply treats it)", s)
	}
	if Rect.String() != "rect" || Ellipse.String() != "ellipse" || Shape(7).String() != "rect" {
		t.Error("shape names are wrong")
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		name string
		r    Region
		pt   image.Point
		want bool
	}{
		{"a rectangle contains its top-left pixel", Region{Rect: image.Rect(2, 3, 5, 6)}, image.Pt(2, 3), true},
		{"a rectangle excludes its Max corner", Region{Rect: image.Rect(2, 3, 5, 6)}, image.Pt(5, 5), false},
		{"a reversed rectangle counts as its canonical form", Region{Rect: image.Rect(5, 6, 2, 3)}, image.Pt(4, 5), true},
		{"a 1×1 ellipse contains its pixel", Region{image.Rect(4, 4, 5, 5), Ellipse, Blur}, image.Pt(4, 4), true},
		{"a 3×3 ellipse contains its corners (distance √2 ≤ 1.5)", Region{image.Rect(0, 0, 3, 3), Ellipse, Blur}, image.Pt(0, 0), true},
		{"a 4×4 ellipse excludes its corners (distance 2.12 > 2)", Region{image.Rect(0, 0, 4, 4), Ellipse, Blur}, image.Pt(0, 0), false},
		{"a 4×4 ellipse contains the pixel beside a corner", Region{image.Rect(0, 0, 4, 4), Ellipse, Blur}, image.Pt(1, 0), true},
		{"a thin 2×10 ellipse leaves its end rows empty", Region{image.Rect(0, 0, 2, 10), Ellipse, Blur}, image.Pt(0, 0), false},
		{"a pixel centre exactly on the ellipse is inside", Region{image.Rect(0, 0, 5, 1), Ellipse, Blur}, image.Pt(0, 0), true},
		{"an ellipse contains nothing outside its rectangle", Region{image.Rect(0, 0, 5, 5), Ellipse, Blur}, image.Pt(5, 2), false},
		{"a giant ellipse is handled as its rectangle", Region{image.Rect(0, 0, 3<<30, 3<<30), Ellipse, Blur}, image.Pt(0, 0), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Contains(tt.pt); got != tt.want {
				t.Errorf("%+v.Contains(%v) = %v, want %v", tt.r, tt.pt, got, tt.want)
			}
		})
	}
}

// TestSpanAgreesWithContains checks, pixel for pixel, that the row spans
// Apply paints are exactly the pixels Contains reports.
func TestSpanAgreesWithContains(t *testing.T) {
	check := func(t *testing.T, r Region, rows []int) {
		n := r.norm()
		for _, y := range rows {
			x0, x1 := n.span(y)
			xs := []int{x0 - 2, x0 - 1, x0, x0 + 1, x1 - 2, x1 - 1, x1, x1 + 1, n.Rect.Min.X - 1, n.Rect.Max.X}
			if n.Rect.Dx() <= 4096 { // every pixel of the row, unless it is huge
				for x := n.Rect.Min.X; x < n.Rect.Max.X; x++ {
					xs = append(xs, x)
				}
			}
			for _, x := range xs {
				in := x >= x0 && x < x1
				if in != r.Contains(image.Pt(x, y)) {
					t.Fatalf("%v row %d: span [%d,%d) disagrees with Contains at x=%d", r.Rect, y, x0, x1, x)
				}
			}
		}
	}
	t.Run("every small ellipse, every row", func(t *testing.T) {
		for w := 1; w <= 24; w++ {
			for h := 1; h <= 24; h++ {
				r := Region{Rect: image.Rect(-3, 5, w-3, h+5), Shape: Ellipse}
				rows := make([]int, 0, h+2)
				for y := 4; y <= h+5; y++ {
					rows = append(rows, y)
				}
				check(t, r, rows)
			}
		}
	})
	t.Run("large random ellipses, sampled rows", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 200 {
			x, y := rng.IntN(2000)-1000, rng.IntN(2000)-1000
			r := Region{Rect: image.Rect(x, y, x+1+rng.IntN(900), y+1+rng.IntN(900)), Shape: Ellipse}
			rows := []int{r.Rect.Min.Y, r.Rect.Min.Y + 1, r.Rect.Max.Y - 1, (r.Rect.Min.Y + r.Rect.Max.Y) / 2}
			for range 8 {
				rows = append(rows, r.Rect.Min.Y+rng.IntN(r.Rect.Dy()))
			}
			check(t, r, rows)
		}
	})
	t.Run("an ellipse near the coordinate limit", func(t *testing.T) {
		r := Region{Rect: image.Rect(-maxEllipseCoord, -maxEllipseCoord, maxEllipseCoord, maxEllipseCoord), Shape: Ellipse}
		if r.norm().Shape != Ellipse {
			t.Fatal("an ellipse within the limit must stay an ellipse")
		}
		check(t, r, []int{-maxEllipseCoord, -maxEllipseCoord + 1})
		if !r.Contains(image.Pt(0, 0)) || r.Contains(image.Pt(-maxEllipseCoord, -maxEllipseCoord)) {
			t.Error("the centre must be inside and the corner outside")
		}
	})
}

func TestRegionEditing(t *testing.T) {
	base := Region{Rect: image.Rect(10, 10, 20, 30), Shape: Ellipse, Style: Pixelate}
	bounds := image.Rect(0, 0, 100, 100)
	tests := []struct {
		name string
		got  Region
		want Region
	}{
		{"Moved shifts the rectangle and keeps shape and style", base.Moved(5, -3), Region{image.Rect(15, 7, 25, 27), Ellipse, Pixelate}},
		{"Resized moves each corner", base.Resized(image.Pt(-2, 1), image.Pt(3, 4)), Region{image.Rect(8, 11, 23, 34), Ellipse, Pixelate}},
		{"Resized past the opposite corner flips", base.Resized(image.Pt(15, 0), image.Point{}), Region{image.Rect(20, 10, 25, 30), Ellipse, Pixelate}},
		{"Resized never collapses below 1×1", base.Resized(image.Pt(10, 20), image.Point{}), Region{image.Rect(20, 30, 21, 31), Ellipse, Pixelate}},
		{"Clip intersects a rectangle", Region{Rect: image.Rect(-5, 90, 10, 120)}.Clip(bounds), Region{Rect: image.Rect(0, 90, 10, 100)}},
		{"Clip keeps an ellipse's geometry so it uncovers nothing", Region{image.Rect(-5, 90, 10, 120), Ellipse, Blur}.Clip(bounds), Region{image.Rect(-5, 90, 10, 120), Ellipse, Blur}},
		{"Clip empties a region outside the bounds", Region{image.Rect(200, 200, 210, 210), Ellipse, Blur}.Clip(bounds), Region{Shape: Ellipse, Style: Blur}},
		{"Clip canonicalizes a reversed rectangle", Region{Rect: image.Rect(30, 30, 20, 20)}.Clip(bounds), Region{Rect: image.Rect(20, 20, 30, 30)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %+v, want %+v", tt.got, tt.want)
			}
		})
	}
}

func TestFaceRegionCoversTheFace(t *testing.T) {
	bounds := image.Rect(0, 0, 640, 480)
	tests := []struct {
		name string
		face image.Rectangle
	}{
		{"a face in the middle", image.Rect(250, 150, 350, 270)},
		{"a face touching the left edge", image.Rect(0, 100, 90, 210)},
		{"a face cut by the top edge", image.Rect(300, -40, 400, 60)},
		{"a face in the bottom-right corner", image.Rect(560, 400, 640, 480)},
		{"a face larger than the photo", image.Rect(-100, -100, 800, 700)},
		{"a 1×1 face", image.Rect(10, 10, 11, 11)},
		{"a 3×2 face", image.Rect(100, 100, 103, 102)},
		{"a reversed box", image.Rect(350, 270, 250, 150)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := FaceRegion(tt.face, bounds)
			if r.Shape != Ellipse || r.Style != Blur {
				t.Errorf("got %v %v, want an ellipse with Blur", r.Shape, r.Style)
			}
			f := tt.face.Canon().Intersect(bounds)
			for y := f.Min.Y; y < f.Max.Y; y++ {
				for x := f.Min.X; x < f.Max.X; x++ {
					if !r.Contains(image.Pt(x, y)) {
						t.Fatalf("face pixel (%d,%d) is not covered by %v", x, y, r.Rect)
					}
				}
			}
		})
	}
	t.Run("random faces of every proportion", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 4))
		for range 300 {
			x, y := rng.IntN(700)-30, rng.IntN(540)-30
			face := image.Rect(x, y, x+1+rng.IntN(120), y+1+rng.IntN(120))
			r := FaceRegion(face, bounds)
			f := face.Intersect(bounds)
			for py := f.Min.Y; py < f.Max.Y; py++ {
				for px := f.Min.X; px < f.Max.X; px++ {
					if !r.Contains(image.Pt(px, py)) {
						t.Fatalf("face %v: pixel (%d,%d) is not covered by %v", face, px, py, r.Rect)
					}
				}
			}
		}
	})
	t.Run("the hair line gets more room than the chin", func(t *testing.T) {
		face := image.Rect(200, 200, 300, 300)
		r := FaceRegion(face, bounds)
		above, below := face.Min.Y-r.Rect.Min.Y, r.Rect.Max.Y-face.Max.Y
		if above <= below || below <= 0 {
			t.Errorf("ellipse %v reaches %d above and %d below the face %v", r.Rect, above, below, face)
		}
	})
}
