package ui

import (
	"image"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"veil/redact"
)

// EditMode is what a drag on the Editor does.
type EditMode int

// The edit modes. After a region is added the Editor returns to ModeSelect
// by itself (and calls OnModeChanged).
const (
	ModeSelect     EditMode = iota // tap selects; drag moves or resizes the selected region
	ModeAddRect                    // drag draws a new rectangle
	ModeAddEllipse                 // drag draws a new ellipse
	ModeCrop                       // drag draws, moves or resizes the crop
)

// maxUndo bounds the undo history of one photo.
const maxUndo = 64

// item is one region of the photo with its covered state: an uncovered
// region stays on screen as an outline but is not written.
type item struct {
	r       redact.Region
	covered bool
}

// snapshot is one step of the undo history.
type snapshot struct {
	items []item
	crop  image.Rectangle
	sel   int
}

// Editor shows the upright photo with a live preview of the exact pixels
// that will be written, and lets the person add, select, move, resize,
// uncover and remove regions and draw a crop with the mouse. All its methods
// must be called on the UI goroutine.
type Editor struct {
	widget.BaseWidget

	// OnChanged is called (on the UI goroutine) after the regions, their
	// covered state, the crop or the selection changed, whether by the mouse
	// or by a method; not by SetPhoto or Clear.
	OnChanged func()
	// OnModeChanged is called when the Editor changes its own mode (it
	// returns to ModeSelect after a region is drawn).
	OnModeChanged func(EditMode)

	img     image.Image
	opts    redact.Options // how covers are drawn, as the save path draws them
	photoID uint64         // changes with every SetPhoto and Clear
	items   []item
	crop    image.Rectangle
	sel     int
	mode    EditMode
	aspect  redact.Aspect
	style   redact.Style
	hist    *History // the photo's undo and redo steps; never nil

	drag   *dragState // the drag in progress, if any
	cursor desktop.Cursor

	prev preview // the display-size preview and its worker

	// veiled: the faces are still being looked for, so the photo is shown
	// blurred past recognition (veil, made when first drawn) and no
	// preview is rendered; see SetVeiled.
	veiled bool
	veil   *image.NRGBA

	message string // shown in the middle when there is no photo
	pending string // idem, while the photo is still being read
}

// Compile-time checks of the input interfaces the Editor implements.
var (
	_ fyne.Draggable     = (*Editor)(nil)
	_ fyne.Tappable      = (*Editor)(nil)
	_ desktop.Hoverable  = (*Editor)(nil)
	_ desktop.Cursorable = (*Editor)(nil)
)

// NewEditor returns an empty Editor in ModeSelect with style Blur.
func NewEditor() *Editor {
	e := &Editor{sel: -1, style: redact.Blur, cursor: desktop.DefaultCursor, hist: &History{}}
	e.ExtendBaseWidget(e)
	return e
}

// SetPhoto shows img (upright) with regions, all covered. It resets the
// selection, the crop, the crop's aspect (to Free) and the undo history
// (to a new one: see UseHistory), and returns to ModeSelect.
func (e *Editor) SetPhoto(img image.Image, regions []redact.Region) {
	if img == nil {
		e.Clear()
		return
	}
	e.photoID++
	e.img, e.veil = img, nil
	e.items = coveredItems(regions)
	e.crop, e.sel, e.hist, e.aspect = image.Rectangle{}, -1, &History{}, redact.AspectFree
	e.interruptDrag()
	e.setMode(ModeSelect)
	e.prev.reset()
	e.requestPreview()
	e.Refresh()
}

// ShowEdits shows the photo as it was left: which of its regions are
// covered (by index; a missing one stays covered), its crop and the
// aspect the crop was drawn with. It is not an undo step and does not call
// OnChanged: call it after SetPhoto, for a photo shown again.
func (e *Editor) ShowEdits(covered []bool, crop image.Rectangle, a redact.Aspect) {
	e.aspect = a
	changed := crop != e.crop
	for i := range e.items {
		c := i >= len(covered) || covered[i]
		changed = changed || c != e.items[i].covered
		e.items[i].covered = c
	}
	if !changed {
		return // as SetPhoto showed it: no second preview
	}
	e.crop = crop
	e.requestPreview()
	e.Refresh()
}

// SetRedactOptions sets how covers are drawn for the next SetPhoto: the
// photo's own app.Photo.RedactOptions, so that the preview shows exactly
// the pixels the save path writes (for a JPEG, covers widened to its
// blocks).
func (e *Editor) SetRedactOptions(o redact.Options) { e.opts = o }

// Clear shows no photo and drops the image and the preview buffers.
func (e *Editor) Clear() {
	e.photoID++
	e.opts = redact.Options{}
	e.img, e.items, e.crop, e.sel, e.hist = nil, nil, image.Rectangle{}, -1, &History{}
	e.veiled, e.veil = false, nil
	e.interruptDrag()
	e.prev.reset()
	e.Refresh()
}

// SetVeiled veils the photo (true) while its faces are still being looked
// for: it is shown blurred past recognition, with "Looking for faces…" over
// it, and the areas drawn on it; or shows it again with its covers (false).
// The veil is a display state: it changes nothing that is written.
func (e *Editor) SetVeiled(veiled bool) {
	if veiled == e.veiled {
		return
	}
	e.veiled, e.veil = veiled, nil
	if !veiled {
		e.requestPreview()
	}
	e.Refresh()
}

// Veiled reports whether the photo is veiled (see SetVeiled).
func (e *Editor) Veiled() bool { return e.veiled }

// veilFrame returns the veil of the photo, made on first use.
func (e *Editor) veilFrame() *image.NRGBA {
	if e.veil == nil && e.img != nil {
		e.veil = veilImage(e.img)
	}
	return e.veil
}

// SetMessage sets the words shown in the middle while there is no photo
// (why a photo cannot be shown); "" shows none.
func (e *Editor) SetMessage(s string) {
	if s != e.message {
		e.message = s
		e.Refresh()
	}
}

// SetPending sets the words shown in the middle while there is no photo
// yet but one is coming (it is being read); "" shows none.
func (e *Editor) SetPending(s string) {
	if s != e.pending {
		e.pending = s
		e.Refresh()
	}
}

// HasPhoto reports whether a photo is shown.
func (e *Editor) HasPhoto() bool { return e.img != nil }

// Regions returns a copy of the covered regions, in drawing order: the
// regions to write.
func (e *Editor) Regions() []redact.Region {
	var out []redact.Region
	for _, it := range e.items {
		if it.covered {
			out = append(out, it.r)
		}
	}
	return out
}

// AllRegions returns a copy of every region, covered or not; its indices
// are the ones Select, Covered and ToggleCovered take.
func (e *Editor) AllRegions() []redact.Region {
	out := make([]redact.Region, len(e.items))
	for i, it := range e.items {
		out[i] = it.r
	}
	return out
}

// Covered reports whether region i is covered (false for a bad index).
func (e *Editor) Covered(i int) bool { return i >= 0 && i < len(e.items) && e.items[i].covered }

// Crop returns the crop rectangle in image pixels; empty means no crop.
func (e *Editor) Crop() image.Rectangle { return e.crop }

// Mode returns the current edit mode.
func (e *Editor) Mode() EditMode { return e.mode }

// SetMode changes what a drag does. It does not call OnModeChanged.
func (e *Editor) SetMode(m EditMode) {
	e.commitDrag()
	e.mode = m
	e.Refresh()
}

func (e *Editor) setMode(m EditMode) {
	if e.mode == m {
		return
	}
	e.mode = m
	if e.OnModeChanged != nil {
		e.OnModeChanged(m)
	}
}

// Aspect returns the crop aspect preset.
func (e *Editor) Aspect() redact.Aspect { return e.aspect }

// SetAspect sets the crop aspect preset. An existing crop is refitted to it
// (undoably): the largest crop of that ratio inside the square around the
// crop, so that switching back and forth does not keep shrinking it. In
// ModeCrop with no crop yet, a fixed ratio proposes the largest centred crop.
func (e *Editor) SetAspect(a redact.Aspect) {
	e.aspect = a
	if e.img == nil || a.IsFree() {
		return
	}
	b := e.img.Bounds()
	c := a.Fit(b, b)
	if !e.crop.Empty() {
		c = a.Fit(squareAround(e.crop), b)
	} else if e.mode != ModeCrop {
		return
	}
	if !c.Empty() && c != e.crop {
		e.change(func() { e.crop = c })
	}
}

// squareAround returns the square with r's centre and r's longer side.
func squareAround(r image.Rectangle) image.Rectangle {
	side := max(r.Dx(), r.Dy())
	min := r.Min.Add(r.Max).Div(2).Sub(image.Pt(side/2, side/2))
	return image.Rectangle{min, min.Add(image.Pt(side, side))}
}

// Style returns the style given to new regions.
func (e *Editor) Style() redact.Style { return e.style }

// SetStyle sets the style of new regions and, undoably, of the selected one.
func (e *Editor) SetStyle(s redact.Style) {
	e.style = s
	if e.sel >= 0 && e.items[e.sel].r.Style != s {
		e.change(func() { e.items[e.sel].r.Style = s })
	}
}

// SetStyleAll sets the style of new regions and, undoably and as one step,
// of every region.
func (e *Editor) SetStyleAll(s redact.Style) {
	e.style = s
	if !slices.ContainsFunc(e.items, func(it item) bool { return it.r.Style != s }) {
		return
	}
	e.change(func() {
		for i := range e.items {
			e.items[i].r.Style = s
		}
	})
}

// Selected returns the index of the selected region, or -1.
func (e *Editor) Selected() int { return e.sel }

// Select selects region i; any index out of range selects none. Selection
// is not an undo step.
func (e *Editor) Select(i int) {
	if i < 0 || i >= len(e.items) {
		i = -1
	}
	if i == e.sel {
		return
	}
	e.sel = i
	e.Refresh()
	e.changed()
}

// ToggleCovered uncovers a covered region (it stays on screen, outlined, and
// is no longer written) or covers an uncovered one again.
func (e *Editor) ToggleCovered(i int) {
	if i < 0 || i >= len(e.items) {
		return
	}
	e.change(func() { e.items[i].covered = !e.items[i].covered })
}

// RemoveSelected removes the selected region and reports whether there was one.
func (e *Editor) RemoveSelected() bool {
	if e.sel < 0 {
		return false
	}
	e.change(func() {
		e.items = slices.Delete(e.items, e.sel, e.sel+1)
		e.sel = -1
	})
	return true
}

// Nudge moves the selected region by (dx, dy) image pixels, keeping it on
// the image, and reports whether there was one to move.
func (e *Editor) Nudge(dx, dy int) bool {
	if e.sel < 0 || e.img == nil {
		return false
	}
	r := e.items[e.sel].r.Rect
	d := clampMove(r, image.Pt(dx, dy), e.img.Bounds())
	if d == (image.Point{}) {
		return true
	}
	e.change(func() { e.items[e.sel].r = e.items[e.sel].r.Moved(d.X, d.Y) })
	return true
}

// ResetCrop removes the crop.
func (e *Editor) ResetCrop() {
	if e.crop.Empty() {
		return
	}
	e.change(func() { e.crop = image.Rectangle{} })
}

// interruptDrag drops a drag in progress without keeping its result.
func (e *Editor) interruptDrag() {
	if e.drag != nil {
		e.drag = ignoredDrag()
	}
}

// change records an undo step, applies fn and publishes the result. A drag
// in progress is committed first, as its own step.
func (e *Editor) change(fn func()) {
	e.commitDrag()
	e.push(e.snap())
	fn()
	e.afterChange()
}

// afterChange recomputes the preview, redraws and calls OnChanged.
func (e *Editor) afterChange() {
	e.requestPreview()
	e.Refresh()
	e.changed()
}

func (e *Editor) changed() {
	if e.OnChanged != nil {
		e.OnChanged()
	}
}

// clampMove limits the move d of r so that r does not go further outside
// bounds than it already is.
func clampMove(r image.Rectangle, d image.Point, bounds image.Rectangle) image.Point {
	lim := func(v, from, size, bmin, bmax int) int {
		lo := min(bmin, from) - from      // not further left/up than now
		hi := max(bmax-size, from) - from // not further right/down than now
		return max(lo, min(hi, v))
	}
	return image.Pt(
		lim(d.X, r.Min.X, r.Dx(), bounds.Min.X, bounds.Max.X),
		lim(d.Y, r.Min.Y, r.Dy(), bounds.Min.Y, bounds.Max.Y),
	)
}
