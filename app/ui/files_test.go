package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSeveralPhotosOpenAtOnceFromTheDesktopsChooser(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut, gpsJPEG)
	var asked []bool
	v.native = func(_ uintptr, title, accept string, folder bool) ([]string, bool) {
		asked = append(asked, folder)
		return paths, true
	}
	test.Tap(buttonNamed(t, v.root, "Open a photo…"))
	v.editor.prev.wait()
	if len(v.entries) != 2 || !slices.Equal(asked, []bool{false}) {
		t.Fatalf("%d photos opened from one choice of two (asked %v)", len(v.entries), asked)
	}
	v.native = func(uintptr, string, string, bool) ([]string, bool) { return nil, false }
	v.openFiles()
	buttonNamed(t, topDialog(t, v), "Open") // Fyne's chooser, instead
}

func TestAskingAgainWhileTheChooserIsUpOpensNoSecondOne(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, gpsJPEG)
	var started []func()
	v.spawn = func(f func()) { started = append(started, f) } // the chooser stays up
	asked := 0
	v.native = func(uintptr, string, string, bool) ([]string, bool) {
		asked++
		return paths, true
	}
	v.openFiles()
	v.openFolder()
	if len(started) != 1 {
		t.Fatalf("%d choosers started, want 1", len(started))
	}
	started[0]() // the person chooses
	v.spawn = func(f func()) { f() }
	v.openFiles() // and may ask again
	v.editor.prev.wait()
	if asked != 2 || len(v.entries) != 1 {
		t.Errorf("the chooser was asked %d times and %d photos opened, want 2 and 1", asked, len(v.entries))
	}
}
