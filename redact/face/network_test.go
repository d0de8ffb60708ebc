package face

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"math"
	"os"
	"slices"
	"sync"
	"testing"

	"veil/assets"
)

var update = flag.Bool("update", false, "rewrite testdata/astronaut-faces.json")

// refRun evaluates the compiled network with the naive reference operators
// of ops_test.go, as an independent check of the fast kernels.
func refRun(n *network, input *tensor) []*tensor {
	vals := make([]*tensor, n.nslots)
	vals[0] = input
	for _, st := range n.steps {
		in, res := vals[st.in], (*tensor)(nil)
		if st.res >= 0 {
			res = vals[st.res]
		}
		var out *tensor
		switch st.kind {
		case stepConv:
			if st.conv.pre != nil {
				in = refConv(st.conv.pre, in, nil)
			}
			out = refConv(st.conv, in, res)
		case stepPool:
			out = refMaxPool(st.pool, in)
		case stepPadChannels:
			out = newTensor(in.c+st.extra, in.h, in.w)
			copy(out.data, in.data)
		case stepAdd:
			out = newTensor(in.c, in.h, in.w)
			for i, v := range in.data {
				if res != nil {
					v += res.data[i]
				}
				if st.relu || res == nil {
					v = max(v, 0)
				}
				out.data[i] = v
			}
		}
		vals[st.out] = out
	}
	outs := make([]*tensor, len(n.heads))
	for i, h := range n.heads {
		outs[i] = vals[h.slot]
	}
	return outs
}

func astronaut(t testing.TB) image.Image {
	t.Helper()
	img, err := decodeFile("testdata/astronaut.png")
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestNetworkMatchesNaiveReferenceOnAstronaut(t *testing.T) {
	d := newTestDetector(t)
	ps := passes(512, 512)
	close := ps[slices.IndexFunc(ps, func(p placement) bool { return p.w == closeSide && p.h == closeSide })]
	in, _ := prepare(astronaut(t), close, nil)
	got, err := d.net.run(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := refRun(d.net, in)
	if len(got) != 4 {
		t.Fatalf("%d heads, want 4", len(got))
	}
	for i := range want {
		assertClose(t, got[i], want[i], 1e-3)
	}
	// The heads are the 16×16 map (2 anchors) and the 8×8 map (6 anchors):
	// 512 + 384 = 896 anchors, MediaPipe's count for this model.
	anchors := 0
	for i, h := range d.net.heads {
		if h.k == 1 {
			anchors += got[i].c * got[i].h * got[i].w
		}
	}
	if anchors != 896 {
		t.Errorf("%d anchors at 256×256, want 896", anchors)
	}
}

// TestAstronautFacesMatchGolden compares the detections on scikit-image's
// astronaut photo with testdata/astronaut-faces.json (go test -update
// rewrites it; a mismatch is written to testdata/failed/).
func TestAstronautFacesMatchGolden(t *testing.T) {
	faces, err := newTestDetector(t).Detect(astronaut(t))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(faces, "", " ")
	const golden = "testdata/astronaut-faces.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantBytes, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want []Face
	if err := json.Unmarshal(wantBytes, &want); err != nil {
		t.Fatal(err)
	}
	if !sameFaces(faces, want) {
		os.MkdirAll("testdata/failed", 0o755)
		os.WriteFile("testdata/failed/astronaut-faces.json", got, 0o644)
		t.Errorf("faces %v, want %v", faces, want)
	}
	// Eileen Collins' face is at about (175, 80)–(280, 185) in the 512×512 photo.
	if len(faces) != 1 || faces[0].X < 150 || faces[0].X > 200 || faces[0].Y < 50 || faces[0].Y > 110 || faces[0].W < 80 {
		t.Errorf("faces %v, want one face near (175, 80)", faces)
	}
}

func sameFaces(a, b []Face) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if abs(a[i].X-b[i].X) > 1 || abs(a[i].Y-b[i].Y) > 1 || abs(a[i].W-b[i].W) > 1 || abs(a[i].H-b[i].H) > 1 ||
			math.Abs(a[i].Score-b[i].Score) > 1e-3 {
			return false
		}
	}
	return true
}

func abs(v int) int { return max(v, -v) }

// rotate90 turns img a quarter turn clockwise.
func rotate90(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Set(b.Dy()-1-y, x, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}

func TestAFaceTurnedAQuarterStillFound(t *testing.T) {
	faces, err := newTestDetector(t).Detect(rotate90(astronaut(t)))
	if err != nil {
		t.Fatal(err)
	}
	// Upright the face is near x 175–280, y 80–185; turned clockwise it is
	// near x 512−185…512−80, y 175–280.
	for _, f := range faces {
		cx, cy := f.X+f.W/2, f.Y+f.H/2
		if cx > 290 && cx < 430 && cy > 170 && cy < 290 {
			return
		}
	}
	t.Errorf("faces %v, want one near (380, 230)", faces)
}

func TestCorruptModelsAreRefusedWithAnError(t *testing.T) {
	model := assets.BlazeFaceBack
	tests := []struct {
		name  string
		model []byte
	}{
		{"an empty file", nil},
		{"a text file", []byte("hello, this is not a model")},
		{"the model cut in half", model[:len(model)/2]},
		{"the model without its last byte", model[:len(model)-1]},
		{"the model with a huge field length", append([]byte{0x3a, 0xff, 0xff, 0xff, 0xff, 0x0f}, model...)},
		{"the model with a flipped weight byte count", flipped(model, bytes.Index(model, []byte("conv2d_36/BiasAdd/ReadVariableOp:0"))-3)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewFromModel(tc.model)
			var me ModelError
			if err == nil || !errors.As(err, &me) {
				t.Errorf("error %v, want a ModelError", err)
			}
		})
	}
}

func flipped(b []byte, at int) []byte {
	c := bytes.Clone(b)
	if at >= 0 && at < len(c) {
		c[at] ^= 0x55
	}
	return c
}

// TestTruncationsOfTheModelAreRefused cuts the model at every length in its
// first 4 KiB (headers, first nodes) and at every 499th length after that:
// each must give an error, never a panic or a detector.
func TestTruncationsOfTheModelAreRefused(t *testing.T) {
	model := assets.BlazeFaceBack
	for n := 0; n < len(model); n++ {
		if n > 4096 {
			n = min(n+498, len(model)-1)
		}
		if _, err := NewFromModel(model[:n]); err == nil {
			t.Fatalf("model cut to %d bytes accepted", n)
		}
	}
}

func FuzzNewFromModel(f *testing.F) {
	f.Add(assets.BlazeFaceBack)
	f.Add(assets.BlazeFaceBack[:4096])
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := NewFromModel(b)
		if err != nil {
			return
		}
		// A model that compiles must run, or fail cleanly, on a small input.
		_, _ = d.Detect(image.NewGray(image.Rect(0, 0, 64, 48)))
	})
}

func ExampleDetector_Detect() {
	d, err := New()
	if err != nil {
		fmt.Println(err)
		return
	}
	img, err := decodeFile("testdata/astronaut.png")
	if err != nil {
		fmt.Println(err)
		return
	}
	faces, err := d.Detect(img)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(faces), "face")
	// Output: 1 face
}

// TestConcurrentDetectionsAgreeWithSequentialOnes shares one Detector (and
// so its pool of workspaces) between goroutines detecting on photos of
// different sizes, and expects exactly the faces of a lone call.
func TestConcurrentDetectionsAgreeWithSequentialOnes(t *testing.T) {
	d := newTestDetector(t)
	imgs := []image.Image{astronaut(t), toYCbCr(astronaut(t), 1500, 1100), rotate90(astronaut(t))}
	want := make([][]Face, len(imgs))
	for i, img := range imgs {
		faces, err := d.Detect(img)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = faces
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(imgs))
	for g := range 4 {
		wg.Go(func() {
			for k := range imgs {
				i := (k + g) % len(imgs)
				faces, err := d.Detect(imgs[i])
				if err == nil && !slices.Equal(faces, want[i]) {
					err = fmt.Errorf("image %d: faces %v, want %v", i, faces, want[i])
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestDetectHandlesExtremeShapes(t *testing.T) {
	d := newTestDetector(t)
	for _, size := range []image.Point{{1, 1}, {1, 5000}, {5000, 1}, {33, 33}, {31, 2000}, {3000, 17}, {257, 255}} {
		t.Run(fmt.Sprintf("a %dx%d photo gives no error and boxes inside it", size.X, size.Y), func(t *testing.T) {
			img := image.NewYCbCr(image.Rect(10, 20, 10+size.X, 20+size.Y), image.YCbCrSubsampleRatio420)
			faces, err := d.Detect(img)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range faces {
				if !image.Rect(f.X, f.Y, f.X+f.W, f.Y+f.H).In(img.Bounds()) {
					t.Errorf("face %v outside %v", f, img.Bounds())
				}
			}
		})
	}
}
