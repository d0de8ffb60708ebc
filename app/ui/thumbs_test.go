package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"veil/redact"
)

func TestListThumbnailsShowTheFacesCovered(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	test.Tap(v.legend.checks[0]) // uncovered in the editor: still covered in the list
	v.editor.prev.wait()
	for _, e := range v.entries {
		if e.thumb == nil {
			t.Fatalf("%s has no thumbnail", e.name())
		}
		tb := e.thumb.Bounds()
		for _, f := range e.faces {
			cx := tb.Min.X + (f.X+f.W/2)*tb.Dx()/e.bounds.Dx()
			cy := tb.Min.Y + (f.Y+f.H/2)*tb.Dy()/e.bounds.Dy()
			if got, want := opaque(e.thumb.At(cx, cy)), opaque(redact.DefaultFillColor); got != want {
				t.Errorf("%s: the face's centre in the thumbnail is %v, want the cover %v", e.name(), got, want)
			}
		}
	}
	if len(v.entries[0].faces) != 1 {
		t.Fatal("the astronaut's face was not found: the test shows nothing")
	}
}
