package ui

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/redact"
	"veil/redact/face"
)

func TestAStyleWithNothingSelectedChangesEveryCoverInPlace(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	dragOnEditor(v, fyne.NewPos(20, 20), fyne.NewPos(80, 80))
	v.editor.prev.wait()
	v.editor.Select(-1)
	v.editor.prev.wait()
	before := make([]fyne.Position, len(v.tools.styles))
	for i, b := range v.tools.styles {
		before[i] = b.Position()
	}
	test.Tap(v.tools.styles[redact.Fill])
	v.editor.prev.wait()
	for i, r := range v.editor.AllRegions() {
		if r.Style != redact.Fill {
			t.Errorf("area %d is %v, want Fill", i, r.Style)
		}
	}
	if !strings.Contains(v.tools.hint.Text, "every area") {
		t.Errorf("the hint %q does not say the style applies to every area", v.tools.hint.Text)
	}
	v.tools.content.Refresh()
	for i, b := range v.tools.styles {
		if b.Position() != before[i] {
			t.Errorf("%s moved from %v to %v", b.Text, before[i], b.Position())
		}
	}
	pressKeys(t, v.win.Canvas(), fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	v.editor.prev.wait()
	if rs := v.editor.AllRegions(); rs[0].Style == redact.Fill {
		t.Error("one Undo does not take the change back")
	}
}

func TestChoosingACropRatioShowsItsFrameAtOnce(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	v.tools.aspect.SetSelected("1:1")
	v.editor.prev.wait()
	c, b := v.editor.Crop(), v.editor.img.Bounds()
	if c.Empty() || c.Dx() != c.Dy() || v.editor.Mode() != ModeCrop {
		t.Fatalf("crop %v in mode %v: want a square frame, ready to move", c, v.editor.Mode())
	}
	if mid := c.Min.Add(c.Max).Div(2); mid.Sub(b.Min.Add(b.Max).Div(2)).X > 1 {
		t.Errorf("crop %v is not centred in %v", c, b)
	}
}

func TestCoverWithMarksTheStyleOfThePhotoOnScreen(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, append(copyFixtures(t, astronaut), copyAs(t, astronaut, "again.png"))...)
	test.Tap(v.tools.styles[redact.Pixelate]) // nothing selected: every cover of the first photo
	v.editor.prev.wait()
	marked := func() redact.Style {
		for i, b := range v.tools.styles {
			if b.Importance == widget.HighImportance {
				return redact.Style(i)
			}
		}
		return -1
	}
	tests := []struct {
		name  string
		photo int
		want  redact.Style
	}{
		{"the next photo's faces are blurred: Blur is marked", 1, redact.Blur},
		{"back on the first, its pixelated covers: Pixelate", 0, redact.Pixelate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v.selectEntry(v.entries[tt.photo])
			v.editor.prev.wait()
			if got := v.editor.AllRegions()[0].Style; got != tt.want {
				t.Fatalf("the face is %v, want %v", got, tt.want)
			}
			if marked() != tt.want {
				t.Errorf("Cover with marks %v, the covers are %v", marked(), tt.want)
			}
		})
	}
}

func TestTheCropRatioShownIsThePhotosOwn(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, append(copyFixtures(t, astronaut), copyAs(t, astronaut, "again.png"))...)
	v.tools.aspect.SetSelected("4:5") // the first photo's crop: 4:5
	v.editor.prev.wait()
	firstCrop := v.editor.Crop()
	steps := []struct {
		name   string
		photo  int
		choose string // a ratio to choose once there, "" for none
		want   string
	}{
		{"a photo never cropped shows Free", 1, "", "Free"},
		{"it can be given a ratio of its own", 1, "1:1", "1:1"},
		{"the first photo shows its 4:5 again", 0, "", "4:5"},
		{"the second its 1:1", 1, "", "1:1"},
	}
	for _, st := range steps {
		v.selectEntry(v.entries[st.photo])
		v.editor.prev.wait()
		if st.choose != "" {
			v.tools.aspect.SetSelected(st.choose)
			v.editor.prev.wait()
		}
		if got := v.tools.aspect.Selected; got != st.want || aspectName(v.editor.Aspect()) != st.want {
			t.Fatalf("%s: the drop-down shows %q, the editor crops at %v", st.name, got, v.editor.Aspect())
		}
	}
	v.selectEntry(v.entries[0])
	v.editor.prev.wait()
	if got := v.editor.Crop(); got != firstCrop || v.entries[0].dirty != true {
		t.Errorf("showing the drop-down's ratio again changed the crop: %v, was %v", got, firstCrop)
	}
	if !v.editor.CanUndo() || !v.editor.Undo() || !v.editor.Crop().Empty() || v.editor.CanUndo() {
		t.Errorf("the first photo's history is not its one step, choosing 4:5")
	}
}

func TestEachPhotoKeepsItsUndoHistory(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, append(copyFixtures(t, astronaut), copyAs(t, astronaut, "again.png"))...)
	key := func(k fyne.KeyName, m fyne.KeyModifier) {
		pressKeys(t, v.win.Canvas(), k, m)
		v.editor.prev.wait()
	}
	ctrl := fyne.KeyModifierShortcutDefault
	test.Tap(v.legend.checks[0]) // the first photo: its face uncovered
	v.move(1)
	test.Tap(v.tools.rect) // the second: an area drawn
	dragOnEditor(v, fyne.NewPos(20, 20), fyne.NewPos(80, 80))
	steps := []struct {
		name           string
		photo          int
		key            fyne.KeyName
		mod            fyne.KeyModifier
		covered, areas int
	}{
		{"back on the first, Ctrl+Z covers its face again", 0, fyne.KeyZ, ctrl, 1, 1},
		{"Ctrl+Shift+Z uncovers it again", 0, fyne.KeyZ, ctrl | fyne.KeyModifierShift, 0, 1},
		{"on the second, Ctrl+Z takes its area away", 1, fyne.KeyZ, ctrl, 1, 1},
		{"and Ctrl+Y puts it back", 1, fyne.KeyY, ctrl, 2, 2},
		{"the first still redoes nothing and undoes its one step", 0, fyne.KeyZ, ctrl, 1, 1},
	}
	for _, st := range steps {
		v.selectEntry(v.entries[st.photo])
		v.editor.prev.wait()
		key(st.key, st.mod)
		if c, a := len(v.editor.Regions()), len(v.editor.AllRegions()); c != st.covered || a != st.areas {
			t.Fatalf("%s: %d of %d areas covered, want %d of %d", st.name, c, a, st.covered, st.areas)
		}
	}
	if v.editor.CanUndo() {
		t.Error("showing a photo again added steps to its history")
	}
}

func TestFacesFoundLateAreInEveryStepOfTheHistory(t *testing.T) {
	area := redact.Region{Rect: image.Rect(5, 5, 20, 20), Shape: redact.Rect, Style: redact.Fill}
	face := redact.Region{Rect: image.Rect(50, 50, 90, 100), Shape: redact.Ellipse, Style: redact.Blur}
	h := History{
		undo: []snapshot{{items: nil, sel: -1}},
		redo: []snapshot{{items: []item{{r: area, covered: false}}, sel: 0}},
	}
	h.prepend(coveredItems([]redact.Region{face}))
	for _, s := range append(h.undo, h.redo...) {
		if len(s.items) == 0 || s.items[0].r != face || !s.items[0].covered {
			t.Errorf("a step %v lacks the face, covered, first", s.items)
		}
	}
	if r := h.redo[0]; r.sel != 1 || r.items[1].r != area || r.items[1].covered {
		t.Errorf("the step's own area moved or changed: %+v", r)
	}
	if h.undo[0].sel != -1 {
		t.Errorf("a step with nothing selected selects %d", h.undo[0].sel)
	}
}

func TestUndoAfterFacesFoundLateKeepsThemCovered(t *testing.T) {
	v, _ := newTestShell(t)
	v.detect = func(p *app.Photo) ([]face.Face, error) {
		// The photo is on screen, veiled, its faces not known yet: the
		// person draws an area on it.
		v.editor.SetMode(ModeAddRect)
		dragOnEditor(v, fyne.NewPos(20, 20), fyne.NewPos(80, 80))
		return []face.Face{{X: 190, Y: 60, W: 90, H: 110, Score: 0.9}}, nil
	}
	drop(v, copyFixtures(t, astronaut)...)
	if n := len(v.editor.Regions()); n != 2 {
		t.Fatalf("%d areas covered, want the face and the area drawn", n)
	}
	pressKeys(t, v.win.Canvas(), fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	v.editor.prev.wait()
	rs := v.editor.Regions()
	if len(rs) != 1 || !v.entries[0].isFace(rs[0]) {
		t.Errorf("after Ctrl+Z the covered areas are %v, want the face alone", rs)
	}
}
