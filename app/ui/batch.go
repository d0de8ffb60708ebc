package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"veil/app"
)

// saveAll writes every photo with its own edits through app.CleanEach, the
// batch the command line uses. No photo is written before its faces are
// known: while some are still being looked for, Save all waits for them
// (pump starts it when the last one is done). Photos that need a look
// first (no face found, a face left visible) are listed, and the person
// is asked once.
func (v *shell) saveAll() {
	if v.saver.batch || v.saver.waiting {
		return
	}
	v.storeEdits(v.selected)
	if v.stillLooking() {
		v.saver.waiting, v.lanes.paused = true, false
		v.saver.summary(lang.L("Save all starts as soon as every photo has been checked for faces."), widget.MediumImportance)
		v.saver.refresh()
		v.pump()
		return
	}
	v.reviewThenSave()
}

// stillLooking reports whether a photo is still being read or its faces
// looked for.
func (v *shell) stillLooking() bool {
	for _, e := range v.entries {
		if e.needsOpen() || e.looking() {
			return true
		}
	}
	return false
}

// reviewThenSave asks about the photos that need a look, if any, and
// starts the batch.
func (v *shell) reviewThenSave() {
	var todo, review []*entry
	for _, e := range v.entries {
		if e.saveable() {
			todo = append(todo, e)
			if e.warning() != "" {
				review = append(review, e)
			}
		}
	}
	v.saver.summary("", widget.MediumImportance)
	switch {
	case len(todo) == 0:
		v.saver.refresh()
	case len(review) == 0:
		v.startBatch(todo)
	default:
		v.askReview(todo, review)
	}
}

// askReview lists the photos that need a look and asks once: save them
// all anyway, or look at them first (the first one is shown).
func (v *shell) askReview(todo, review []*entry) {
	lines := make([]string, len(review))
	for i, e := range review {
		lines[i] = "• " + e.name() + " — " + e.warning()
	}
	msg := widget.NewLabel(lang.L("These photos may show a face. Look at them before you send them:") + "\n" + strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Look before sending?"), lang.L("Save anyway"), lang.L("Review them"),
		container.NewVScroll(msg), func(anyway bool) {
			v.saver.asking = nil
			if anyway {
				v.startBatch(todo)
				return
			}
			v.selectEntry(review[0])
			v.saver.refresh()
		}, v.win)
	d.Resize(fyne.NewSize(520, 340))
	v.saver.asking = d
	v.saver.refresh()
	v.openDialog(d) // Escape is "Review them"
}

// startBatch saves the photos in todo, each with its own plan.
func (v *shell) startBatch(todo []*entry) {
	jobs := make([]app.Job, len(todo))
	byPath := make(map[string]*entry, len(todo))
	for i, e := range todo {
		jobs[i] = app.Job{Path: e.path, Plan: v.plan(e)}
		byPath[e.path] = e
		e.state = stSaving
	}
	v.saver.batch, v.lanes.paused = true, true
	v.saver.progress.Max = float64(len(jobs))
	v.saver.progress.SetValue(0)
	v.list.refresh()
	v.refreshPanels()
	set := v.saveSettings()
	v.spawn(func() {
		app.CleanEach(jobs, set, func(done, _ int, r app.Result) {
			v.post(func() {
				v.batchSaved(byPath[r.File], r)
				v.saver.progress.SetValue(float64(done))
			})
		})
		v.post(v.batchDone)
	})
}

// plan is what the batch does to one photo: its own covers and crop; its
// faces found first, as on the command line, if they are not known yet.
func (v *shell) plan(e *entry) app.Plan {
	pl := app.Plan{FaceStyle: v.prefs.Style, PastEdge: true, SkipFindings: true}
	if !e.found {
		pl.Faces = true // never the case after waiting, but never saved without
		if e.edits != nil {
			ed := e.edits.toApp()
			pl.Regions, pl.Crop = ed.Regions, ed.Crop
		}
		return pl
	}
	ed := v.appEdits(e).toApp()
	pl.Regions, pl.Crop = ed.Regions, ed.Crop
	return pl
}

// batchSaved records one result of the batch: the faces it found, if the
// window did not know them yet, then the save.
func (v *shell) batchSaved(e *entry, r app.Result) {
	if e == nil {
		return
	}
	if !e.found && r.Err == nil {
		v.detected(e, r.Faces, nil)
	}
	v.saved(e, r)
}

// batchDone ends Save all.
func (v *shell) batchDone() {
	v.saver.batch, v.lanes.paused = false, false
	saved, failed, review := 0, 0, 0
	for _, e := range v.entries {
		switch e.state {
		case stSaved:
			saved++
			if e.warning() != "" {
				review++
			}
		case stSaveFailed:
			failed++
		}
	}
	text := lang.L("{{.Saved}} saved, {{.Failed}} not saved", map[string]any{"Saved": saved, "Failed": failed})
	if review > 0 {
		text += "\n" + lang.L("{{.N}} of them need a look before sending: see the list.", map[string]any{"N": review})
	}
	colour := widget.MediumImportance
	switch {
	case failed > 0:
		colour = widget.DangerImportance
	case review > 0:
		colour = widget.WarningImportance
	}
	v.saver.summary(text, colour)
	v.refreshPanels()
	v.pump()
}
