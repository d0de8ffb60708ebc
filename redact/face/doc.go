// Package face finds faces in photos with MediaPipe's BlazeFace "back"
// model (Apache-2.0, embedded by package assets), run by a small pure-Go
// interpreter: no cgo, no ONNX runtime, no download at build or run time.
//
// The interpreter reads the ONNX protobuf itself (proto.go, onnx.go),
// compiles the graph into fused steps (network.go: convolution + bias +
// residual add + ReLU in one pass) and implements exactly the operators the
// model uses (conv.go, gemm.go, pool.go). Detect runs the fully
// convolutional network on the whole photo scaled to about 1024 pixels and
// on a 256×256 letterboxed copy, decodes MediaPipe's SSD anchors for the
// actual feature-map size (anchors.go) and merges boxes with weighted
// non-maximum suppression (nms.go). The caller applies EXIF orientation
// first; a face lying on its side is found less reliably.
//
// Recall comes before precision: a face left visible is the worst failure,
// a false box costs the person one click.
package face
