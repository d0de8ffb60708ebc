package face

import "image"

// FaceBoxes as Detect's second opinion: New adds it to the Detector's
// other box sources, so its boxes join BlazeFace's before the final
// weighted NMS. It finds faces that BlazeFace, trained on whole faces,
// misses: faces cut by the frame and faces half hidden.

// boxes is detect under the name Detect's boxSource asks for.
func (m *faceBoxes) boxes(img image.Image, ws *workspace) ([]box, error) {
	return m.detect(img, ws)
}
