package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestAToolButtonIsAsWideAsWhatItShows(t *testing.T) {
	test.NewTempApp(t)
	b := newToolButton("Remove area", theme.DeleteIcon(), nil, nil)
	tests := []struct {
		name  string
		short bool
		text  string
	}{
		{"with its icon alone, no word", true, ""},
		{"with its word again", false, "Remove area"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.setShort(tt.short)
			if b.Text != tt.text || b.MinSize().Width != b.width(tt.short) {
				t.Errorf("shows %q, %v wide, said %v", b.Text, b.MinSize().Width, b.width(tt.short))
			}
		})
	}
	if b.width(true) >= b.width(false) {
		t.Errorf("the icon alone (%v) is no narrower than with the word (%v)", b.width(true), b.width(false))
	}
}

func TestAToolShowingItsIconAloneSaysItsWordUnderThePointer(t *testing.T) {
	v := shellAt(t, "en", fyne.NewSize(1024, 640))
	clock := &manualClock{}
	v.tip.after = clock.after
	undo := v.tools.shortening[0][0]
	if undo.Text != "" {
		t.Fatalf("Undo shows %q at 1024, want its icon alone", undo.Text)
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(undo)
	test.MoveMouse(v.win.Canvas(), at.AddXY(10, 10))
	clock.elapse()
	if got := v.tip.shown(); got != "Undo" {
		t.Errorf("resting on the icon shows %q, want %q", got, "Undo")
	}
	test.MoveMouse(v.win.Canvas(), fyne.NewPos(2, 2))
	if got := v.tip.shown(); got != "" {
		t.Errorf("the pointer left and the tip still shows %q", got)
	}
}
