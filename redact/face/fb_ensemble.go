package face

import (
	"image"
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
	// confirmIoU (as a box of another pass confirms a weak one): on
	// the dev set made hard, this dropped 68 of BlazeFace's 69 false boxes
	// (texture, folds, hands: FaceBoxes gives them about 0.1) and 7 of its
	// 218 true ones, most of which FaceBoxes or another pass finds anyway.
	blazeSure = 0.8
)

// secondOpinion runs FaceBoxes on img and returns the boxes Detect
// merges: the BlazeFace boxes (blaze) that are sure or that FaceBoxes
// supports, and FaceBoxes' own faces.
func (m *faceBoxes) secondOpinion(img image.Image, ws *workspace, blaze []box) ([]box, error) {
	// The turned passes run only when an unsure BlazeFace box still lacks
	// support: most photos need one FaceBoxes pass.
	unsupported := func(up []box) bool {
		return slices.ContainsFunc(blaze, func(b box) bool { return b.score < blazeSure && !overlapsAny(b, up) })
	}
	up, side, err := m.detect(img, ws, unsupported)
	if err != nil {
		return nil, err
	}
	return mergeSecondOpinion(blaze, up, side), nil
}

// mergeSecondOpinion keeps the BlazeFace boxes scoring blazeSure or that a
// FaceBoxes box of the upright (fb) or turned canvas (side) confirms, then
// adds the upright FaceBoxes boxes of fbKeep or more.
func mergeSecondOpinion(blaze, fb, side []box) []box {
	var out []box
	for _, b := range blaze {
		if b.score >= blazeSure || overlapsAny(b, fb) || overlapsAny(b, side) {
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
