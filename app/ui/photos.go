package ui

import (
	"cmp"
	"image"
	"net/url"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"veil/app"
	"veil/redact/face"
)

// dropURIs adds what was dropped on the window: files, and the photos in
// dropped folders.
func (v *shell) dropURIs(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	v.add(paths)
}

// add puts photos (and the photos in folders) in the list at once and
// starts reading them. A photo already in the list is not added twice.
func (v *shell) add(paths []string) {
	var first, known *entry
	paths = app.Expand(paths)
	app.WarmUp(paths...) // a HEIC or AVIF decoder compiles while the list fills
	for _, p := range paths {
		if e := v.find(p); e != nil {
			known = cmp.Or(known, e)
			continue
		}
		e := &entry{path: p, state: stOpening}
		v.entries = append(v.entries, e)
		first = cmp.Or(first, e)
	}
	if len(v.entries) == 0 {
		return
	}
	v.showMain(true)
	v.list.refresh()
	v.showAdded(cmp.Or(first, known))
	v.pump()
}

// showAdded puts the first photo just added (or, when all were listed
// already, the first of those) on screen if none is, else scrolls the
// list to it: photos dropped on a long list arrive where they can be
// seen, not below its end as if nothing had happened.
func (v *shell) showAdded(e *entry) {
	switch i := slices.Index(v.entries, e); {
	case i < 0:
	case v.selected == nil:
		v.selectEntry(e)
	default:
		v.list.list.ScrollTo(i)
	}
}

func (v *shell) find(path string) *entry {
	for _, e := range v.entries {
		if e.path == path {
			return e
		}
	}
	return nil
}

// opened records what app.Open found.
func (v *shell) opened(e *entry, rep app.Report, err error) {
	if e.removed {
		return
	}
	if err != nil {
		v.fail(e, err)
		return
	}
	e.report, e.opened = rep, true
	e.bounds = image.Rect(0, 0, rep.Width, rep.Height)
	e.state = stReady
	v.entryChanged(e)
}

// decoded records a decoded picture. keep: it is the photo on screen, whose
// picture stays until another photo is shown.
func (v *shell) decoded(e *entry, p *app.Photo, img image.Image, err error, keep bool) {
	if e.removed {
		return
	}
	if err != nil {
		v.fail(e, err)
		return
	}
	if e.state == stReading {
		// Read, whether still on screen or not: a photo the person has
		// moved past is not left saying "Reading the picture…".
		e.state = stDetecting
		if e.found {
			e.state = stReady
		}
	}
	if keep && e == v.selected {
		e.photo, e.img = p, img
		e.bounds = img.Bounds()
		if !e.found && e.thumb == nil {
			// Its row shows the photo veiled until the faces are
			// known and the covered thumbnail replaces it.
			e.thumb = veilImage(img)
		}
		v.showEntry(e)
	}
	v.entryChanged(e)
}

// thumbnailed puts a photo's thumbnail in the list, its faces covered: not
// before they were looked for.
func (v *shell) thumbnailed(e *entry, thumb image.Image) {
	if e.removed || thumb == nil || !e.found {
		return
	}
	e.thumb = coveredThumb(thumb, e.bounds, e.faces)
	v.list.refreshEntry(e)
}

// detected records the faces found (or why looking failed).
func (v *shell) detected(e *entry, faces []face.Face, err error) {
	if e.removed || e.state == stFailed || e.found {
		return // a late result: the faces are known already
	}
	if err != nil {
		v.fail(e, err)
		return
	}
	e.faces, e.found = readingOrder(faces), true // "Face 1" is the first read
	if e.edits != nil {
		// The person edited before the faces were known: add them, covered.
		fr := e.faceRegions(v.prefs.Style)
		e.edits.regions = append(fr, e.edits.regions...)
		e.edits.covered = append(slices.Repeat([]bool{true}, len(fr)), e.edits.covered...)
		// and to every step of its history: undoing never takes them away.
		e.history.prepend(coveredItems(fr))
	}
	if e.state == stDetecting || e.state == stReading {
		e.state = stReady
	}
	if e == v.selected && e.img != nil {
		v.showEntry(e)
	}
	v.entryChanged(e)
}

// fail marks a photo as failed with the core's one-line reason.
func (v *shell) fail(e *entry, err error) {
	e.state, e.err = stFailed, failText(err)
	e.photo, e.img = nil, nil
	if e == v.selected {
		v.editor.Clear()
		v.refreshPanels()
	}
	v.entryChanged(e)
}

// selectEntry puts a photo on screen. The previous one keeps its edits and
// lets its decoded picture go.
func (v *shell) selectEntry(e *entry) {
	if e == v.selected {
		return
	}
	if old := v.selected; old != nil {
		v.storeEdits(old)
		old.photo, old.img = nil, nil
	}
	v.selected = e
	v.checks.reset()
	v.saver.refreshChecks()
	v.editor.Clear()
	if e != nil && e.img != nil {
		v.showEntry(e)
	}
	v.list.selectEntry(e)
	v.refreshPanels()
	v.pump()
}

// move selects the photo d places away in the list.
func (v *shell) move(d int) {
	if len(v.entries) == 0 {
		return
	}
	i := slices.Index(v.entries, v.selected) + d
	v.selectEntry(v.entries[max(0, min(i, len(v.entries)-1))])
}

// remove takes a photo out of the list and lets go of everything it held.
func (v *shell) remove(e *entry) {
	i := slices.Index(v.entries, e)
	if i < 0 {
		return
	}
	e.removed = true
	e.photo, e.img, e.thumb, e.edits, e.history = nil, nil, nil, nil, History{}
	v.entries = slices.Delete(v.entries, i, i+1)
	if e == v.selected {
		v.selected = nil
		v.editor.Clear()
		if len(v.entries) > 0 {
			v.selectEntry(v.entries[min(i, len(v.entries)-1)])
		}
	}
	v.list.refresh()
	if len(v.entries) == 0 {
		v.showMain(false)
	}
	v.refreshPanels()
	v.spawn(releaseMemory) // give the photo's memory back now
}

// entryChanged redraws what shows a photo's state: its row, the panels if
// it is on screen, and the save bar in any case (Save all counts every
// photo).
func (v *shell) entryChanged(e *entry) {
	v.list.refreshEntry(e)
	if e == v.selected {
		v.refreshPanels()
		return
	}
	v.saver.refresh()
}

// refreshPanels redraws everything that shows the photo on screen.
func (v *shell) refreshPanels() {
	v.reveals.bare = v.bareFaces()
	v.reveals.show(v.selected, v.prefs)
	failed := v.selected != nil && v.selected.state == stFailed
	v.editor.SetMessage("")
	v.editor.SetPending("")
	if failed {
		v.editor.SetMessage(v.selected.err) // in the middle, where the photo would be
	} else if v.selected != nil && v.selected.img == nil {
		v.editor.SetPending(lang.L("Reading the picture…")) // a 48 MP photo takes seconds
	}
	showIf(v.checks.content, !failed) // nothing to check before sending it
	v.side.Refresh()                  // its height changed: lay it out again
	if v.reveals.fresh {
		v.sideScroll.ScrollToTop()
	}
	v.legend.refresh()
	v.tools.refresh()
	v.saver.refresh()
	v.rightCol.Refresh() // the save bar's height may have changed
}

// showInFolder opens the folder holding a clean copy in the file manager.
func (v *shell) showInFolder(output string) {
	dir := filepath.Dir(output)
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err == nil {
		err = v.app.OpenURL(u)
	}
	if err != nil { // no file manager to ask (no xdg-open): the folder in words
		where := widget.NewLabel(lang.L("The clean copy is in this folder:") + "\n" + dir)
		where.Wrapping = fyne.TextWrapBreak // a path has few spaces to wrap at
		d := dialog.NewCustom(lang.L("The folder could not be opened"), lang.L("OK"), where, v.win)
		d.Resize(fyne.NewSize(480, 0))
		v.openDialog(d)
	}
}
