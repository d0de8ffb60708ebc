package face

import "veil/internal/parallel"

// maxPool is an ONNX MaxPool node with a k×k window, stride s and no
// padding (the only form BlazeFace uses: 2×2, stride 2).
type maxPool struct{ k, stride int }

func (m *maxPool) outSize(h, w int) (int, int) {
	return (h-m.k)/m.stride + 1, (w-m.k)/m.stride + 1
}

func (m *maxPool) run(in, out *tensor) {
	parallel.For(0, in.c, 1, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			src, dst := in.plane(ch), out.plane(ch)
			if m.k == 2 && m.stride == 2 {
				pool2x2(src, in.w, dst, out.h, out.w)
				continue
			}
			for y := 0; y < out.h; y++ {
				for x := 0; x < out.w; x++ {
					best := src[y*m.stride*in.w+x*m.stride]
					for ky := 0; ky < m.k; ky++ {
						row := src[(y*m.stride+ky)*in.w+x*m.stride:]
						for kx := 0; kx < m.k; kx++ {
							best = max(best, row[kx])
						}
					}
					dst[y*out.w+x] = best
				}
			}
		}
	})
}

// pool2x2 is the 2×2, stride-2 window on one plane, row pair by row pair.
func pool2x2(src []float32, iw int, dst []float32, oh, ow int) {
	for y := range oh {
		r0 := src[2*y*iw : 2*y*iw+2*ow]
		r1 := src[(2*y+1)*iw : (2*y+1)*iw+2*ow]
		d := dst[y*ow : (y+1)*ow]
		for x := range d {
			d[x] = max(r0[2*x], r0[2*x+1], r1[2*x], r1[2*x+1])
		}
	}
}

// padChannels copies in and appends zero channels up to out.c: the
// ConstantOfShape(0) + Concat(axis 1) pair that BlazeFace uses to widen a
// residual branch.
func padChannels(in, out *tensor) {
	n := copy(out.data, in.data)
	clear(out.data[n:])
}

// addRelu is an unfused Add, optionally followed by Relu.
func addRelu(a, b, out *tensor, relu bool) {
	copy(out.data, a.data)
	axpy(out.data, 1, b.data)
	if relu {
		reluRow(out.data)
	}
}
