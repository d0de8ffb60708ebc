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

func TestRemovingAPhotoWithUnsavedChangesAsksFirst(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	removeButton := func(name string) fyne.Tappable {
		for _, r := range v.list.rows {
			if r.name.full == name && r.remove.OnTapped != nil {
				return r.remove
			}
		}
		t.Fatalf("no row shows %q", name)
		return nil
	}
	test.Tap(removeButton("exif-gps-thumbnail.jpg")) // not changed: no question
	if len(v.entries) != 1 || v.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("%d photos listed after removing one not changed", len(v.entries))
	}
	test.Tap(v.legend.checks[0]) // uncover the face: a change
	v.editor.prev.wait()
	test.Tap(removeButton("astronaut.png"))
	if len(v.entries) != 1 || !strings.Contains(textUnder(t, topDialog(t, v)), "astronaut.png has changes that are not saved") {
		t.Fatal("removed without asking")
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Keep it"))
	if len(v.entries) != 1 || v.editor.Covered(0) {
		t.Fatal("Keep it lost the photo or its change")
	}
	test.Tap(removeButton("astronaut.png"))
	test.Tap(buttonNamed(t, topDialog(t, v), "Remove"))
	if len(v.entries) != 0 {
		t.Error("Remove kept the photo")
	}
}
