package face

import "testing"

func TestTurnCanvasMovesEveryPixelWhereTheTurnedPhotoHasIt(t *testing.T) {
	src := newTensor(2, 3, 5)
	for i := range src.data {
		src.data[i] = float32(i)
	}
	for _, turn := range []int{1, 2, 3} {
		got := turnCanvas(src, turn, nil)
		for c := range src.c {
			for y := range src.h {
				for x := range src.w {
					// A one-pixel box around (x, y), turned, must land on the same value.
					b := box{float64(x), float64(y), float64(x + 1), float64(y + 1), 1}
					tb := turnBox(b, turn, src.w, src.h)
					v := got.data[(c*got.h+int(tb.y0))*got.w+int(tb.x0)]
					if v != src.data[(c*src.h+y)*src.w+x] {
						t.Fatalf("turn %d: pixel (%d, %d) of plane %d holds %v", turn, x, y, c, v)
					}
					if back := unturnBox(tb, turn, src.w, src.h); back != b {
						t.Fatalf("turn %d: box %v comes back as %v", turn, b, back)
					}
				}
			}
		}
	}
}

// turnBox is unturnBox's inverse: a box of the unturned w×h canvas on the
// canvas turned by turn quarter turns clockwise.
func turnBox(b box, turn, w, h int) box {
	for range turn {
		// One clockwise quarter maps (x, y) to (h-y, x) in edge coordinates.
		b = box{float64(h) - b.y1, b.x0, float64(h) - b.y0, b.x1, b.score}
		w, h = h, w
	}
	return b
}
