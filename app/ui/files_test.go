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
	v.native = func(title, accept string, folder bool) ([]string, bool) {
		asked = append(asked, folder)
		return paths, true
	}
	test.Tap(buttonNamed(t, v.root, "Open a photo…"))
	v.editor.prev.wait()
	if len(v.entries) != 2 || !slices.Equal(asked, []bool{false}) {
		t.Fatalf("%d photos opened from one choice of two (asked %v)", len(v.entries), asked)
	}
	v.native = func(string, string, bool) ([]string, bool) { return nil, false }
	v.openFiles()
	buttonNamed(t, topDialog(t, v), "Open") // Fyne's chooser, instead
}
