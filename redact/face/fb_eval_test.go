package face

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// TestFaceBoxesEvalDevSet runs FaceBoxes alone over the photos in
// $VEIL_FACES_DIR, as TestEvalDevSet runs Detect, and writes its boxes as
// JSON to $VEIL_FACES_OUT (default fb-dets.json in that folder) for
// shared/faces/score.py. $VEIL_FB_SIDE sets the canvas long side (default
// fbSide) and $VEIL_FB_SCORE the lowest probability kept (default
// fbFloor); $VEIL_FB_FILL=1 or 0 turns m.fill on or off. Skipped when VEIL_FACES_DIR is unset.
func TestFaceBoxesEvalDevSet(t *testing.T) {
	dir := os.Getenv("VEIL_FACES_DIR")
	if dir == "" {
		t.Skip("VEIL_FACES_DIR not set")
	}
	out := os.Getenv("VEIL_FACES_OUT")
	if out == "" {
		out = filepath.Join(dir, "fb-dets.json")
	}
	m := loadFaceBoxes(t)
	if v, err := strconv.Atoi(os.Getenv("VEIL_FB_SIDE")); err == nil {
		m.side = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("VEIL_FB_SCORE"), 64); err == nil {
		m.minScore = v
	}
	if v := os.Getenv("VEIL_FB_FILL"); v != "" {
		m.fill = v == "1"
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	type result struct {
		File  string           `json:"file"`
		Faces []map[string]any `json:"faces"`
	}
	var results []result
	for _, name := range names {
		img, err := decodeFile(name)
		if err != nil {
			continue
		}
		boxes, _, err := m.detect(img, nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := result{File: filepath.Base(name), Faces: []map[string]any{}}
		for _, b := range boxes {
			r.Faces = append(r.Faces, map[string]any{"x": math.Round(b.x0), "y": math.Round(b.y0),
				"w": math.Round(b.x1 - b.x0), "h": math.Round(b.y1 - b.y0), "score": b.score})
		}
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
