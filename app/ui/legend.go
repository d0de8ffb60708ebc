package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// legend lists the areas of the photo under it, one check box each:
// ticked is covered. One click uncovers a face.
type legend struct {
	v       *shell
	box     *fyne.Container
	checks  []*widget.Check
	note    *widget.Label
	content *fyne.Container
}

func newLegend(v *shell) *legend {
	l := &legend{v: v, box: container.NewHBox()}
	l.note = widget.NewLabel("")
	scroll := container.NewHScroll(l.box)
	l.content = container.NewBorder(nil, nil, l.note, nil, scroll)
	return l
}

// refresh rebuilds the check boxes from the editor's areas.
func (l *legend) refresh() {
	ed, e := l.v.editor, l.v.selected
	l.checks = l.checks[:0]
	var objs []fyne.CanvasObject
	if ed.HasPhoto() && e != nil {
		faces, areas := 0, 0
		for i, r := range ed.AllRegions() {
			var name string
			if e.isFace(r) {
				faces++
				name = lang.L("Face {{.N}}", map[string]any{"N": strconv.Itoa(faces)})
			} else {
				areas++
				name = lang.L("Area {{.N}}", map[string]any{"N": strconv.Itoa(areas)})
			}
			ch := widget.NewCheck(name, nil)
			ch.SetChecked(ed.Covered(i))
			ch.OnChanged = func(bool) { ed.ToggleCovered(i) }
			l.checks = append(l.checks, ch)
			objs = append(objs, ch)
		}
	}
	switch {
	case !ed.HasPhoto():
		l.note.SetText("")
	case e != nil && e.looking():
		// Not "No areas covered": the faces are not known yet.
		l.note.SetText(lang.L("Looking for faces…"))
	case len(objs) == 0:
		l.note.SetText(lang.L("No areas covered."))
	default:
		l.note.SetText(lang.L("Covered:"))
	}
	l.box.Objects = objs
	l.content.Refresh()
}
