package ui

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// thumbView is the side of a thumbnail in the list, in Fyne units.
const thumbView = 64

// photoList is the list of photos on the left: thumbnail, name, what was
// found, and the state in an icon and words.
type photoList struct {
	v       *shell
	list    *keyList
	rows    map[fyne.CanvasObject]*row // the widgets of each row template
	heights []float32                  // of each row, as last set (0: never)
	base    float32                    // the height of an empty row
	// checking is the one line of progress while faces are looked for:
	// "Checking 12 of 40".
	checking *widget.Label
	bar      *widget.ProgressBar
	ring     *canvas.Rectangle // round the list while it has the keyboard
	content  fyne.CanvasObject
	// room is the width of a status's words beside the thumbnail when the
	// list is roomAt wide.
	room, roomAt float32
}

// keyList is a widget.List whose arrow keys move the selection itself (the
// photo on screen follows), Left/Right as well as Up/Down. Fyne marks the
// row the keyboard is on with the hover shade, which the selected row's
// colour hides: the list says when it has the keyboard (focused), to be
// framed in the focus colour.
type keyList struct {
	widget.List
	move    func(int)
	focused func(bool)
}

// FocusGained frames the list.
func (l *keyList) FocusGained() {
	l.List.FocusGained()
	l.focused(true)
}

// FocusLost takes the frame away.
func (l *keyList) FocusLost() {
	l.List.FocusLost()
	l.focused(false)
}

// TypedKey moves between photos with the arrows.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyLeft:
		l.move(-1)
	case fyne.KeyDown, fyne.KeyRight:
		l.move(1)
	default:
		l.List.TypedKey(ev)
	}
}

// row is the template of one line of the list.
type row struct {
	thumb   *canvas.Image
	name    *midLabel
	summary *widget.Label
	icon    *widget.Icon
	status  *widget.Label
	remove  *widget.Button
	// The name and the remove button (head) take the first line of the
	// row, across it: beside the thumbnail a name would keep only a few
	// letters at the list's narrowest, the same few for photos from one
	// camera. The status line (icon and words) sits in text, beside the
	// thumbnail under what was found, or, when it is a warning or does not
	// fit there, in body, under the thumbnail, across the row, wrapped:
	// the column beside the thumbnail is too narrow for the longer words
	// of some languages.
	line, text, top, head, body *fyne.Container
}

func newPhotoList(v *shell) *photoList {
	pl := &photoList{v: v, rows: map[fyne.CanvasObject]*row{}}
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	ring.Hide()
	pl.ring = ring
	l := &keyList{move: v.move, focused: func(on bool) {
		ring.StrokeColor, ring.CornerRadius = theme.Color(theme.ColorNameFocus), theme.InputRadiusSize() // the theme of now
		showIf(ring, on)
		ring.Refresh()
	}}
	l.Length = func() int { return len(v.entries) }
	l.CreateItem = pl.createRow
	l.UpdateItem = pl.updateRow
	l.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(v.entries) {
			v.selectEntry(v.entries[id])
		}
	}
	l.ExtendBaseWidget(l)
	pl.list = l
	heading := widget.NewLabelWithStyle(lang.L("Photos"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pl.checking = widget.NewLabel("")
	pl.checking.SizeName = theme.SizeNameCaptionText
	pl.bar = widget.NewProgressBar()
	pl.bar.TextFormatter = func() string { return "" }
	pl.checking.Hide()
	pl.bar.Hide()
	// A warning's row is as tall as its lines at the list's width: a new
	// width (the window resized) measures them again, after the layout.
	watch := &widthWatch{changed: func() { v.post(pl.syncHeights) }}
	pl.content = container.New(watch, container.NewBorder(container.NewVBox(heading, pl.checking, pl.bar), nil, nil, nil, container.NewStack(l, ring)))
	return pl
}

// refreshProgress shows how far the search for faces is ("Checking 12 of
// 40"), or nothing once every photo has been checked.
func (pl *photoList) refreshProgress() {
	done, total := 0, 0
	for _, e := range pl.v.entries {
		if e.state == stFailed {
			continue
		}
		total++
		if e.found {
			done++
		}
	}
	on := done < total
	showIf(pl.checking, on)
	showIf(pl.bar, on)
	if !on {
		return
	}
	pl.checking.SetText(lang.L("Checking {{.N}} of {{.Total}}", map[string]any{"N": done + 1, "Total": total}))
	pl.bar.Max = float64(total)
	pl.bar.SetValue(float64(done))
}

func (pl *photoList) createRow() fyne.CanvasObject {
	r := &row{
		thumb:   canvas.NewImageFromImage(nil),
		name:    newMidLabel(fyne.TextStyle{Bold: true}),
		summary: widget.NewLabel(""),
		icon:    widget.NewIcon(nil),
		status:  widget.NewLabel(""),
	}
	r.name.tip = pl.v.tip
	r.thumb.FillMode = canvas.ImageFillContain
	r.thumb.ScaleMode = canvas.ImageScaleFastest
	r.thumb.SetMinSize(fyne.NewSquareSize(thumbView))
	for _, l := range []*widget.Label{r.summary, r.status} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.summary.SizeName = theme.SizeNameCaptionText
	r.status.SizeName = theme.SizeNameCaptionText
	r.remove = widget.NewButtonWithIcon("", theme.CancelIcon(), nil)
	r.remove.Importance = widget.LowImportance
	r.line = container.NewBorder(nil, nil, r.icon, nil, r.status)
	r.text = container.New(tightVBox{}, r.summary, r.line)
	r.top = container.NewBorder(nil, nil, container.NewCenter(r.thumb), nil, r.text)
	r.head = container.NewBorder(nil, nil, nil, container.NewCenter(r.remove), r.name)
	r.body = container.New(tightVBox{}, r.head, r.top)
	pl.rows[r.body] = r
	return r.body
}

func (pl *photoList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(pl.v.entries) {
		return
	}
	e := pl.v.entries[id]
	r := pl.rows[o]
	if r == nil {
		return
	}
	r.thumb.Image, r.thumb.Resource = e.thumb, nil
	if e.thumb == nil && e.state == stFailed {
		r.thumb.Resource = theme.NewDisabledResource(theme.BrokenImageIcon())
	}
	r.thumb.Refresh()
	r.name.SetFull(e.name())
	r.summary.SetText(e.summary())
	warn := e.warning()
	r.icon.SetResource(statusIcon(e, warn != ""))
	text, importance := rowStatus(e, warn)
	r.setStatus(text, importance, pl.below(text, warn != ""))
	r.remove.OnTapped = func() { pl.v.askBeforeRemoving(e) }
}

// setStatus shows the status line: one line beside the thumbnail, or
// wrapped under it.
func (r *row) setStatus(text string, importance widget.Importance, below bool) {
	r.status.Text, r.status.Importance = text, importance
	r.status.Wrapping, r.status.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	r.text.Objects = []fyne.CanvasObject{r.summary, r.line}
	r.body.Objects = []fyne.CanvasObject{r.head, r.top}
	if below {
		r.status.Wrapping, r.status.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
		r.text.Objects = r.text.Objects[:1]
		r.body.Objects = append(r.body.Objects, r.line)
	}
	r.status.Refresh()
	r.text.Refresh()
	r.body.Refresh()
}

// rowStatus is the status line of a row and its colour: where the photo
// is, and, when it needs a look before it is sent, why, in warning colour
// even once saved.
func rowStatus(e *entry, warn string) (string, widget.Importance) {
	switch {
	case warn == "" || e.state == stSaving || e.state == stSaveFailed:
		return e.statusText(), statusImportance(e)
	case e.state == stSaved:
		return e.statusText() + " · " + warn, widget.WarningImportance
	}
	return warn, widget.WarningImportance
}

// statusIcon goes with the words of a state: the icon is never the only sign.
func statusIcon(e *entry, warn bool) fyne.Resource {
	switch {
	case e.state == stSaving:
		return theme.DocumentSaveIcon()
	case e.state == stFailed || e.state == stSaveFailed:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case e.state == stOpening || e.state == stReading && e.found:
		return theme.HistoryIcon()
	case e.looking():
		return theme.SearchIcon()
	case warn:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case e.state == stSaved:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	}
	return theme.NewThemedResource(theme.RadioButtonIcon())
}

func statusImportance(e *entry) widget.Importance {
	switch e.state {
	case stSaved:
		return widget.SuccessImportance
	case stFailed, stSaveFailed:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// syncHeights gives a row whose status wraps (a warning) room for its
// lines; the others keep the template's height.
func (pl *photoList) syncHeights() {
	pl.heights = append(pl.heights, make([]float32, max(0, len(pl.v.entries)-len(pl.heights)))...)
	for i, e := range pl.v.entries {
		want := pl.rowHeight(e)
		if pl.heights[i] != want {
			pl.heights[i] = want
			pl.list.SetItemHeight(i, want)
		}
	}
}

// rowHeight is the height a row needs: the template's, plus the lines of a
// status under the thumbnail.
func (pl *photoList) rowHeight(e *entry) float32 {
	if pl.base == 0 {
		pl.base = pl.template().Height
	}
	warn := e.warning()
	text, importance := rowStatus(e, warn)
	if !pl.below(text, warn != "") {
		return pl.base
	}
	// Measured on a row laid out at the list's width, as it will be shown.
	o, r := pl.spareRow()
	r.setStatus(text, importance, true)
	o.Resize(fyne.NewSize(pl.list.Size().Width, pl.base))
	return max(pl.base, o.MinSize().Height)
}

// below tells whether a row's status goes under its thumbnail: a warning
// always, other words when they do not fit beside it.
func (pl *photoList) below(text string, warning bool) bool {
	if w := pl.list.Size().Width; w != pl.roomAt {
		o, r := pl.spareRow()
		o.Resize(fyne.NewSize(w, pl.base))
		pl.room, pl.roomAt = r.status.Size().Width-2*theme.InnerPadding(), w
	}
	return warning || fyne.MeasureText(text, theme.CaptionTextSize(), fyne.TextStyle{}).Width > pl.room
}

// spareRow is a row that is not in the list, to measure.
func (pl *photoList) spareRow() (fyne.CanvasObject, *row) {
	o := pl.createRow()
	r := pl.rows[o]
	delete(pl.rows, o)
	return o, r
}

// template returns the size of an empty row.
func (pl *photoList) template() fyne.Size {
	o, _ := pl.spareRow()
	return o.MinSize()
}

func (pl *photoList) refresh() {
	pl.syncHeights()
	pl.list.Refresh()
	pl.refreshProgress()
}

func (pl *photoList) refreshEntry(e *entry) {
	if i := slices.Index(pl.v.entries, e); i >= 0 {
		pl.syncHeights()
		pl.list.RefreshItem(i)
	}
	pl.refreshProgress()
}

// selectEntry highlights the photo on screen, scrolled into sight. The
// whole name over a row goes: the rows may move under a resting pointer,
// and the name would then stand over another photo.
func (pl *photoList) selectEntry(e *entry) {
	pl.v.tip.cancel()
	i := slices.Index(pl.v.entries, e)
	if i < 0 {
		pl.list.UnselectAll()
		return
	}
	pl.list.Select(i)
	pl.list.ScrollTo(i)
}
