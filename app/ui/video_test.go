package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

const plantedVideo = "../../exif/testdata/video/planted-iphone-moov-last.mov"

func TestAVideoIsListedCleanedAndNeverCovered(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, plantedVideo, astronaut)
	drop(v, paths...)
	e := v.entries[0]
	if v.selected != e || !isVideoEntry(e) || e.state == stFailed {
		t.Fatalf("the video is not on screen: %s", e.statusText())
	}
	t.Run("the panel speaks of a video, not a photo", func(t *testing.T) {
		if !strings.Contains(renderedText(v.reveals.box.Objects), "What this video reveals") {
			t.Error("the heading does not say video")
		}
	})
	t.Run("the faces line says videos cannot be covered", func(t *testing.T) {
		if !strings.Contains(renderedText(v.reveals.box.Objects), "Faces in videos cannot be covered by Veil") {
			t.Error("no line about faces in videos")
		}
	})
	t.Run("the cover and crop tools are off", func(t *testing.T) {
		for _, b := range []*widget.Button{v.tools.rect, v.tools.ellipse, v.tools.crop} {
			if !b.Disabled() {
				t.Errorf("%q is enabled for a video", b.Text)
			}
		}
		v.selectEntry(v.entries[1])
		if v.tools.rect.Disabled() {
			t.Error("the tools stay off for a photo")
		}
	})
	t.Run("save all asks to look at the video, then cleans it", func(t *testing.T) {
		test.Tap(v.saver.saveAll)
		if !strings.Contains(e.warning(), "faces in it cannot be covered") {
			t.Errorf("the video's warning is %q", e.warning())
		}
		confirmReview(t, v, true)
		if e.state != stSaved {
			t.Fatalf("%s", e.statusText())
		}
		out, err := os.ReadFile(e.output)
		if err != nil || strings.Contains(string(out), "VEIL-MARKER") {
			t.Errorf("the clean video holds a marker (%v)", err)
		}
	})
}

// renderedText joins the text of labels and rich texts among objs.
func renderedText(objs []fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	for _, o := range objs {
		walk(o)
	}
	return b.String()
}
