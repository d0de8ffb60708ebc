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
	type jface struct {
		X, Y, W, H int
		Score      float64 `json:"score"`
	}
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
		faces, err := d.Detect(img)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
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
