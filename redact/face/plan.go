package face

import (
	"cmp"
	"math"
	"slices"
)

// passSpec is one canvas of a pass plan: the photo scaled so that its long
// side is side pixels (never enlarged, unless square), or letterboxed into
// a side×side square; boxes larger than maxBox canvas pixels are dropped
// (0: none). The canvas is turned by turn quarter turns clockwise before
// the network sees it, and its boxes need minScore (0: the default).
type passSpec struct {
	side     int
	square   bool
	maxBox   float64
	turn     int
	minScore float64
	// margin, a fraction of the picture's long side, pads the canvas on
	// every side; mirror fills the padding with the picture mirrored.
	margin float64
	mirror bool
}

// defaultPlan is the pass plan of New: the whole photo at two scales and
// a close-up, upright, then the coarser two upside down (a face upside
// down is as large in the photo as it is upright, and BlazeFace "back"
// finds faces turned up to about 90° but not beyond). Every canvas is
// padded with the photo mirrored at its edges: half a face at the frame's
// edge then looks whole to a network trained on whole faces. On the dev
// set made hard (tools/faces) mirroring found 17 more of 23 faces cut by
// the side and 4 more of 23 cut by the top, for a few more false boxes.
var defaultPlan = []passSpec{
	{side: fullSide, maxBox: fullMaxBox, mirror: true},
	{side: midSide, maxBox: fullMaxBox, mirror: true},
	{side: closeSide, square: true, mirror: true, margin: closeMargin},
	{side: midSide, maxBox: fullMaxBox, mirror: true, turn: 2, minScore: turnedScore},
	{side: closeSide, square: true, mirror: true, margin: closeMargin, turn: 2, minScore: turnedScore},
}

// planFor returns the placements of plan for a w×h photo, largest scale
// first, leaving out a whole-photo pass whose scale and turn repeat
// another's (small photos are never enlarged, so their large passes
// coincide).
func planFor(plan []passSpec, w, h int) []placement {
	long := float64(max(w, h))
	var ps []placement
	for _, sp := range plan {
		p := placement{maxBox: sp.maxBox, minScore: cmp.Or(sp.minScore, minScore), turn: sp.turn, mirror: sp.mirror}
		if sp.square {
			m := math.Round(sp.margin * float64(sp.side))
			p.scale = (float64(sp.side) - 2*m) / long
			p.w, p.h = sp.side, sp.side
			p.offX = math.Round((float64(sp.side) - float64(w)*p.scale) / 2)
			p.offY = math.Round((float64(sp.side) - float64(h)*p.scale) / 2)
		} else {
			p.scale = math.Min(1, float64(sp.side)/long)
			m := math.Round(sp.margin * long * p.scale)
			p.offX, p.offY = m, m
			p.w = roundUp(int(math.Round(float64(w)*p.scale+2*m)), netStride)
			p.h = roundUp(int(math.Round(float64(h)*p.scale+2*m)), netStride)
		}
		if !slices.ContainsFunc(ps, func(q placement) bool { return q.sameCanvas(p) && q.turn == p.turn }) {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b placement) int { return cmp.Compare(b.scale, a.scale) })
	// A box is big when the next coarser unturned canvas sees it at
	// seenSize or more; turned canvases share their unturned twin's limit.
	up := slices.DeleteFunc(slices.Clone(ps), func(q placement) bool { return q.turn != 0 })
	for i := 0; i+1 < len(up); i++ {
		if up[i].maxBox <= 0 {
			continue
		}
		big := seenSize * up[i].scale / up[i+1].scale
		for k := range ps {
			if ps[k].sameCanvas(up[i]) {
				ps[k].bigBox = big
			}
		}
	}
	return ps
}

// passes lists the canvases of the default plan, whole photo first.
func passes(w, h int) []placement {
	return planFor(defaultPlan, w, h)
}

func roundUp(v, m int) int {
	return max(m, (v+m-1)/m*m)
}
