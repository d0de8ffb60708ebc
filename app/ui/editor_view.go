package ui

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
)

// view maps between the photo's pixels and the widget: the photo is scaled
// by s to fit the widget, keeping its aspect ratio, and centred. The same
// mapping serves Fyne units (pointer events, layout) and device pixels (the
// overlay raster), through scaled.
type view struct {
	bounds image.Rectangle // the photo's bounds
	x0, y0 float64         // where the photo's top-left corner lands
	s      float64         // widget units per photo pixel
	w, h   float64         // the photo's size on screen
}

// viewMargin keeps the photo this far (in units) from the widget's edges,
// so that handles on the photo's border are whole and easy to grab.
const viewMargin = handleSize/2 + 2

// viewFor returns the view of the photo in a widget of the given size, and
// false when there is no photo or no room.
func (e *Editor) viewFor(size fyne.Size) (view, bool) {
	if e.img == nil {
		return view{}, false
	}
	b := e.img.Bounds()
	bw, bh := float64(size.Width)-2*viewMargin, float64(size.Height)-2*viewMargin
	if b.Empty() || bw <= 0 || bh <= 0 {
		return view{}, false
	}
	s := math.Min(bw/float64(b.Dx()), bh/float64(b.Dy()))
	w, h := float64(b.Dx())*s, float64(b.Dy())*s
	return view{
		bounds: b,
		x0:     (float64(size.Width) - w) / 2,
		y0:     (float64(size.Height) - h) / 2,
		s:      s, w: w, h: h,
	}, true
}

// scaled returns v in a space k times finer (units to device pixels).
func (v view) scaled(k float64) view {
	return view{bounds: v.bounds, x0: v.x0 * k, y0: v.y0 * k, s: v.s * k, w: v.w * k, h: v.h * k}
}

// imageXY returns the photo coordinates (in fractional pixels) of a point
// of the widget.
func (v view) imageXY(x, y float64) (float64, float64) {
	return (x-v.x0)/v.s + float64(v.bounds.Min.X), (y-v.y0)/v.s + float64(v.bounds.Min.Y)
}

// screenXY returns where the photo coordinates (x, y) land in the widget.
func (v view) screenXY(x, y float64) (float64, float64) {
	return v.x0 + (x-float64(v.bounds.Min.X))*v.s, v.y0 + (y-float64(v.bounds.Min.Y))*v.s
}

// pixel returns the photo pixel under pos (possibly outside the photo).
func (v view) pixel(pos fyne.Position) image.Point {
	x, y := v.imageXY(float64(pos.X), float64(pos.Y))
	return image.Pt(int(math.Floor(x)), int(math.Floor(y)))
}

// corner returns the pixel corner nearest to pos, clamped to the photo: the
// point a rectangle's edge snaps to when drawn with the mouse.
func (v view) corner(pos fyne.Position) image.Point {
	x, y := v.imageXY(float64(pos.X), float64(pos.Y))
	b := v.bounds
	return image.Pt(
		max(b.Min.X, min(b.Max.X, int(math.Round(x)))),
		max(b.Min.Y, min(b.Max.Y, int(math.Round(y)))),
	)
}

// screenRect returns r's rectangle in the widget as x0, y0, x1, y1.
func (v view) screenRect(r image.Rectangle) (float64, float64, float64, float64) {
	r = r.Canon()
	x0, y0 := v.screenXY(float64(r.Min.X), float64(r.Min.Y))
	x1, y1 := v.screenXY(float64(r.Max.X), float64(r.Max.Y))
	return x0, y0, x1, y1
}

// The eight resize handles, clockwise from the top-left corner.
const (
	handleTL = iota
	handleT
	handleTR
	handleR
	handleBR
	handleB
	handleBL
	handleL
	numHandles
)

// Handle sizes in Fyne units: drawn, and grabbed (larger, for easy use).
const (
	handleSize = 12
	handleGrab = 22
)

// handleXY returns the centre of handle h of r in the widget.
func (v view) handleXY(r image.Rectangle, h int) (float64, float64) {
	x0, y0, x1, y1 := v.screenRect(r)
	xs := [numHandles]float64{x0, (x0 + x1) / 2, x1, x1, x1, (x0 + x1) / 2, x0, x0}
	ys := [numHandles]float64{y0, y0, y0, (y0 + y1) / 2, y1, y1, y1, (y0 + y1) / 2}
	return xs[h], ys[h]
}

// handleAt returns the handle of r under pos, or -1. Corners win over edge
// midpoints when a small rectangle's handles overlap.
func (v view) handleAt(r image.Rectangle, pos fyne.Position) int {
	for _, h := range [...]int{handleTL, handleTR, handleBR, handleBL, handleT, handleR, handleB, handleL} {
		x, y := v.handleXY(r, h)
		if math.Abs(float64(pos.X)-x) <= handleGrab/2 && math.Abs(float64(pos.Y)-y) <= handleGrab/2 {
			return h
		}
	}
	return -1
}

// resizeRect returns r with the edges that handle h holds moved by d, in
// canonical form and at least 1×1.
func resizeRect(r image.Rectangle, h int, d image.Point) image.Rectangle {
	r = r.Canon()
	switch h {
	case handleTL, handleL, handleBL:
		r.Min.X += d.X
	case handleTR, handleR, handleBR:
		r.Max.X += d.X
	}
	switch h {
	case handleTL, handleT, handleTR:
		r.Min.Y += d.Y
	case handleBL, handleB, handleBR:
		r.Max.Y += d.Y
	}
	r = r.Canon()
	r.Max.X = max(r.Max.X, r.Min.X+1)
	r.Max.Y = max(r.Max.Y, r.Min.Y+1)
	return r
}
