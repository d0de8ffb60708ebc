package face

// gemm computes, for every output channel o and pixel p in [0,n):
//
//	out[o*os+p] = act(bias[o] + res[o*rs+p] + Σk w[o*kn+k] · in[k*is+p])
//
// a 1×1 convolution written as a matrix product over planar rows, with the
// bias, the residual addition and the ReLU fused in. res and bias may be
// nil. The loops work on tiles of pixels that stay in the first-level
// cache, four output channels and two input rows at a time.
func gemm(out []float32, os int, w []float32, kn int, in []float32, is, n int,
	bias, res []float32, rs int, relu bool) {
	const tile = 256
	co := len(w) / kn
	for p0 := 0; p0 < n; p0 += tile {
		p1 := min(p0+tile, n)
		o := 0
		for ; o+4 <= co; o += 4 {
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
		for ; o < co; o++ {
			row := out[o*os+p0 : o*os+p1]
			initRow(row, bias, o, res, o*rs+p0)
			wo := w[o*kn : (o+1)*kn]
			for k, wv := range wo {
				axpy(row, wv, in[k*is+p0:k*is+p1])
			}
			if relu {
				reluRow(row)
			}
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
