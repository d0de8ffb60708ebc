// Package assets holds the files embedded in Veil: the face model weights
// with their licence and provenance (see blazeface/NOTICE).
package assets

import _ "embed"

// BlazeFaceBack is MediaPipe's BlazeFace "back" (256×256) face detection
// model in ONNX form, Apache-2.0; see blazeface/NOTICE for its origin.
//
//go:embed blazeface/face_detection_back_256x256_barracuda.onnx
var BlazeFaceBack []byte
