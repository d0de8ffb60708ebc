package face

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

func randomTensor(r *rand.Rand, c, h, w int) *tensor {
	t := newTensor(c, h, w)
	for i := range t.data {
		t.data[i] = r.Float32()*2 - 1
	}
	return t
}

// naivePool is the definition of TensorFlow's max pool: the maximum over
// the window positions inside the input, the window starting padBefore
// before the output position times the stride.
func naivePool(p *padPool, in *tensor) *tensor {
	oh, ow := p.outSize(in.h, in.w)
	out := newTensor(in.c, oh, ow)
	for c := range in.c {
		for y := range oh {
			for x := range ow {
				best := float32(math.Inf(-1))
				for ky := range p.k {
					for kx := range p.k {
						iy, ix := y*p.stride-p.padBefore+ky, x*p.stride-p.padBefore+kx
						if iy >= 0 && iy < in.h && ix >= 0 && ix < in.w {
							best = max(best, in.data[(c*in.h+iy)*in.w+ix])
						}
					}
				}
				out.data[(c*oh+y)*ow+x] = best
			}
		}
	}
	return out
}

func TestPadPoolMatchesItsDefinition(t *testing.T) {
	tests := []struct {
		name string
		pool padPool
	}{
		{"a 3×3 window at stride 2, padded after, halves the map", padPool{k: 3, stride: 2, padAfter: 1}},
		{"a 3×3 window at stride 1, padded both sides, keeps its size", padPool{k: 3, stride: 1, padBefore: 1, padAfter: 1}},
		{"a 2×2 window at stride 2 without padding halves the map", padPool{k: 2, stride: 2}},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := randomTensor(r, 3, 12, 10)
			want := naivePool(&tt.pool, in)
			got := newTensor(want.c, want.h, want.w)
			tt.pool.run(in, got, nil)
			for i := range want.data {
				if got.data[i] != want.data[i] {
					t.Fatalf("value %d = %v, want %v", i, got.data[i], want.data[i])
				}
			}
		})
	}
}

func TestStretchToTheSameSizeCopies(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	in := randomTensor(r, 3, 8, 16)
	out := newTensor(3, 8, 16)
	stretch(in, image.Rect(0, 0, 16, 8), out)
	for i := range in.data {
		if out.data[i] != in.data[i] {
			t.Fatalf("value %d = %v, want %v", i, out.data[i], in.data[i])
		}
	}
}

func TestStretchInterpolatesBetweenColumns(t *testing.T) {
	// A picture 2 pixels wide (values 0 and 1 on every row) in a wider
	// canvas, stretched to 4: pixel centres at −0.25, 0.25, 0.75, 1.25
	// of the source, clamped at the edges.
	in := newTensor(1, 1, 5)
	copy(in.data, []float32{0, 1, 9, 9, 9})
	out := newTensor(1, 1, 4)
	stretch(in, image.Rect(0, 0, 2, 1), out)
	want := []float32{0, 0.25, 0.75, 1}
	for i, w := range want {
		if math.Abs(float64(out.data[i]-w)) > 1e-6 {
			t.Errorf("column %d = %v, want %v", i, out.data[i], w)
		}
	}
}

func TestTurningBothWaysRestoresTheCanvas(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	in := randomTensor(r, 3, 4, 6)
	cw, back := newTensor(3, 6, 4), newTensor(3, 4, 6)
	turnInto(in, cw, 1)
	// The top-left pixel goes to the top-right corner when turned clockwise.
	if cw.data[3] != in.data[0] {
		t.Errorf("top-left pixel went elsewhere")
	}
	turnInto(cw, back, 3)
	for i := range in.data {
		if back.data[i] != in.data[i] {
			t.Fatalf("value %d = %v after turning back, want %v", i, back.data[i], in.data[i])
		}
	}
}

func TestUnturnMapsABoxBack(t *testing.T) {
	// A 200×100 canvas holding a 400×200 photo at half scale; a box at
	// (20, 10)–(60, 30) on the canvas.
	fr := fbFrame{w: 200, h: 100, pic: image.Rect(0, 0, 200, 100), sx: 0.5, sy: 0.5}
	want := box{x0: 40, y0: 20, x1: 120, y1: 60}
	tests := []struct {
		name string
		turn int
		in   box // the box on the turned (100×200) canvas
	}{
		{"a box on the canvas turned clockwise", 1, box{x0: 70, y0: 20, x1: 90, y1: 60}},
		{"a box on the canvas turned anticlockwise", 3, box{x0: 10, y0: 140, x1: 30, y1: 180}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" maps back to the photo", func(t *testing.T) {
			if got := fr.unturn(tt.in, tt.turn); got != want {
				t.Errorf("unturn = %+v, want %+v", got, want)
			}
		})
	}
}

func TestMergeSecondOpinion(t *testing.T) {
	face := box{x0: 100, y0: 100, x1: 200, y1: 200}
	at := func(b box, s float64) box { b.score = s; return b }
	elsewhere := box{x0: 400, y0: 400, x1: 450, y1: 450}
	tests := []struct {
		name           string
		blaze, up, sid []box
		want           int
	}{
		{"a sure BlazeFace box stays without support", []box{at(face, 0.9)}, nil, nil, 1},
		{"an unsure BlazeFace box alone is dropped", []box{at(face, 0.6)}, []box{at(elsewhere, 0.3)}, nil, 0},
		{"an unsure box that FaceBoxes supports stays", []box{at(face, 0.6)}, []box{at(face, 0.3)}, nil, 1},
		{"an unsure box that the turned pass supports stays", []box{at(face, 0.6)}, nil, []box{at(face, 0.3)}, 1},
		{"a FaceBoxes face joins on its own", nil, []box{at(elsewhere, 0.6)}, nil, 1},
		{"a weak FaceBoxes box only vouches", nil, []box{at(elsewhere, 0.3)}, nil, 0},
		{"turned-pass boxes only vouch", nil, nil, []box{at(elsewhere, 0.9)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needs := func(b box) bool { return b.score < blazeSure }
			if got := mergeSecondOpinion(tt.blaze, tt.up, tt.sid, needs); len(got) != tt.want {
				t.Errorf("%d boxes %+v, want %d", len(got), got, tt.want)
			}
		})
	}
}

func TestAgreed(t *testing.T) {
	face := box{x0: 100, y0: 100, x1: 200, y1: 200}
	near := box{x0: 110, y0: 105, x1: 210, y1: 205}
	elsewhere := box{x0: 400, y0: 400, x1: 450, y1: 450}
	at := func(b box, s float64) box { b.score = s; return b }
	tests := []struct {
		name  string
		b     box
		blaze []box
		want  bool
	}{
		{"a box another pass finds too is agreed", at(face, 0.75), []box{at(near, 0.6)}, true},
		{"a box alone is not agreed", at(face, 0.75), []box{at(elsewhere, 0.9)}, false},
		{"a box below agreeSure is not agreed", at(face, 0.65), []box{at(near, 0.9)}, false},
		{"a box whose partner scores below pairScore is not agreed", at(face, 0.75), []box{at(near, 0.5)}, false},
		{"a box does not agree with its own copy", at(face, 0.75), []box{at(face, 0.75)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blaze := append([]box{tt.b}, tt.blaze...)
			if got := agreed(tt.b, blaze); got != tt.want {
				t.Errorf("agreed = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestUnturnFollowsTurnCanvas(t *testing.T) {
	// One bright pixel at (1, 2) of a 6×4 canvas: wherever turnInto puts
	// it, unturn must bring its one-pixel box back to (1, 2).
	in := newTensor(1, 4, 6)
	in.data[2*6+1] = 1
	fr := fbFrame{w: 6, h: 4, pic: image.Rect(0, 0, 6, 4), sx: 1, sy: 1}
	for _, turn := range []int{1, 3} {
		out := newTensor(1, 6, 4)
		turnInto(in, out, turn)
		at := -1
		for i, v := range out.data {
			if v == 1 {
				at = i
			}
		}
		x, y := float64(at%out.w), float64(at/out.w)
		got := fr.unturn(box{x0: x, y0: y, x1: x + 1, y1: y + 1}, turn)
		if want := (box{x0: 1, y0: 2, x1: 2, y1: 3}); got != want {
			t.Errorf("turn %d: pixel box maps back to %+v, want %+v", turn, got, want)
		}
	}
}
