package redact

import (
	"errors"
	"image"
	"math/rand/v2"
	"testing"
)

func TestCrop(t *testing.T) {
	src := testPhoto(40, 30, image.Pt(100, 200))
	tests := []struct {
		name    string
		r       image.Rectangle
		want    image.Rectangle // in src coordinates; empty means an error
		wantErr bool
	}{
		{"a rectangle inside the image", image.Rect(110, 205, 130, 225), image.Rect(110, 205, 130, 225), false},
		{"a rectangle sticking out is clipped", image.Rect(90, 190, 115, 210), image.Rect(100, 200, 115, 210), false},
		{"a reversed rectangle is taken as its canonical form", image.Rect(130, 225, 110, 205), image.Rect(110, 205, 130, 225), false},
		{"the whole image", image.Rect(0, 0, 1000, 1000), src.Rect, false},
		{"a rectangle outside the image fails", image.Rect(0, 0, 50, 50), image.Rectangle{}, true},
		{"an empty rectangle fails", image.Rect(110, 205, 110, 225), image.Rectangle{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Crop(src, tt.r)
			if tt.wantErr {
				if !errors.Is(err, ErrEmptyCrop) || out != nil {
					t.Fatalf("Crop = %v, %v; want nil and ErrEmptyCrop", out, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.Rect != image.Rect(0, 0, tt.want.Dx(), tt.want.Dy()) {
				t.Fatalf("bounds %v, want %v at the origin", out.Rect, tt.want.Size())
			}
			for y := range tt.want.Dy() {
				for x := range tt.want.Dx() {
					if out.NRGBAAt(x, y) != src.NRGBAAt(tt.want.Min.X+x, tt.want.Min.Y+y) {
						t.Fatalf("pixel (%d,%d) differs from the source", x, y)
					}
				}
			}
		})
	}
	if _, err := Crop(nil, image.Rect(0, 0, 1, 1)); !errors.Is(err, ErrEmptyCrop) {
		t.Errorf("Crop(nil) error = %v, want ErrEmptyCrop", err)
	}
}

func TestAspectNames(t *testing.T) {
	want := []string{"Free", "1:1", "4:5", "3:4", "9:16", "16:9"}
	for i, a := range Aspects {
		if a.String() != want[i] {
			t.Errorf("Aspects[%d] = %q, want %q", i, a, want[i])
		}
		if back, err := ParseAspect(a.String()); err != nil || back != a {
			t.Errorf("ParseAspect(%q) = %v, %v", a, back, err)
		}
	}
	for _, bad := range []string{"", "4", "4:", ":5", "0:1", "-4:5", "4:5:6", "x:y", "10001:1", "1.5:1"} {
		if _, err := ParseAspect(bad); err == nil {
			t.Errorf("ParseAspect(%q) succeeded, want an error", bad)
		}
	}
}

func TestAspectFit(t *testing.T) {
	bounds := image.Rect(0, 0, 1000, 800)
	tests := []struct {
		name   string
		aspect Aspect
		r      image.Rectangle
		want   image.Rectangle
	}{
		{"Free returns the rectangle within bounds", AspectFree, image.Rect(-5, 10, 300, 900), image.Rect(0, 10, 300, 800)},
		{"a square in a wide rectangle is centred across", Aspect1x1, image.Rect(0, 0, 1000, 800), image.Rect(100, 0, 900, 800)},
		{"a square in a tall rectangle is centred down", Aspect1x1, image.Rect(0, 0, 300, 501), image.Rect(0, 100, 300, 400)},
		{"4:5 fills the height of a wide image", Aspect4x5, image.Rect(0, 0, 1000, 800), image.Rect(180, 0, 820, 800)},
		{"16:9 uses exact multiples of 16 and 9", Aspect16x9, image.Rect(0, 0, 1000, 800), image.Rect(4, 121, 996, 679)},
		{"an unreduced ratio behaves as the reduced one", Aspect{8, 10}, image.Rect(0, 0, 1000, 800), image.Rect(180, 0, 820, 800)},
		{"a rectangle too small for one step is empty", Aspect9x16, image.Rect(0, 0, 8, 100), image.Rectangle{}},
		{"a rectangle outside bounds is empty", Aspect1x1, image.Rect(2000, 0, 2100, 100), image.Rectangle{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.aspect.Fit(tt.r, bounds)
			if got != tt.want && !(got.Empty() && tt.want.Empty()) {
				t.Errorf("%v.Fit(%v) = %v, want %v", tt.aspect, tt.r, got, tt.want)
			}
		})
	}
}

func TestSuggestCrop(t *testing.T) {
	bounds := image.Rect(0, 0, 400, 300)
	tests := []struct {
		name   string
		avoid  []image.Rectangle
		aspect Aspect
		want   image.Rectangle
		ok     bool
	}{
		{"nothing to avoid gives the whole image", nil, AspectFree, bounds, true},
		{"nothing to avoid gives the centred square", nil, Aspect1x1, image.Rect(50, 0, 350, 300), true},
		{"a face on the left leaves the right", []image.Rectangle{image.Rect(0, 0, 150, 120)}, AspectFree, image.Rect(150, 0, 400, 300), true},
		{"a face at the top leaves the bottom for 16:9", []image.Rectangle{image.Rect(100, 0, 300, 100)}, Aspect16x9, image.Rect(24, 101, 376, 299), true},
		{"a rectangle covering the image leaves nothing", []image.Rectangle{image.Rect(-10, -10, 500, 500)}, AspectFree, image.Rectangle{}, false},
		{"a strip thinner than the minimum is refused", []image.Rectangle{image.Rect(0, 0, 400, 290)}, AspectFree, image.Rectangle{}, false},
		{"rectangles outside the image are ignored", []image.Rectangle{image.Rect(500, 500, 600, 600)}, AspectFree, bounds, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SuggestCrop(bounds, tt.avoid, tt.aspect)
			if ok != tt.ok || (ok && got != tt.want) {
				t.Errorf("SuggestCrop = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestSuggestCropMatchesExhaustiveSearch compares the area SuggestCrop finds
// with a brute-force search over every crop on small random layouts.
func TestSuggestCropMatchesExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 150 {
		bounds := image.Rect(0, 0, 24+rng.IntN(26), 24+rng.IntN(26))
		var avoid []image.Rectangle
		for range rng.IntN(5) {
			x, y := rng.IntN(bounds.Dx()+10)-5, rng.IntN(bounds.Dy()+10)-5
			avoid = append(avoid, image.Rect(x, y, x+1+rng.IntN(15), y+1+rng.IntN(15)))
		}
		for _, aspect := range []Aspect{AspectFree, Aspect1x1, Aspect4x5, Aspect16x9} {
			got, ok := SuggestCrop(bounds, avoid, aspect)
			want := exhaustiveArea(bounds, avoid, aspect)
			if ok != (want > 0) || (ok && got.Dx()*got.Dy() != want) {
				t.Fatalf("case %d %v in %v avoiding %v: got %v (%v), want area %d", i, aspect, bounds, avoid, got, ok, want)
			}
			if ok && !valid(got, bounds, avoid, aspect) {
				t.Fatalf("case %d: %v is not a valid %v crop", i, got, aspect)
			}
		}
	}
}

func valid(c, bounds image.Rectangle, avoid []image.Rectangle, a Aspect) bool {
	if !c.In(bounds) || c.Dx() < MinSuggestedCrop || c.Dy() < MinSuggestedCrop {
		return false
	}
	if !a.IsFree() && c.Dx()*a.H != c.Dy()*a.W {
		return false
	}
	for _, o := range avoid {
		if c.Overlaps(o) {
			return false
		}
	}
	return true
}

func exhaustiveArea(bounds image.Rectangle, avoid []image.Rectangle, a Aspect) int {
	best := 0
	for h := MinSuggestedCrop; h <= bounds.Dy(); h++ {
		for w := MinSuggestedCrop; w <= bounds.Dx(); w++ {
			if w*h <= best || (!a.IsFree() && w*a.H != h*a.W) {
				continue
			}
		positions:
			for y := bounds.Min.Y; y+h <= bounds.Max.Y; y++ {
				for x := bounds.Min.X; x+w <= bounds.Max.X; x++ {
					if valid(image.Rect(x, y, x+w, y+h), bounds, avoid, a) {
						best = w * h
						break positions
					}
				}
			}
		}
	}
	return best
}

func BenchmarkSuggestCrop20Regions12MP(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	var avoid []image.Rectangle
	for range 20 {
		x, y := rng.IntN(3600), rng.IntN(2600)
		avoid = append(avoid, image.Rect(x, y, x+100+rng.IntN(300), y+100+rng.IntN(300)))
	}
	b.ReportAllocs()
	for b.Loop() {
		SuggestCrop(image.Rect(0, 0, 4000, 3000), avoid, Aspect4x5)
	}
}
