package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestRowsDoNotStayReadingAfterMovingOn(t *testing.T) {
	v, _ := newTestShell(t)
	var queue []func()
	v.spawn = func(f func()) { queue = append(queue, f) }
	run := func() {
		for len(queue) > 0 {
			f := queue[0]
			queue = queue[1:]
			f()
		}
	}
	drop(v, append(copyFixtures(t, astronaut, gpsJPEG), copyAs(t, astronaut, "again.png"))...)
	run()
	// Down, down and back up faster than the pictures are read.
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp} {
		v.typedKey(&fyne.KeyEvent{Name: k})
		v.editor.prev.wait()
	}
	run()
	v.editor.prev.wait()
	for _, e := range v.entries {
		if e.state == stReading || e.state == stOpening {
			t.Errorf("%s still says %q", e.name(), e.statusText())
		}
	}
}

func TestAPhotoThatCannotBeOpenedSaysWhyInTheMiddle(t *testing.T) {
	v, _ := newTestShell(t)
	bad := copyAs(t, gpsJPEG, "cut.jpg")
	data, _ := os.ReadFile(bad)
	os.WriteFile(bad, data[:len(data)/2], 0o600) // ends inside the picture
	drop(v, bad, copyFixtures(t, astronaut)[0])
	v.selectEntry(v.entries[0])
	v.editor.prev.wait()
	if v.entries[0].state != stFailed {
		t.Fatalf("a cut JPEG is %q", v.entries[0].statusText())
	}
	if msg := v.editor.message; !strings.HasPrefix(msg, "Damaged or incomplete file") || strings.Contains(msg, "EOI") {
		t.Errorf("the editor says %q", msg)
	}
	if v.checks.content.Visible() {
		t.Error("the checklist before sending is shown for a photo that cannot be sent")
	}
	v.selectEntry(v.entries[1])
	v.editor.prev.wait()
	if v.editor.message != "" || !v.checks.content.Visible() {
		t.Error("the next photo still shows the failure")
	}
}

// noFileManager is an app whose desktop has nothing to open a folder with.
type noFileManager struct{ fyne.App }

func (noFileManager) OpenURL(*url.URL) error {
	return errors.New(`exec: "xdg-open": executable file not found in $PATH`)
}

func TestShowInFolderWithNoFileManagerSaysWhereTheCopyIs(t *testing.T) {
	v, a := newTestShell(t)
	v.app = noFileManager{a}
	drop(v, copyFixtures(t, astronaut)...)
	pressKeys(t, v.win.Canvas(), fyne.KeyS, fyne.KeyModifierShortcutDefault)
	v.editor.prev.wait()
	out := v.entries[0].output
	if out == "" {
		t.Fatal("the photo was not saved")
	}
	test.Tap(buttonNamed(t, v.root, "Show in folder"))
	if got := textUnder(t, topDialog(t, v)); !strings.Contains(got, filepath.Dir(out)) {
		t.Errorf("the window says %q, not the folder %s", got, filepath.Dir(out))
	}
}
