package face

import (
	"fmt"
	"image"
	"math"
	"slices"
	"sync"

	"veil/assets"
)

// Face is one detected face in pixels of the upright image given to
// Detect: the box's top-left corner, its size, and the model's confidence
// in (0, 1].
type Face struct {
	X, Y, W, H int
	Score      float64
}

// Detector finds faces with the BlazeFace network. It holds only read-only
// weights, so one Detector is safe for concurrent use by many goroutines.
type Detector struct {
	net  *network
	pool sync.Pool // *workspace: buffers reused across calls
}

const (
	fullSide   = 1024 // long side of the whole-photo pass
	closeSide  = 256  // side of the letterboxed close-up pass (the model's own size)
	netStride  = 32   // total stride: canvases are padded to a multiple of it
	minScore   = 0.6  // recall first (a missed face is worse than a false box); tuned on the dev set
	nmsIoU     = 0.3  // MediaPipe's min_suppression_threshold
	containedF = 0.7  // a box this much inside a larger face is a duplicate
	// fullMaxBox is the largest box (canvas pixels) the whole-photo pass
	// keeps. BlazeFace "back" learnt faces of up to about half its 256-pixel
	// input; on a larger canvas, bigger boxes are mostly texture mistaken
	// for faces, and faces that big are found by the close-up pass.
	fullMaxBox = 128
	maxPixels  = 1 << 28
)

// New returns a Detector using the weights embedded in package assets.
func New() (*Detector, error) {
	return NewFromModel(assets.BlazeFaceBack)
}

// NewFromModel returns a Detector for an ONNX BlazeFace model; it returns a
// *ModelError-wrapping error when the bytes are not a usable model.
func NewFromModel(model []byte) (*Detector, error) {
	g, err := parseModel(model)
	if err != nil {
		return nil, fmt.Errorf("face: reading model: %w", err)
	}
	n, err := compile(g)
	if err != nil {
		return nil, fmt.Errorf("face: compiling model: %w", err)
	}
	return &Detector{net: n}, nil
}

// Detect returns the faces in img, which must already stand upright (EXIF
// orientation applied), best first. It runs the network over the whole
// photo scaled to about 1024 pixels on its long side, and over a 256×256
// letterboxed copy for faces filling the frame, then merges the two.
func (d *Detector) Detect(img image.Image) ([]Face, error) {
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, nil
	}
	if int64(b.Dx())*int64(b.Dy()) > maxPixels {
		return nil, fmt.Errorf("face: image %dx%d is too large", b.Dx(), b.Dy())
	}
	ws, _ := d.pool.Get().(*workspace)
	if ws == nil {
		ws = &workspace{}
	}
	defer d.pool.Put(ws)
	ps := passes(b.Dx(), b.Dy())
	full, close := ps[0], ps[1]
	// The close-up canvas is shrunk from the full one: one read of the photo.
	fullIn, sw, sh := prepare(img, full, ws)
	closeIn := ws.tensor(3, close.h, close.w)
	rel := close
	rel.scale = close.scale / full.scale
	shrinkCanvas(fullIn, sw, sh, closeIn, rel)
	all, err := d.runPass(fullIn, full, ws)
	if err != nil {
		ws.put(closeIn.data)
		return nil, err
	}
	boxes, err := d.runPass(closeIn, close, ws)
	if err != nil {
		return nil, err
	}
	all = append(all, boxes...)
	merged := dropContained(weightedNMS(all, nmsIoU), containedF)
	return toFaces(merged, b), nil
}

// passes lists the canvases Detect runs the network on.
func passes(w, h int) []placement {
	long := float64(max(w, h))
	s := math.Min(1, fullSide/long)
	full := placement{scale: s, maxBox: fullMaxBox,
		w: roundUp(int(math.Round(float64(w)*s)), netStride),
		h: roundUp(int(math.Round(float64(h)*s)), netStride)}
	cs := closeSide / long
	close := placement{scale: cs, w: closeSide, h: closeSide,
		offX: math.Round((closeSide - float64(w)*cs) / 2),
		offY: math.Round((closeSide - float64(h)*cs) / 2)}
	return []placement{full, close}
}

func roundUp(v, m int) int {
	return max(m, (v+m-1)/m*m)
}

// runPass runs the network on one canvas (released to ws afterwards) and
// returns merged boxes in source-image pixels (relative to the image's
// top-left corner).
func (d *Detector) runPass(in *tensor, p placement, ws *workspace) ([]box, error) {
	outs, err := d.net.run(in, ws)
	ws.put(in.data)
	if err != nil {
		return nil, fmt.Errorf("face: %w", err)
	}
	boxes, err := decode(d.net.heads, outs, p.w, p.h, minScore)
	for _, o := range outs {
		ws.put(o.data)
	}
	if err != nil {
		return nil, fmt.Errorf("face: %w", err)
	}
	if p.maxBox > 0 {
		boxes = slices.DeleteFunc(boxes, func(b box) bool { return max(b.x1-b.x0, b.y1-b.y0) > p.maxBox })
	}
	boxes = weightedNMS(boxes, nmsIoU)
	for i, bx := range boxes {
		boxes[i].x0, boxes[i].y0 = p.toSource(bx.x0, bx.y0)
		boxes[i].x1, boxes[i].y1 = p.toSource(bx.x1, bx.y1)
	}
	return boxes, nil
}

// toFaces clips boxes to the image and converts them to integer pixels in
// the image's own coordinates.
func toFaces(boxes []box, b image.Rectangle) []Face {
	var faces []Face
	for _, bx := range boxes {
		x0 := max(0, int(math.Floor(bx.x0)))
		y0 := max(0, int(math.Floor(bx.y0)))
		x1 := min(b.Dx(), int(math.Ceil(bx.x1)))
		y1 := min(b.Dy(), int(math.Ceil(bx.y1)))
		if x1 <= x0 || y1 <= y0 {
			continue
		}
		faces = append(faces, Face{X: b.Min.X + x0, Y: b.Min.Y + y0, W: x1 - x0, H: y1 - y0, Score: bx.score})
	}
	return faces
}
