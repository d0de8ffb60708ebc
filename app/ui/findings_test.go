package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/exif"
	"veil/redact/face"
)

// runningBars counts the infinite progress bars animating in the window.
func runningBars(t *testing.T, v *shell) int {
	n := 0
	walk(t, v.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.ProgressBarInfinite); ok && b.Running() {
			n++
		}
	})
	return n
}

func TestNoAnimationRunsOnceTheFacesAreFound(t *testing.T) {
	v, _ := newTestShell(t)
	var during []int
	v.detect = func(p *app.Photo) ([]face.Face, error) {
		for range 3 { // the panel is redrawn many times while looking
			v.refreshPanels()
		}
		during = append(during, runningBars(t, v))
		return p.Faces()
	}
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	if len(during) != 2 || during[0] != 1 {
		t.Errorf("bars moving while looking for faces: %v, want one", during)
	}
	for range 3 {
		v.refreshPanels()
	}
	if n := runningBars(t, v); n != 0 || v.reveals.looking.Running() {
		t.Errorf("%d progress bars still moving with every face found", n)
	}
}

func TestEachPhotosFindingsStartAtTheTop(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	v.win.Resize(fyne.NewSize(1024, 640))
	v.sideScroll.ScrollToBottom()
	if v.sideScroll.Offset.Y == 0 {
		t.Fatal("the findings do not scroll: the test shows nothing")
	}
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	v.editor.prev.wait()
	if y := v.sideScroll.Offset.Y; y != 0 {
		t.Errorf("the next photo's findings start %v down", y)
	}
}

func TestAnAnimationSaysOnlyItsFirstFrameIsShown(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, "../../exif/testdata/gif/animated-loop.gif", "../../exif/testdata/gif/clean-still.gif", "../../exif/testdata/webp/animated-two-frames.webp")...)
	for i, want := range []bool{true, false, true} {
		v.selectEntry(v.entries[i])
		v.editor.prev.wait()
		if v.entries[i].state == stFailed {
			t.Fatalf("%s: %s", v.entries[i].name(), v.entries[i].err)
		}
		text := textUnder(t, v.reveals.content)
		if got := strings.Contains(text, "only its first frame") && strings.Contains(text, "as a still picture"); got != want {
			t.Errorf("%s: says first frame only: %v, want %v", v.entries[i].name(), got, want)
		}
	}
}

func TestFindingsInEnglishAvoidTheFilesJargon(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		id   string
		args []exif.Arg
		want string
	}{
		{"time.png_date_create", nil, "Date created"},
		{"other.png_chunk", nil, "Other data stored in the file"},
		{"text.png_compressed", []exif.Arg{{Name: "reason", Kind: exif.ArgText, Text: "exif: compressed PNG data: unexpected EOF"}},
			"Unreadable text: compressed text that could not be read; it will be removed"},
		{"other.png_bkgd", []exif.Arg{{Name: "count", Kind: exif.ArgCount, Num: 6}}, "Other data stored in the file: a background colour (6 bytes)"},
	}
	for _, tt := range tests {
		label, value := findingText(exif.Finding{ID: tt.id, Args: tt.args})
		if got := label + ": " + value; label != tt.want && got != tt.want {
			t.Errorf("%s is shown as %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestUncoveringAFaceIsSaidInWords(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	test.Tap(v.legend.checks[0])
	v.editor.prev.wait()
	if text := textUnder(t, v.reveals.content); !strings.Contains(text, "left visible: it will show in the copy") {
		t.Errorf("with the face uncovered the panel says %q", text)
	}
	test.Tap(v.legend.checks[0])
	v.editor.prev.wait()
	if text := textUnder(t, v.reveals.content); !strings.Contains(text, "It is covered") {
		t.Errorf("with the face covered again the panel says %q", text)
	}
}
