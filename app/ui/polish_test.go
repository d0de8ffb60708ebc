package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/redact"
	"veil/redact/face"
)

// walk calls f on o and on everything under it: container children, scroll
// contents and the objects a widget renders (but not an infinite progress
// bar's, since making its renderer starts it).
func walk(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(t, c, f)
		}
	case *container.Scroll:
		walk(t, x.Content, f)
	case *widget.ProgressBarInfinite:
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			walk(t, c, f)
		}
	}
}

// buttonNamed returns the button under o whose text is text, or fails.
func buttonNamed(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(t, o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// textUnder is every label's text under o, one a line.
func textUnder(t *testing.T, o fyne.CanvasObject) string {
	var out []string
	walk(t, o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		}
	})
	return strings.Join(out, "\n")
}

// topDialog is the top overlay of the window, or fails.
func topDialog(t *testing.T, v *shell) fyne.CanvasObject {
	t.Helper()
	o := v.win.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog on the window")
	}
	return o
}

func TestAFaultInTheWindowKeepsTheEditsAndSaysSo(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	v.editor.ToggleCovered(0) // an edit not stored anywhere else yet
	v.restoring = true        // as if the fault came before the editor told the window
	faults := []struct {
		name string
		run  func()
	}{
		{"in background work handed back", func() { v.post(func() { panic("a widget failed") }) }},
		{"in a button's callback", func() { v.safe(func() { panic("a widget failed") })() }},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			f.run() // must not panic
			if e := v.entries[0]; e.edits == nil || len(e.edits.covered) != 1 || e.edits.covered[0] {
				t.Fatal("the edit made before the fault was not kept")
			}
			if text := textUnder(t, topDialog(t, v)); !strings.Contains(text, "Your photos and your changes are kept") {
				t.Errorf("the person is not told: %q", text)
			}
		})
	}
	v.restoring = false
	if v.faults != 2 || len(v.win.Canvas().Overlays().List()) != 1 {
		t.Errorf("%d faults, %d messages: want 2 faults, one message", v.faults, len(v.win.Canvas().Overlays().List()))
	}
}

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

func TestRowsDoNotStayReadingAfterMovingOn(t *testing.T) {
	v, _ := newTestShell(t)
	var queue []func()
	v.spawn = func(f func()) { queue = append(queue, f) }
	run := func() {
		for len(queue) > 0 {
			f := queue[0]
			queue = queue[1:]
			f()
		}
	}
	drop(v, append(copyFixtures(t, astronaut, gpsJPEG), copyAs(t, astronaut, "again.png"))...)
	run()
	// Down, down and back up faster than the pictures are read.
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp} {
		v.typedKey(&fyne.KeyEvent{Name: k})
	}
	run()
	v.editor.prev.wait()
	for _, e := range v.entries {
		if e.state == stReading || e.state == stOpening {
			t.Errorf("%s still says %q", e.name(), e.statusText())
		}
	}
}

// settingsRadio returns the "Save clean copies" choice of the Settings dialog.
func settingsRadio(t *testing.T, v *shell) *widget.RadioGroup {
	t.Helper()
	var where *widget.RadioGroup
	walk(t, topDialog(t, v), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && r.Options[0] == "Next to the original" {
			where = r
		}
	})
	if where == nil {
		t.Fatal("no choice of where to save in Settings")
	}
	return where
}

func TestCancellingTheFolderPickerGoesBackToNextToTheOriginal(t *testing.T) {
	v, _ := newTestShell(t)
	v.showSettings()
	where := settingsRadio(t, v)
	where.SetSelected("In a folder I choose")
	test.Tap(buttonNamed(t, topDialog(t, v), "Cancel")) // the folder picker's
	if where.Selected != "Next to the original" {
		t.Errorf("with no folder chosen, Settings says %q", where.Selected)
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Save settings"))
	if v.prefs.OutDir != "" {
		t.Errorf("saving to %q", v.prefs.OutDir)
	}
}

func TestANewDefaultStyleLeavesSavedPhotosAsSaved(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, append(copyFixtures(t, astronaut), copyAs(t, astronaut, "again.png"))...)
	pressKeys(t, v.win.Canvas(), fyne.KeyS, fyne.KeyModifierShortcutDefault)
	p := v.prefs
	p.Style = redact.Pixelate
	v.applyPrefs(p)
	t.Run("the Cover with buttons show the new style", func(t *testing.T) {
		if b := v.tools.styles[redact.Pixelate]; b.Importance != widget.HighImportance {
			t.Error("Pixelate is not marked")
		}
	})
	t.Run("the saved photo keeps the covers it was saved with", func(t *testing.T) {
		if rs := v.editor.Regions(); len(rs) != 1 || rs[0].Style != redact.Blur || v.entries[0].state != stSaved {
			t.Errorf("%v, %s: want one blurred face, saved", rs, v.entries[0].statusText())
		}
	})
	t.Run("an untouched photo not saved takes the new style", func(t *testing.T) {
		v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		v.editor.prev.wait()
		if rs := v.editor.Regions(); len(rs) != 1 || rs[0].Style != redact.Pixelate {
			t.Errorf("%v: want one pixelated face", rs)
		}
	})
}

// isOpen reports whether the window is still open.
func isOpen(v *shell) bool {
	return slices.Contains(fyne.CurrentApp().Driver().AllWindows(), v.win)
}

func TestClosingWithUnsavedChangesAsksFirst(t *testing.T) {
	a := test.NewTempApp(t)
	open := func() *shell { // closed by the test itself, not at cleanup
		v := newWindow(a)
		v.spawn = func(f func()) { f() }
		drop(v, copyFixtures(t, astronaut)...)
		return v
	}
	v := open()
	v.askBeforeClosing()
	if isOpen(v) {
		t.Fatal("with nothing changed the window did not close")
	}
	v = open()
	test.Tap(v.legend.checks[0]) // uncover the face: a change
	v.askBeforeClosing()
	if !isOpen(v) || !strings.Contains(textUnder(t, topDialog(t, v)), "1 photo has changes that are not saved") {
		t.Fatal("closed without asking")
	}
	test.Tap(buttonNamed(t, topDialog(t, v), "Keep working"))
	if !isOpen(v) || len(v.entries) != 1 || v.editor.Covered(0) {
		t.Fatal("Keep working lost the window or the change")
	}
	v.askBeforeClosing()
	test.Tap(buttonNamed(t, topDialog(t, v), "Close without saving"))
	if isOpen(v) {
		t.Error("Close without saving did not close")
	}
}

func TestAStyleWithNothingSelectedChangesEveryCoverInPlace(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	dragOnEditor(v, fyne.NewPos(20, 20), fyne.NewPos(80, 80))
	v.editor.Select(-1)
	before := make([]fyne.Position, len(v.tools.styles))
	for i, b := range v.tools.styles {
		before[i] = b.Position()
	}
	test.Tap(v.tools.styles[redact.Fill])
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
	if rs := v.editor.AllRegions(); rs[0].Style == redact.Fill {
		t.Error("one Undo does not take the change back")
	}
}

func TestChoosingACropRatioShowsItsFrameAtOnce(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	v.tools.aspect.SetSelected("1:1")
	c, b := v.editor.Crop(), v.editor.img.Bounds()
	if c.Empty() || c.Dx() != c.Dy() || v.editor.Mode() != ModeCrop {
		t.Fatalf("crop %v in mode %v: want a square frame, ready to move", c, v.editor.Mode())
	}
	if mid := c.Min.Add(c.Max).Div(2); mid.Sub(b.Min.Add(b.Max).Div(2)).X > 1 {
		t.Errorf("crop %v is not centred in %v", c, b)
	}
}

// copyAs copies the fixture src into a fresh folder as name.
func copyAs(t *testing.T, src, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
