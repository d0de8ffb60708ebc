package face

import (
	"encoding/json"
	"fmt"
	"image"
	"math"
	"os"
	"testing"
)

// fbReference is one case of testdata/astronaut-faceboxes-tfjs.json: the
// boxes (source pixels) and face probabilities of every anchor scoring at
// least fbRefMin when TensorFlow.js runs the same graph on the image, or
// on the crop [x0, y0, x1, y1] of it (tools/faceboxes-ref).
type fbReference struct {
	File  string `json:"file"`
	Crop  []int  `json:"crop"`
	Boxes []struct {
		Score          float64 `json:"score"`
		X0, Y0, X1, Y1 float64
	} `json:"boxes"`
}

const (
	fbRefMin      = 0.2   // the threshold the reference was printed with
	fbScoreSlack  = 0.002 // face probability, float32 sums in another order
	fbPixelsSlack = 0.05  // box corners, source pixels
)

func loadFaceBoxes(t testing.TB) *faceBoxes {
	t.Helper()
	m, err := newFaceBoxes()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// fbRaw runs the network on img at its own size (no scaling), padded as the
// upstream graph pads it, and returns every anchor's box above minScore,
// before non-maximum suppression.
func fbRaw(t *testing.T, m *faceBoxes, img image.Image, minScore float64) []box {
	t.Helper()
	b := img.Bounds()
	m.side, m.fill = max(b.Dx(), b.Dy()), false
	in, fr := m.canvas(img, nil)
	outs, err := m.net.run(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fbDecode(outs, fr, minScore)
}

func TestFaceBoxesMatchesTensorFlowJS(t *testing.T) {
	data, err := os.ReadFile("testdata/astronaut-faceboxes-tfjs.json")
	if err != nil {
		t.Fatal(err)
	}
	var refs []fbReference
	if err := json.Unmarshal(data, &refs); err != nil {
		t.Fatal(err)
	}
	src, err := decodeFile("testdata/astronaut.png")
	if err != nil {
		t.Fatal(err)
	}
	m := loadFaceBoxes(t)
	for _, ref := range refs {
		img := src
		name := "the whole photo"
		if ref.Crop != nil {
			r := image.Rect(ref.Crop[0], ref.Crop[1], ref.Crop[2], ref.Crop[3])
			img = src.(interface {
				SubImage(image.Rectangle) image.Image
			}).SubImage(r)
			name = "a crop padded to a multiple of 128"
		}
		t.Run(name+" gives the reference's boxes", func(t *testing.T) {
			got := fbRaw(t, m, img, fbRefMin-fbScoreSlack)
			used := make([]bool, len(got))
			for _, w := range ref.Boxes {
				want := box{x0: w.X0, y0: w.Y0, x1: w.X1, y1: w.Y1, score: w.Score}
				j := nearestBox(got, want, used)
				if j < 0 {
					t.Errorf("reference box %+v not found", want)
					continue
				}
				used[j] = true
				if !sameBox(got[j], want) {
					t.Errorf("box %+v, reference %+v", got[j], want)
				}
			}
			for j, u := range used {
				if !u && got[j].score >= fbRefMin+fbScoreSlack {
					t.Errorf("box %+v is not in the reference", got[j])
				}
			}
		})
	}
}

// nearestBox returns the unused box of got closest to want (sum of corner
// distances), or −1.
func nearestBox(got []box, want box, used []bool) int {
	best, bestD := -1, math.Inf(1)
	for j, g := range got {
		d := math.Abs(g.x0-want.x0) + math.Abs(g.y0-want.y0) + math.Abs(g.x1-want.x1) + math.Abs(g.y1-want.y1) +
			100*math.Abs(g.score-want.score)
		if !used[j] && d < bestD {
			best, bestD = j, d
		}
	}
	return best
}

func sameBox(a, b box) bool {
	return math.Abs(a.score-b.score) <= fbScoreSlack &&
		math.Abs(a.x0-b.x0) <= fbPixelsSlack && math.Abs(a.y0-b.y0) <= fbPixelsSlack &&
		math.Abs(a.x1-b.x1) <= fbPixelsSlack && math.Abs(a.y1-b.y1) <= fbPixelsSlack
}

// BenchmarkFaceBoxes12MP measures FaceBoxes alone on a decoded 12-megapixel
// photo, at several canvas sizes (long side).
func BenchmarkFaceBoxes12MP(b *testing.B) {
	m := loadFaceBoxes(b)
	img := photo12MP(b)
	for _, side := range []int{640, 960, 1280, 1920} {
		b.Run(fmt.Sprintf("side=%d", side), func(b *testing.B) {
			m.side = side
			if _, _, err := m.detect(img, nil, nil); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, _, err := m.detect(img, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
