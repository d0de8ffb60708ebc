package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"veil/redact"
)

// toolbar is the row of editing tools above the photo.
type toolbar struct {
	v                        *shell
	sel, rect, ellipse, crop *widget.Button
	aspect                   *widget.Select
	styles                   []*widget.Button // Fill, Blur, Pixelate
	undo, remove, resetCrop  *widget.Button
	hint                     *widget.Label
	content                  fyne.CanvasObject
}

// styleNames are the cover styles in the order shown.
func styleNames() []string { return []string{lang.L("Fill"), lang.L("Blur"), lang.L("Pixelate")} }

func newToolbar(v *shell) *toolbar {
	t := &toolbar{v: v}
	t.sel = widget.NewButton(lang.L("Select"), func() { t.setMode(ModeSelect) })
	t.rect = widget.NewButtonWithIcon(lang.L("Rectangle"), theme.CheckButtonIcon(), func() { t.setMode(ModeAddRect) })
	t.ellipse = widget.NewButtonWithIcon(lang.L("Ellipse"), theme.RadioButtonIcon(), func() { t.setMode(ModeAddEllipse) })
	t.crop = widget.NewButtonWithIcon(lang.L("Crop"), theme.ContentCutIcon(), func() { t.setMode(ModeCrop) })
	var aspects []string
	for _, a := range redact.Aspects {
		aspects = append(aspects, aspectName(a))
	}
	t.aspect = widget.NewSelect(aspects, func(s string) {
		for _, a := range redact.Aspects {
			if aspectName(a) == s {
				v.editor.SetAspect(a)
			}
		}
	})
	t.aspect.SetSelectedIndex(0)
	t.resetCrop = widget.NewButtonWithIcon(lang.L("No crop"), theme.ContentClearIcon(), func() { v.editor.ResetCrop() })
	for i, n := range styleNames() {
		t.styles = append(t.styles, widget.NewButton(n, func() {
			v.editor.SetStyle(redact.Style(i))
			t.refresh()
		}))
	}
	t.undo = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), func() { v.editor.Undo() })
	t.remove = widget.NewButtonWithIcon(lang.L("Remove area"), theme.DeleteIcon(), func() { v.editor.RemoveSelected() })
	t.hint = widget.NewLabel("")
	t.hint.TextStyle.Italic = true
	t.hint.Truncation = fyne.TextTruncateEllipsis
	coverLabel := widget.NewLabel(lang.L("Cover with:"))
	row1 := container.NewHBox(t.sel, t.rect, t.ellipse, widget.NewSeparator(), t.crop, t.aspect, t.resetCrop)
	row2 := container.NewHBox(coverLabel)
	for _, b := range t.styles {
		row2.Add(b)
	}
	row2.Add(layout.NewSpacer())
	row2.Add(t.undo)
	row2.Add(t.remove)
	t.content = container.NewVBox(row1, row2, t.hint)
	t.refresh()
	return t
}

// styleIndex is the position of a style in styleNames.
func styleIndex(s redact.Style) int {
	if s < redact.Fill || s > redact.Pixelate {
		return int(redact.Blur)
	}
	return int(s)
}

// aspectName is a crop preset as shown.
func aspectName(a redact.Aspect) string {
	if a.IsFree() {
		return lang.L("Free")
	}
	return a.String()
}

func (t *toolbar) setMode(m EditMode) {
	t.v.editor.SetMode(m)
	t.modeChanged(m)
}

// modeChanged follows the editor's mode (it returns to Select by itself
// after an area is drawn).
func (t *toolbar) modeChanged(EditMode) { t.refresh() }

// refresh shows the mode on the buttons (and in words, below them) and
// enables what can be done.
func (t *toolbar) refresh() {
	ed := t.v.editor
	has := ed.HasPhoto() && !isVideoEntry(t.v.selected) // a video is cleaned, never covered
	m := ed.Mode()
	for _, b := range []struct {
		b *widget.Button
		m EditMode
	}{{t.sel, ModeSelect}, {t.rect, ModeAddRect}, {t.ellipse, ModeAddEllipse}, {t.crop, ModeCrop}} {
		imp := widget.MediumImportance
		if has && m == b.m {
			imp = widget.HighImportance
		}
		if b.b.Importance != imp {
			b.b.Importance = imp
			b.b.Refresh()
		}
		setEnabled(b.b, has)
	}
	setEnabled(t.undo, has && ed.CanUndo())
	setEnabled(t.remove, has && ed.Selected() >= 0)
	setEnabled(t.resetCrop, has && !ed.Crop().Empty())
	if has {
		t.aspect.Enable()
	} else {
		t.aspect.Disable()
	}
	t.refreshStyles(has)
	t.hint.SetText(modeHint(m, has))
}

// modeHint says what a drag on the photo does now.
func modeHint(m EditMode, has bool) string {
	switch {
	case !has:
		return ""
	case m == ModeAddRect:
		return lang.L("Drag on the photo to cover a rectangle.")
	case m == ModeAddEllipse:
		return lang.L("Drag on the photo to cover an ellipse.")
	case m == ModeCrop:
		return lang.L("Drag on the photo to choose what to keep. Everything outside is cut away.")
	}
	return lang.L("Click an area to select it; drag it to move it, or its corners to resize it.")
}

// refreshStyles marks the style of new areas (or of the selected one) with
// a tick as well as colour.
func (t *toolbar) refreshStyles(has bool) {
	ed := t.v.editor
	cur := ed.Style()
	if i := ed.Selected(); i >= 0 {
		cur = ed.AllRegions()[i].Style
	}
	for i, b := range t.styles {
		var icon fyne.Resource
		imp := widget.MediumImportance
		if redact.Style(i) == cur {
			icon, imp = theme.ConfirmIcon(), widget.HighImportance
		}
		if b.Icon != icon || b.Importance != imp {
			b.Icon, b.Importance = icon, imp
			b.Refresh()
		}
		setEnabled(b, has)
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on == b.Disabled() {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}
