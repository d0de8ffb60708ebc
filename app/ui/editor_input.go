package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"veil/redact"
)

// dragKind is what a drag does, decided where it starts.
type dragKind int

const (
	dragNone dragKind = iota
	dragNew
	dragMove
	dragResize
	dragCropNew
	dragCropMove
	dragCropResize
)

// minDrawn is the smallest side, in Fyne units on screen, of a region or a
// crop drawn with the mouse: anything smaller was a slip, not a gesture.
const minDrawn = 6

// dragState is a drag in progress.
type dragState struct {
	kind   dragKind
	start  image.Point     // the pixel corner where it began
	handle int             // for the resize kinds
	orig   image.Rectangle // the region's or crop's rectangle when it began
	before snapshot        // the state to undo to
	live   redact.Region   // for dragNew: the region being drawn
}

// Dragged follows a drag of the mouse (fyne.Draggable). The first event of
// a drag decides what it does from where it began: its Position less
// Dragged, as the desktop driver reports it.
func (e *Editor) Dragged(ev *fyne.DragEvent) {
	v, ok := e.viewFor(e.Size())
	if !ok {
		return
	}
	if e.drag == nil {
		e.drag = e.beginDrag(v, ev.Position.Subtract(ev.Dragged))
	}
	e.updateDrag(v.corner(ev.Position))
	e.Refresh()
}

// DragEnd commits the drag as one undo step (fyne.Draggable).
func (e *Editor) DragEnd() {
	e.finishDrag()
	e.drag = nil
}

// ignoredDrag stands for the rest of a gesture that was interrupted: its
// further events do nothing.
func ignoredDrag() *dragState { return &dragState{kind: dragNone} }

// commitDrag ends a drag interrupted by another change (a key, a button),
// keeping its result as one undo step.
func (e *Editor) commitDrag() {
	if e.drag == nil || e.drag.kind == dragNone {
		return
	}
	e.finishDrag()
	e.drag = ignoredDrag()
}

// finishDrag ends the drag in progress, if any, and records its result.
func (e *Editor) finishDrag() {
	d := e.drag
	e.drag = nil
	if d == nil || e.img == nil {
		return
	}
	v, _ := e.viewFor(e.Size())
	switch d.kind {
	case dragNone:
		return
	case dragNew:
		if !bigEnough(d.live.Rect, v) {
			e.Refresh()
			return
		}
		e.push(d.before)
		e.items = append(e.items, item{r: d.live, covered: true})
		e.sel = len(e.items) - 1
		e.setMode(ModeSelect)
	case dragCropNew:
		if !bigEnough(e.crop, v) {
			e.crop = d.before.crop
			e.Refresh()
			return
		}
		e.push(d.before)
	default:
		if e.sameAs(d.before) {
			e.Refresh()
			if e.sel != d.before.sel { // a drag on another region selects it
				e.changed()
			}
			return
		}
		e.push(d.before)
	}
	e.afterChange()
}

// bigEnough reports whether r is at least minDrawn units on screen each way.
func bigEnough(r image.Rectangle, v view) bool {
	return !r.Empty() && float64(r.Dx())*v.s >= minDrawn && float64(r.Dy())*v.s >= minDrawn
}

// sameAs reports whether the regions and the crop are those of s.
func (e *Editor) sameAs(s snapshot) bool {
	if e.crop != s.crop || len(e.items) != len(s.items) {
		return false
	}
	for i := range e.items {
		if e.items[i] != s.items[i] {
			return false
		}
	}
	return true
}

// beginDrag decides what a drag starting at pos does.
func (e *Editor) beginDrag(v view, pos fyne.Position) *dragState {
	d := &dragState{start: v.corner(pos), before: e.snap(), handle: -1}
	px := v.pixel(pos)
	switch e.mode {
	case ModeAddRect, ModeAddEllipse:
		d.kind = dragNew
		d.live = redact.Region{Rect: image.Rectangle{d.start, d.start}, Shape: redact.Rect, Style: e.style}
		if e.mode == ModeAddEllipse {
			d.live.Shape = redact.Ellipse
		}
	case ModeCrop:
		d.kind, d.orig = dragCropNew, e.crop
		if !e.crop.Empty() {
			if d.handle = v.handleAt(e.crop, pos); d.handle >= 0 {
				d.kind = dragCropResize
			} else if px.In(e.crop) {
				d.kind = dragCropMove
			}
		}
	default:
		if e.sel >= 0 {
			r := e.items[e.sel].r.Rect
			if d.handle = v.handleAt(r, pos); d.handle >= 0 {
				d.kind, d.orig = dragResize, r.Canon()
				return d
			}
			if px.In(r.Canon()) {
				d.kind, d.orig = dragMove, r
				return d
			}
		}
		if i := e.hit(px); i >= 0 {
			e.sel = i
			d.kind, d.orig = dragMove, e.items[i].r.Rect
		}
	}
	return d
}

// updateDrag moves the drag's subject to follow the pointer at pixel
// corner cur.
func (e *Editor) updateDrag(cur image.Point) {
	d, b := e.drag, e.img.Bounds()
	delta := cur.Sub(d.start)
	switch d.kind {
	case dragNew:
		d.live.Rect = image.Rectangle{d.start, cur}.Canon()
	case dragMove:
		m := clampMove(d.orig, delta, b)
		e.items[e.sel].r.Rect = d.orig.Add(m)
	case dragResize:
		e.items[e.sel].r.Rect = resizeRect(d.orig, d.handle, delta)
	case dragCropNew:
		e.crop = fitAnchored(d.start, cur, e.aspect, b)
	case dragCropMove:
		e.crop = d.orig.Add(clampMove(d.orig, delta, b))
	case dragCropResize:
		e.crop = resizeCrop(d.orig, d.handle, delta, e.aspect, b)
	}
}

// hit returns the topmost region covering the pixel px, else the topmost
// whose rectangle holds it, else -1.
func (e *Editor) hit(px image.Point) int {
	for i := len(e.items) - 1; i >= 0; i-- {
		if e.items[i].r.Contains(px) {
			return i
		}
	}
	for i := len(e.items) - 1; i >= 0; i-- {
		if px.In(e.items[i].r.Rect.Canon()) {
			return i
		}
	}
	return -1
}

// fitAnchored returns the largest rectangle of ratio a inside bounds and
// the rectangle spanned by anchor and p, with its corner at anchor.
func fitAnchored(anchor, p image.Point, a redact.Aspect, bounds image.Rectangle) image.Rectangle {
	r := image.Rectangle{anchor, p}.Canon().Intersect(bounds)
	f := a.Fit(r, bounds)
	if f.Empty() || a.IsFree() {
		return f
	}
	dx, dy := r.Min.X-f.Min.X, r.Min.Y-f.Min.Y
	if anchor.X > p.X {
		dx = r.Max.X - f.Max.X
	}
	if anchor.Y > p.Y {
		dy = r.Max.Y - f.Max.Y
	}
	return f.Add(image.Pt(dx, dy))
}

// resizeCrop returns the crop orig resized by handle h moved by d, within
// bounds and, for a fixed ratio, of ratio a: a corner keeps the opposite
// corner in place; an edge keeps the opposite edge and stays centred on it.
func resizeCrop(orig image.Rectangle, h int, d image.Point, a redact.Aspect, bounds image.Rectangle) image.Rectangle {
	raw := resizeRect(orig, h, d).Intersect(bounds)
	if a.IsFree() || raw.Empty() {
		return raw
	}
	tl, br := orig.Min, orig.Max
	tr, bl := image.Pt(br.X, tl.Y), image.Pt(tl.X, br.Y)
	switch h {
	case handleTL:
		return fitAnchored(br, tl.Add(d), a, bounds)
	case handleTR:
		return fitAnchored(bl, tr.Add(d), a, bounds)
	case handleBR:
		return fitAnchored(tl, br.Add(d), a, bounds)
	case handleBL:
		return fitAnchored(tr, bl.Add(d), a, bounds)
	case handleL, handleR:
		hgt := raw.Dx() * a.H / a.W
		cy := (orig.Min.Y + orig.Max.Y) / 2
		raw.Min.Y, raw.Max.Y = cy-hgt/2, cy-hgt/2+hgt
	default:
		wid := raw.Dy() * a.W / a.H
		cx := (orig.Min.X + orig.Max.X) / 2
		raw.Min.X, raw.Max.X = cx-wid/2, cx-wid/2+wid
	}
	return a.Fit(raw, bounds)
}

// Tapped selects the topmost region under the pointer, or none, in
// ModeSelect (fyne.Tappable).
func (e *Editor) Tapped(ev *fyne.PointEvent) {
	v, ok := e.viewFor(e.Size())
	if !ok || e.mode != ModeSelect {
		return
	}
	if e.sel >= 0 && v.handleAt(e.items[e.sel].r.Rect, ev.Position) >= 0 {
		return
	}
	e.Select(e.hit(v.pixel(ev.Position)))
}

// Cursor returns the pointer's shape over the Editor (desktop.Cursorable).
func (e *Editor) Cursor() desktop.Cursor { return e.cursor }

// MouseIn sets the cursor for the pointer's place (desktop.Hoverable).
func (e *Editor) MouseIn(ev *desktop.MouseEvent) { e.cursor = e.cursorAt(ev.Position) }

// MouseMoved sets the cursor for the pointer's place (desktop.Hoverable).
func (e *Editor) MouseMoved(ev *desktop.MouseEvent) { e.cursor = e.cursorAt(ev.Position) }

// MouseOut restores the default cursor (desktop.Hoverable).
func (e *Editor) MouseOut() { e.cursor = desktop.DefaultCursor }

// cursorAt returns the cursor that says what a drag from pos would do:
// resize at a handle, move (pointer) over a region or the crop, draw
// (crosshair) where a drag adds something.
func (e *Editor) cursorAt(pos fyne.Position) desktop.Cursor {
	v, ok := e.viewFor(e.Size())
	if !ok {
		return desktop.DefaultCursor
	}
	px := v.pixel(pos)
	switch e.mode {
	case ModeAddRect, ModeAddEllipse:
		return desktop.CrosshairCursor
	case ModeCrop:
		if !e.crop.Empty() {
			if h := v.handleAt(e.crop, pos); h >= 0 {
				return handleCursor(h)
			}
			if px.In(e.crop) {
				return desktop.PointerCursor
			}
		}
		return desktop.CrosshairCursor
	}
	if e.sel >= 0 {
		if h := v.handleAt(e.items[e.sel].r.Rect, pos); h >= 0 {
			return handleCursor(h)
		}
	}
	if e.hit(px) >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// handleCursor returns the resize cursor for handle h (Fyne has no diagonal
// resize cursor: corners get the crosshair).
func handleCursor(h int) desktop.Cursor {
	switch h {
	case handleL, handleR:
		return desktop.HResizeCursor
	case handleT, handleB:
		return desktop.VResizeCursor
	}
	return desktop.CrosshairCursor
}
