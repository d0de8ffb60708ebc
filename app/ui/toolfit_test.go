package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/redact/face"
)

// shellAt opens the window speaking a language of the Settings, with a
// photo on screen (its face fixed: the test measures the window, not the
// detector), at size.
func shellAt(t *testing.T, tag string, size fyne.Size) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(keyLanguage, tag)
	t.Cleanup(func() { lang.Use("") })
	v := newWindow(a)
	v.spawn = func(f func()) { f() }
	v.native = nil
	v.detect = func(*app.Photo) ([]face.Face, error) {
		return []face.Face{{X: 190, Y: 60, W: 90, H: 110, Score: 0.9}}, nil
	}
	t.Cleanup(v.win.Close)
	t.Cleanup(v.editor.prev.wait)
	drop(v, copyFixtures(t, astronaut)...)
	v.win.Resize(size)
	// The toolbar fitted itself to the width: the desktop driver lays the
	// window out again on its next frame (flow.relayout), the test driver
	// inside the layout it would follow, so lay out again here.
	v.win.Content().Refresh()
	v.editor.prev.wait()
	return v
}

// toolsClipped returns the words of the toolbar shown narrower than they
// need or past its right edge.
func toolsClipped(v *shell) []string {
	var out []string
	right := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.tools.content).X + v.tools.content.Size().Width
	for _, g := range v.tools.groups {
		for _, o := range g.Objects {
			at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
			if o.Size().Width+0.5 < o.MinSize().Width || at.X+o.Size().Width > right+0.5 {
				out = append(out, wordsOf(o))
			}
		}
	}
	return out
}

// wordsOf is what a tool says, for messages.
func wordsOf(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *toolButton:
		return x.word
	case *widget.Button:
		return x.Text
	case *widget.Label:
		return x.Text
	case *widget.Select:
		return x.Selected
	}
	return "a tool"
}

func TestThePhotoGetsTheRoomAt1024InEveryLanguage(t *testing.T) {
	for _, l := range languages[1:] {
		t.Run(l.Name+" at 1024×640", func(t *testing.T) {
			v := shellAt(t, l.Tag, fyne.NewSize(1024, 640))
			if h := v.editor.Size().Height; h < 380 {
				t.Errorf("the photo has %.0f px of height, want at least 380", h)
			}
			if n := v.tools.flow.lines; n > toolLines {
				t.Errorf("the tools take %d lines, want %d at most", n, toolLines)
			}
			if c := toolsClipped(v); len(c) > 0 {
				t.Errorf("clipped: %q", c)
			}
			if m := v.win.Content().MinSize(); m.Width > 1024 || m.Height > 640 {
				t.Errorf("the window needs %v", m)
			}
		})
		t.Run(l.Name+" at 1280×800", func(t *testing.T) {
			v := shellAt(t, l.Tag, fyne.NewSize(1280, 800))
			// The least before the toolbar gave up words for room (four
			// lines in German and French).
			if h := v.editor.Size().Height; h < 480 {
				t.Errorf("the photo has %.0f px of height, want at least 480", h)
			}
			if c := toolsClipped(v); len(c) > 0 {
				t.Errorf("clipped: %q", c)
			}
		})
	}
}

func TestToolsGiveUpTheirWordsOnlyWhenShortOfRoom(t *testing.T) {
	tests := []struct {
		name  string
		size  fyne.Size
		short int // steps of shortening taken
	}{
		{"in English at 1280 every tool keeps its word", fyne.NewSize(1280, 800), 0},
		{"in English at 1024 Undo and Redo show their icons alone", fyne.NewSize(1024, 640), 1},
		{"in a window narrower than supported, every tool but Select", fyne.NewSize(760, 640), 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := shellAt(t, "en", tt.size)
			if v.tools.short != tt.short {
				t.Errorf("%d steps of shortening taken, want %d", v.tools.short, tt.short)
			}
			for i, step := range v.tools.shortening {
				for _, b := range step {
					if short := b.Text == ""; short != (i < tt.short) {
						t.Errorf("%s shows its word: %v", b.word, !short)
					}
				}
			}
		})
	}
}
