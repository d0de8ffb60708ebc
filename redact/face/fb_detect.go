package face

import (
	"fmt"
	"image"
	"math"
	"sync"

	"veil/assets"

	"veil/internal/parallel"
)

// faceBoxes is the FaceBoxes face detector (Zhang et al. 2017; weights by
// TropComplique, trained on WIDER FACE; see assets/faceboxes/NOTICE), a
// second network beside BlazeFace: trained on crowded photos with small,
// turned and partly hidden faces, it finds faces cut by the frame or half
// hidden that BlazeFace, trained on whole faces, misses. It holds
// read-only weights and a pool of scratch buffers, so it is safe for
// concurrent use.
type faceBoxes struct {
	net  *fbNet
	side int // long side of the canvas the photo is scaled to (never enlarged)
	// fill stretches the scaled photo to the nearest multiple of 128 on
	// each axis (at most 64 pixels, about 5 %, at 1280) instead of padding
	// it: a face cut by the frame's right or bottom edge then lies at the
	// canvas's edge too, where the network, trained on crops whose edges
	// cut faces, finds it (dev set made hard, faces cut by the right edge:
	// 22 of 23 found rather than 19).
	fill     bool
	minScore float64 // lowest face probability returned
	pool     sync.Pool
}

// fbLevel is one feature map of FaceBoxes (upstream
// src/anchor_generator.py, ANCHOR_SPECIFICATIONS): its anchors per cell,
// each a square of the given size in canvas pixels, densified n×n times
// (n² shifted copies spread over the cell).
type fbLevel struct{ sizes, dens []int }

var fbLevels = []fbLevel{
	{sizes: []int{32, 64, 128}, dens: []int{4, 2, 1}}, // stride 32
	{sizes: []int{256}, dens: []int{1}},               // stride 64
	{sizes: []int{512}, dens: []int{1}},               // stride 128
}

const (
	fbInput  = "standardize_input/sub" // the graph's standardised image
	fbStride = 128                     // total stride: canvases are padded to a multiple of it
	fbSide   = 1280                    // default canvas long side
	fbFloor  = 0.2                     // lowest face probability returned (see fbKeep)
	// fbScaleYX and fbScaleHW are the box coder's scale factors (upstream
	// src/constants.py SCALE_FACTORS: 10, 10, 5, 5).
	fbScaleYX = 10
	fbScaleHW = 5
)

// anchors returns the number of anchors per cell of the level.
func (l fbLevel) anchors() int {
	n := 0
	for _, d := range l.dens {
		n += d * d
	}
	return n
}

// newFaceBoxes returns the detector with the weights embedded in package assets.
func newFaceBoxes() (*faceBoxes, error) {
	return newFaceBoxesFrom(assets.FaceBoxesGraph, assets.FaceBoxesWeights)
}

// newFaceBoxesFrom compiles a FaceBoxes tfjs graph model: model.json and
// its weights shard.
func newFaceBoxesFrom(modelJSON, shard []byte) (*faceBoxes, error) {
	g, err := parseTFGraph(modelJSON, shard)
	if err != nil {
		return nil, fmt.Errorf("face: reading FaceBoxes: %w", err)
	}
	if err := checkFBInput(g); err != nil {
		return nil, fmt.Errorf("face: reading FaceBoxes: %w", err)
	}
	var heads []string
	for i := range fbLevels {
		heads = append(heads, fmt.Sprintf("prediction_layers/class_predictor_%d/BiasAdd", i),
			fmt.Sprintf("prediction_layers/box_encoding_predictor_%d/BiasAdd", i))
	}
	net, err := compileFB(g, fbInput, heads)
	if err != nil {
		return nil, fmt.Errorf("face: compiling FaceBoxes: %w", err)
	}
	for i, l := range fbLevels {
		cls, bx := net.steps[net.heads[2*i]-1].conv, net.steps[net.heads[2*i+1]-1].conv
		if cls == nil || bx == nil || cls.co != 2*l.anchors() || bx.co != 4*l.anchors() {
			return nil, ModelError(fmt.Sprintf("face: FaceBoxes head %d does not match its anchors", i))
		}
	}
	return &faceBoxes{net: net, side: fbSide, minScore: fbFloor, fill: true}, nil
}

// checkFBInput verifies that the graph standardises its input as prepare
// does: pixel/255·2 − 1 (upstream src/network.py, preprocess), so that
// prepare's canvas can stand in for the node named fbInput.
func checkFBInput(g *tfGraph) error {
	names := []string{"mul/y", "standardize_input/mul/x", "standardize_input/sub/y"}
	var v [3]float32
	for i, n := range names {
		var err error
		if v[i], err = g.scalar(n); err != nil {
			return err
		}
	}
	if math.Abs(float64(v[0]*v[1])-2.0/255) > 1e-4 || v[2] != 1 {
		return ModelError(fmt.Sprintf("input scaling %v×%v−%v is not pixel/127.5−1", v[0], v[1], v[2]))
	}
	return nil
}

// detect returns the faces FaceBoxes finds in img, in pixels relative to
// the image's top-left corner, merged by weighted non-maximum suppression.
// The photo is scaled so that its long side is at most m.side pixels and
// fitted to a multiple of 128 (see m.canvas). When needSide is non-nil and
// returns true for those boxes, the network also runs on the canvas turned
// a quarter each way (see sideways), and those boxes, mapped back, are
// returned apart. ws may be nil (buffers are then taken from the
// detector's own pool).
func (m *faceBoxes) detect(img image.Image, ws *workspace, needSide func(up []box) bool) (up, side []box, err error) {
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, nil, nil
	}
	if int64(b.Dx())*int64(b.Dy()) > maxPixels {
		return nil, nil, fmt.Errorf("face: image %dx%d is too large", b.Dx(), b.Dy())
	}
	if ws == nil {
		ws, _ = m.pool.Get().(*workspace)
		if ws == nil {
			ws = &workspace{}
		}
		defer m.pool.Put(ws)
	}
	in, fr := m.canvas(img, ws)
	defer func() { ws.put(in.data) }()
	if fr.pic.Empty() {
		return nil, nil, nil // the photo shrinks to nothing
	}
	if up, err = m.run(in, fr, ws); err != nil || needSide == nil || !needSide(up) {
		return up, nil, err
	}
	side, err = m.sideways(in, fr, ws)
	return up, side, err
}

// sideways runs the network on the canvas shrunk to half its size (a face
// on its side is vouched for, not located) and turned a quarter each way,
// and returns the boxes mapped back to source pixels: FaceBoxes finds
// faces lying on their side poorly.
func (m *faceBoxes) sideways(in *tensor, fr fbFrame, ws *workspace) ([]box, error) {
	small := fr
	small.w = max(fbStride, (fr.pic.Dx()/2+fbStride/2)/fbStride*fbStride)
	small.h = max(fbStride, (fr.pic.Dy()/2+fbStride/2)/fbStride*fbStride)
	small.pic = image.Rect(0, 0, small.w, small.h)
	small.sx = fr.sx * float64(small.w) / float64(fr.pic.Dx())
	small.sy = fr.sy * float64(small.h) / float64(fr.pic.Dy())
	sc := ws.tensor(in.c, small.h, small.w)
	defer ws.put(sc.data)
	stretch(in, fr.pic, sc)
	var out []box
	for _, cw := range []bool{true, false} {
		t := ws.tensor(sc.c, sc.w, sc.h)
		quarterTurn(sc, t, cw)
		boxes, err := m.run(t, fbFrame{w: t.w, h: t.h, pic: image.Rect(0, 0, t.w, t.h), sx: 1, sy: 1}, ws)
		ws.put(t.data)
		if err != nil {
			return nil, err
		}
		for _, bx := range boxes {
			out = append(out, small.unturn(bx, cw))
		}
	}
	return out, nil
}

// run evaluates the network on canvas in (left to the caller) and returns
// its boxes mapped by fr, merged by weighted NMS.
func (m *faceBoxes) run(in *tensor, fr fbFrame, ws *workspace) ([]box, error) {
	outs, err := m.net.run(in, ws)
	if err != nil {
		return nil, fmt.Errorf("face: FaceBoxes: %w", err)
	}
	boxes := fbDecode(outs, fr, m.minScore)
	for _, o := range outs {
		ws.put(o.data)
	}
	return weightedNMS(boxes, nmsIoU), nil
}

// quarterTurn writes src turned a quarter clockwise (cw) or anticlockwise
// into dst (c × src.w × src.h): clockwise, dst(x, y) = src(y, src.h−1−x);
// anticlockwise, dst(x, y) = src(src.w−1−y, x).
func quarterTurn(src, dst *tensor, cw bool) {
	parallel.For(0, src.c*dst.h, 64, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			ch, y := r/dst.h, r%dst.h
			plane := src.plane(ch)
			drow := dst.data[r*dst.w : (r+1)*dst.w]
			if cw {
				for x := range drow {
					drow[x] = plane[(src.h-1-x)*src.w+y]
				}
				continue
			}
			for x := range drow {
				drow[x] = plane[x*src.w+src.w-1-y]
			}
		}
	})
}

// unturn maps a box found on the canvas turned by quarterTurn (pixels of
// the turned canvas) back to source pixels, clipped to the picture.
func (f fbFrame) unturn(b box, cw bool) box {
	x0, y0, x1, y1 := b.y0, float64(f.h)-b.x1, b.y1, float64(f.h)-b.x0
	if !cw {
		x0, y0, x1, y1 = float64(f.w)-b.y1, b.x0, float64(f.w)-b.y0, b.x1
	}
	px0, py0, px1, py1 := float64(f.pic.Min.X), float64(f.pic.Min.Y), float64(f.pic.Max.X), float64(f.pic.Max.Y)
	out := box{score: b.score}
	out.x0, out.y0 = f.toSource(clamp(x0, px0, px1), clamp(y0, py0, py1))
	out.x1, out.y1 = f.toSource(clamp(x1, px0, px1), clamp(y1, py0, py1))
	return out
}

// fbFrame maps a network canvas back to the photo: the picture fills pic
// (canvas pixels), scaled by sx and sy canvas pixels per source pixel.
type fbFrame struct {
	w, h   int
	pic    image.Rectangle
	sx, sy float64
}

func (f fbFrame) toSource(x, y float64) (float64, float64) {
	return (x - float64(f.pic.Min.X)) / f.sx, (y - float64(f.pic.Min.Y)) / f.sy
}

// canvas draws img into a network input (from ws): scaled so that its long
// side is at most m.side pixels, then padded with black on the right and
// bottom to a multiple of fbStride, as the upstream graph pads it, or with
// m.fill stretched to the nearest multiples.
func (m *faceBoxes) canvas(img image.Image, ws *workspace) (*tensor, fbFrame) {
	b := img.Bounds()
	p := fbPlacement(b.Dx(), b.Dy(), m.side)
	in, pic := prepare(img, p, ws)
	fr := fbFrame{w: p.w, h: p.h, pic: pic, sx: p.scale, sy: p.scale}
	if !m.fill || pic.Empty() {
		return in, fr
	}
	fr.w = max(fbStride, (pic.Dx()+fbStride/2)/fbStride*fbStride)
	fr.h = max(fbStride, (pic.Dy()+fbStride/2)/fbStride*fbStride)
	fr.pic = image.Rect(0, 0, fr.w, fr.h)
	fr.sx, fr.sy = float64(fr.w)/float64(b.Dx()), float64(fr.h)/float64(b.Dy())
	out := ws.tensor(3, fr.h, fr.w)
	stretch(in, pic, out)
	ws.put(in.data)
	return out, fr
}

// fbPlacement scales a w×h photo so its long side is at most side pixels
// and pads the canvas to a multiple of fbStride.
func fbPlacement(w, h, side int) placement {
	s := math.Min(1, float64(side)/float64(max(w, h)))
	return placement{scale: s,
		w: roundUp(int(math.Round(float64(w)*s)), fbStride),
		h: roundUp(int(math.Round(float64(h)*s)), fbStride)}
}

// fbDecode turns the head tensors (class and box heads of each level, in
// fbLevels order) into boxes in source pixels, keeping those whose face
// probability is at least minScore.
func fbDecode(outs []*tensor, fr fbFrame, minScore float64) []box {
	var boxes []box
	for i, l := range fbLevels {
		cls, enc := outs[2*i], outs[2*i+1]
		for y := range cls.h {
			for x := range cls.w {
				boxes = l.decodeCell(boxes, cls, enc, x, y, fr, minScore)
			}
		}
	}
	return boxes
}

// decodeCell appends the boxes of the anchors of cell (x, y).
func (l fbLevel) decodeCell(boxes []box, cls, enc *tensor, x, y int, fr fbFrame, minScore float64) []box {
	plane := cls.h * cls.w
	at := y*cls.w + x
	sy, sx := float64(fr.h)/float64(cls.h), float64(fr.w)/float64(cls.w)
	cy, cx := (float64(y)+0.5)*sy, (float64(x)+0.5)*sx
	a := 0
	for si, size := range l.sizes {
		n := l.dens[si]
		for k := range n * n {
			// Softmax over (background, face).
			bg, fg := cls.data[(2*a)*plane+at], cls.data[(2*a+1)*plane+at]
			score := 1 / (1 + math.Exp(float64(bg-fg)))
			if score >= minScore {
				// Densified anchor k: column k/n, row k%n of an n×n grid
				// of centres spread over the anchor's square.
				s := float64(size)
				ay := cy - s/2 + s/float64(n)*(float64(k%n)+0.5)
				ax := cx - s/2 + s/float64(n)*(float64(k/n)+0.5)
				var t [4]float64
				for c := range t {
					t[c] = float64(enc.data[(4*a+c)*plane+at])
				}
				bx := fbBox(ay, ax, s, t, fr)
				bx.score = score
				boxes = append(boxes, bx)
			}
			a++
		}
	}
	return boxes
}

// fbBox decodes box code t (ty, tx, th, tw) against the square anchor of
// side s centred at (ay, ax), as upstream src/utils/box_utils.py decode
// does after clipping the anchor to the canvas; the box is clipped to the
// picture and mapped to source pixels.
func fbBox(ay, ax, s float64, t [4]float64, fr fbFrame) box {
	y0, y1 := clamp(ay-s/2, 0, float64(fr.h)), clamp(ay+s/2, 0, float64(fr.h))
	x0, x1 := clamp(ax-s/2, 0, float64(fr.w)), clamp(ax+s/2, 0, float64(fr.w))
	ha, wa := y1-y0, x1-x0
	cy := t[0]/fbScaleYX*ha + (y0+y1)/2
	cx := t[1]/fbScaleYX*wa + (x0+x1)/2
	h := math.Exp(t[2]/fbScaleHW) * ha
	w := math.Exp(t[3]/fbScaleHW) * wa
	px0, py0, px1, py1 := float64(fr.pic.Min.X), float64(fr.pic.Min.Y), float64(fr.pic.Max.X), float64(fr.pic.Max.Y)
	var bx box
	bx.x0, bx.y0 = fr.toSource(clamp(cx-w/2, px0, px1), clamp(cy-h/2, py0, py1))
	bx.x1, bx.y1 = fr.toSource(clamp(cx+w/2, px0, px1), clamp(cy+h/2, py0, py1))
	return bx
}

func clamp(v, lo, hi float64) float64 {
	return min(max(v, lo), hi)
}
