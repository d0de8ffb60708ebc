package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// typeShortcut delivers s to the canvas as a keyboard would: through the
// canvas's own shortcut table, so only what the window registered fires.
// Fyne 2.8's test canvas wraps the software canvas, which holds that
// table, in a struct that does not forward TypedShortcut; reach it.
func typeShortcut(t *testing.T, c fyne.Canvas, s fyne.Shortcut) {
	t.Helper()
	if sc, ok := c.(fyne.Shortcutable); ok {
		sc.TypedShortcut(s)
		return
	}
	v := reflect.ValueOf(c)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	inner := v.FieldByName("WindowlessCanvas")
	if !inner.IsValid() || !inner.CanInterface() {
		t.Fatalf("the test canvas %T takes no shortcuts", c)
	}
	sc, ok := inner.Interface().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the test canvas %T takes no shortcuts", c)
	}
	sc.TypedShortcut(s)
}

// pressKeys delivers the key k with the modifiers m as the desktop driver
// does (fyne.io/fyne/v2/internal/driver/glfw, triggersShortcut): Ctrl/Cmd
// with Z, Y, A, C, X or V becomes Fyne's own Undo, Redo, Select all, Copy,
// Cut or Paste shortcut, which a binding of the plain key combination never
// sees; any other combination with a modifier but Shift alone arrives as a
// desktop.CustomShortcut.
func pressKeys(t *testing.T, c fyne.Canvas, k fyne.KeyName, m fyne.KeyModifier) {
	t.Helper()
	var s fyne.Shortcut
	if m == fyne.KeyModifierShortcutDefault {
		switch k {
		case fyne.KeyZ:
			s = &fyne.ShortcutUndo{}
		case fyne.KeyY:
			s = &fyne.ShortcutRedo{}
		case fyne.KeyA:
			s = &fyne.ShortcutSelectAll{}
		case fyne.KeyC:
			s = &fyne.ShortcutCopy{}
		case fyne.KeyX:
			s = &fyne.ShortcutCut{}
		case fyne.KeyV:
			s = &fyne.ShortcutPaste{}
		}
	}
	if s == nil && m != 0 && m != fyne.KeyModifierShift {
		s = &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	if s == nil {
		t.Fatalf("%v with %v is a plain key, not a shortcut", k, m)
	}
	typeShortcut(t, c, s)
}
