package face

import (
	"cmp"
	"slices"
)

func (b box) area() float64 {
	return max(0, b.x1-b.x0) * max(0, b.y1-b.y0)
}

func intersection(a, b box) float64 {
	w := min(a.x1, b.x1) - max(a.x0, b.x0)
	h := min(a.y1, b.y1) - max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func iou(a, b box) float64 {
	in := intersection(a, b)
	if in == 0 {
		return 0
	}
	return in / (a.area() + b.area() - in)
}

// weightedNMS merges overlapping boxes as MediaPipe's "weighted" non-max
// suppression does: taking boxes by falling score, every remaining box
// overlapping the best by more than minIoU joins its cluster; the cluster
// becomes the score-weighted mean of its boxes with the best score.
func weightedNMS(boxes []box, minIoU float64) []box {
	boxes = slices.Clone(boxes)
	slices.SortStableFunc(boxes, func(a, b box) int { return cmp.Compare(b.score, a.score) })
	used := make([]bool, len(boxes))
	var out []box
	for i, best := range boxes {
		if used[i] {
			continue
		}
		var m box
		var wsum float64
		for j := i; j < len(boxes); j++ {
			if used[j] || (j != i && iou(best, boxes[j]) <= minIoU) {
				continue
			}
			used[j] = true
			b, w := boxes[j], boxes[j].score
			m.x0, m.y0, m.x1, m.y1 = m.x0+w*b.x0, m.y0+w*b.y0, m.x1+w*b.x1, m.y1+w*b.y1
			wsum += w
		}
		m.x0, m.y0, m.x1, m.y1 = m.x0/wsum, m.y0/wsum, m.x1/wsum, m.y1/wsum
		m.score = best.score
		out = append(out, m)
	}
	return out
}

// dropContained removes a box when most of it (frac of its area) lies inside
// a larger kept box: a face part found again at another scale.
func dropContained(boxes []box, frac float64) []box {
	slices.SortStableFunc(boxes, func(a, b box) int { return cmp.Compare(b.area(), a.area()) })
	var out []box
	for _, b := range boxes {
		inside := false
		for _, k := range out {
			if intersection(b, k) > frac*b.area() {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b box) int { return cmp.Compare(b.score, a.score) })
	return out
}
