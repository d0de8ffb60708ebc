package ui

import (
	"image"
	"slices"

	"veil/redact"
)

// showEntry puts a decoded photo in the editor with its edits: the
// person's own if they made any, else every face found, covered. The
// photo takes up its own undo history and crop ratio, as it was left.
func (v *shell) showEntry(e *entry) {
	v.restoring = true
	defer func() { v.restoring = false }()
	if e.photo != nil {
		v.editor.SetRedactOptions(e.photo.RedactOptions())
	}
	// Until its faces are known the photo is shown veiled: never a face
	// uncovered before the person has seen its cover.
	v.editor.SetVeiled(!e.found)
	defer v.matchStyle(v.prefs.Style)
	if e.edits == nil {
		v.editor.SetPhoto(e.img, e.faceRegions(v.prefs.Style))
	} else {
		v.editor.SetPhoto(e.img, e.edits.regions)
	}
	v.editor.UseHistory(&e.history)
	if ed := e.edits; ed != nil {
		v.editor.ShowEdits(ed.covered, ed.crop, e.aspect)
		e.edits = v.editorEdits() // what is shown is what will be written
	} else {
		v.editor.ShowEdits(nil, image.Rectangle{}, e.aspect)
	}
	v.refreshPanels()
}

// editorEdits reads the editor's regions, covered states and crop.
func (v *shell) editorEdits() *edits {
	all := v.editor.AllRegions()
	ed := &edits{regions: all, covered: make([]bool, len(all)), crop: v.editor.Crop()}
	for i := range all {
		ed.covered[i] = v.editor.Covered(i)
	}
	return ed
}

// storeEdits keeps the editor's state with the photo it shows.
func (v *shell) storeEdits(e *entry) {
	if e == nil || e.img == nil || !v.editor.HasPhoto() {
		return
	}
	e.aspect = v.editor.Aspect()
	ed := v.editorEdits()
	if e.edits != nil && ed.equal(e.edits) {
		return
	}
	if e.edits != nil || !ed.isDefault(e, v) {
		e.edits = ed
		e.dirty = true
	}
}

// editorChanged follows every change made in the editor.
func (v *shell) editorChanged() {
	if v.restoring {
		return
	}
	e := v.selected
	was := e != nil && e.dirty
	v.storeEdits(e)
	if e != nil && e.dirty && !was && e.state == stSaved {
		e.state = stReady
	}
	if e != nil {
		v.list.refreshEntry(e)
		if w := e.warning(); w != e.shownWarning {
			// What the findings say of the faces changed with it.
			e.shownWarning = w
			v.reveals.show(e, v.prefs)
		}
	}
	v.legend.refresh()
	v.tools.refresh()
	v.saver.refresh()
	v.refreshBare()
}

func (a *edits) equal(b *edits) bool {
	return a.crop == b.crop && slices.Equal(a.regions, b.regions) && slices.Equal(a.covered, b.covered)
}

// isDefault reports whether ed is what the editor shows untouched: the
// faces, covered, no crop.
func (ed *edits) isDefault(e *entry, v *shell) bool {
	def := &edits{regions: e.faceRegions(v.prefs.Style), crop: image.Rectangle{}}
	def.covered = slices.Repeat([]bool{true}, len(def.regions))
	return ed.equal(def)
}

// appEdits returns what to write for a photo: its edits, or by default its
// faces covered.
func (v *shell) appEdits(e *entry) *edits {
	if e.edits != nil {
		return e.edits
	}
	fr := e.faceRegions(v.prefs.Style)
	return &edits{regions: fr, covered: slices.Repeat([]bool{true}, len(fr))}
}

// removeSelected removes the selected area (Delete, "Remove area"). A
// face's cover is not removed but uncovered, as unticking it does: it
// stays on screen, outlined and marked "Not covered", can be covered again
// with one click or undone, and the faces keep their numbers.
func (v *shell) removeSelected() {
	i, e := v.editor.Selected(), v.selected
	if i < 0 || e == nil {
		return
	}
	if !e.isFace(v.editor.AllRegions()[i]) {
		v.editor.RemoveSelected()
		return
	}
	if v.editor.Covered(i) {
		v.editor.ToggleCovered(i)
	}
}

// matchStyle makes the style of new areas, which "Cover with" marks while
// no area is selected, the style every area of the photo on screen
// already has, or def when it has none or they differ: the mark never
// names a style the covers on screen do not have.
func (v *shell) matchStyle(def redact.Style) {
	all := v.editor.AllRegions()
	v.editor.style = def
	if len(all) > 0 && !slices.ContainsFunc(all, func(r redact.Region) bool { return r.Style != all[0].Style }) {
		v.editor.style = all[0].Style
	}
	v.tools.refresh()
}
