package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// legend lists the areas of the photo under it, one check box each:
// ticked is covered. One click uncovers a face. The areas are numbered as
// on the photo ("Face 1" is the cover marked 1), in one sequence, and the
// selected area's box is marked; ticking a box selects its area. Many
// areas wrap into lines (three at most on screen, the rest scrolled).
type legend struct {
	v       *shell
	flow    *flow
	box     *fyne.Container
	checks  []*focusCheck
	marks   []*canvas.Rectangle // behind each box: shown for the selected area
	note    *widget.Label
	scroll  *container.Scroll
	content *fyne.Container
	// shownSel is the area last scrolled to when it was selected: the
	// legend follows a new selection, not the person's own scrolling.
	shownSel int
}

// legendLines is how many lines of boxes show before the rest scrolls.
const legendLines = 3

func newLegend(v *shell) *legend {
	l := &legend{v: v, flow: &flow{}, shownSel: -1}
	l.box = container.New(l.flow)
	l.note = widget.NewLabel("")
	l.scroll = container.NewVScroll(l.box)
	l.content = container.NewBorder(nil, nil, l.note, nil, container.New(capped{of: l.box, lines: legendLines}, l.scroll))
	return l
}

// areaName is what the legend calls area i (0-based) of the photo.
func areaName(i int, face bool) string {
	n := map[string]any{"N": strconv.Itoa(i + 1)}
	if face {
		return lang.L("Face {{.N}}", n)
	}
	return lang.L("Area {{.N}}", n)
}

// refresh follows the editor's areas. The boxes are kept while their number
// does not change, so that a box the keyboard is on keeps the focus.
func (l *legend) refresh() {
	ed, e := l.v.editor, l.v.selected
	n := 0
	if ed.HasPhoto() && e != nil {
		n = len(ed.AllRegions())
	}
	if n != len(l.checks) {
		l.rebuild(n)
	}
	for i, r := range ed.AllRegions()[:n] {
		ch := l.checks[i]
		ch.Text, ch.Checked = areaName(i, e.isFace(r)), ed.Covered(i)
		ch.Refresh()
		showIf(l.marks[i], i == ed.Selected())
	}
	if sel := ed.Selected(); sel != l.shownSel && sel < n {
		l.shownSel = sel
		if sel >= 0 { // selected on the photo: its box comes into sight
			scrollWithin(l.scroll, l.box, l.checks[sel])
		}
	}
	switch {
	case !ed.HasPhoto():
		l.note.SetText("")
	case e != nil && e.looking():
		// Not "No areas covered": the faces are not known yet.
		l.note.SetText(lang.L("Looking for faces…"))
	case n == 0:
		l.note.SetText(lang.L("No areas covered."))
	default:
		l.note.SetText(lang.L("Covered:"))
	}
	l.content.Refresh()
}

// rebuild makes n boxes.
func (l *legend) rebuild(n int) {
	ed := l.v.editor
	l.checks, l.marks = l.checks[:0], l.marks[:0]
	var objs []fyne.CanvasObject
	for i := range n {
		// A box the keyboard reaches on a line scrolled away comes into sight.
		ch := newFocusCheck(func(bool) {
			l.v.guard(func() {
				ed.ToggleCovered(i)
				ed.Select(i)
			})
		}, func(o fyne.CanvasObject) { scrollWithin(l.scroll, l.box, o) })
		mark := canvas.NewRectangle(color.Transparent)
		mark.StrokeColor, mark.StrokeWidth, mark.CornerRadius = theme.Color(theme.ColorNamePrimary), 2, 4
		mark.Hide()
		l.checks, l.marks = append(l.checks, ch), append(l.marks, mark)
		objs = append(objs, container.NewStack(mark, ch))
	}
	l.box.Objects = objs
}

// capped shows one object (a scroll) as tall as the content of, up to
// lines lines of it.
type capped struct {
	of    *fyne.Container
	lines int
}

func (c capped) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (c capped) MinSize([]fyne.CanvasObject) fyne.Size {
	h := c.of.MinSize().Height
	if len(c.of.Objects) > 0 {
		line := c.of.Objects[0].MinSize().Height
		h = min(h, float32(c.lines)*line+float32(c.lines-1)*theme.Padding())
	}
	return fyne.NewSize(0, h)
}
