package ui

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"veil/redact"
)

// The editor tests use a 200×100 photo in a 416×316 editor: within the
// margins (viewMargin, 8 units) the photo is scaled by 2 and centred, so the
// photo pixel (x, y) spans the widget units [8+2x, 10+2x) × [58+2y, 60+2y).
var (
	photoSize  = image.Pt(200, 100)
	editorSize = fyne.NewSize(400+2*viewMargin, 300+2*viewMargin)
)

// margins returns the size of an editor whose photo area is w×h.
func margins(w, h float32) fyne.Size { return fyne.NewSize(w+2*viewMargin, h+2*viewMargin) }

// at returns the widget position of the photo point (x, y) in the standard
// test layout.
func at(x, y float32) fyne.Position { return fyne.NewPos(viewMargin+2*x, viewMargin+50+2*y) }

// testPhoto returns a w×h photo with a different colour at every pixel.
func testPhoto(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8(x ^ y), 0xFF})
		}
	}
	return img
}

// newTestEditor shows photo with regions in an editor of the given size in
// a test window, its preview rendered inline.
func newTestEditor(t *testing.T, photo image.Image, regions []redact.Region, size fyne.Size) (*Editor, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	e := NewEditor()
	// The preview is rendered and shown before each change returns, on
	// this goroutine, as the window's tests do (see shell.spawn).
	inline := func(f func()) { f() }
	e.prev.spawn, e.prev.post = inline, inline
	w := test.NewTempWindow(t, e)
	w.SetPadded(false)
	w.Resize(size)
	e.SetPhoto(photo, regions)
	e.prev.wait()
	return e, w
}

// drag drags the mouse from one widget position to another in two steps,
// with the events the desktop driver sends: Position is where the pointer
// is, Dragged how far it moved since the last event.
func drag(e *Editor, from, to fyne.Position) {
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	e.DragEnd()
	e.prev.wait()
}

func TestEditorDrawsARegionOnThePixelsUnderTheDrag(t *testing.T) {
	tests := []struct {
		name     string
		mode     EditMode
		from, to fyne.Position
		want     redact.Region
	}{
		{"a rectangle drawn down and right", ModeAddRect, at(20, 10), at(60, 40),
			redact.Region{Rect: image.Rect(20, 10, 60, 40), Shape: redact.Rect, Style: redact.Pixelate}},
		{"an ellipse drawn up and left", ModeAddEllipse, at(60, 40), at(20, 10),
			redact.Region{Rect: image.Rect(20, 10, 60, 40), Shape: redact.Ellipse, Style: redact.Pixelate}},
		{"a drag past the photo's corner is clamped to the photo", ModeAddRect, at(190, 90), fyne.NewPos(500, 400),
			redact.Region{Rect: image.Rect(190, 90, 200, 100), Shape: redact.Rect, Style: redact.Pixelate}},
		{"a drag starting in the margin above the photo starts at its top edge", ModeAddRect, fyne.NewPos(108, 20), at(80, 20),
			redact.Region{Rect: image.Rect(50, 0, 80, 20), Shape: redact.Rect, Style: redact.Pixelate}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), nil, editorSize)
			var modes []EditMode
			changes := 0
			e.OnModeChanged = func(m EditMode) { modes = append(modes, m) }
			e.OnChanged = func() { changes++ }
			e.SetStyle(redact.Pixelate)
			e.SetMode(tt.mode)
			drag(e, tt.from, tt.to)
			got := e.Regions()
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("Regions() = %v, want [%v]", got, tt.want)
			}
			if e.Selected() != 0 || e.Mode() != ModeSelect || len(modes) != 1 || modes[0] != ModeSelect {
				t.Errorf("after drawing: selected %d, mode %v, mode changes %v; want 0, select, [select]", e.Selected(), e.Mode(), modes)
			}
			if changes != 1 || !e.CanUndo() {
				t.Errorf("OnChanged called %d times, CanUndo %v; want 1, true", changes, e.CanUndo())
			}
		})
	}
}

func TestEditorIgnoresASlipOfTheMouse(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), nil, editorSize)
	e.SetMode(ModeAddRect)
	drag(e, at(20, 10), at(21, 11)) // 2 units: less than minDrawn
	if len(e.AllRegions()) != 0 || e.CanUndo() || e.Mode() != ModeAddRect {
		t.Errorf("a tiny drag added %v (undo %v, mode %v)", e.AllRegions(), e.CanUndo(), e.Mode())
	}
}

// twoRegions are a rectangle and, on top of it, an ellipse.
var twoRegions = []redact.Region{
	{Rect: image.Rect(20, 10, 60, 40), Shape: redact.Rect, Style: redact.Fill},
	{Rect: image.Rect(50, 30, 90, 70), Shape: redact.Ellipse, Style: redact.Blur},
}

func TestEditorTapSelectsTheTopmostRegion(t *testing.T) {
	tests := []struct {
		name string
		at   fyne.Position
		want int
	}{
		{"a tap inside the rectangle selects it", at(25, 15), 0},
		{"a tap where both overlap selects the ellipse on top", at(58, 38), 1},
		{"a tap in the rectangle's corner outside the ellipse selects the rectangle", at(52, 32), 0},
		{"a tap on bare photo selects none", at(150, 80), -1},
		{"a tap in the margin selects none", fyne.NewPos(5, 5), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, editorSize)
			if tt.want < 0 {
				e.Select(0) // a tap on nothing must clear the selection
			}
			test.TapAt(e, tt.at)
			if e.Selected() != tt.want {
				t.Errorf("Selected() = %d, want %d", e.Selected(), tt.want)
			}
		})
	}
}

func TestEditorMovesAndResizesTheSelectedRegion(t *testing.T) {
	tests := []struct {
		name     string
		from, to fyne.Position
		want     image.Rectangle
	}{
		{"a drag inside moves it", at(30, 20), at(40, 25), image.Rect(30, 15, 70, 45)},
		{"a drag past the photo's edge stops at the edge", at(30, 20), fyne.NewPos(0, 0), image.Rect(0, 0, 40, 30)},
		{"the bottom-right handle moves that corner", at(60, 40), at(70, 50), image.Rect(20, 10, 70, 50)},
		{"the top handle moves only the top edge", at(40, 10), at(45, 4), image.Rect(20, 4, 60, 40)},
		{"the left handle dragged past the right edge flips the rectangle", at(20, 25), at(80, 25), image.Rect(60, 10, 80, 40)},
		{"a handle is grabbed a few units off its centre", at(60, 40).AddXY(8, 8), at(70, 50), image.Rect(20, 10, 66, 46)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions[:1], editorSize)
			e.Select(0)
			drag(e, tt.from, tt.to)
			if got := e.Regions()[0].Rect; got != tt.want {
				t.Fatalf("rectangle %v, want %v", got, tt.want)
			}
			if !e.Undo() || e.Regions()[0].Rect != twoRegions[0].Rect {
				t.Errorf("Undo did not restore %v: %v", twoRegions[0].Rect, e.Regions())
			}
		})
	}
}

func TestEditorDragOnAnUnselectedRegionSelectsAndMovesIt(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, editorSize)
	drag(e, at(70, 60), at(80, 62))
	if e.Selected() != 1 || e.AllRegions()[1].Rect != image.Rect(60, 32, 100, 72) {
		t.Errorf("selected %d, regions %v; want the ellipse moved by (10, 2)", e.Selected(), e.AllRegions())
	}
}

func TestEditorRemoveStyleNudgeAndUndo(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, editorSize)
	if e.RemoveSelected() || e.Nudge(1, 0) || e.CanUndo() {
		t.Fatal("with nothing selected, RemoveSelected or Nudge did something")
	}
	e.Select(0)
	e.SetStyle(redact.Pixelate)
	e.Nudge(-30, 5) // stops at the left edge
	if !e.RemoveSelected() || e.Selected() != -1 {
		t.Fatal("RemoveSelected failed")
	}
	steps := [][]redact.Region{
		{twoRegions[1]},
		{{Rect: image.Rect(0, 15, 40, 45), Style: redact.Pixelate}, twoRegions[1]},
		{{Rect: twoRegions[0].Rect, Style: redact.Pixelate}, twoRegions[1]},
		twoRegions,
	}
	for i, want := range steps {
		if i > 0 && !e.Undo() {
			t.Fatalf("Undo %d found nothing to undo", i)
		}
		if got := e.Regions(); !equalRegions(got, want) {
			t.Fatalf("after %d undos: %v, want %v", i, got, want)
		}
	}
	if e.Undo() || e.CanUndo() {
		t.Error("Undo went past the photo's original regions")
	}
}

func equalRegions(a, b []redact.Region) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEditorUncoveringAFaceKeepsItOnScreenButNotInRegions(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, editorSize)
	e.ToggleCovered(1)
	e.ToggleCovered(7) // out of range: ignored
	if got := e.Regions(); !equalRegions(got, twoRegions[:1]) {
		t.Errorf("Regions() = %v, want only the rectangle", got)
	}
	if all := e.AllRegions(); !equalRegions(all, twoRegions) || e.Covered(1) || !e.Covered(0) || e.Covered(-1) {
		t.Errorf("AllRegions() = %v, Covered = %v %v; want both regions, only the first covered", all, e.Covered(0), e.Covered(1))
	}
	if r := test.TempWidgetRenderer(t, e).(*editorRenderer); len(r.labels) != 1 || r.labels[0].text.Text != "Not covered" {
		t.Errorf("%d labels, want one saying it is not covered", len(r.labels))
	}
	e.ToggleCovered(1)
	if got := e.Regions(); !equalRegions(got, twoRegions) {
		t.Errorf("covering again gave %v", got)
	}
	e.Undo()
	if e.Covered(1) {
		t.Error("Undo did not uncover the face again")
	}
}

func TestEditorCropKeepsTheAspectPreset(t *testing.T) {
	for _, a := range redact.Aspects {
		t.Run(a.String()+" crop drawn, resized and moved", func(t *testing.T) {
			e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), nil, editorSize)
			e.SetMode(ModeCrop)
			e.SetAspect(a)
			if !a.IsFree() && !hasRatio(e.Crop(), a) {
				t.Errorf("the proposed crop %v is not %v", e.Crop(), a)
			}
			e.ResetCrop()
			drag(e, at(10, 5), at(150, 95))
			c := e.Crop()
			if c.Empty() || !c.In(image.Rect(10, 5, 150, 95)) || c.Min != image.Pt(10, 5) || !hasRatio(c, a) {
				t.Fatalf("drawn crop %v: want %v inside (10,5)-(150,95) from its corner", c, a)
			}
			x, y := float32(c.Max.X), float32(c.Max.Y)
			drag(e, at(x, y), at(x-20, y-30)) // the bottom-right handle
			if r := e.Crop(); r.Min != c.Min || !hasRatio(r, a) || r == c {
				t.Fatalf("resized crop %v from %v: want %v with the same top-left", r, c, a)
			}
			c = e.Crop()
			mid := c.Min.Add(c.Max).Div(2)
			drag(e, at(float32(mid.X), float32(mid.Y)), fyne.NewPos(editorSize.Width, editorSize.Height))
			if r := e.Crop(); r.Size() != c.Size() || r.Max != image.Pt(200, 100) {
				t.Fatalf("moved crop %v from %v: want it against the bottom-right corner", r, c)
			}
			e.ResetCrop()
			if !e.Crop().Empty() || !e.Undo() || e.Crop().Empty() {
				t.Error("ResetCrop then Undo did not remove and restore the crop")
			}
		})
	}
}

func TestEditorAspectChangeRefitsTheCrop(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), nil, editorSize)
	e.SetMode(ModeCrop)
	drag(e, at(10, 10), at(170, 90))
	e.SetAspect(redact.Aspect1x1)
	if c := e.Crop(); c != image.Rect(40, 0, 140, 100) {
		t.Errorf("1:1 refit of (10,10)-(170,90) gave %v, want (40,0)-(140,100), centred on it", c)
	}
	e.SetAspect(redact.Aspect16x9)
	e.SetAspect(redact.Aspect1x1)
	if c := e.Crop(); c.Dx() < 90 || !hasRatio(c, redact.Aspect1x1) {
		t.Errorf("1:1 → 16:9 → 1:1 shrank the crop to %v", c)
	}
	steps := 0
	for e.Undo() {
		steps++
	}
	if steps != 4 { // draw, 1:1, 16:9, 1:1
		t.Errorf("%d undo steps, want 4", steps)
	}
}

func hasRatio(r image.Rectangle, a redact.Aspect) bool {
	return a.IsFree() || r.Dx()*a.H == r.Dy()*a.W
}

func TestEditorInterruptedDrag(t *testing.T) {
	move := func(e *Editor) { // half a move of the rectangle by (10, 5)
		e.Select(0)
		from, to := at(30, 20), at(40, 25)
		e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	}
	tests := []struct {
		name      string
		interrupt func(e *Editor)
		want      image.Rectangle
		undos     int // steps left to undo
	}{
		{"Undo during a drag cancels the drag", func(e *Editor) { e.Undo() }, twoRegions[0].Rect, 0},
		{"a mode change during a drag keeps it as one step", func(e *Editor) { e.SetMode(ModeCrop) }, image.Rect(30, 15, 70, 45), 1},
		{"a style change during a drag keeps both steps", func(e *Editor) { e.SetStyle(redact.Pixelate) }, image.Rect(30, 15, 70, 45), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions[:1], editorSize)
			move(e)
			tt.interrupt(e)
			// The rest of the gesture does nothing.
			e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at(90, 90)}, Dragged: fyne.NewDelta(50, 50)})
			e.DragEnd()
			e.prev.wait()
			if got := e.AllRegions()[0].Rect; got != tt.want {
				t.Errorf("rectangle %v, want %v", got, tt.want)
			}
			n := 0
			for e.Undo() {
				n++
			}
			if n != tt.undos {
				t.Errorf("%d undo steps, want %d", n, tt.undos)
			}
		})
	}
}

func TestEditorClearDropsThePhoto(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, editorSize)
	e.Clear()
	e.prev.wait()
	if e.HasPhoto() || e.prev.img != nil || len(e.AllRegions()) != 0 || e.CanUndo() {
		t.Error("Clear left the photo, its preview or its regions")
	}
	e.SetMode(ModeAddRect)
	drag(e, at(1, 1), at(50, 50)) // no photo: nothing happens, no panic
	test.TapAt(e, at(5, 5))
	e.Select(3)
	e.ToggleCovered(0)
	if e.Selected() != -1 || len(e.AllRegions()) != 0 {
		t.Error("an editor without a photo changed")
	}
}

var updateGoldens bool

func init() {
	// Another test file of the package may define -update too.
	if flag.Lookup("update") == nil {
		flag.BoolVar(&updateGoldens, "update", false, "rewrite the golden images in testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return updateGoldens || f != nil && f.Value.String() == "true"
}

func TestEditorRendersAPhotoWithACoveredAndAnUncoveredRegion(t *testing.T) {
	e, w := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, margins(420, 210))
	e.ToggleCovered(0)
	e.Select(1)
	e.prev.wait()
	const golden = "editor/two-regions-one-uncovered.png"
	img := w.Canvas().Capture()
	if updating() {
		writeGolden(t, filepath.Join("testdata", golden), img)
	}
	test.AssertImageMatches(t, golden, img)
}

func writeGolden(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
