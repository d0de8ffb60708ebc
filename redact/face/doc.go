// Package face finds faces in photos with MediaPipe's BlazeFace "back"
// model (Apache-2.0, embedded by package assets), run by a small pure-Go
// interpreter: no cgo, no ONNX runtime, no download at build or run time.
//
// The interpreter reads the ONNX protobuf itself (proto.go, onnx.go),
// compiles the graph into fused steps (network.go: convolution + bias +
// residual add + ReLU in one pass) and implements exactly the operators the
// model uses (conv.go, gemm.go, pool.go), with AVX2/FMA micro-kernels for
// the 1×1 and 3×3 depthwise convolutions on amd64 (kernel_amd64.s; plain Go
// elsewhere or with the purego build tag). Detect runs the fully
// convolutional network over the pass plan (plan.go, defaultPlan): the
// whole photo scaled to 1280 and to 640 pixels on its long side and a
// 256×256 letterboxed close-up, upright; then the 640 canvas and the
// close-up turned upside down, whose boxes need a higher score. Every
// canvas is padded with the photo mirrored at its edges, so that half a
// face cut by the frame looks whole. Detect decodes MediaPipe's SSD
// anchors for the actual feature-map size (anchors.go), keeps boxes that
// pass their canvas's thresholds or that another pass confirms, adds the
// boxes of a second network, FaceBoxes (fb_*.go, on the photo scaled to
// 1280; New adds it, NewFromModel does not), and merges them all with
// weighted non-maximum suppression (nms.go). Buffers are reused between
// calls. The caller applies EXIF orientation first; a face lying on its
// side is found less reliably.
//
// Recall comes before precision: a face left visible is the worst failure,
// a false box costs the person one click.
package face
