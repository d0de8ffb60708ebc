package ui

import (
	"slices"
	"testing"

	"veil/app"
	"veil/redact/face"
)

func TestFacesAreNumberedInReadingOrder(t *testing.T) {
	f := func(x, y int) face.Face { return face.Face{X: x, Y: y, W: 100, H: 100} }
	sized := func(x, y, side int) face.Face { return face.Face{X: x, Y: y, W: side, H: side} }
	tests := []struct {
		name string
		in   []face.Face
		want []face.Face
	}{
		{"a row left to right", []face.Face{f(500, 0), f(0, 10), f(250, 30)}, []face.Face{f(0, 10), f(250, 30), f(500, 0)}},
		{"rows top to bottom", []face.Face{f(0, 400), f(300, 0), f(0, 20)}, []face.Face{f(0, 20), f(300, 0), f(0, 400)}},
		{"a small face high beside larger ones is read in their row", []face.Face{f(0, 0), sized(600, 170, 40), f(0, 180), f(300, 180)},
			[]face.Face{f(0, 0), f(0, 180), f(300, 180), sized(600, 170, 40)}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readingOrder(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// manyFaces is a detector that finds n faces in a row, from right to left.
func manyFaces(n int) func(*app.Photo) ([]face.Face, error) {
	return func(*app.Photo) ([]face.Face, error) {
		var fs []face.Face
		for i := range n {
			fs = append(fs, face.Face{X: 480 - 40*(i%12), Y: 20 + 120*(i/12), W: 30, H: 40, Score: 0.9})
		}
		return fs, nil
	}
}
