package app

import (
	"image"
	"strings"
	"testing"

	"veil/redact"
)

func TestPlansRefuseAreasOutsideThePicture(t *testing.T) {
	tests := []struct {
		name string
		plan Plan
		want string
	}{
		{"an area past the edge", Plan{Regions: []redact.Region{{Rect: image.Rect(20, 10, 40, 20)}}},
			"p.jpg: the area 20,10,20,10 lies outside the 32×24 picture"},
		{"a crop past the edge", Plan{Crop: image.Rect(0, 0, 33, 24)},
			"p.jpg: the crop 0,0,33,24 lies outside the 32×24 picture"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := writeFile(t, dir, "p.jpg", jpegWithMetadata(t))
			r := CleanWith(src, Settings{}, tt.plan)
			if r.Err == nil || r.Err.Error() != tt.want {
				t.Errorf("err %v, want %q", r.Err, tt.want)
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("folder holds %v", names)
			}
		})
	}
}

func TestAPlanCoversFacesAndAreasAndCrops(t *testing.T) {
	src := writeFile(t, t.TempDir(), "p.jpg", jpegWithMetadata(t))
	plan := Plan{Faces: true, FaceStyle: redact.Pixelate,
		Regions: []redact.Region{{Rect: image.Rect(2, 2, 10, 10), Shape: redact.Ellipse, Style: redact.Fill}},
		Crop:    image.Rect(0, 0, 30, 20)}
	r := CleanWith(src, Settings{}, plan)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if r.Lossless || r.Width != 30 || r.Height != 20 || len(r.Regions) != 1 || !strings.HasSuffix(r.Output, "p-clean.jpg") {
		t.Errorf("got %+v", r)
	}
}
