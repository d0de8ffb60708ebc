package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"veil/redact"
)

// toolbar is the editing tools above the photo, in two lines where it
// can: the tools a drag uses, the crop's, Undo and Redo; then "Cover with"
// and Remove area. When the window is narrow the tools give up their words
// before the photo gives up its room (fit).
type toolbar struct {
	v                        *shell
	sel, rect, ellipse, crop *widget.Button
	aspect                   *widget.Select
	styles                   []*widget.Button // Fill, Blur, Pixelate
	undo, redo, remove       *widget.Button
	resetCrop                *widget.Button
	hint                     *widget.Label
	flow                     *flow // the tools, wrapped to the width
	groups                   []*fyne.Container
	// shortening is the order in which tools show their icon alone when
	// the width is short: those whose icon and place say the most first
	// (Undo and Redo, No crop beside the ratio, Remove area), then Crop,
	// then the shapes; short is how many of its steps are taken now.
	shortening [][]*toolButton
	short      int
	syncing    bool // the drop-down is being set to the photo's ratio
	content    fyne.CanvasObject
}

// toolLines is how many lines the toolbar takes, if giving up words can
// make it fit in them.
const toolLines = 2

// styleNames are the cover styles in the order shown.
func styleNames() []string { return []string{lang.L("Fill"), lang.L("Blur"), lang.L("Pixelate")} }

func newToolbar(v *shell) *toolbar {
	t := &toolbar{v: v, flow: &flow{}}
	b := t.makeTools()
	t.hint = widget.NewLabel("")
	t.hint.TextStyle.Italic = true
	t.hint.Wrapping = fyne.TextWrapWord
	// What a drag does and the crop, then Undo and Redo; then what the
	// covers look like and Remove area, which change the selected area
	// (or, with none, the styles change every area).
	t.groups = []*fyne.Container{
		container.NewHBox(t.sel, b.rect, b.ellipse, b.crop, t.aspect, b.resetCrop),
		container.NewHBox(b.undo, b.redo),
		container.NewHBox(append([]fyne.CanvasObject{newTightLabel(lang.L("Cover with:"))}, buttons(t.styles)...)...),
		container.NewHBox(b.remove),
	}
	groups := make([]fyne.CanvasObject, len(t.groups))
	for i, g := range t.groups {
		groups[i] = g
	}
	t.content = container.NewVBox(container.New(toolsLayout{t}, groups...), t.hint)
	t.refresh()
	return t
}

// toolButtons are the tools that can give up their words.
type toolButtons struct{ rect, ellipse, crop, resetCrop, undo, redo, remove *toolButton }

// makeTools makes the tools' buttons and the drop-down of crop ratios.
func (t *toolbar) makeTools() toolButtons {
	v := t.v
	tool := func(word string, icon fyne.Resource, f func()) *toolButton {
		return newToolButton(lang.L(word), icon, v.tip, v.safe(f))
	}
	t.sel = widget.NewButton(lang.L("Select"), v.safe(func() { t.setMode(ModeSelect) }))
	var b toolButtons
	b.rect = tool("Rectangle", theme.CheckButtonIcon(), func() { t.setMode(ModeAddRect) })
	b.ellipse = tool("Ellipse", theme.RadioButtonIcon(), func() { t.setMode(ModeAddEllipse) })
	b.crop = tool("Crop", theme.ContentCutIcon(), func() { t.setMode(ModeCrop) })
	t.aspect = newAspectSelect(func(s string) {
		if !t.syncing {
			v.guard(func() { t.aspectChosen(s) })
		}
	})
	b.resetCrop = tool("No crop", theme.ContentClearIcon(), func() { v.editor.ResetCrop() })
	for i := range styleNames() {
		t.styles = append(t.styles, widget.NewButtonWithIcon(styleNames()[i], theme.RadioButtonIcon(), v.safe(func() { t.styleChosen(redact.Style(i)) })))
	}
	b.undo = tool("Undo", theme.ContentUndoIcon(), v.undo)
	b.redo = tool("Redo", theme.ContentRedoIcon(), v.redo)
	b.remove = tool("Remove area", theme.DeleteIcon(), v.removeSelected)
	t.rect, t.ellipse, t.crop, t.resetCrop = &b.rect.Button, &b.ellipse.Button, &b.crop.Button, &b.resetCrop.Button
	t.undo, t.redo, t.remove = &b.undo.Button, &b.redo.Button, &b.remove.Button
	t.shortening = [][]*toolButton{{b.undo, b.redo}, {b.resetCrop}, {b.remove}, {b.crop}, {b.rect, b.ellipse}}
	return b
}

func buttons(bs []*widget.Button) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(bs))
	for i, b := range bs {
		out[i] = b
	}
	return out
}

// aspectChosen sets the crop ratio. Choosing one shows its crop at once,
// the largest of that ratio, centred, ready to move: the crop tool is
// taken up with it.
func (t *toolbar) aspectChosen(name string) {
	ed := t.v.editor
	for _, a := range redact.Aspects {
		if aspectName(a) != name {
			continue
		}
		if ed.HasPhoto() && !a.IsFree() && ed.Mode() != ModeCrop {
			t.setMode(ModeCrop)
		}
		ed.SetAspect(a)
	}
}

// styleChosen applies a cover style: to the selected area only, or with
// none selected to every area of the photo (and to areas drawn later).
func (t *toolbar) styleChosen(s redact.Style) {
	ed := t.v.editor
	if ed.Selected() >= 0 {
		ed.SetStyle(s)
	} else {
		ed.SetStyleAll(s)
	}
	t.refresh()
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
	setEnabled(t.redo, has && ed.CanRedo())
	setEnabled(t.remove, has && ed.Selected() >= 0)
	setEnabled(t.resetCrop, has && !ed.Crop().Empty())
	if has {
		t.aspect.Enable()
	} else {
		t.aspect.Disable()
	}
	t.refreshStyles(has)
	t.showAspect(ed.Aspect())
	t.hint.SetText(modeHint(m, has, ed.Selected() >= 0))
}

// showAspect shows in the drop-down the crop ratio of the photo on screen
// (each photo has its own), without choosing it anew.
func (t *toolbar) showAspect(a redact.Aspect) {
	if name := aspectName(a); t.aspect.Selected != name {
		t.syncing = true
		t.aspect.SetSelected(name)
		t.syncing = false
	}
}

// modeHint says what a drag on the photo does now, and in Select mode what
// the cover styles apply to.
func modeHint(m EditMode, has, selected bool) string {
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
	if selected {
		return lang.L("Drag the selected area to move it, or its corners to resize it. Fill, Blur and Pixelate change this area only.")
	}
	return lang.L("Click an area to select it. With none selected, Fill, Blur and Pixelate change every area of this photo.")
}

// refreshStyles marks the style of new areas (or of the selected one) with
// a filled radio mark as well as colour; every button has its mark, so
// that none moves when the choice changes.
func (t *toolbar) refreshStyles(has bool) {
	ed := t.v.editor
	cur := ed.Style()
	if i := ed.Selected(); i >= 0 {
		cur = ed.AllRegions()[i].Style
	}
	for i, b := range t.styles {
		icon, imp := theme.RadioButtonIcon(), widget.MediumImportance
		if redact.Style(i) == cur {
			icon, imp = theme.RadioButtonCheckedIcon(), widget.HighImportance
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
