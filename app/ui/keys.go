package ui

import (
	"fyne.io/fyne/v2"
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
	case fyne.KeyDelete, fyne.KeyBackspace:
		v.removeSelected()
	case fyne.KeyUp:
		v.move(-1)
	case fyne.KeyDown:
		v.move(1)
	}
}
