package face

import "image"

// mirrorPad fills every canvas pixel outside the picture rectangle pic
// with the picture mirrored at its nearest edge (repeatedly, for margins
// wider than the picture). A face cut by the frame then continues past the
// edge as its own mirror image instead of ending in a flat border, which
// the network, trained on whole faces, finds far more often.
func mirrorPad(t *tensor, pic image.Rectangle) {
	if pic.Empty() {
		return
	}
	for c := range t.c {
		p := t.plane(c)
		for y := pic.Min.Y; y < pic.Max.Y; y++ {
			row := p[y*t.w : (y+1)*t.w]
			for x := range pic.Min.X {
				row[x] = row[reflect(x, pic.Min.X, pic.Max.X)]
			}
			for x := pic.Max.X; x < t.w; x++ {
				row[x] = row[reflect(x, pic.Min.X, pic.Max.X)]
			}
		}
		for y := range t.h {
			if y >= pic.Min.Y && y < pic.Max.Y {
				continue
			}
			sy := reflect(y, pic.Min.Y, pic.Max.Y)
			copy(p[y*t.w:(y+1)*t.w], p[sy*t.w:(sy+1)*t.w])
		}
	}
}

// reflect maps v into [lo, hi) by mirroring at the ends, edge pixel
// repeated (… 1 0 | 0 1 2 … n-1 | n-1 n-2 …).
func reflect(v, lo, hi int) int {
	n := hi - lo
	period := 2 * n
	k := ((v-lo)%period + period) % period
	if k >= n {
		k = period - 1 - k
	}
	return lo + k
}
