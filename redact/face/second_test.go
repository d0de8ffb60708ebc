package face

import (
	"errors"
	"image"
	"testing"
)

func TestASecondOpinionMayAddDropOrFail(t *testing.T) {
	img := astronaut(t)
	extra := box{x0: 10, y0: 20, x1: 70, y1: 80, score: 0.9}
	tests := []struct {
		name    string
		second  secondOpinion
		want    []image.Rectangle
		wantErr bool
	}{
		{"keeping BlazeFace's boxes and adding one", func(_ image.Image, _ *workspace, b []box) ([]box, error) {
			return append(b, extra), nil
		}, []image.Rectangle{astronautFace, image.Rect(10, 20, 70, 80)}, false},
		{"vouching for none", func(image.Image, *workspace, []box) ([]box, error) { return nil, nil }, nil, false},
		{"failing", func(image.Image, *workspace, []box) ([]box, error) { return nil, errors.New("broken") }, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newTestDetector(t)
			d.second = tt.second
			faces, err := d.Detect(img)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if len(faces) != len(tt.want) {
				t.Fatalf("faces %v, want %v", faces, tt.want)
			}
			for _, w := range tt.want {
				if !matches(w, faces) {
					t.Errorf("faces %v, want one on %v", faces, w)
				}
			}
		})
	}
}
