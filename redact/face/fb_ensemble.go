package face

import (
	"image"
	"sync"
)

// The FaceBoxes seam of Detect (faceboxes branch). detect.go belongs to the
// "faces" branch, which leaves its own seam for a second detector; until
// the two are merged, Detect calls secondOpinion in one marked place and
// adds its boxes to the BlazeFace boxes before the final weighted NMS.

// sharedFaceBoxes loads the embedded FaceBoxes weights once: they are
// read-only, and each call brings its own workspace.
var sharedFaceBoxes = sync.OnceValues(newFaceBoxes)

// secondOpinion returns FaceBoxes' boxes for img (pixels relative to its
// top-left corner), or nil when useFaceBoxes is off.
func secondOpinion(img image.Image, ws *workspace) ([]box, error) {
	if !useFaceBoxes {
		return nil, nil
	}
	m, err := sharedFaceBoxes()
	if err != nil {
		return nil, err
	}
	return m.detect(img, ws)
}

// useFaceBoxes turns the second detector on in Detect.
var useFaceBoxes = true
