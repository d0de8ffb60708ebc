package face

import (
	"image"

	"veil/internal/parallel"
)

// stretch resamples the picture region pic of the planar canvas src onto
// the whole of dst, bilinearly (pixel centres aligned, edges clamped): the
// small change of aspect that lets FaceBoxes' canvas end where the photo
// ends.
func stretch(src *tensor, pic image.Rectangle, dst *tensor) {
	xs := stretchTaps(pic.Min.X, pic.Dx(), dst.w)
	ys := stretchTaps(pic.Min.Y, pic.Dy(), dst.h)
	parallel.For(0, dst.c*dst.h, 64, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			ch, y := r/dst.h, r%dst.h
			ty := ys[y]
			plane := src.plane(ch)
			r0, r1 := plane[ty.i*src.w:], plane[(ty.i+1)*src.w:]
			if ty.f == 0 {
				r1 = r0
			}
			drow := dst.data[r*dst.w : (r+1)*dst.w]
			for x, tx := range xs {
				a := r0[tx.i] + tx.f*(r0[tx.i+min(1, tx.n)]-r0[tx.i])
				b := r1[tx.i] + tx.f*(r1[tx.i+min(1, tx.n)]-r1[tx.i])
				drow[x] = a + ty.f*(b-a)
			}
		}
	})
}

// tap is one output coordinate's source: index i, weight f of index i+1,
// and n = 1 when i+1 is still inside the picture (0 at its last pixel).
type tap struct {
	i, n int
	f    float32
}

// stretchTaps maps dst output positions onto n source positions starting at off.
func stretchTaps(off, n, dst int) []tap {
	taps := make([]tap, dst)
	for j := range taps {
		v := (float64(j)+0.5)*float64(n)/float64(dst) - 0.5
		v = min(max(v, 0), float64(n-1))
		i := int(v)
		t := tap{i: off + i, f: float32(v - float64(i))}
		if i+1 < n {
			t.n = 1
		} else {
			t.f = 0
		}
		taps[j] = t
	}
	return taps
}
