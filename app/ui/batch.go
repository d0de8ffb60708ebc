package ui

import (
	"fyne.io/fyne/v2/lang"

	"veil/app"
	"veil/redact"
	"veil/redact/face"
)

// batchJob is what Save all needs to know of one photo, copied on the UI
// goroutine before the batch starts.
type batchJob struct {
	e     *entry
	photo *app.Photo // the photo on screen, already decoded; else nil
	edits *app.Edits // nil: cover the faces, found first if need be
	faces []face.Face
	found bool
}

// saveAll writes every photo with its own edits, one after the other, with
// a progress bar. Photos never shown get their faces covered: they are
// found first if the background scan has not done it yet.
func (v *shell) saveAll() {
	if v.saver.batch {
		return
	}
	v.storeEdits(v.selected)
	var jobs []batchJob
	for _, e := range v.entries {
		if !e.opened || e.state == stFailed || (e.state == stSaved && !e.dirty) {
			continue
		}
		j := batchJob{e: e, photo: e.photo, faces: e.faces, found: e.found}
		if e.edits != nil {
			ed := e.edits.toApp()
			j.edits = &ed
		}
		e.state = stSaving
		jobs = append(jobs, j)
	}
	if len(jobs) == 0 {
		return
	}
	v.saver.batch, v.lanes.paused = true, true
	v.saver.summary("", false)
	v.saver.progress.Max = float64(len(jobs))
	v.saver.progress.SetValue(0)
	v.list.refresh()
	v.refreshPanels()
	set, style, detect := v.prefs.settings(), v.prefs.Style, v.detect
	v.spawn(func() {
		for i, j := range jobs {
			r, faces, found := runBatchJob(j, set, style, detect)
			v.post(func() {
				if found && !j.e.found {
					j.e.faces, j.e.found = faces, true
				}
				v.saved(j.e, r)
				v.saver.progress.SetValue(float64(i + 1))
			})
		}
		v.post(v.batchDone)
	})
}

// runBatchJob saves one photo of a batch (off the UI goroutine).
func runBatchJob(j batchJob, set app.Settings, style redact.Style, detect func(*app.Photo) ([]face.Face, error)) (app.Result, []face.Face, bool) {
	p := j.photo
	if p == nil {
		var err error
		if p, err = app.Open(j.e.path); err != nil {
			return app.Result{File: j.e.path, Err: err}, nil, false
		}
	}
	if j.edits != nil {
		return p.Save(*j.edits, set), j.faces, j.found
	}
	faces := j.faces
	if !j.found {
		var err error
		if faces, err = detect(p); err != nil {
			return app.Result{File: j.e.path, Err: err}, nil, false
		}
	}
	img, err := p.Image()
	if err != nil {
		return app.Result{File: j.e.path, Err: err}, nil, false
	}
	ed := app.Edits{Regions: app.FaceRegions(faces, img.Bounds(), style)}
	return p.Save(ed, set), faces, true
}

// batchDone ends Save all.
func (v *shell) batchDone() {
	v.saver.batch, v.lanes.paused = false, false
	saved, failed := 0, 0
	for _, e := range v.entries {
		switch e.state {
		case stSaved:
			saved++
		case stSaveFailed:
			failed++
		}
	}
	v.saver.summary(lang.L("{{.Saved}} saved, {{.Failed}} not saved", map[string]any{"Saved": saved, "Failed": failed}), failed > 0)
	v.refreshPanels()
	v.pump()
}
