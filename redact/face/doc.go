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
// convolutional network on the whole photo scaled to 1280 and to 640
// pixels on its long side and on a 256×256 letterboxed copy, then on the
// 640 and 256 canvases turned upside down (plan.go, turn.go); every canvas
// is padded with the photo mirrored at its edges (mirror.go), so that half
// a face cut by the frame looks whole to the network. It decodes
// MediaPipe's SSD anchors for the actual feature-map size (anchors.go),
// keeps boxes that pass their canvas's thresholds or that another canvas
// confirms, and merges them, with those of any second detector, by
// weighted non-maximum suppression (nms.go). Buffers are reused between
// calls. The caller applies EXIF orientation first. tools/faces and
// `make eval-faces` measure recall per kind of hard photo.
//
// A second network, FaceBoxes (MIT, trained on WIDER FACE; embedded as its
// TensorFlow.js graph with float16 weights and read directly: fb_model.go,
// fb_net.go), gives Detect a second opinion (fb_ensemble.go): it finds
// faces cut by the frame or half hidden that BlazeFace misses, and a
// BlazeFace box below 0.8 is kept only when FaceBoxes sees a face there
// too — on the photo or on it turned a quarter either way, or, for a box
// too small for that, looking again at a close crop (fb_close.go) — or
// when it scores 0.7 or more and another BlazeFace pass agrees: FaceBoxes
// scores a face tilted 45° like background.
//
// Recall comes before precision: a face left visible is the worst failure,
// a false box costs the person one click.
package face
