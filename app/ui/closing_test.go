package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// isOpen reports whether the window is still open.
func isOpen(v *shell) bool {
	return slices.Contains(fyne.CurrentApp().Driver().AllWindows(), v.win)
}

func TestClosingWithUnsavedChangesAsksFirst(t *testing.T) {
	a := test.NewTempApp(t)
	open := func() *shell { // closed by the test itself, not at cleanup
		v := newWindow(a)
		v.spawn = func(f func()) { f() }
		drop(v, copyFixtures(t, astronaut)...)
		return v
	}
	v := open()
	v.askBeforeClosing()
	if isOpen(v) {
		t.Fatal("with nothing changed the window did not close")
	}
	v = open()
	test.Tap(v.legend.checks[0]) // uncover the face: a change
	v.editor.prev.wait()
	v.askBeforeClosing()
	if !isOpen(v) || !strings.Contains(textUnder(t, topDialog(t, v)), "1 photo has changes that are not saved") {
		t.Fatal("closed without asking")
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Keep working"))
	if !isOpen(v) || len(v.entries) != 1 || v.editor.Covered(0) {
		t.Fatal("Keep working lost the window or the change")
	}
	v.askBeforeClosing()
	test.Tap(buttonNamed(t, topDialog(t, v), "Close without saving"))
	if isOpen(v) {
		t.Error("Close without saving did not close")
	}
}
