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

// Detector finds faces with the BlazeFace network. It holds read-only
// weights and a sync.Pool of scratch buffers (each call takes its own), so
// one Detector is safe for concurrent use by many goroutines.
type Detector struct {
	net  *network
	plan []passSpec
	// second, when set, is a second detector's say (see secondOpinion).
	second secondOpinion
	pool   sync.Pool // *workspace: buffers reused across calls
}

// secondOpinion runs a second face detector on the image given to Detect
// and returns the boxes to merge: it is given BlazeFace's boxes of every
// pass and returns those it keeps (all of them, or those it vouches for)
// with its own added. Boxes are in source-image pixels, relative to the
// image's top-left corner, with scores in (0, 1]; Detect merges them all by
// the same weighted non-maximum suppression. ws lends scratch buffers.
type secondOpinion func(img image.Image, ws *workspace, blaze []box) ([]box, error)

const (
	fullSide   = 1280 // long side of the finest whole-photo pass
	midSide    = 640  // long side of the coarser whole-photo pass
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
	// A box of a whole-photo pass that the next coarser pass sees at
	// seenSize canvas pixels or more needs a score of bigScore: that pass
	// finds such a face at a size the network handles well, while texture
	// near this pass's size cap (hands, folds of cloth, foliage) scores just
	// above minScore.
	seenSize = 32
	bigScore = 0.7
	// Boxes scoring weakScore or more but below their pass's threshold are
	// kept when a box of another pass overlaps them by confirmIoU.
	weakScore  = 0.45
	pairScore  = 0.55
	confirmIoU = 0.3
	// turnedScore is what a box of an upside-down pass needs: on the dev
	// set made hard it found every upside-down and 135°-tilted face while
	// adding few false boxes (0.75 found no more faces). The upside-down
	// twin of the 1280 canvas is left out: it doubled the false boxes and
	// found no face more.
	turnedScore = 0.8
	// closeMargin pads the close-up canvas by this fraction of its side on
	// every side, so that a face cut by the frame does not also meet the
	// canvas border.
	closeMargin = 0.05
	maxPixels   = 1 << 28
)

// New returns a Detector using the weights embedded in package assets:
// BlazeFace "back" for its passes, and FaceBoxes (fb_*.go) as a second
// opinion for faces cut by the frame or half hidden.
func New() (*Detector, error) {
	d, err := NewFromModel(assets.BlazeFaceBack)
	if err != nil {
		return nil, err
	}
	fb, err := newFaceBoxes()
	if err != nil {
		return nil, fmt.Errorf("face: reading the second model: %w", err)
	}
	d.second = fb.secondOpinion
	return d, nil
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
	return &Detector{net: n, plan: defaultPlan}, nil
}

// Detect returns the faces in img, which must already stand upright (EXIF
// orientation applied), best first. It runs the network over the whole
// photo at the scales of the pass plan and over a 256×256 letterboxed copy
// for faces filling the frame, then merges the boxes.
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
	ps := planFor(d.plan, b.Dx(), b.Dy())
	ins := canvases(img, ps, ws)
	strong := make([][]box, len(ps))
	weak := make([][]box, len(ps))
	for i, p := range ps {
		var err error
		strong[i], weak[i], err = d.runPass(ins[i], p, ws)
		if err != nil {
			for _, in := range ins[i+1:] {
				ws.put(in.data)
			}
			return nil, err
		}
	}
	all := confirm(strong, weak)
	if d.second != nil {
		var err error
		if all, err = d.second(img, ws, all); err != nil {
			return nil, fmt.Errorf("face: %w", err)
		}
	}
	merged := dropContained(weightedNMS(all, nmsIoU), containedF)
	return toFaces(merged, b), nil
}

// canvases returns the network input of every placement (from ws): the
// photo drawn into its canvas, turned for a turned placement.
func canvases(img image.Image, ps []placement, ws *workspace) []*tensor {
	flat := flatCanvases(img, ps, ws)
	ins := make([]*tensor, len(ps))
	for i, p := range ps {
		if p.turn != 0 {
			ins[i] = turnCanvas(flat[i], p.turn, ws)
		}
	}
	// Each unturned canvas goes to its unturned pass, or back to ws.
	for i, p := range ps {
		if slices.IndexFunc(ps, p.sameCanvas) != i {
			continue // a twin's canvas, handled at the first of them
		}
		if j := slices.IndexFunc(ps, func(q placement) bool { return q.turn == 0 && q.sameCanvas(p) }); j >= 0 {
			ins[j] = flat[i]
		} else {
			ws.put(flat[i].data)
		}
	}
	return ins
}

// flatCanvases draws the photo into the unturned canvas of every
// placement, twins sharing one. Only the first (largest) canvas reads the
// photo; the others are shrunk from it.
func flatCanvases(img image.Image, ps []placement, ws *workspace) []*tensor {
	flat := make([]*tensor, len(ps))
	pics := make([]image.Rectangle, len(ps))
	for i, p := range ps {
		switch j := slices.IndexFunc(ps[:i], p.sameCanvas); {
		case j >= 0:
			flat[i] = flat[j]
			continue
		case i == 0:
			flat[0], pics[0] = prepare(img, p, ws)
		default:
			rel := p
			rel.scale /= ps[0].scale
			flat[i] = ws.tensor(3, p.h, p.w)
			pics[i] = shrinkCanvas(flat[0], pics[0], flat[i], rel)
		}
	}
	// Mirrored margins last: the shrunk canvases read only the picture.
	for i, p := range ps {
		if p.mirror && !pics[i].Empty() {
			mirrorPad(flat[i], pics[i])
		}
	}
	return flat
}

// runPass runs the network on one canvas (released to ws afterwards) and
// returns its boxes in source-image pixels (relative to the image's
// top-left corner), merged by weighted NMS: strong ones pass the canvas's
// thresholds, weak ones score at least weakScore and count only when
// another pass confirms them.
func (d *Detector) runPass(in *tensor, p placement, ws *workspace) (strong, weak []box, err error) {
	outs, err := d.net.run(in, ws)
	ws.put(in.data)
	if err != nil {
		return nil, nil, fmt.Errorf("face: %w", err)
	}
	boxes, err := decode(d.net.heads, outs, in.w, in.h, min(p.minScore, weakScore))
	for _, o := range outs {
		ws.put(o.data)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("face: %w", err)
	}
	if p.maxBox > 0 {
		boxes = slices.DeleteFunc(boxes, func(b box) bool { return max(b.x1-b.x0, b.y1-b.y0) > p.maxBox })
	}
	for _, bx := range weightedNMS(boxes, nmsIoU) {
		need := p.minScore
		if p.bigBox > 0 && max(bx.x1-bx.x0, bx.y1-bx.y0) > p.bigBox {
			need = max(need, bigScore)
		}
		bx = unturnBox(bx, p.turn, p.w, p.h)
		bx.x0, bx.y0 = p.toSource(bx.x0, bx.y0)
		bx.x1, bx.y1 = p.toSource(bx.x1, bx.y1)
		if bx.score >= need {
			strong = append(strong, bx)
		} else {
			weak = append(weak, bx)
		}
	}
	return strong, weak, nil
}

// confirm returns the strong boxes of every pass, and the weak boxes that
// another pass confirms: a strong box of it overlaps them, or a weak one
// when both score pairScore or more. A face seen by two passes is likely
// real, while texture that fools the network usually does so in one pass
// only; two barely weak guesses agreeing were mostly texture on the dev set
// made hard (pairScore halved the false boxes there, for one face in 276).
func confirm(strong, weak [][]box) []box {
	var out []box
	for i := range strong {
		out = append(out, strong[i]...)
	}
	pairs := make([][]box, len(weak))
	for j, ws := range weak {
		pairs[j] = slices.DeleteFunc(slices.Clone(ws), func(b box) bool { return b.score < pairScore })
	}
	for i, ws := range weak {
		for _, w := range ws {
			for j := range strong {
				if j != i && (overlapsAny(w, strong[j]) || w.score >= pairScore && overlapsAny(w, pairs[j])) {
					out = append(out, w)
					break
				}
			}
		}
	}
	return out
}

func overlapsAny(b box, others []box) bool {
	return slices.ContainsFunc(others, func(o box) bool { return iou(b, o) >= confirmIoU })
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
