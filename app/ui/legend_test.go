package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"veil/app"
	"veil/redact/face"
)

func TestAFaceIsTheSameOnThePhotoAndUnderIt(t *testing.T) {
	v, _ := newTestShell(t)
	v.detect = manyFaces(3)
	drop(v, copyFixtures(t, astronaut)...)
	rs := v.editor.AllRegions()
	if len(rs) != 3 || !(rs[0].Rect.Min.X < rs[1].Rect.Min.X && rs[1].Rect.Min.X < rs[2].Rect.Min.X) {
		t.Fatalf("faces %v are not numbered left to right", rs)
	}
	badges := func() []string {
		var out []string
		walk(t, v.editor, func(o fyne.CanvasObject) {
			if txt, ok := o.(*canvas.Text); ok && txt.Text != "" && txt.Text[0] >= '1' && txt.Text[0] <= '9' {
				out = append(out, txt.Text)
			}
		})
		return out
	}
	if got := badges(); !slices.Equal(got, []string{"1", "2", "3"}) {
		t.Errorf("the photo shows the numbers %v, want 1 2 3", got)
	}
	v.editor.Select(1)
	v.editor.prev.wait()
	for i, m := range v.legend.marks {
		if m.Visible() != (i == 1) {
			t.Errorf("selecting face 2 on the photo: box %d marked %v", i+1, m.Visible())
		}
	}
	test.Tap(v.legend.checks[2])
	v.editor.prev.wait()
	if v.editor.Selected() != 2 || v.editor.Covered(2) {
		t.Error("ticking Face 3 did not select and uncover it on the photo")
	}
}

func TestManyFacesWrapIntoAFewLines(t *testing.T) {
	v, _ := newTestShell(t)
	v.detect = manyFaces(30)
	drop(v, copyFixtures(t, astronaut)...)
	v.win.Resize(fyne.NewSize(1024, 640))
	v.win.Content().Refresh() // the driver's next frame (see TestTheWindowRenders)
	if len(v.legend.checks) != 30 {
		t.Fatalf("%d boxes for 30 faces", len(v.legend.checks))
	}
	line := v.legend.checks[0].MinSize().Height
	if h := v.legend.content.Size().Height; h > 3*line+3*theme.Padding() || h < line {
		t.Errorf("the legend is %v high for lines of %v", h, line)
	}
	if w := v.legend.content.MinSize().Width; w > 500 {
		t.Errorf("the legend needs %v wide", w)
	}
}

func TestNoneCoveredIsNotSaidBeforeTheFacesAreKnown(t *testing.T) {
	v, _ := newTestShell(t)
	var during string
	v.detect = func(p *app.Photo) ([]face.Face, error) {
		during = v.legend.note.Text
		return p.Faces()
	}
	drop(v, copyFixtures(t, astronaut)...)
	if during != "Looking for faces…" {
		t.Errorf("while looking for faces the legend says %q", during)
	}
}

func TestTheBoxOfAFaceOnALineScrolledAwayComesIntoSight(t *testing.T) {
	v, _ := newTestShell(t)
	v.detect = manyFaces(30)
	drop(v, copyFixtures(t, astronaut)...)
	v.win.Resize(fyne.NewSize(1024, 640))
	v.win.Content().Refresh() // the driver's next frame (see TestTheWindowRenders)
	last := len(v.legend.checks) - 1
	inSight := func() bool {
		d := fyne.CurrentApp().Driver()
		y := d.AbsolutePositionForObject(v.legend.checks[last]).Y
		top := d.AbsolutePositionForObject(v.legend.scroll).Y
		return y >= top && y+v.legend.checks[last].Size().Height <= top+v.legend.scroll.Size().Height
	}
	if inSight() {
		t.Fatal("the last face's box shows at first: the test needs it scrolled away")
	}
	tests := []struct {
		name string
		do   func()
	}{
		{"its cover selected on the photo", func() { v.editor.Select(last); v.legend.refresh() }},
		{"the keyboard on it", func() { v.win.Canvas().Focus(v.legend.checks[last]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v.legend.scroll.ScrollToTop()
			v.editor.Select(-1)
			v.legend.refresh()
			tt.do()
			if !inSight() {
				t.Error("the box is out of sight")
			}
		})
	}
}
