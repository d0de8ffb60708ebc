//go:build !purego

package face

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// withoutAVX2 runs fn with the assembly kernels switched off.
func withoutAVX2(fn func()) {
	saved := haveAVX2
	haveAVX2 = false
	defer func() { haveAVX2 = saved }()
	fn()
}

// TestAssemblyKernelsAgreeWithPureGo runs 1×1 and 3×3 depthwise (stride 1
// and 2) convolutions of many shapes (widths around the kernels' 8- and 16-pixel
// blocks, channel counts that are and are not multiples of six) with the
// AVX2 kernels and with the pure-Go loops, and compares the outputs.
func TestAssemblyKernelsAgreeWithPureGo(t *testing.T) {
	if !haveAVX2 {
		t.Skip("this processor has no AVX2 and FMA")
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, w := range []int{1, 7, 10, 15, 16, 17, 18, 19, 31, 33, 34, 35, 64, 100} {
		for _, tc := range []struct{ ci, co int }{{24, 24}, {3, 5}, {48, 96}, {96, 6}} {
			for _, kind := range []string{"1x1", "depthwise", "stride-2 depthwise"} {
				name := fmt.Sprintf("%s, %d to %d channels, width %d", kind, tc.ci, tc.co, w)
				t.Run(name, func(t *testing.T) {
					c := &conv{ci: tc.ci, co: tc.co, k: 1, stride: 1, relu: true}
					per := tc.ci
					switch kind {
					case "depthwise":
						c = &conv{ci: tc.co, co: tc.co, k: 3, stride: 1, depthwise: true, padT: 1, padL: 1, padB: 1, padR: 1}
						per = 9
					case "stride-2 depthwise":
						c = &conv{ci: tc.co, co: tc.co, k: 3, stride: 2, depthwise: true, padB: 1, padR: 1}
						per = 9
					}
					c.w, c.bias = randSlice(r, tc.co*per), randSlice(r, tc.co)
					in := randTensor(r, c.ci, 9, w)
					oh, ow := c.outSize(in.h, in.w)
					res := randTensor(r, tc.co, oh, ow)
					fast, slow := newTensor(tc.co, oh, ow), newTensor(tc.co, oh, ow)
					c.run(in, res, fast, nil)
					withoutAVX2(func() { c.run(in, res, slow, nil) })
					assertClose(t, fast, slow, 1e-5)
				})
			}
		}
	}
}
