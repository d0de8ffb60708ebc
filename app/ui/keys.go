package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// addShortcuts binds the keyboard: Ctrl/Cmd+O open, Ctrl/Cmd+S save,
// Ctrl/Cmd+Shift+S save all, Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and
// Ctrl/Cmd+Y redo, Delete removes the selected area (a face's cover is
// uncovered, not removed), arrows move between photos.
//
// The desktop driver turns Ctrl/Cmd+Z and Ctrl/Cmd+Y into Fyne's own Undo
// and Redo shortcuts before anything else sees them, so those are the ones
// bound; Ctrl/Cmd+Shift+Z arrives as a plain key combination.
func (v *shell) addShortcuts() {
	c := v.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	on := func(s fyne.Shortcut, f func()) {
		g := v.safe(f)
		c.AddShortcut(s, func(fyne.Shortcut) { g() })
	}
	bind := func(k fyne.KeyName, m fyne.KeyModifier, f func()) {
		on(&desktop.CustomShortcut{KeyName: k, Modifier: m}, f)
	}
	bind(fyne.KeyO, mod, v.openFiles)
	bind(fyne.KeyS, mod, v.saveSelected)
	bind(fyne.KeyS, mod|fyne.KeyModifierShift, v.saveAll)
	on(&fyne.ShortcutUndo{}, v.undo)
	on(&fyne.ShortcutRedo{}, v.redo)
	bind(fyne.KeyZ, mod|fyne.KeyModifierShift, v.redo)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { v.guard(func() { v.typedKey(ev) }) })
}

// undo takes back the last change to the photo on screen.
func (v *shell) undo() { v.editor.Undo() }

// redo puts back what undo took back.
func (v *shell) redo() { v.editor.Redo() }

// typedKey handles the keys no focused widget took.
func (v *shell) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		v.dismissDialog()
	case fyne.KeyDelete, fyne.KeyBackspace:
		v.removeSelected()
	case fyne.KeyUp:
		v.move(-1)
	case fyne.KeyDown:
		v.move(1)
	}
}

// dismissDialog closes the dialog on top, as its Close or Cancel button
// would: Escape leaves About, Settings (changing nothing) and the other
// questions of the window.
func (v *shell) dismissDialog() {
	top := v.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	for _, d := range v.dialogs {
		if d.shown() && d.popup == top {
			d.Dismiss()
			return
		}
	}
}

// openDialog shows d, takes the keyboard away from the widget behind it
// (so that Escape reaches the window) and keeps it for dismissDialog.
func (v *shell) openDialog(d dialog.Dialog) {
	d.Show()
	v.win.Canvas().Unfocus()
	v.dialogs = slices.DeleteFunc(v.dialogs, func(k keptDialog) bool { return !k.shown() })
	v.dialogs = append(v.dialogs, keptDialog{Dialog: d, popup: v.win.Canvas().Overlays().Top()})
}

// keptDialog is a dialog on screen with the overlay that shows it.
type keptDialog struct {
	dialog.Dialog
	popup fyne.CanvasObject
}

func (k keptDialog) shown() bool { return k.popup != nil && k.popup.Visible() }
