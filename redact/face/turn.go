package face

import "veil/internal/parallel"

// turnCanvas returns a copy of the planar canvas src (from ws) turned by
// turn quarter turns clockwise (1, 2 or 3): a face lying on its side or
// upside down in the photo stands upright in one of the turned copies.
func turnCanvas(src *tensor, turn int, ws *workspace) *tensor {
	w, h := src.w, src.h
	if turn%2 == 1 {
		w, h = h, w
	}
	dst := ws.tensor(src.c, h, w)
	turnInto(src, dst, turn)
	return dst
}

// turnInto writes src turned by turn quarter turns clockwise (1, 2 or 3)
// into dst, of src's planes and src's size (its sides swapped for an odd
// turn). Each row of dst gathers its pixels from src: a quarter clockwise,
// dst(x, y) = src(y, src.h−1−x); a half, dst(x, y) = src(src.w−1−x,
// src.h−1−y); three quarters, dst(x, y) = src(src.w−1−y, x).
func turnInto(src, dst *tensor, turn int) {
	parallel.For(0, src.c*dst.h, 64, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			ch, y := r/dst.h, r%dst.h
			plane := src.plane(ch)
			drow := dst.data[r*dst.w : (r+1)*dst.w]
			switch turn {
			case 1:
				for x := range drow {
					drow[x] = plane[(src.h-1-x)*src.w+y]
				}
			case 2:
				srow := plane[(src.h-1-y)*src.w : (src.h-y)*src.w]
				for x := range drow {
					drow[x] = srow[src.w-1-x]
				}
			case 3:
				for x := range drow {
					drow[x] = plane[x*src.w+src.w-1-y]
				}
			}
		}
	})
}

// unturnBox maps a box found on a canvas turned by turn quarter turns
// clockwise back to the unturned w×h canvas.
func unturnBox(b box, turn, w, h int) box {
	fw, fh := float64(w), float64(h)
	switch turn {
	case 1:
		return box{x0: b.y0, y0: fh - b.x1, x1: b.y1, y1: fh - b.x0, score: b.score}
	case 2:
		return box{x0: fw - b.x1, y0: fh - b.y1, x1: fw - b.x0, y1: fh - b.y0, score: b.score}
	case 3:
		return box{x0: fw - b.y1, y0: b.x0, x1: fw - b.y0, y1: b.x1, score: b.score}
	}
	return b
}
