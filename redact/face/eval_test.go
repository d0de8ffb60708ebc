package face

import (
	"encoding/json"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestEvalDevSet runs the detector over the development photos in
// $VEIL_FACES_DIR (fetched by shared/faces/fetch.sh) and writes the
// detections as JSON to $VEIL_FACES_OUT (default dets.json in that folder)
// for shared/faces/score.py. It is skipped when the variable is unset.
// With $VEIL_FACES_ROTATE set to 90 (or 270) each photo is turned a quarter
// clockwise (or anticlockwise) in pixels before detection, and the boxes
// are turned back, so that the same boxes file scores recall on sideways
// photos.
func TestEvalDevSet(t *testing.T) {
	dir := os.Getenv("VEIL_FACES_DIR")
	if dir == "" {
		t.Skip("VEIL_FACES_DIR not set")
	}
	out := os.Getenv("VEIL_FACES_OUT")
	if out == "" {
		out = filepath.Join(dir, "dets.json")
	}
	d := newTestDetector(t)
	type result struct {
		File  string           `json:"file"`
		Faces []map[string]any `json:"faces"`
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	var results []result
	for _, name := range names {
		img, err := decodeFile(name)
		if err != nil {
			continue
		}
		turns := 0
		switch os.Getenv("VEIL_FACES_ROTATE") {
		case "90":
			turns = 1
		case "270":
			turns = 3
		}
		upright := img.Bounds()
		for range turns {
			img = rotate90(img)
		}
		faces, err := d.Detect(img)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range faces {
			faces[i] = unturn(faces[i], upright, turns)
		}
		r := result{File: filepath.Base(name), Faces: []map[string]any{}}
		for _, f := range faces {
			r.Faces = append(r.Faces, map[string]any{"x": f.X, "y": f.Y, "w": f.W, "h": f.H, "score": f.Score})
		}
		t.Logf("%s: %v", r.File, faces)
		results = append(results, r)
	}
	b, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// unturn maps a face found in an image turned clockwise turns quarters back
// to the upright image with bounds b.
func unturn(f Face, b image.Rectangle, turns int) Face {
	for i := range turns {
		// One clockwise quarter maps upright (x, y) to (H-1-y, x), where H is
		// the height before that turn; undo the last turn first.
		h := b.Dy()
		if (turns-1-i)%2 == 1 {
			h = b.Dx()
		}
		f = Face{X: f.Y, Y: h - f.X - f.W, W: f.H, H: f.W, Score: f.Score}
	}
	return Face{X: f.X + b.Min.X, Y: f.Y + b.Min.Y, W: f.W, H: f.H, Score: f.Score}
}

func decodeFile(name string) (image.Image, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	return img, err
}

func newTestDetector(t testing.TB) *Detector {
	t.Helper()
	d, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
