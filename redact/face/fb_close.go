package face

import (
	"image"
	"math"
)

const (
	// fbClose is the side of the canvas on which FaceBoxes looks again at
	// a small unsure box, and fbContext how many times the box's side that
	// canvas shows: the box then spans 64 canvas pixels, the size of
	// FaceBoxes' middle anchors. (2.5, a 51-pixel box, lost 2 of 33
	// mosaic faces of 40–59 px that BlazeFace alone finds; 2 drops none
	// and lets 2 more false boxes through on the dev set made hard.)
	fbClose   = 128
	fbContext = 2.0
	// maxClose caps the boxes looked at again in one photo (best first);
	// any beyond it are kept unjudged, as recall comes first.
	maxClose = 24
)

// vouchClose reports whether FaceBoxes, looking again at a square around
// box b (pixels relative to img's top-left corner) scaled to fbClose
// pixels — upright and turned a quarter each way — finds a face of
// probability fbFloor or more overlapping b by confirmIoU. It answers
// true when it cannot look (an image type without SubImage, a box that
// shrinks to nothing).
func (m *faceBoxes) vouchClose(img image.Image, b box, ws *workspace) (bool, error) {
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	side := fbContext * max(b.x1-b.x0, b.y1-b.y0)
	if !ok || side <= 0 {
		return true, nil
	}
	bounds := img.Bounds()
	ox, oy := (b.x0+b.x1-side)/2, (b.y0+b.y1-side)/2 // square's corner, relative
	r := image.Rect(int(math.Floor(ox)), int(math.Floor(oy)), int(math.Ceil(ox+side)), int(math.Ceil(oy+side))).
		Add(bounds.Min).Intersect(bounds)
	if r.Empty() {
		return true, nil
	}
	s := fbClose / side
	p := placement{scale: s, w: fbClose, h: fbClose,
		offX: max(0, math.Round((float64(r.Min.X-bounds.Min.X)-ox)*s)),
		offY: max(0, math.Round((float64(r.Min.Y-bounds.Min.Y)-oy)*s))}
	in, pic := prepare(sub.SubImage(r), p, ws)
	defer ws.put(in.data)
	if pic.Empty() {
		return true, nil
	}
	want := box{x0: (b.x0 - ox) * s, y0: (b.y0 - oy) * s, x1: (b.x1 - ox) * s, y1: (b.y1 - oy) * s}
	return m.vouchCanvas(in, want, ws)
}

// vouchCanvas runs the network on canvas in, upright and turned a quarter
// each way, and reports whether a box confirms want (canvas pixels).
func (m *faceBoxes) vouchCanvas(in *tensor, want box, ws *workspace) (bool, error) {
	fr := fbFrame{w: in.w, h: in.h, pic: image.Rect(0, 0, in.w, in.h), sx: 1, sy: 1}
	boxes, err := m.run(in, fr, ws)
	if err != nil || overlapsAny(want, boxes) {
		return err == nil, err
	}
	for _, cw := range []bool{true, false} {
		t := ws.tensor(in.c, in.w, in.h)
		quarterTurn(in, t, cw)
		boxes, err := m.run(t, fbFrame{w: t.w, h: t.h, pic: image.Rect(0, 0, t.w, t.h), sx: 1, sy: 1}, ws)
		ws.put(t.data)
		if err != nil {
			return false, err
		}
		for _, bx := range boxes {
			if iou(want, fr.unturn(bx, cw)) >= confirmIoU {
				return true, nil
			}
		}
	}
	return false, nil
}
