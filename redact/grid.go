package redact

import "image"

// Grid widens covers to whole cells. A JPEG decodes each minimum coded unit
// (an 8×8 or 16×16 block, T.81 A.2) from that unit's data alone, so a pixel
// just outside a region but in a block the region touches still carries a
// trace of what the region hides. With the grid of the source's blocks, every
// touched block is covered whole, and the ring a cover is synthesized from
// lies in blocks the region never touched: two JPEGs that differ only inside
// a region then give identical outputs.
type Grid struct {
	Size   image.Point // cell size; zero: no grid
	Origin image.Point // a point where grid lines cross
}

// active reports whether the grid widens anything.
func (g Grid) active() bool { return g.Size.X > 1 || g.Size.Y > 1 }

// cells is a region widened to whole cells: for each band of cell rows
// (from top, h pixels each) the covered x range, empty when x0 >= x1.
type cells struct {
	top, h int
	x0, x1 []int
}

func (c *cells) span(y int) (x0, x1 int) {
	if y < c.top {
		return 0, 0
	}
	k := (y - c.top) / c.h
	if k >= len(c.x0) {
		return 0, 0
	}
	return c.x0[k], c.x1[k]
}

// snap returns n (normalized) widened to the grid's cells, considering only
// the rows within bounds grown by one cell: rows further out cover nothing
// that can be drawn, and this keeps the work proportional to the image.
func (g Grid) snap(n Region, bounds image.Rectangle) coverRegion {
	gw, gh := max(g.Size.X, 1), max(g.Size.Y, 1)
	rows := n.Rect.Intersect(bounds.Inset(-max(gw, gh)))
	if rows.Empty() {
		return coverRegion{Region: Region{Shape: Rect, Style: n.Style}}
	}
	top := g.Origin.Y + floorDiv(rows.Min.Y-g.Origin.Y, gh)*gh
	nb := (rows.Max.Y - top + gh - 1) / gh
	c := &cells{top: top, h: gh, x0: make([]int, nb), x1: make([]int, nb)}
	box := image.Rectangle{}
	for k := range nb {
		lo, hi := 0, 0
		for y := max(top+k*gh, rows.Min.Y); y < min(top+(k+1)*gh, rows.Max.Y); y++ {
			x0, x1 := n.span(y)
			if x0 >= x1 {
				continue
			}
			if lo >= hi {
				lo, hi = x0, x1
			}
			lo, hi = min(lo, x0), max(hi, x1)
		}
		if lo >= hi {
			continue
		}
		c.x0[k] = g.Origin.X + floorDiv(lo-g.Origin.X, gw)*gw
		c.x1[k] = g.Origin.X + floorDiv(hi-g.Origin.X+gw-1, gw)*gw
		box = box.Union(image.Rect(c.x0[k], top+k*gh, c.x1[k], top+(k+1)*gh))
	}
	// The widened region paints and samples as a rectangle (its bounding
	// box) whose rows are the cells' spans.
	return coverRegion{Region: Region{Rect: box, Shape: Rect, Style: n.Style}, cells: c}
}

// floorDiv divides rounding towards minus infinity.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
