package face

import (
	"math"
	"math/rand/v2"
	"testing"
)

func randTensor(r *rand.Rand, c, h, w int) *tensor {
	t := newTensor(c, h, w)
	for i := range t.data {
		t.data[i] = float32(r.NormFloat64())
	}
	return t
}

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.NormFloat64())
	}
	return s
}

// refConv is the ONNX Conv definition written out directly, with float64
// sums: out[o,y,x] = bias[o] + Σ w[o,i,ky,kx]·in[g(o)+i, y·s+ky−padT, x·s+kx−padL].
func refConv(c *conv, in, res *tensor) *tensor {
	oh, ow := c.outSize(in.h, in.w)
	out := newTensor(c.co, oh, ow)
	cin := c.ci
	if c.depthwise {
		cin = 1
	}
	for o := 0; o < c.co; o++ {
		for y := 0; y < oh; y++ {
			for x := 0; x < ow; x++ {
				var s float64
				if c.bias != nil {
					s = float64(c.bias[o])
				}
				for i := 0; i < cin; i++ {
					ch := i
					if c.depthwise {
						ch = o
					}
					for ky := 0; ky < c.k; ky++ {
						for kx := 0; kx < c.k; kx++ {
							iy, ix := y*c.stride+ky-c.padT, x*c.stride+kx-c.padL
							if iy < 0 || iy >= in.h || ix < 0 || ix >= in.w {
								continue
							}
							wv := c.w[((o*cin+i)*c.k+ky)*c.k+kx]
							s += float64(wv) * float64(in.data[(ch*in.h+iy)*in.w+ix])
						}
					}
				}
				if res != nil {
					s += float64(res.data[(o*oh+y)*ow+x])
				}
				if c.relu && s < 0 {
					s = 0
				}
				out.data[(o*oh+y)*ow+x] = float32(s)
			}
		}
	}
	return out
}

func refMaxPool(m *maxPool, in *tensor) *tensor {
	oh, ow := m.outSize(in.h, in.w)
	out := newTensor(in.c, oh, ow)
	for c := 0; c < in.c; c++ {
		for y := 0; y < oh; y++ {
			for x := 0; x < ow; x++ {
				best := float32(math.Inf(-1))
				for ky := 0; ky < m.k; ky++ {
					for kx := 0; kx < m.k; kx++ {
						best = max(best, in.data[(c*in.h+y*m.stride+ky)*in.w+x*m.stride+kx])
					}
				}
				out.data[(c*oh+y)*ow+x] = best
			}
		}
	}
	return out
}

func assertClose(t *testing.T, got, want *tensor, tol float64) {
	t.Helper()
	if got.c != want.c || got.h != want.h || got.w != want.w {
		t.Fatalf("shape %dx%dx%d, want %dx%dx%d", got.c, got.h, got.w, want.c, want.h, want.w)
	}
	for i := range want.data {
		g, w := float64(got.data[i]), float64(want.data[i])
		if math.Abs(g-w) > tol*(1+math.Abs(w)) {
			t.Fatalf("value %d = %g, want %g", i, g, w)
		}
	}
}

func TestConvMatchesReference(t *testing.T) {
	tests := []struct {
		name                 string
		ci, co, k, stride, h int
		pads                 [4]int
		depthwise, bias      bool
		residual, relu       bool
	}{
		{"a 5x5 stride-2 stem with uneven padding", 3, 24, 5, 2, 20, [4]int{1, 1, 2, 2}, false, true, false, true},
		{"a 1x1 convolution with bias, residual and relu", 24, 24, 1, 1, 17, [4]int{}, false, true, true, true},
		{"a 1x1 convolution with channel counts that are not multiples of four", 5, 6, 1, 1, 9, [4]int{}, false, true, false, false},
		{"a 1x1 widening convolution without bias", 24, 48, 1, 1, 8, [4]int{}, false, false, false, false},
		{"a 3x3 depthwise convolution", 24, 24, 3, 1, 13, [4]int{1, 1, 1, 1}, true, false, false, false},
		{"a 3x3 stride-2 depthwise convolution padded at the end", 48, 48, 3, 2, 16, [4]int{0, 0, 1, 1}, true, false, false, false},
		{"a depthwise convolution with bias, residual and relu", 8, 8, 3, 1, 6, [4]int{1, 1, 1, 1}, true, true, true, true},
		{"a dense 3x3 convolution on a one-pixel map", 4, 4, 3, 1, 1, [4]int{1, 1, 1, 1}, false, true, false, false},
		{"a stride-2 depthwise convolution on a two-pixel map", 4, 4, 3, 2, 2, [4]int{0, 0, 1, 1}, true, false, false, false},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &conv{ci: tc.ci, co: tc.co, k: tc.k, stride: tc.stride, depthwise: tc.depthwise, relu: tc.relu,
				padT: tc.pads[0], padL: tc.pads[1], padB: tc.pads[2], padR: tc.pads[3]}
			per := tc.ci * tc.k * tc.k
			if tc.depthwise {
				per = tc.k * tc.k
			}
			c.w = randSlice(r, tc.co*per)
			if tc.bias {
				c.bias = randSlice(r, tc.co)
			}
			in := randTensor(r, tc.ci, tc.h, tc.h+3)
			oh, ow := c.outSize(in.h, in.w)
			var res *tensor
			if tc.residual {
				res = randTensor(r, tc.co, oh, ow)
			}
			got := newTensor(tc.co, oh, ow)
			c.run(in, res, got, nil)
			assertClose(t, got, refConv(c, in, res), 1e-4)
		})
	}
}

func TestMaxPoolPadAndAddMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	in := randTensor(r, 5, 10, 14)
	m := &maxPool{k: 2, stride: 2}
	oh, ow := m.outSize(in.h, in.w)
	got := newTensor(5, oh, ow)
	m.run(in, got)
	assertClose(t, got, refMaxPool(m, in), 0)

	padded := newTensor(9, 10, 14)
	padChannels(in, padded)
	for i, v := range padded.data {
		want := float32(0)
		if i < len(in.data) {
			want = in.data[i]
		}
		if v != want {
			t.Fatalf("padded value %d = %g, want %g", i, v, want)
		}
	}

	b := randTensor(r, 5, 10, 14)
	sum := newTensor(5, 10, 14)
	addRelu(in, b, sum, true)
	for i := range sum.data {
		if want := max(0, in.data[i]+b.data[i]); sum.data[i] != want {
			t.Fatalf("sum %d = %g, want %g", i, sum.data[i], want)
		}
	}
}

func TestWeightedNMSBlendsOverlapsAndKeepsSeparateBoxes(t *testing.T) {
	boxes := []box{
		{0, 0, 10, 10, 0.9},
		{2, 0, 12, 10, 0.6},   // overlaps the first (IoU 0.67): blended into it
		{50, 50, 60, 60, 0.7}, // alone
	}
	got := weightedNMS(boxes, 0.3)
	if len(got) != 2 {
		t.Fatalf("got %d boxes, want 2: %v", len(got), got)
	}
	wantX0 := (0.9*0 + 0.6*2) / 1.5
	if math.Abs(got[0].x0-wantX0) > 1e-9 || got[0].score != 0.9 {
		t.Errorf("blended box %v, want x0 %g and score 0.9", got[0], wantX0)
	}
	if g := got[1]; math.Abs(g.x0-50)+math.Abs(g.y1-60) > 1e-9 || g.score != 0.7 {
		t.Errorf("separate box %v changed", got[1])
	}
}

func TestDropContainedRemovesAFaceInsideALargerOne(t *testing.T) {
	got := dropContained([]box{{10, 10, 20, 20, 0.9}, {0, 0, 100, 100, 0.8}, {200, 200, 210, 210, 0.7}}, 0.7)
	if len(got) != 2 || got[0].score != 0.8 || got[1].score != 0.7 {
		t.Errorf("got %v, want the large box and the separate one", got)
	}
}

// TestFusedDepthwiseAndPointwiseMatchReference runs a 3×3 depthwise
// convolution fused into a 1×1 one (band by band) on maps narrower and
// wider than one band, and compares with the two reference convolutions.
func TestFusedDepthwiseAndPointwiseMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, size := range [][3]int{{24, 5, 7}, {24, 40, 700}, {48, 33, 17}, {5, 9, 12}} {
		ch, h, w := size[0], size[1], size[2]
		dw := &conv{ci: ch, co: ch, k: 3, stride: 1, depthwise: true, padT: 1, padL: 1, padB: 1, padR: 1,
			w: randSlice(r, ch*9)}
		pw := &conv{ci: ch, co: ch, k: 1, stride: 1, relu: true, pre: dw, w: randSlice(r, ch*ch), bias: randSlice(r, ch)}
		in, res := randTensor(r, ch, h, w), randTensor(r, ch, h, w)
		got := newTensor(ch, h, w)
		pw.run(in, res, got, nil)
		assertClose(t, got, refConv(pw, refConv(dw, in, nil), res), 1e-4)
	}
}

func TestConfirmKeepsWeakBoxesAnotherPassBacks(t *testing.T) {
	at := func(x, score float64) box { return box{x, 0, x + 10, 10, score} }
	strong := [][]box{{at(0, 0.9)}, nil, nil}
	weak := [][]box{
		{at(100, 0.56)},            // pairs with pass 2's 0.58
		{at(1, 0.5), at(201, 0.5)}, // backed by pass 0's strong box; 201 pairs with nothing
		{at(101, 0.58), at(200, 0.5)},
	}
	got := confirm(strong, weak)
	want := []box{at(0, 0.9), at(100, 0.56), at(1, 0.5), at(101, 0.58)}
	if len(got) != len(want) {
		t.Fatalf("confirmed %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("confirmed %v, want %v", got, want)
		}
	}
}
