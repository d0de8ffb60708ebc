package face

import (
	"image"
	"testing"
)

func TestReflectMirrorsAtBothEndsRepeatingTheEdgePixel(t *testing.T) {
	tests := []struct{ v, want int }{
		{2, 2}, {4, 4}, // inside [2, 5)
		{1, 2}, {0, 3}, {-1, 4}, {-2, 4}, {-3, 3}, // before: 2 3 4 | 4 3 2 | 2 …
		{5, 4}, {6, 3}, {7, 2}, {8, 2}, {9, 3}, // after
	}
	for _, tt := range tests {
		if got := reflect(tt.v, 2, 5); got != tt.want {
			t.Errorf("reflect(%d, 2, 5) = %d, want %d", tt.v, got, tt.want)
		}
	}
}

func TestMirrorPadKeepsThePictureAndMirrorsItOutward(t *testing.T) {
	c := newTensor(1, 4, 6)
	fillConst(c.data, -1)
	pic := image.Rect(1, 1, 4, 3) // 3×2 picture at (1, 1)
	for y := pic.Min.Y; y < pic.Max.Y; y++ {
		for x := pic.Min.X; x < pic.Max.X; x++ {
			c.data[y*c.w+x] = float32(10*y + x)
		}
	}
	mirrorPad(c, pic)
	want := []float32{
		11, 11, 12, 13, 13, 12, // row 0 mirrors row 1
		11, 11, 12, 13, 13, 12,
		21, 21, 22, 23, 23, 22,
		21, 21, 22, 23, 23, 22, // row 3 mirrors row 2
	}
	for i, v := range want {
		if c.data[i] != v {
			t.Fatalf("canvas %v, want %v", c.data, want)
		}
	}
}
