package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestTheEmptyWindowDrawsTextInTwoStylesOnly keeps the empty window to
// plain and bold text (the buttons' labels): Fyne holds a whole parsed font
// in memory for each style on screen, some 3 MB, so an italic line would
// cost the idle window that much.
func TestTheEmptyWindowDrawsTextInTwoStylesOnly(t *testing.T) {
	v, _ := newTestShell(t)
	v.win.Resize(fyne.NewSize(1280, 800))
	styles := map[fyne.TextStyle][]string{}
	for _, o := range test.LaidOutObjects(v.win.Content()) {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() && txt.Text != "" {
			styles[txt.TextStyle] = append(styles[txt.TextStyle], txt.Text)
		}
	}
	for style, texts := range styles {
		if style != (fyne.TextStyle{}) && style != (fyne.TextStyle{Bold: true}) {
			t.Errorf("the empty window draws %q in style %+v: neither plain nor bold", texts, style)
		}
	}
	if len(styles) == 0 {
		t.Error("the empty window draws no text at all")
	}
}
