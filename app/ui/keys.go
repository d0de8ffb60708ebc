package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// addShortcuts binds the keyboard: Ctrl/Cmd+O open, Ctrl/Cmd+S save,
// Ctrl/Cmd+Shift+S save all, Ctrl/Cmd+Z undo, Delete removes the selected
// area (a face's cover is uncovered, not removed), arrows move between
// photos.
func (v *shell) addShortcuts() {
	c := v.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	bind := func(k fyne.KeyName, m fyne.KeyModifier, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m}, func(fyne.Shortcut) { f() })
	}
	bind(fyne.KeyO, mod, v.openFiles)
	bind(fyne.KeyS, mod, v.saveSelected)
	bind(fyne.KeyS, mod|fyne.KeyModifierShift, v.saveAll)
	bind(fyne.KeyZ, mod, func() { v.editor.Undo() })
	// The desktop driver turns Ctrl+Z into fyne.ShortcutUndo, not a
	// custom shortcut: bind that too, or the key does nothing.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { v.editor.Undo() })
	c.SetOnTypedKey(v.typedKey)
}

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
