package face

import (
	"cmp"
	"encoding/json"
	"errors"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEvalDevSet runs the detector over the photos in $VEIL_FACES_DIR
// (fetched by tools/faces/fetch.sh, made hard by tools/faces/hard) and
// writes the detections as JSON to $VEIL_FACES_OUT (default dets.json in
// that folder). When the folder holds a boxes.json (or $VEIL_FACES_BOXES
// names one) it prints recall per kind of variant and false positives;
// `make eval-faces` does all this. It is skipped when the variable is
// unset. With $VEIL_FACES_ROTATE set to 90 (or 270) each photo is turned a
// quarter clockwise (or anticlockwise) in pixels before detection, and the
// boxes are turned back, so that the same boxes file scores recall on
// sideways photos.
func TestEvalDevSet(t *testing.T) {
	dir := os.Getenv("VEIL_FACES_DIR")
	if dir == "" {
		t.Skip("VEIL_FACES_DIR not set")
	}
	out := cmp.Or(os.Getenv("VEIL_FACES_OUT"), filepath.Join(dir, "dets.json"))
	truthFile := cmp.Or(os.Getenv("VEIL_FACES_BOXES"), filepath.Join(dir, "boxes.json"))
	want, err := readTruth(truthFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	turns := map[string]int{"90": 1, "270": 3}[os.Getenv("VEIL_FACES_ROTATE")]
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	d := newTestDetector(t)
	var results []evalResult
	kinds := map[string]*tally{}
	var took time.Duration
	for _, name := range names {
		img, err := decodeFile(name)
		if err != nil {
			continue
		}
		start := time.Now()
		faces, err := detectTurned(d, img, turns)
		took += time.Since(start)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := filepath.Base(name)
		results = append(results, newEvalResult(base, faces))
		if w, ok := want[base]; ok {
			k := kindOf(base)
			if kinds[k] == nil {
				kinds[k] = &tally{}
			}
			kinds[k].score(base, w, faces)
		}
	}
	writeResults(t, out, results)
	if len(kinds) > 0 {
		var b strings.Builder
		report(&b, kinds)
		t.Logf("%d photos, detection %v in all, against %s:\n%s", len(results), took.Round(time.Millisecond), truthFile, b.String())
		for _, k := range slices.Sorted(maps.Keys(kinds)) {
			if tl := kinds[k]; len(tl.misses)+len(tl.fps) > 0 {
				t.Logf("%s: missed %v; false positives in %v", k, tl.misses, tl.fps)
			}
		}
	}
}

// evalResult is one photo's line in the detections file, in the shape
// `veil inspect --json` prints faces.
type evalResult struct {
	File  string     `json:"file"`
	Faces []evalFace `json:"faces"`
}

type evalFace struct {
	X     int     `json:"x"`
	Y     int     `json:"y"`
	W     int     `json:"w"`
	H     int     `json:"h"`
	Score float64 `json:"score"`
}

func newEvalResult(name string, faces []Face) evalResult {
	r := evalResult{File: name, Faces: []evalFace{}}
	for _, f := range faces {
		r.Faces = append(r.Faces, evalFace(f))
	}
	return r
}

func writeResults(t *testing.T, name string, results []evalResult) {
	b, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// detectTurned detects on img turned turns quarters clockwise and returns
// the faces in the upright image's pixels.
func detectTurned(d *Detector, img image.Image, turns int) ([]Face, error) {
	upright := img.Bounds()
	for range turns {
		img = rotate90(img)
	}
	faces, err := d.Detect(img)
	for i := range faces {
		faces[i] = unturn(faces[i], upright, turns)
	}
	return faces, err
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
