package ui

import (
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/redact"
	"veil/redact/face"
)

// confirmReview answers the question Save all asks about photos to look
// at first: Save anyway (true) or Review them.
func confirmReview(t *testing.T, v *shell, anyway bool) {
	t.Helper()
	d, ok := v.saver.asking.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatal("Save all did not ask about the photos to look at")
	}
	if anyway {
		d.Confirm()
	} else {
		d.Dismiss()
	}
}

// queue holds background work until the test runs it, to press buttons
// while work is still to do.
type queue struct{ jobs []func() }

func (q *queue) spawn(f func()) { q.jobs = append(q.jobs, f) }

// drain runs the work, and the work it starts, until none is left.
func (q *queue) drain() {
	for len(q.jobs) > 0 {
		f := q.jobs[0]
		q.jobs = q.jobs[1:]
		f()
	}
}

// savedCovers reports whether the copy at out is the original at src with
// exactly the regions covered.
func savedCovers(t *testing.T, out, src string, regions []redact.Region) bool {
	t.Helper()
	saved, err := app.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := saved.Image()
	orig, _ := app.Open(src)
	img, _ := orig.Image()
	return samePixels(got, app.Cover(img, regions, orig.RedactOptions()))
}

// astronautFace is the face the detector finds in the astronaut.
func astronautFace(t *testing.T, path string) []redact.Region {
	t.Helper()
	p, _ := app.Open(path)
	img, _ := p.Image()
	faces, err := p.Faces()
	if err != nil || len(faces) != 1 {
		t.Fatalf("faces %v, %v", faces, err)
	}
	return app.FaceRegions(faces, img.Bounds(), redact.Blur)
}

func TestSaveAllRightAfterADropCoversEveryFace(t *testing.T) {
	v, _ := newTestShell(t)
	q := &queue{}
	v.spawn = q.spawn
	paths := copyFixtures(t, astronaut)
	v.dropURIs(uriList(paths))
	// Pressed before any background work has run: sooner than 10 ms after
	// the drop could ever be.
	test.Tap(v.saver.saveAll)
	if !v.saver.waiting || v.entries[0].state == stSaved {
		t.Fatal("Save all did not wait for the faces")
	}
	q.drain()
	e := v.entries[0]
	if e.state != stSaved {
		t.Fatalf("after the work: %s", e.statusText())
	}
	if !savedCovers(t, e.output, paths[0], astronautFace(t, paths[0])) {
		t.Error("the copy is not the photo with its face covered")
	}
}

func TestSaveAllWhileLookingForFacesCoversThemAndTheAreaDrawn(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut)
	var area redact.Region
	v.detect = func(p *app.Photo) ([]face.Face, error) {
		// The photo is on screen, its faces still being looked for: the
		// person draws an area and presses Save all.
		if v.legend.note.Text != "Looking for faces…" {
			t.Errorf("while looking the legend says %q", v.legend.note.Text)
		}
		test.Tap(v.tools.rect)
		c := fyne.NewPos(v.editor.Size().Width/2, v.editor.Size().Height/2)
		dragOnEditor(v, c.AddXY(-40, 60), c.AddXY(40, 120))
		area = v.editor.Regions()[0]
		typeShortcut(t, v.win.Canvas(), &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
		if v.entries[0].state == stSaved || v.saver.saveAll.Disabled() == false {
			t.Error("Save all did not wait for the faces")
		}
		return p.Faces()
	}
	drop(v, paths...)
	e := v.entries[0]
	if e.state != stSaved {
		t.Fatalf("after the work: %s", e.statusText())
	}
	want := append(astronautFace(t, paths[0]), area)
	if !savedCovers(t, e.output, paths[0], want) {
		t.Error("the copy is not the photo with its face and the area covered")
	}
	if got := v.editor.Regions(); !equalRegions(got, want) {
		t.Errorf("the window shows %v, the copy holds %v", got, want)
	}
}

func uriList(paths []string) []fyne.URI {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	return uris
}

// rowOf returns the list row that shows e.
func rowOf(t *testing.T, v *shell, e *entry) *row {
	t.Helper()
	for _, r := range v.list.rows {
		if r.name.full == e.name() {
			return r
		}
	}
	t.Fatalf("no row shows %s", e.name())
	return nil
}

func TestARowSaysWhenAPhotoNeedsALook(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut, gpsJPEG)
	drop(v, paths...)
	face, noFace := v.entries[0], v.entries[1]
	center := face.faceRegions(redact.Blur)[0].Rect
	tests := []struct {
		name   string
		change func()
		entry  *entry
		want   string
	}{
		{"a photo with no face found says so", func() {}, noFace, "No face found — look before sending"},
		{"a face covered says nothing", func() {}, face, ""},
		{"an unticked face is left visible", func() { test.Tap(v.legend.checks[0]) }, face, "1 face left visible"},
		{"ticked again it is covered", func() { test.Tap(v.legend.checks[0]) }, face, ""},
		{"Delete on a face leaves it visible", func() {
			v.editor.Select(0)
			v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
		}, face, "1 face left visible"},
		{"an area drawn over it covers it", func() {
			v.editor.change(func() {
				v.editor.items = append(v.editor.items, item{r: redact.Region{Rect: center.Inset(-4), Style: redact.Fill}, covered: true})
			})
		}, face, ""},
		{"the area deleted, it shows again", func() {
			v.editor.Select(1)
			v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
		}, face, "1 face left visible"},
		{"a crop that leaves it out hides it", func() {
			b := v.editor.img.Bounds()
			v.editor.change(func() { v.editor.crop = image.Rect(b.Min.X, center.Max.Y+2, b.Max.X, b.Max.Y) })
		}, face, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			v.editor.prev.wait()
			r := rowOf(t, v, tt.entry)
			if got := tt.entry.warning(); got != tt.want {
				t.Fatalf("warning %q, want %q", got, tt.want)
			}
			if tt.want == "" {
				if r.status.Importance == widget.WarningImportance {
					t.Errorf("the row is in warning colour: %q", r.status.Text)
				}
				return
			}
			if r.status.Text != tt.want || r.status.Importance != widget.WarningImportance {
				t.Errorf("the row says %q (importance %v), want %q in warning colour", r.status.Text, r.status.Importance, tt.want)
			}
		})
	}
	t.Run("labels keep their numbers after Delete", func(t *testing.T) {
		if len(v.legend.checks) == 0 || v.legend.checks[0].Text != "Face 1" || v.legend.checks[0].Checked {
			t.Errorf("the legend shows %v", v.legend.checks)
		}
	})
	t.Run("the findings say the face will show", func(t *testing.T) {
		v.editor.ResetCrop()
		v.editor.prev.wait()
		if !strings.Contains(panelText(v), "1 face found and left visible") {
			t.Errorf("the findings say %q", panelText(v))
		}
	})
}

// panelText joins the words of the findings panel.
func panelText(v *shell) string {
	var words []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			words = append(words, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(v.reveals.content)
	return strings.Join(words, " | ")
}

func TestSaveAllAsksOnceAboutThePhotosToLookAt(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut, gpsJPEG)
	drop(v, paths...)
	test.Tap(v.legend.checks[0]) // the astronaut's face uncovered
	v.move(1)

	test.Tap(v.saver.saveAll)
	confirmReview(t, v, false) // Review them
	if v.selected != v.entries[0] || v.entries[0].state == stSaved || v.entries[1].state == stSaved {
		t.Fatal("Review them saved something, or did not show the first photo to look at")
	}
	test.Tap(v.saver.saveAll)
	confirmReview(t, v, true) // Save anyway
	for i, want := range []string{"Saved · 1 face left visible", "Saved · No face found — look before sending"} {
		e := v.entries[i]
		if e.state != stSaved {
			t.Fatalf("%s: %s", e.name(), e.statusText())
		}
		if r := rowOf(t, v, e); r.status.Text != want || r.status.Importance != widget.WarningImportance {
			t.Errorf("%s: the row says %q, want %q", e.name(), r.status.Text, want)
		}
	}
	if !savedCovers(t, v.entries[0].output, paths[0], nil) {
		t.Error("the face the person uncovered was covered anyway")
	}
}

func TestSavingAgainReplacesTheCopyVeilWrote(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut)
	drop(v, paths...)
	test.Tap(v.legend.checks[0]) // uncovered: an unsafe copy
	test.Tap(v.saver.save)
	first := v.entries[0].output
	test.Tap(v.legend.checks[0]) // covered again
	test.Tap(v.saver.save)
	e := v.entries[0]
	if e.state != stSaved || e.output != first {
		t.Fatalf("saved again as %q (%s), want it to replace %q", e.output, e.statusText(), first)
	}
	entries, _ := os.ReadDir(filepath.Dir(first))
	var names []string
	for _, de := range entries {
		names = append(names, de.Name())
	}
	if !slices.Equal(names, []string{"astronaut-clean.png", "astronaut.png"}) {
		t.Errorf("the folder holds %v", names)
	}
	if !savedCovers(t, first, paths[0], astronautFace(t, paths[0])) {
		t.Error("the copy under the name is not the covered one")
	}
	if !strings.HasPrefix(v.saver.output.Text, "astronaut-clean.png\n") || v.saver.output.Truncation != fyne.TextTruncateOff {
		t.Errorf("the save bar shows %q", v.saver.output.Text)
	}
}

func TestThePreviewIsThePixelsSaved(t *testing.T) {
	tests := []struct {
		name, photo string
		crop        bool
	}{
		{"a PNG with a face and an area", astronaut, false},
		{"a PNG cropped", astronaut, true},
		{"a WebP, saved losslessly", "../../exif/testdata/webp/lossy-exif-xmp.webp", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestShell(t)
			drop(v, copyFixtures(t, tt.photo)...)
			b := v.editor.img.Bounds()
			v.editor.change(func() {
				area := redact.Region{Rect: image.Rect(b.Dx()/4, b.Dy()/2, b.Dx()/2, b.Dy()*3/4), Style: redact.Blur}
				v.editor.items = append(v.editor.items, item{r: area, covered: true})
			})
			crop := b
			if tt.crop {
				crop = image.Rect(b.Dx()/8, b.Dy()/8, b.Dx()*7/8, b.Dy()*7/8)
				v.editor.change(func() { v.editor.crop = crop })
			}
			v.editor.prev.wait()
			shown := v.editor.prev.img
			if shown.Bounds().Size() != b.Size() {
				t.Fatalf("the preview is %v, the photo %v: not shown at full size", shown.Bounds(), b)
			}
			v.saveSelected()
			e := v.entries[0]
			saved, err := app.Open(e.output)
			if err != nil {
				t.Fatalf("%v (%s)", err, e.statusText())
			}
			got, _ := saved.Image()
			if !samePixelsFromCorner(got, shown.SubImage(crop)) {
				t.Error("the saved pixels are not the preview's")
			}
		})
	}
}

func TestSaveAllIsEnabledByNewPhotosWhileTheOneShownIsSaved(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	test.Tap(v.saver.save)
	if !v.saver.saveAll.Disabled() {
		t.Fatal("Save all is enabled with every photo saved")
	}
	drop(v, copyFixtures(t, gpsJPEG)...)
	if v.selected != v.entries[0] || v.saver.saveAll.Disabled() {
		t.Error("Save all stays greyed out after a new photo was dropped")
	}
}

func TestCheckingShowsHowManyPhotosAreLeft(t *testing.T) {
	v, _ := newTestShell(t)
	q := &queue{}
	v.spawn = q.spawn
	v.dropURIs(uriList(copyFixtures(t, astronaut, gpsJPEG)))
	for len(q.jobs) > 0 && !v.entries[1].opened {
		f := q.jobs[0]
		q.jobs = q.jobs[1:]
		f()
	}
	if !v.list.checking.Visible() || v.list.checking.Text != "Checking 1 of 2" {
		t.Errorf("while looking, the list says %q", v.list.checking.Text)
	}
	for _, e := range v.entries {
		if e.found || e.state != stFailed && e.statusText() != "Looking for faces…" && e.state != stOpening {
			t.Errorf("%s: %s before its faces are known", e.name(), e.statusText())
		}
	}
	q.drain()
	if v.list.checking.Visible() {
		t.Errorf("after looking, the list still says %q", v.list.checking.Text)
	}
}

func TestDeleteUncoversAFaceAndCtrlZCoversItAgain(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	v.editor.Select(0)
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	v.editor.prev.wait()
	if len(v.editor.AllRegions()) != 1 || v.editor.Covered(0) || v.legend.checks[0].Text != "Face 1" {
		t.Fatal("Backspace did not uncover the face in place")
	}
	// What the desktop driver delivers for Ctrl+Z.
	typeShortcut(t, v.win.Canvas(), &fyne.ShortcutUndo{})
	v.editor.prev.wait()
	if !v.editor.Covered(0) || v.entries[0].warning() != "" {
		t.Error("Ctrl+Z did not cover the face again")
	}
	test.Tap(v.tools.rect)
	c := fyne.NewPos(v.editor.Size().Width/2, v.editor.Size().Height/2)
	dragOnEditor(v, c.AddXY(-40, 60), c.AddXY(40, 120))
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	v.editor.prev.wait()
	if len(v.editor.AllRegions()) != 1 {
		t.Errorf("Delete on a drawn area left %d regions, want the face alone", len(v.editor.AllRegions()))
	}
}

// samePixelsFromCorner compares two pictures of one size colour by colour,
// at the same offsets from their top-left corners.
func samePixelsFromCorner(a, b image.Image) bool {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return false
	}
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}
