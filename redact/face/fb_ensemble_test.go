package face

import (
	"image"
	"testing"
)

// TestDetectFindsAFaceCutByTheFrame crops the astronaut photo through her
// face (which spans about (175, 67)–(276, 177)) on each side: BlazeFace
// alone misses these half faces; with FaceBoxes' second opinion, Detect
// must return a box on the part that shows.
func TestDetectFindsAFaceCutByTheFrame(t *testing.T) {
	src, err := decodeFile("testdata/astronaut.png")
	if err != nil {
		t.Fatal(err)
	}
	whole := image.Rect(175, 67, 276, 177)
	d := newTestDetector(t)
	tests := []struct {
		name string
		crop image.Rectangle
	}{
		{"a face cut by the right edge (its left half shows)", image.Rect(0, 0, 228, 512)},
		{"a face cut by the left edge (its right half shows)", image.Rect(215, 0, 512, 512)},
		{"a face cut by the top edge (its lower half shows)", image.Rect(0, 115, 512, 512)},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is found", func(t *testing.T) {
			img := src.(interface {
				SubImage(image.Rectangle) image.Image
			}).SubImage(tt.crop)
			faces, err := d.Detect(img)
			if err != nil {
				t.Fatal(err)
			}
			shows := whole.Intersect(tt.crop)
			want := box{x0: float64(shows.Min.X), y0: float64(shows.Min.Y), x1: float64(shows.Max.X), y1: float64(shows.Max.Y)}
			for _, f := range faces {
				got := box{x0: float64(f.X), y0: float64(f.Y), x1: float64(f.X + f.W), y1: float64(f.Y + f.H)}
				if iou(got, want) >= 0.5 {
					return
				}
			}
			t.Errorf("faces %v, none on %v", faces, shows)
		})
	}
}
