package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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
	where.SetSelected("In a folder I choose")
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // cancels the folder picker
	if where.Selected != "Next to the original" {
		t.Errorf("with the folder picker escaped, Settings says %q", where.Selected)
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

func TestEscapeClosesAboutAndSettings(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	escape := func() { v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	test.Tap(buttonNamed(t, v.root, "About"))
	escape()
	if o := v.win.Canvas().Overlays().Top(); o != nil {
		t.Errorf("Escape left About open")
	}
	test.Tap(buttonNamed(t, v.root, "Settings"))
	settingsRadio(t, v).SetSelected("Next to the original")
	before := v.prefs
	escape()
	if o := v.win.Canvas().Overlays().Top(); o != nil || v.prefs != before {
		t.Errorf("Escape left Settings open, or changed them")
	}
}

func TestTheKeyboardReachesTheListAndTheFaces(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	c := v.win.Canvas()
	reached := map[string]bool{}
	for range 60 {
		c.FocusNext()
		switch f := c.Focused().(type) {
		case *keyList:
			reached["list"] = true
		case *widget.Check:
			if f == v.legend.checks[0] {
				reached["face"] = true
			}
		}
		if reached["list"] && reached["face"] {
			break
		}
	}
	if !reached["list"] || !reached["face"] {
		t.Fatalf("Tab reached %v, want the list and the face", reached)
	}
	c.Focus(v.legend.checks[0])
	c.Focused().TypedRune(' ')
	if v.editor.Covered(0) {
		t.Error("Space on the focused face did not uncover it")
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
	if y := v.sideScroll.Offset.Y; y != 0 {
		t.Errorf("the next photo's findings start %v down", y)
	}
}

func TestAnAnimationSaysOnlyItsFirstFrameIsShown(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, "../../exif/testdata/gif/animated-loop.gif", "../../exif/testdata/gif/clean-still.gif")...)
	for i, want := range []bool{true, false} {
		v.selectEntry(v.entries[i])
		v.editor.prev.wait()
		if got := strings.Contains(textUnder(t, v.reveals.content), "only its first frame"); got != want {
			t.Errorf("%s: says first frame only: %v, want %v", v.entries[i].name(), got, want)
		}
	}
}

func TestListThumbnailsShowTheFacesCovered(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	test.Tap(v.legend.checks[0]) // uncovered in the editor: still covered in the list
	for _, e := range v.entries {
		if e.thumb == nil {
			t.Fatalf("%s has no thumbnail", e.name())
		}
		tb := e.thumb.Bounds()
		for _, f := range e.faces {
			cx := tb.Min.X + (f.X+f.W/2)*tb.Dx()/e.bounds.Dx()
			cy := tb.Min.Y + (f.Y+f.H/2)*tb.Dy()/e.bounds.Dy()
			if got, want := opaque(e.thumb.At(cx, cy)), opaque(redact.DefaultFillColor); got != want {
				t.Errorf("%s: the face's centre in the thumbnail is %v, want the cover %v", e.name(), got, want)
			}
		}
	}
	if len(v.entries[0].faces) != 1 {
		t.Fatal("the astronaut's face was not found: the test shows nothing")
	}
}

func TestLongFileNamesAreShortenedInTheMiddle(t *testing.T) {
	test.NewTempApp(t)
	name := "IMG_20240612_221530_holiday_beach.jpg"
	l := newMidLabel(fyne.TextStyle{Bold: true})
	l.SetFull(name)
	tests := []struct {
		name  string
		width float32
		whole bool
	}{
		{"shown whole where there is room", 600, true},
		{"shortened in the middle where there is not", 140, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l.Resize(fyne.NewSize(tt.width, l.MinSize().Height))
			if tt.whole != (l.Text == name) {
				t.Fatalf("at %v: %q", tt.width, l.Text)
			}
			if !tt.whole && (!strings.HasPrefix(l.Text, "IMG_2") || !strings.HasSuffix(l.Text, ".jpg") || !strings.Contains(l.Text, "…")) {
				t.Errorf("at %v: %q does not keep the start and the end", tt.width, l.Text)
			}
			if w := l.measure(l.Text) + 2*theme.InnerPadding(); w > tt.width {
				t.Errorf("%q is %v wide, more than %v", l.Text, w, tt.width)
			}
		})
	}
}

func TestAPhotoThatCannotBeOpenedSaysWhyInTheMiddle(t *testing.T) {
	v, _ := newTestShell(t)
	bad := copyAs(t, gpsJPEG, "cut.jpg")
	data, _ := os.ReadFile(bad)
	os.WriteFile(bad, data[:len(data)/2], 0o600) // ends inside the picture
	drop(v, bad, copyFixtures(t, astronaut)[0])
	v.selectEntry(v.entries[0])
	if v.entries[0].state != stFailed {
		t.Fatalf("a cut JPEG is %q", v.entries[0].statusText())
	}
	if msg := v.editor.message; !strings.HasPrefix(msg, "Damaged or incomplete file") || strings.Contains(msg, "EOI") {
		t.Errorf("the editor says %q", msg)
	}
	if v.checks.content.Visible() {
		t.Error("the checklist before sending is shown for a photo that cannot be sent")
	}
	v.selectEntry(v.entries[1])
	v.editor.prev.wait()
	if v.editor.message != "" || !v.checks.content.Visible() {
		t.Error("the next photo still shows the failure")
	}
}

func TestFindingsInEnglishAvoidTheFilesJargon(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct{ raw, want string }{
		{"date:create", "Date created"},
		{"Unrecognised PNG chunk", "Other data stored in the file"},
		{"exif: compressed PNG data: unexpected EOF", "compressed text that could not be read; it will be removed"},
	}
	for _, tt := range tests {
		if got := trFinding(tt.raw); got != tt.want {
			t.Errorf("%q is shown as %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestFacesAreNumberedInReadingOrder(t *testing.T) {
	f := func(x, y int) face.Face { return face.Face{X: x, Y: y, W: 100, H: 100} }
	tests := []struct {
		name string
		in   []face.Face
		want []face.Face
	}{
		{"a row left to right", []face.Face{f(500, 0), f(0, 10), f(250, 30)}, []face.Face{f(0, 10), f(250, 30), f(500, 0)}},
		{"rows top to bottom", []face.Face{f(0, 400), f(300, 0), f(0, 20)}, []face.Face{f(0, 20), f(300, 0), f(0, 400)}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readingOrder(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// manyFaces is a detector that finds n faces in a row, from right to left.
func manyFaces(n int) func(*app.Photo) ([]face.Face, error) {
	return func(*app.Photo) ([]face.Face, error) {
		var fs []face.Face
		for i := range n {
			fs = append(fs, face.Face{X: 480 - 40*(i%12), Y: 20 + 120*(i/12), W: 30, H: 40, Score: 0.9})
		}
		return fs, nil
	}
}

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
	for i, m := range v.legend.marks {
		if m.Visible() != (i == 1) {
			t.Errorf("selecting face 2 on the photo: box %d marked %v", i+1, m.Visible())
		}
	}
	test.Tap(v.legend.checks[2])
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

func TestSeveralPhotosOpenAtOnceFromTheDesktopsChooser(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut, gpsJPEG)
	var asked []bool
	v.native = func(title, accept string, folder bool) ([]string, bool) {
		asked = append(asked, folder)
		return paths, true
	}
	test.Tap(buttonNamed(t, v.root, "Open a photo…"))
	v.editor.prev.wait()
	if len(v.entries) != 2 || !slices.Equal(asked, []bool{false}) {
		t.Fatalf("%d photos opened from one choice of two (asked %v)", len(v.entries), asked)
	}
	v.native = func(string, string, bool) ([]string, bool) { return nil, false }
	v.openFiles()
	buttonNamed(t, topDialog(t, v), "Open") // Fyne's chooser, instead
}

func TestUncoveringAFaceIsSaidInWords(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	test.Tap(v.legend.checks[0])
	if text := textUnder(t, v.reveals.content); !strings.Contains(text, "left visible: it will show in the copy") {
		t.Errorf("with the face uncovered the panel says %q", text)
	}
	test.Tap(v.legend.checks[0])
	if text := textUnder(t, v.reveals.content); !strings.Contains(text, "It is covered") {
		t.Errorf("with the face covered again the panel says %q", text)
	}
}

func TestTheFocusMarkIsNotTheAccentColour(t *testing.T) {
	_, a := newTestShell(t)
	th := a.Settings().Theme()
	focus, accent := th.Color(theme.ColorNameFocus, theme.VariantDark), th.Color(theme.ColorNamePrimary, theme.VariantDark)
	if _, _, _, al := focus.RGBA(); al < 0x8000 {
		t.Errorf("the focus mark is only %d/65535 opaque", al)
	}
	if opaque(focus) == opaque(accent) {
		t.Error("the focus mark is the accent colour: a focused button looks like the main one")
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
