package face

// gemm computes, for every output channel o and pixel p in [0,n):
//
//	out[o*os+p] = act(bias[o] + res[o*rs+p] + Σk w[o*kn+k] · in[k*is+p])
//
// a 1×1 convolution written as a matrix product over planar rows, with the
// bias, the residual addition and the ReLU fused in. res and bias may be
// nil. The pixels are taken in tiles whose kn input rows stay in the
// first-level cache; within a tile, blocks of six output channels by
// sixteen pixels go to the AVX2 micro-kernel when the processor has one,
// and everything else (or everything, without AVX2) to gemmGo.
func gemm(out []float32, os int, w []float32, kn int, in []float32, is, n int,
	bias, res []float32, rs int, relu bool) {
	if kn < 1 || n < 1 {
		return
	}
	co := len(w) / kn
	tile := max(64, 16384/kn) &^ 15
	var zero [6]float32
	for p0 := 0; p0 < n; p0 += tile {
		p1 := min(p0+tile, n)
		nv, o4 := 0, 0
		if haveAVX2 {
			nv, o4 = (p1-p0)&^15, co-co%6
		}
		if nv > 0 {
			for o := 0; o < o4; o += 6 {
				// Bounds the kernel relies on, checked here in Go.
				_ = out[(o+5)*os+p0+nv-1]
				_ = in[(kn-1)*is+p0+nv-1]
				_ = w[(o+6)*kn-1]
				b := &zero[0]
				if bias != nil {
					_ = bias[o+5]
					b = &bias[o]
				}
				var r *float32
				if res != nil {
					_ = res[(o+5)*rs+p0+nv-1]
					r = &res[o*rs+p0]
				}
				gemm6x16AVX(&out[o*os+p0], os, &w[o*kn], kn, &in[p0], is, nv, b, r, rs, relu)
			}
		}
		gemmGo(out, os, w, kn, in, is, bias, res, rs, relu, 0, o4, p0+nv, p1)
		gemmGo(out, os, w, kn, in, is, bias, res, rs, relu, o4, co, p0, p1)
	}
}

// gemmGo is gemm for output channels [o0,o1) and pixels [p0,p1) in plain
// Go: four output channels and two input rows at a time.
func gemmGo(out []float32, os int, w []float32, kn int, in []float32, is int,
	bias, res []float32, rs int, relu bool, o0, o1, p0, p1 int) {
	if p0 >= p1 {
		return
	}
	o := o0
	for ; o+4 <= o1; o += 4 {
		rows := [4][]float32{}
		for i := range rows {
			rows[i] = out[(o+i)*os+p0 : (o+i)*os+p1]
			initRow(rows[i], bias, o+i, res, (o+i)*rs+p0)
		}
		gemmRows4(rows, w[o*kn:(o+4)*kn], kn, in, is, p0, p1)
		if relu {
			for i := range rows {
				reluRow(rows[i])
			}
		}
	}
	for ; o < o1; o++ {
		row := out[o*os+p0 : o*os+p1]
		initRow(row, bias, o, res, o*rs+p0)
		for k, wv := range w[o*kn : (o+1)*kn] {
			axpy(row, wv, in[k*is+p0:k*is+p1])
		}
		if relu {
			reluRow(row)
		}
	}
}

func initRow(row, bias []float32, o int, res []float32, off int) {
	b := float32(0)
	if bias != nil {
		b = bias[o]
	}
	if res == nil {
		for j := range row {
			row[j] = b
		}
		return
	}
	r := res[off : off+len(row)]
	for j := range row {
		row[j] = b + r[j]
	}
}

// gemmRows4 adds four output channels' worth of products; w holds the four
// weight rows of kn values each.
func gemmRows4(rows [4][]float32, w []float32, kn int, in []float32, is, p0, p1 int) {
	o0, o1, o2, o3 := rows[0], rows[1], rows[2], rows[3]
	n := len(o0)
	o1, o2, o3 = o1[:n], o2[:n], o3[:n]
	k := 0
	for ; k+2 <= kn; k += 2 {
		x0 := in[k*is+p0 : k*is+p1]
		x1 := in[(k+1)*is+p0 : (k+1)*is+p1]
		x0, x1 = x0[:n], x1[:n]
		a0, b0 := w[k], w[k+1]
		a1, b1 := w[kn+k], w[kn+k+1]
		a2, b2 := w[2*kn+k], w[2*kn+k+1]
		a3, b3 := w[3*kn+k], w[3*kn+k+1]
		for j := range n {
			u, v := x0[j], x1[j]
			o0[j] += a0*u + b0*v
			o1[j] += a1*u + b1*v
			o2[j] += a2*u + b2*v
			o3[j] += a3*u + b3*v
		}
	}
	if k < kn {
		x := in[k*is+p0 : k*is+p1]
		axpy(o0, w[k], x)
		axpy(o1, w[kn+k], x)
		axpy(o2, w[2*kn+k], x)
		axpy(o3, w[3*kn+k], x)
	}
}

// axpy adds a·x to y.
func axpy(y []float32, a float32, x []float32) {
	x = x[:len(y)]
	for j := range y {
		y[j] += a * x[j]
	}
}

func reluRow(row []float32) {
	for j, v := range row {
		if v < 0 {
			row[j] = 0
		}
	}
}
