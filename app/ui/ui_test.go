package ui

import (
	"flag"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"veil/app"
	"veil/redact"
	"veil/redact/face"
)

// The fixtures: a JPEG with GPS, a camera serial and a thumbnail; a public
// domain portrait with one face (see redact/face/testdata/README.md).
const (
	gpsJPEG   = "../../exif/testdata/jpeg/exif-gps-thumbnail.jpg"
	astronaut = "../../redact/face/testdata/astronaut.png"
)

// updateUIGoldens reports whether -update asks to rewrite the goldens (the
// flag may be defined by another test file of the package).
func updateUIGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden images in testdata")
	}
}

// newTestShell opens the window under the test driver, with background
// work run inline: when a call returns, its results are on screen.
func newTestShell(t testing.TB) (*shell, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	v := newWindow(a)
	v.spawn = func(f func()) { f() }
	v.native = nil // Fyne's file chooser, not the desktop's
	t.Cleanup(v.win.Close)
	// First (cleanups run last in, first out): no preview of this test
	// may be delivered, on its worker's goroutine, while the next runs.
	t.Cleanup(v.editor.prev.wait)
	return v, a
}

// copyFixtures copies fixtures into a fresh folder (clean copies are
// written next to them) and returns their new paths.
func copyFixtures(t *testing.T, names ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.Base(n))
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// drop calls the window's drop handler as the driver would.
func drop(v *shell, paths ...string) {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	v.dropURIs(uris)
	v.editor.prev.wait()
}

func TestDroppedPhotosAppearWithWhatTheyReveal(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut, gpsJPEG)
	notPhoto := filepath.Join(filepath.Dir(paths[0]), "notes.txt")
	os.WriteFile(notPhoto, []byte("not a photo"), 0o600)
	drop(v, append(paths, notPhoto)...)

	if len(v.entries) != 3 {
		t.Fatalf("%d photos in the list, want 3", len(v.entries))
	}
	tests := []struct {
		name, summary, status string
	}{
		{"astronaut.png", "1 face", "Not saved yet"},
		{"exif-gps-thumbnail.jpg", "Location, Device serial, Time, Hidden pictures", "Not saved yet"},
		{"notes.txt", "", "Not supported: not a photo or video Veil can clean (JPEG, PNG, WebP, GIF, HEIC, AVIF, MOV, MP4)"},
	}
	for i, tt := range tests {
		t.Run(tt.name+" is listed with what was found", func(t *testing.T) {
			e := v.entries[i]
			if e.name() != tt.name || !strings.Contains(e.summary(), tt.summary) || e.statusText() != tt.status {
				t.Errorf("got %q %q %q, want %q %q %q", e.name(), e.summary(), e.statusText(), tt.name, tt.summary, tt.status)
			}
		})
	}
	t.Run("the first photo is on screen with its face covered", func(t *testing.T) {
		if v.selected != v.entries[0] || !v.editor.HasPhoto() {
			t.Fatal("the first photo is not shown")
		}
		if rs := v.editor.Regions(); len(rs) != 1 || rs[0].Shape != redact.Ellipse || rs[0].Style != redact.Blur {
			t.Errorf("covered regions %v, want one blurred ellipse", rs)
		}
		if len(v.legend.checks) != 1 || !v.legend.checks[0].Checked || v.legend.checks[0].Text != "Face 1" {
			t.Errorf("the legend does not show one covered face")
		}
	})
	t.Run("one click uncovers the face", func(t *testing.T) {
		test.Tap(v.legend.checks[0])
		if len(v.editor.Regions()) != 0 || len(v.editor.AllRegions()) != 1 {
			t.Errorf("after one click: %d covered of %d", len(v.editor.Regions()), len(v.editor.AllRegions()))
		}
	})
	t.Run("a JPEG's preview covers whole blocks, as its saved copy will", func(t *testing.T) {
		v.selectEntry(v.entries[1])
		if got := v.editor.opts.Grid.Size; got.X < 8 || got.Y < 8 {
			t.Errorf("the editor draws the JPEG's covers with grid %v, not its blocks", got)
		}
	})
	t.Run("the unsupported file shows its reason when selected", func(t *testing.T) {
		v.selectEntry(v.entries[2])
		if v.editor.HasPhoto() || len(v.reveals.box.Objects) < 2 {
			t.Fatal("a file that is not a photo is shown")
		}
	})
}

// dragOnEditor drags on the editor from one point to another (editor
// coordinates), in two steps as the desktop driver does.
func dragOnEditor(v *shell, from, to fyne.Position) {
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	v.editor.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	v.editor.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	v.editor.DragEnd()
	v.editor.prev.wait()
}

func TestAnAreaDrawnWithTheMouseIsInTheSavedCopy(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, astronaut)
	drop(v, paths...)
	test.Tap(v.tools.rect)
	c := fyne.NewPos(v.editor.Size().Width/2, v.editor.Size().Height/2)
	dragOnEditor(v, c.AddXY(-40, 60), c.AddXY(40, 120))
	regions := v.editor.Regions()
	if len(regions) != 2 || regions[1].Shape != redact.Rect {
		t.Fatalf("regions after the drag: %v, want the face and a rectangle", regions)
	}
	if v.tools.hint.Text == "" || v.editor.Mode() != ModeSelect {
		t.Error("the editor did not return to Select after drawing")
	}
	test.Tap(v.saver.save)

	e := v.entries[0]
	want := filepath.Join(filepath.Dir(paths[0]), "astronaut-clean.png")
	if e.state != stSaved || e.output != want {
		t.Fatalf("state %v, output %q (%s), want saved as %q", e.state, e.output, e.err, want)
	}
	if v.saver.result.Text != "Saved · checked: no metadata left" || !v.saver.show.Visible() {
		t.Errorf("the save bar says %q", v.saver.result.Text)
	}
	out, err := app.Open(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range out.Report.Findings {
		if f.Label != "Colour profile" { // kept by default (Settings)
			t.Errorf("the clean copy still reveals %v", f)
		}
	}
	got, _ := out.Image()
	orig, _ := app.Open(paths[0])
	src, _ := orig.Image()
	if !samePixels(got, redact.Apply(src, regions, redact.Options{})) {
		t.Error("the saved pixels are not the original with the two regions covered")
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

func TestSaveAllCoversTheFacesOfPhotosNeverShown(t *testing.T) {
	v, _ := newTestShell(t)
	paths := copyFixtures(t, gpsJPEG, astronaut)
	drop(v, paths...)
	if v.selected != v.entries[0] {
		t.Fatal("the first photo is not on screen")
	}
	test.Tap(v.saver.saveAll)
	// The JPEG has no face: Save all asks about it once.
	confirmReview(t, v, true)
	for _, e := range v.entries {
		if e.state != stSaved {
			t.Fatalf("%s: %s", e.name(), e.statusText())
		}
	}
	out, err := app.Open(v.entries[1].output)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := out.Image()
	orig, _ := app.Open(paths[1])
	src, _ := orig.Image()
	faces, _ := orig.Faces()
	if len(faces) != 1 || !samePixels(got, redact.Apply(src, app.FaceRegions(faces, src.Bounds(), redact.Blur), redact.Options{})) {
		t.Error("the photo never shown was not saved with its face blurred")
	}
	if v.saver.note.Text != "2 saved, 0 not saved\n1 of them need a look before sending: see the list." {
		t.Errorf("the batch summary says %q", v.saver.note.Text)
	}
}

func TestPreferencesHoldNoPathAfterASession(t *testing.T) {
	v, a := newTestShell(t)
	paths := copyFixtures(t, astronaut, gpsJPEG)
	drop(v, paths...)
	v.move(1)
	test.Tap(v.saver.save)
	// Fyne's own file dialog remembers the last folder; Veil forgets it.
	a.Preferences().SetString("fyne:fileDialogLastFolder", "file://"+filepath.Dir(paths[0]))
	v.forgetDialog()
	s := v.prefs
	s.Quality = 80
	v.applyPrefs(s)

	values := map[string]any{}
	a.Preferences().(interface{ ReadValues(func(map[string]any)) }).ReadValues(func(m map[string]any) {
		for k, val := range m {
			values[k] = val
		}
	})
	if len(values) == 0 {
		t.Fatal("no settings were stored")
	}
	for k, val := range values {
		if !storedKeys[k] {
			t.Errorf("stored %q, which is not a setting", k)
		}
		if s, ok := val.(string); ok && (strings.ContainsAny(s, `/\`) || strings.Contains(s, ".")) {
			t.Errorf("%s holds %q", k, s)
		}
	}
	if values[keyQuality] != 80 {
		t.Errorf("JPEG quality stored as %v", values[keyQuality])
	}
}

func TestArrowsMoveBetweenPhotosAndRemovingFreesThem(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	first, second := v.entries[0], v.entries[1]
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if v.selected != second || first.img != nil || second.img == nil {
		t.Fatal("Down did not show the next photo, or the previous one kept its picture")
	}
	v.list.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if v.selected != first {
		t.Fatal("Left in the list did not go back")
	}
	v.remove(first)
	if first.img != nil || first.photo != nil || v.selected != second || len(v.entries) != 1 {
		t.Error("removing the photo on screen kept it")
	}
	v.remove(second)
	if v.root.Objects[0] != v.empty || v.editor.HasPhoto() {
		t.Error("an empty list does not show the drop area")
	}
}

func TestTheWindowRenders(t *testing.T) {
	tests := []struct {
		name   string
		golden string
		photos []string
	}{
		{"empty, it invites a drop", "window-empty.png", nil},
		{"with a photo, its face is covered", "window-photo.png", []string{astronaut, gpsJPEG}},
		{"at 1024×640 everything fits", "window-small.png", []string{astronaut, gpsJPEG}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestShell(t)
			v.prefs.Style = redact.Fill // blur and pixelate carry random noise
			// A fixed face: the golden shows the window, not the detector.
			v.detect = func(*app.Photo) ([]face.Face, error) {
				return []face.Face{{X: 190, Y: 60, W: 90, H: 110, Score: 0.9}}, nil
			}
			if tt.photos != nil {
				drop(v, copyFixtures(t, tt.photos...)...)
			}
			if strings.Contains(tt.golden, "small") {
				v.win.Resize(fyne.NewSize(1024, 640))
				// The toolbar wrapped: the desktop driver lays the window
				// out again on its next frame (flow.relayout, through
				// shell.post); the test driver runs fyne.Do at once,
				// inside the layout it would follow, so lay out again here.
				v.win.Content().Refresh()
				v.editor.prev.wait()
				if m := v.win.Content().MinSize(); m.Width > 1024 || m.Height > 640 {
					t.Errorf("the window needs %v", m)
				}
			}
			img := v.win.Canvas().Capture()
			if updateUIGoldens() {
				writeGoldenImage(t, filepath.Join("testdata", tt.golden), img)
			}
			test.AssertImageMatches(t, tt.golden, img)
		})
	}
}

func TestTheKeyboardSavesUndoesRedoesAndRemoves(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	press := func(k fyne.KeyName, m fyne.KeyModifier) {
		pressKeys(t, v.win.Canvas(), k, m)
		v.editor.prev.wait()
	}
	ctrl := fyne.KeyModifierShortcutDefault
	v.editor.Select(0)
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(v.editor.AllRegions()) != 1 || len(v.editor.Regions()) != 0 || v.entries[0].edits == nil {
		t.Fatal("Delete did not uncover the selected face")
	}
	steps := []struct {
		name    string
		key     fyne.KeyName
		mod     fyne.KeyModifier
		covered int
	}{
		{"Ctrl+Z brings the face cover back", fyne.KeyZ, ctrl, 1},
		{"Ctrl+Shift+Z uncovers it again", fyne.KeyZ, ctrl | fyne.KeyModifierShift, 0},
		{"Ctrl+Z again brings it back", fyne.KeyZ, ctrl, 1},
		{"Ctrl+Y redoes as well", fyne.KeyY, ctrl, 0},
		{"Ctrl+Z a last time", fyne.KeyZ, ctrl, 1},
	}
	for _, st := range steps {
		press(st.key, st.mod)
		if n := len(v.editor.Regions()); n != st.covered || len(v.editor.AllRegions()) != 1 {
			t.Fatalf("%s: %d of %d areas covered, want %d of 1", st.name, n, len(v.editor.AllRegions()), st.covered)
		}
	}
	press(fyne.KeyS, ctrl)
	if e := v.entries[0]; e.state != stSaved {
		t.Fatalf("Ctrl+S: %s", e.statusText())
	}
}

func TestThePhotoIsShownBeforeItsFacesAreFound(t *testing.T) {
	v, _ := newTestShell(t)
	var during []string
	v.detect = func(p *app.Photo) ([]face.Face, error) {
		// Called off the UI goroutine once the picture is decoded: by now
		// the photo must be on screen, marked as still being searched.
		e := v.entries[0]
		if !v.editor.HasPhoto() {
			during = append(during, "the photo is not on screen")
		}
		if e.statusText() != "Looking for faces…" || v.saver.save.Disabled() == false {
			during = append(during, "status "+e.statusText()+", or Save is enabled before the faces are known")
		}
		return p.Faces()
	}
	drop(v, copyFixtures(t, astronaut)...)
	for _, d := range during {
		t.Error(d)
	}
	if len(v.editor.Regions()) != 1 || v.entries[0].statusText() != "Not saved yet" {
		t.Errorf("after detection: %d covers, status %q", len(v.editor.Regions()), v.entries[0].statusText())
	}
}

func TestEditsSurviveLookingAtAnotherPhoto(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	v.editor.ToggleCovered(0)
	crop := image.Rect(10, 20, 300, 400)
	v.editor.crop = crop
	v.editor.Refresh()
	v.storeEdits(v.selected)
	v.move(1)
	v.move(-1)
	v.editor.prev.wait()
	if v.editor.Covered(0) || v.editor.Crop() != crop || len(v.editor.AllRegions()) != 1 {
		t.Errorf("back on the photo: covered %v, crop %v", v.editor.Covered(0), v.editor.Crop())
	}
	if ed := v.appEdits(v.entries[0]).toApp(); len(ed.Regions) != 0 || ed.Crop != crop {
		t.Errorf("what would be saved: %+v", ed)
	}
}
