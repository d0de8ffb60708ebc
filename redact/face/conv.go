package face

import "veil/internal/parallel"

// conv is one ONNX Conv node (ONNX operator spec "Conv"), either dense
// (group 1) or depthwise (group = channels, one filter per channel), with
// the following Add of a residual and Relu fused in when the graph allows.
type conv struct {
	ci, co    int
	k, stride int
	padT      int // ONNX pads x1_begin (top)
	padL      int // x2_begin (left)
	padB      int // x1_end (bottom)
	padR      int // x2_end (right)
	depthwise bool
	w         []float32 // dense: [co][ci·k·k]; depthwise: [c][k·k]
	bias      []float32 // nil when the node has none
	relu      bool
	// pre, when set, is a 3×3 stride-1 depthwise convolution whose output
	// only this (1×1) convolution reads: the two run band by band, so the
	// intermediate rows stay in cache and never fill a whole tensor.
	pre *conv
}

// outSize is the ONNX output size floor((in + pads − k)/stride) + 1.
func (c *conv) outSize(h, w int) (int, int) {
	return (h+c.padT+c.padB-c.k)/c.stride + 1, (w+c.padL+c.padR-c.k)/c.stride + 1
}

// run computes out from in (and res, when a residual is fused; nil otherwise).
func (c *conv) run(in, res, out *tensor, ws *workspace) {
	switch {
	case c.pre != nil:
		c.runFused(in, res, out, ws)
	case c.depthwise:
		c.runDepthwise(in, res, out)
	case c.k == 1 && c.stride == 1 && c.padT+c.padL+c.padB+c.padR == 0:
		c.runPointwise(in, res, out)
	default:
		c.runIm2col(in, res, out, ws)
	}
}

func (c *conv) runPointwise(in, res, out *tensor) {
	n := in.h * in.w
	var rd []float32
	if res != nil {
		rd = res.data
	}
	parallel.For(0, n, 1024, func(lo, hi int) {
		var r []float32
		if rd != nil {
			r = rd[lo:]
		}
		gemm(out.data[lo:], n, c.w, c.ci, in.data[lo:], n, hi-lo, c.bias, r, n, c.relu)
	})
}

// fusedBand is the size, in values, of a band of depthwise output rows.
const fusedBand = 32768

// runFused runs pre and then this 1×1 convolution on bands of rows.
func (c *conv) runFused(in, res, out *tensor, ws *workspace) {
	h, w := out.h, out.w
	band := max(1, min(h, fusedBand/(c.ci*w)))
	parallel.For(0, (h+band-1)/band, 1, func(lo, hi int) {
		buf := ws.get(c.ci * band * w)
		defer ws.put(buf)
		for b := lo; b < hi; b++ {
			y0, y1 := b*band, min(h, (b+1)*band)
			n := (y1 - y0) * w
			for ch := range c.ci {
				c.pre.depthwiseRows(in.plane(ch), in.h, in.w, buf[ch*n:(ch+1)*n], w, ch, y0, y1)
			}
			var r []float32
			if res != nil {
				r = res.data[y0*w:]
			}
			gemm(out.data[y0*w:], h*w, c.w, c.ci, buf, n, n, c.bias, r, h*w, c.relu)
		}
	})
}

// runIm2col gathers, one output row at a time, the ci·k·k input values that
// each output pixel sees into a patch matrix, then multiplies it by the
// weights with gemm. For a strided convolution the input rows are first
// split into column phases (every s-th column), so that each patch row is
// one contiguous copy.
func (c *conv) runIm2col(in, res, out *tensor, ws *workspace) {
	kk := c.ci * c.k * c.k
	np := out.h * out.w
	src := in
	if c.stride > 1 {
		src = c.phases(in, ws)
		defer ws.put(src.data)
	}
	parallel.For(0, out.h, 4, func(lo, hi int) {
		patch := ws.get(kk * out.w)
		defer ws.put(patch)
		for y := lo; y < hi; y++ {
			c.im2colRow(in, src, y, out.w, patch)
			var r []float32
			if res != nil {
				r = res.data[y*out.w:]
			}
			gemm(out.data[y*out.w:], np, c.w, kk, patch, out.w, out.w, c.bias, r, np, c.relu)
		}
	})
}

// phases returns in with each row split into stride column phases: row
// (ch, y) of the result holds phase p at [p·pw, (p+1)·pw), where
// element j is in[ch, y, j·s+p] (zero past the row's end).
func (c *conv) phases(in *tensor, ws *workspace) *tensor {
	s := c.stride
	pw := (in.w + s - 1) / s
	ph := ws.tensor(in.c, in.h, s*pw)
	parallel.For(0, in.c*in.h, 64, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			srow := in.data[r*in.w : (r+1)*in.w]
			drow := ph.data[r*s*pw : (r+1)*s*pw]
			for p := range s {
				d := drow[p*pw : (p+1)*pw]
				j := 0
				for x := p; x < len(srow); x += s {
					d[j] = srow[x]
					j++
				}
				clear(d[j:])
			}
		}
	})
	return ph
}

// im2colRow fills the patch rows of output row y; src is in itself or, for
// a strided convolution, its column phases.
func (c *conv) im2colRow(in, src *tensor, y, ow int, patch []float32) {
	row := 0
	s := c.stride
	for ch := 0; ch < c.ci; ch++ {
		for ky := 0; ky < c.k; ky++ {
			iy := y*s + ky - c.padT
			for kx := 0; kx < c.k; kx++ {
				dst := patch[row*ow : (row+1)*ow]
				row++
				if iy < 0 || iy >= in.h {
					clear(dst)
					continue
				}
				// Output columns whose input column x·s+kx−padL is inside the row.
				xlo := min(ow, max(0, floorDiv(c.padL-kx+s-1, s)))
				xhi := max(xlo, min(ow, floorDiv(in.w-1+c.padL-kx, s)+1))
				clear(dst[:xlo])
				clear(dst[xhi:])
				// Input column x·s+t is column x+q of phase p.
				t := kx - c.padL
				q := floorDiv(t, s)
				p := t - q*s
				srow := src.data[(ch*in.h+iy)*src.w+p*(src.w/s):]
				copy(dst[xlo:xhi], srow[xlo+q:xhi+q])
			}
		}
	}
}

// runDepthwise filters each channel plane with its own k×k kernel: for each
// output row, each kernel tap adds a strided input row segment.
func (c *conv) runDepthwise(in, res, out *tensor) {
	parallel.For(0, c.co, 1, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			c.depthwiseRows(in.plane(ch), in.h, in.w, out.plane(ch), out.w, ch, 0, out.h)
			dst := out.plane(ch)
			if res != nil {
				axpy(dst, 1, res.plane(ch))
			}
			if c.relu {
				reluRow(dst)
			}
		}
	})
}

// depthwiseRows computes output rows [y0,y1) of channel ch; row y goes to
// dst[(y−y0)·ow:].
func (c *conv) depthwiseRows(src []float32, ih, iw int, dst []float32, ow, ch, y0, y1 int) {
	b := float32(0)
	if c.bias != nil {
		b = c.bias[ch]
	}
	kw := c.w[ch*c.k*c.k : (ch+1)*c.k*c.k]
	if haveAVX2 && c.k == 3 && c.stride == 1 && c.padT == 1 && c.padL == 1 && ow == iw && ow >= 10 {
		dw3x3Rows(src, ih, iw, dst, y0, y1, kw, b)
		return
	}
	if haveAVX2 && c.k == 3 && c.stride == 2 && c.padT == 0 && c.padL == 0 {
		dw3x3s2Rows(src, ih, iw, dst, ow, y0, y1, kw, b)
		return
	}
	s := c.stride
	for y := y0; y < y1; y++ {
		drow := dst[(y-y0)*ow : (y-y0+1)*ow]
		for x := range drow {
			drow[x] = b
		}
		for ky := 0; ky < c.k; ky++ {
			iy := y*s + ky - c.padT
			if iy < 0 || iy >= ih {
				continue
			}
			srow := src[iy*iw : (iy+1)*iw]
			for kx := 0; kx < c.k; kx++ {
				wv := kw[ky*c.k+kx]
				// Output columns x whose input column x·s+kx−padL is inside the row.
				xlo := max(0, floorDiv(c.padL-kx+s-1, s))
				xhi := min(ow, floorDiv(iw-1+c.padL-kx, s)+1)
				if xlo >= xhi {
					continue
				}
				off := xlo*s + kx - c.padL
				if s == 1 {
					axpy(drow[xlo:xhi], wv, srow[off:off+xhi-xlo])
					continue
				}
				for x := xlo; x < xhi; x++ {
					drow[x] += wv * srow[off]
					off += s
				}
			}
		}
	}
}

// floorDiv is a/b rounded towards minus infinity, for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// dw3x3Rows is depthwiseRows for a 3×3, stride-1 kernel padded by one
// pixel on the left and top (output as wide as the input): the AVX2 kernel
// computes the interior columns eight at a time, plain Go the two edges. A
// kernel row that falls on the padding above or below is given weight zero
// and any valid input row.
func dw3x3Rows(src []float32, ih, iw int, dst []float32, y0, y1 int, kw []float32, b float32) {
	n := (iw - 2) &^ 7
	for y := y0; y < y1; y++ {
		var w [9]float32
		var rows [3][]float32
		for ky := range 3 {
			iy := y + ky - 1
			if iy < 0 || iy >= ih {
				rows[ky] = src[:iw]
				continue
			}
			rows[ky] = src[iy*iw : (iy+1)*iw]
			copy(w[3*ky:3*ky+3], kw[3*ky:3*ky+3])
		}
		drow := dst[(y-y0)*iw : (y-y0+1)*iw]
		dw3x3AVX(&drow[1], &rows[0][0], &rows[1][0], &rows[2][0], &w[0], b, n)
		if e := iw - 9; n < iw-2 {
			// The last eight interior columns, overlapping those done.
			dw3x3AVX(&drow[e], &rows[0][e-1], &rows[1][e-1], &rows[2][e-1], &w[0], b, 8)
		}
		dw3x3Pixel(drow, rows, &w, b, 0)
		dw3x3Pixel(drow, rows, &w, b, iw-1)
	}
}

// dw3x3Pixel computes output column x, skipping taps outside the row.
func dw3x3Pixel(drow []float32, rows [3][]float32, w *[9]float32, b float32, x int) {
	s := b
	for ky, r := range rows {
		for kx := range 3 {
			if ix := x + kx - 1; ix >= 0 && ix < len(r) {
				s += w[3*ky+kx] * r[ix]
			}
		}
	}
	drow[x] = s
}

// dw3x3s2Rows is depthwiseRows for a 3×3, stride-2 kernel padded only at
// the bottom and right (BlazeFace's downsampling blocks): the AVX2 kernel
// computes eight output columns at a time while their input lies inside
// the row, plain Go the rest.
func dw3x3s2Rows(src []float32, ih, iw int, dst []float32, ow, y0, y1 int, kw []float32, b float32) {
	n := min(ow, (iw-2)/2) &^ 7 // the kernel reads 2n+2 values of each row
	for y := y0; y < y1; y++ {
		var w [9]float32
		var rows [3][]float32
		for ky := range 3 {
			iy := 2*y + ky
			if iy >= ih {
				rows[ky] = src[:iw]
				continue
			}
			rows[ky] = src[iy*iw : (iy+1)*iw]
			copy(w[3*ky:3*ky+3], kw[3*ky:3*ky+3])
		}
		drow := dst[(y-y0)*ow : (y-y0+1)*ow]
		if n > 0 {
			dw3x3s2AVX(&drow[0], &rows[0][0], &rows[1][0], &rows[2][0], &w[0], b, n)
		}
		for x := n; x < ow; x++ {
			s := b
			for ky, r := range rows {
				for kx := range 3 {
					if ix := 2*x + kx; ix < iw {
						s += w[3*ky+kx] * r[ix]
					}
				}
			}
			drow[x] = s
		}
	}
}
