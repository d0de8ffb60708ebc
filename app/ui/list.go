package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
	content fyne.CanvasObject
}

// keyList is a widget.List whose arrow keys move the selection itself (the
// photo on screen follows), Left/Right as well as Up/Down.
type keyList struct {
	widget.List
	move func(int)
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
}

func newPhotoList(v *shell) *photoList {
	pl := &photoList{v: v, rows: map[fyne.CanvasObject]*row{}}
	l := &keyList{move: v.move}
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
	pl.content = container.NewBorder(heading, nil, nil, nil, l)
	return pl
}

func (pl *photoList) createRow() fyne.CanvasObject {
	r := &row{
		thumb:   canvas.NewImageFromImage(nil),
		name:    newMidLabel(fyne.TextStyle{Bold: true}),
		summary: widget.NewLabel(""),
		icon:    widget.NewIcon(nil),
		status:  widget.NewLabel(""),
	}
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
	status := container.NewBorder(nil, nil, r.icon, nil, r.status)
	text := container.New(tightVBox{}, r.name, r.summary, status)
	box := container.NewBorder(nil, nil, container.NewCenter(r.thumb), container.NewCenter(r.remove), text)
	pl.rows[box] = r
	return box
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
	r.icon.SetResource(statusIcon(e))
	r.status.SetText(e.statusText())
	r.status.Importance = statusImportance(e)
	r.status.Refresh()
	r.remove.OnTapped = func() { pl.v.remove(e) }
}

// statusIcon goes with the words of a state: the icon is never the only sign.
func statusIcon(e *entry) fyne.Resource {
	switch e.state {
	case stOpening, stReading:
		return theme.HistoryIcon()
	case stDetecting:
		return theme.SearchIcon()
	case stSaving:
		return theme.DocumentSaveIcon()
	case stSaved:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case stFailed, stSaveFailed:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
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

func (pl *photoList) refresh() { pl.list.Refresh() }

func (pl *photoList) refreshEntry(e *entry) {
	if i := slices.Index(pl.v.entries, e); i >= 0 {
		pl.list.RefreshItem(i)
	}
}

// selectEntry highlights the photo on screen.
func (pl *photoList) selectEntry(e *entry) {
	i := slices.Index(pl.v.entries, e)
	if i < 0 {
		pl.list.UnselectAll()
		return
	}
	pl.list.Select(i)
	pl.list.ScrollTo(i)
}
