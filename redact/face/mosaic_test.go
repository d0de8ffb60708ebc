package face

import (
	"encoding/json"
	"image"
	"image/color"
	"image/draw"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/disintegration/imaging"
)

// TestMosaicSmallFaces pastes the development photos' faces (with context
// around them) at sizes from 40 to 400 pixels into a 4000×3000 photo and
// counts how many Detect finds, per size band. It needs $VEIL_FACES_DIR
// and the boxes file $VEIL_FACES_BOXES (default tools/faces/boxes.json).
func TestMosaicSmallFaces(t *testing.T) {
	dir := os.Getenv("VEIL_FACES_DIR")
	if dir == "" {
		t.Skip("VEIL_FACES_DIR not set")
	}
	boxesFile := os.Getenv("VEIL_FACES_BOXES")
	if boxesFile == "" {
		boxesFile = "../../tools/faces/boxes.json"
	}
	crops := faceCrops(t, dir, boxesFile)
	d := newTestDetector(t)
	sizes := []int{40, 45, 50, 55, 60, 70, 85, 100, 130, 160, 200, 260, 330, 400}
	found, total := map[string]int{}, map[string]int{}
	for round := 0; round < 3; round++ {
		img, placed := buildMosaic(crops, sizes, round)
		faces, err := d.Detect(img)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range placed {
			band := "60+"
			if p.Dx() < 60 {
				band = "40-59"
			}
			total[band]++
			if matches(p, faces) {
				found[band]++
			}
		}
		t.Logf("round %d: %d faces placed, %d boxes", round, len(placed), len(faces))
	}
	for _, band := range []string{"40-59", "60+"} {
		t.Logf("faces %s px: %d/%d found", band, found[band], total[band])
	}
}

type crop struct {
	img  image.Image
	face image.Rectangle // the face box inside img
}

func faceCrops(t *testing.T, dir, boxesFile string) []crop {
	b, err := os.ReadFile(boxesFile)
	if err != nil {
		t.Skip(err)
	}
	var boxes map[string]struct {
		Faces    [][4]int `json:"faces"`
		Category string   `json:"category"`
	}
	if err := json.Unmarshal(b, &boxes); err != nil {
		t.Fatal(err)
	}
	var crops []crop
	for _, name := range slices.Sorted(maps.Keys(boxes)) {
		e := boxes[name]
		if e.Category != "photo" {
			continue
		}
		img, err := decodeFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		for _, f := range e.Faces {
			face := image.Rect(f[0], f[1], f[0]+f[2], f[1]+f[3])
			m := f[2] / 2 // half a face of context on each side
			r := face.Inset(-m).Intersect(img.Bounds())
			crops = append(crops, crop{img: imaging.Crop(img, r), face: face.Sub(r.Min)})
		}
	}
	return crops
}

// buildMosaic places scaled crops on shelves over a grey 4000×3000 canvas
// and returns it (as 4:2:0 YCbCr, like a decoded JPEG) with the face boxes.
func buildMosaic(crops []crop, sizes []int, round int) (image.Image, []image.Rectangle) {
	canvas := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	draw.Draw(canvas, canvas.Bounds(), &image.Uniform{color.RGBA{120, 125, 118, 255}}, image.Point{}, draw.Src)
	var placed []image.Rectangle
	x, y, shelf := 0, 0, 0
	for i := 0; ; i++ {
		c := crops[(i+round*7)%len(crops)]
		size := sizes[(i+round)%len(sizes)]
		s := float64(size) / float64(c.face.Dx())
		w, h := int(float64(c.img.Bounds().Dx())*s), int(float64(c.img.Bounds().Dy())*s)
		if x+w > 4000 {
			x, y, shelf = 0, y+shelf+10, 0
		}
		if y+h > 3000 {
			break
		}
		scaled := imaging.Resize(c.img, w, h, imaging.Linear)
		draw.Draw(canvas, image.Rect(x, y, x+w, y+h), scaled, image.Point{}, draw.Src)
		f := c.face
		placed = append(placed, image.Rect(x+int(float64(f.Min.X)*s), y+int(float64(f.Min.Y)*s),
			x+int(float64(f.Max.X)*s), y+int(float64(f.Max.Y)*s)))
		x += w + 10
		shelf = max(shelf, h)
	}
	return toYCbCr(canvas, 4000, 3000), placed
}

// matches reports whether a face matches g by the evaluation's rule (hit).
func matches(g image.Rectangle, faces []Face) bool {
	gr := [4]float64{float64(g.Min.X), float64(g.Min.Y), float64(g.Dx()), float64(g.Dy())}
	return slices.ContainsFunc(faces, func(f Face) bool {
		return hit(gr, [4]float64{float64(f.X), float64(f.Y), float64(f.W), float64(f.H)})
	})
}
