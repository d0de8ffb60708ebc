package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"veil/redact"
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
