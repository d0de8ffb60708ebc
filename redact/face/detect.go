package face

import (
	"cmp"
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
	pool sync.Pool // *workspace: buffers reused across calls
}

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
	confirmIoU = 0.3
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
	// Only the first (largest) canvas reads the photo; the others are
	// shrunk from it.
	ins := make([]*tensor, len(ps))
	first, pic := prepare(img, ps[0], ws)
	ins[0] = first
	for i := 1; i < len(ps); i++ {
		rel := ps[i]
		rel.scale /= ps[0].scale
		ins[i] = ws.tensor(3, ps[i].h, ps[i].w)
		shrinkCanvas(ins[0], pic, ins[i], rel)
	}
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
	// --- FaceBoxes seam (faceboxes branch, fb_ensemble.go): the second
	// detector vouches for unsure boxes and adds its own. ---
	all, err := withSecondOpinion(img, ws, all)
	if err != nil {
		return nil, err
	}
	// --- end of FaceBoxes seam ---
	merged := dropContained(weightedNMS(all, nmsIoU), containedF)
	return toFaces(merged, b), nil
}

// passSpec is one canvas of a pass plan: the photo scaled so that its long
// side is side pixels (never enlarged, unless square), or letterboxed into
// a side×side square; boxes larger than maxBox canvas pixels are dropped
// (0: none).
type passSpec struct {
	side   int
	square bool
	maxBox float64
}

// defaultPlan is the pass plan of New.
var defaultPlan = []passSpec{
	{side: fullSide, maxBox: fullMaxBox},
	{side: midSide, maxBox: fullMaxBox},
	{side: closeSide, square: true},
}

// planFor returns the placements of plan for a w×h photo, largest scale
// first, leaving out a whole-photo pass whose scale repeats another's
// (small photos are never enlarged, so their large passes coincide).
func planFor(plan []passSpec, w, h int) []placement {
	long := float64(max(w, h))
	var ps []placement
	for _, sp := range plan {
		if sp.square {
			cs := float64(sp.side) / long
			ps = append(ps, placement{scale: cs, w: sp.side, h: sp.side, maxBox: sp.maxBox, minScore: minScore,
				offX: math.Round((float64(sp.side) - float64(w)*cs) / 2),
				offY: math.Round((float64(sp.side) - float64(h)*cs) / 2)})
			continue
		}
		s := math.Min(1, float64(sp.side)/long)
		if slices.ContainsFunc(ps, func(q placement) bool { return q.scale == s }) {
			continue
		}
		ps = append(ps, placement{scale: s, maxBox: sp.maxBox, minScore: minScore,
			w: roundUp(int(math.Round(float64(w)*s)), netStride),
			h: roundUp(int(math.Round(float64(h)*s)), netStride)})
	}
	slices.SortStableFunc(ps, func(a, b placement) int { return cmp.Compare(b.scale, a.scale) })
	for i := 0; i+1 < len(ps); i++ {
		if ps[i].maxBox > 0 {
			ps[i].bigBox = seenSize * ps[i].scale / ps[i+1].scale
		}
	}
	return ps
}

// passes lists the canvases of the default plan, whole photo first.
func passes(w, h int) []placement {
	return planFor(defaultPlan, w, h)
}

func roundUp(v, m int) int {
	return max(m, (v+m-1)/m*m)
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
	boxes, err := decode(d.net.heads, outs, p.w, p.h, min(p.minScore, weakScore))
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
// a box of another pass overlaps: a face seen at two scales is likely real,
// while texture that fools the network usually does so at one scale only.
func confirm(strong, weak [][]box) []box {
	var out []box
	for i := range strong {
		out = append(out, strong[i]...)
	}
	for i, ws := range weak {
		for _, w := range ws {
			for j := range strong {
				if j != i && (overlapsAny(w, strong[j]) || overlapsAny(w, weak[j])) {
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
