package assets

import _ "embed"

// FaceBoxesGraph is the FaceBoxes face detector's TensorFlow.js graph
// (model.json form), MIT; see faceboxes/NOTICE for its origin and the
// training data.
//
//go:embed faceboxes/faceboxes.json
var FaceBoxesGraph []byte

// FaceBoxesWeights holds FaceBoxesGraph's weights (float16 and int32
// values in manifest order).
//
//go:embed faceboxes/faceboxes.bin
var FaceBoxesWeights []byte
