package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
