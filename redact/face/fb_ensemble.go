package face

import (
	"cmp"
	"image"
	"math"
	"slices"
)

// FaceBoxes is Detect's second opinion (Detector.second, set by New): it
// vouches for BlazeFace's unsure boxes and adds the faces BlazeFace, trained
// on whole faces, misses — faces cut by the frame and half hidden.

const (
	// fbKeep is the FaceBoxes probability at which a box counts as a face
	// on its own (dev set made hard: 2 false boxes over 171 photos at 1280 px).
	fbKeep = 0.5
	// blazeSure is the BlazeFace score at which a box counts as a face
	// without FaceBoxes' support. Below it, a box is kept only when a
	// FaceBoxes box of probability fbFloor or more overlaps it by
	// confirmIoU (as a box of another pass confirms a weak one). On the
	// dev set made hard, BlazeFace's false boxes (texture, folds, hands)
	// score 0.46–0.77 and FaceBoxes gives them about 0.1; with this rule
	// and FaceBoxes' own faces, 69 false boxes became 5 and 217 of 253
	// faces 242.
	blazeSure = 0.8
	// fbSeen is the smallest face (pixels of FaceBoxes' whole-photo
	// canvas) that pass is asked to vouch for: its smallest anchors are 32
	// pixels; smaller boxes are looked at again closer (fb_close.go).
	fbSeen = 32
	// agreeSure is the BlazeFace score at which a box below blazeSure
	// needs no FaceBoxes support when a box of another pass (another
	// scale or turn) scoring pairScore or more agrees with it. FaceBoxes
	// gives faces tilted about 45° (between its quarter turns) 0.14–0.17
	// on the dev set made hard, below fbFloor, while BlazeFace finds them
	// in two passes; with this rule the tilted 45° and 135° faces it
	// dropped were found, for one more false box (0.75 added none but
	// lies within 0.03 of those faces' scores; pairScore for both sides
	// added 11).
	agreeSure = bigScore
)

// secondOpinion runs FaceBoxes on img and returns the boxes Detect
// merges: the BlazeFace boxes (blaze) that are sure, that two passes
// agree on (agreed), or that FaceBoxes supports — on the whole photo, or
// looking again closer at a box too small for it there — and FaceBoxes'
// own faces.
func (m *faceBoxes) secondOpinion(img image.Image, ws *workspace, blaze []box) ([]box, error) {
	b := img.Bounds()
	minSide := fbSeen / math.Min(1, float64(m.side)/float64(max(b.Dx(), b.Dy())))
	small := func(bx box) bool { return min(bx.x1-bx.x0, bx.y1-bx.y0) < minSide }
	blaze, err := m.judgeSmall(img, ws, blaze, small)
	if err != nil {
		return nil, err
	}
	needs := func(bx box) bool { return bx.score < blazeSure && !small(bx) && !agreed(bx, blaze) }
	// The turned passes run only when a box that needs support still lacks
	// it: most photos need one FaceBoxes pass.
	unsupported := func(up []box) bool {
		return slices.ContainsFunc(blaze, func(bx box) bool { return needs(bx) && !overlapsAny(bx, up) })
	}
	up, side, err := m.detect(img, ws, unsupported)
	if err != nil {
		return nil, err
	}
	return mergeSecondOpinion(blaze, up, side, needs), nil
}

// agreed reports whether b scores agreeSure or more and a box of another
// pass in blaze, scoring pairScore or more, overlaps it by confirmIoU.
// Boxes of one pass are already merged by non-maximum suppression, so an
// overlapping box is another pass's.
func agreed(b box, blaze []box) bool {
	return b.score >= agreeSure && slices.ContainsFunc(blaze, func(o box) bool {
		return o != b && o.score >= pairScore && iou(b, o) >= confirmIoU
	})
}

// judgeSmall drops the unsure BlazeFace boxes too small for the
// whole-photo pass that FaceBoxes, looking again closer, does not vouch
// for (at most maxClose of them, best first; the rest are kept).
func (m *faceBoxes) judgeSmall(img image.Image, ws *workspace, blaze []box, small func(box) bool) ([]box, error) {
	var out []box
	looked := 0
	for _, bx := range sortedByScore(blaze) {
		if bx.score >= blazeSure || !small(bx) || looked >= maxClose {
			out = append(out, bx)
			continue
		}
		looked++
		ok, err := m.vouchClose(img, bx, ws)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, bx)
		}
	}
	return out, nil
}

func sortedByScore(boxes []box) []box {
	boxes = slices.Clone(boxes)
	slices.SortStableFunc(boxes, func(a, b box) int { return cmp.Compare(b.score, a.score) })
	return boxes
}

// mergeSecondOpinion keeps the BlazeFace boxes that need no support or
// that a FaceBoxes box of the upright (fb) or turned canvas (side)
// confirms, then adds the upright FaceBoxes boxes of fbKeep or more.
func mergeSecondOpinion(blaze, fb, side []box, needs func(box) bool) []box {
	var out []box
	for _, b := range blaze {
		if !needs(b) || overlapsAny(b, fb) || overlapsAny(b, side) {
			out = append(out, b)
		}
	}
	for _, f := range fb {
		if f.score >= fbKeep {
			out = append(out, f)
		}
	}
	return out
}
