package face

import (
	"encoding/json"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"
)

// astronautFace is Eileen Collins' face in testdata/astronaut.png, as
// tools/faces/boxes.json records it.
var astronautFace = image.Rect(181, 73, 181+83, 73+102)

// TestFacesInHardPosesAreFound turns and cuts the astronaut photo the
// ways intimate photos put faces (upside down, tilted beyond a quarter,
// cut by the frame) and checks that the face is still found, and that the
// boxes match testdata/hard-*.json (go test -update rewrites them; a
// mismatch is written to testdata/failed/). Upright passes with black
// borders alone (the earlier pass plan) missed the face upside down at
// 190° and cut by either edge; tilted at 135° they found it, and that case
// guards the boxes against drift.
func TestFacesInHardPosesAreFound(t *testing.T) {
	src := astronaut(t)
	f := astronautFace
	cutX := f.Min.X + f.Dx()*55/100 // through the nose: the left half shows
	cutY := f.Min.Y + f.Dy()*45/100 // below the eyes: the lower half shows
	tests := []struct {
		name  string
		img   image.Image
		face  image.Rectangle
		boxes int
	}{
		{"upside-down-190", tilt(src, 190), tiltedBox(f, 190, src.Bounds(), tilt(src, 190).Bounds()), 1},
		// Tilted, a fold of her suit scores 0.61 with BlazeFace alone: the
		// second opinion (FaceBoxes) does not vouch for it, so one box.
		{"tilted-135", tilt(src, 135), tiltedBox(f, 135, src.Bounds(), tilt(src, 135).Bounds()), 1},
		{"cut-right", imaging.Crop(src, image.Rect(0, 0, cutX, 512)), image.Rect(f.Min.X, f.Min.Y, cutX, f.Max.Y), 1},
		{"cut-top", imaging.Crop(src, image.Rect(0, cutY, 512, 512)), image.Rect(f.Min.X, 0, f.Max.X, f.Max.Y-cutY), 1},
	}
	d := newTestDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			faces, err := d.Detect(tt.img)
			if err != nil {
				t.Fatal(err)
			}
			if !matches(tt.face, faces) {
				t.Errorf("faces %v, want one on %v", faces, tt.face)
			}
			if len(faces) != tt.boxes {
				t.Errorf("%d boxes, want %d: %v", len(faces), tt.boxes, faces)
			}
			checkGolden(t, "hard-"+tt.name+".json", faces)
		})
	}
}

// tilt turns img by deg degrees clockwise on a mid-grey canvas grown to
// hold it (as ImageMagick's -rotate does for tools/faces).
func tilt(img image.Image, deg float64) *image.NRGBA {
	return imaging.Rotate(img, -deg, color.Gray{128})
}

// tiltedBox is the square of face's mean side centred where tilt puts
// face's centre.
func tiltedBox(face image.Rectangle, deg float64, from, to image.Rectangle) image.Rectangle {
	s, c := math.Sincos(deg * math.Pi / 180)
	cx := float64(face.Min.X+face.Max.X)/2 - float64(from.Dx())/2
	cy := float64(face.Min.Y+face.Max.Y)/2 - float64(from.Dy())/2
	x, y := float64(to.Dx())/2+cx*c-cy*s, float64(to.Dy())/2+cx*s+cy*c
	half := float64(face.Dx()+face.Dy()) / 4
	return image.Rect(int(x-half), int(y-half), int(x+half), int(y+half))
}

// checkGolden compares faces with testdata/name (rewritten with -update).
func checkGolden(t *testing.T, name string, faces []Face) {
	t.Helper()
	got, _ := json.MarshalIndent(faces, "", " ")
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want []Face
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if !sameFaces(faces, want) {
		os.MkdirAll("testdata/failed", 0o755)
		os.WriteFile(filepath.Join("testdata/failed", name), got, 0o644)
		t.Errorf("faces %v, want %v (testdata/%s)", faces, want, name)
	}
}
