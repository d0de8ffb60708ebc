package face

// turnCanvas returns a copy of the planar canvas src (from ws) turned by
// turn quarter turns clockwise (1, 2 or 3): a face lying on its side or
// upside down in the photo stands upright in one of the turned copies.
func turnCanvas(src *tensor, turn int, ws *workspace) *tensor {
	w, h := src.w, src.h
	if turn%2 == 1 {
		w, h = h, w
	}
	dst := ws.tensor(src.c, h, w)
	for c := range src.c {
		sp, dp := src.plane(c), dst.plane(c)
		switch turn {
		case 2:
			for i, v := range sp {
				dp[len(dp)-1-i] = v
			}
		case 1: // source (x, y) lands at (src.h-1-y, x)
			for y := range src.h {
				for x, v := range sp[y*src.w : (y+1)*src.w] {
					dp[x*w+src.h-1-y] = v
				}
			}
		case 3: // source (x, y) lands at (y, src.w-1-x)
			for y := range src.h {
				for x, v := range sp[y*src.w : (y+1)*src.w] {
					dp[(src.w-1-x)*w+y] = v
				}
			}
		}
	}
	return dst
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
