package ui

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"veil/app"
)

// saveBar is the bottom of the right column: save the photo on screen or
// all of them, the progress, and the verified result.
type saveBar struct {
	v         *shell
	save      *widget.Button
	saveAll   *widget.Button
	progress  *widget.ProgressBar
	busy      *widget.ProgressBarInfinite
	result    *widget.Label
	output    *widget.Label
	show      *widget.Button
	outputRow *fyne.Container
	note      *widget.Label  // the outcome of the last Save all
	checked   *widget.Button // "Before you send: 2 of 6 checked", goes there
	batch     bool           // Save all is running
	waiting   bool           // Save all waits for faces to be found
	asking    dialog.Dialog  // Save all asks about photos to look at first
	content   fyne.CanvasObject
}

func newSaveBar(v *shell) *saveBar {
	s := &saveBar{v: v}
	s.save = widget.NewButtonWithIcon(lang.L("Save clean copy"), theme.DocumentSaveIcon(), v.saveSelected)
	s.save.Importance = widget.HighImportance
	s.saveAll = widget.NewButton(lang.L("Save all"), v.saveAll)
	s.progress = widget.NewProgressBar()
	s.busy = widget.NewProgressBarInfinite()
	s.result = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.result.Wrapping = fyne.TextWrapWord
	s.output = widget.NewLabel("")
	s.show = widget.NewButtonWithIcon(lang.L("Show in folder"), theme.FolderOpenIcon(), func() {
		if e := v.selected; e != nil && e.output != "" {
			v.showInFolder(e.output)
		}
	})
	s.note = widget.NewLabel("")
	s.note.Wrapping = fyne.TextWrapWord
	s.note.Hide()
	buttons := container.NewGridWithColumns(1, s.save, s.saveAll)
	// The count leads to the questions, the keyboard on the first one not
	// ticked: something happens even when they are in sight already.
	s.checked = widget.NewButtonWithIcon("", theme.CheckButtonIcon(), func() {
		v.sideScroll.ScrollToOffset(fyne.NewPos(0, v.checks.content.Position().Y))
		if i := slices.IndexFunc(v.checks.checks, func(c *focusCheck) bool { return !c.Checked }); i >= 0 {
			v.win.Canvas().Focus(v.checks.checks[i])
		}
	})
	s.checked.Importance = widget.LowImportance
	s.checked.Alignment = widget.ButtonAlignLeading
	// The name takes the whole width: the button goes under it.
	s.outputRow = container.NewVBox(s.output, container.NewHBox(s.show))
	s.content = container.NewVBox(widget.NewSeparator(), s.result, s.outputRow, s.progress, s.busy, s.note, s.checked, buttons)
	s.refresh()
	return s
}

// refreshChecks counts the ticked questions of "Before you send".
func (s *saveBar) refreshChecks() {
	n, total := s.v.checks.count()
	s.checked.SetText(lang.L("Before you send: {{.N}} of {{.Total}} checked", map[string]any{"N": n, "Total": total}))
	icon := theme.CheckButtonIcon()
	if n == total {
		icon = theme.CheckButtonCheckedIcon()
	}
	s.checked.SetIcon(icon)
}

// refresh shows the state of the photo on screen and of a batch.
func (s *saveBar) refresh() {
	e := s.v.selected
	idle := !s.batch && !s.waiting && s.asking == nil
	setEnabled(s.save, idle && e != nil && e.canSave())
	setEnabled(s.saveAll, idle && (s.v.saveable() > 0 || s.v.opening()))
	showIf(s.progress, s.batch)
	showMoving(s.busy, e != nil && e.state == stSaving && !s.batch || s.waiting)
	s.result.Importance = widget.SuccessImportance
	switch {
	case e != nil && e.state == stSaved:
		s.result.SetText(lang.L("Saved · checked: no metadata left"))
		s.output.SetText(savedText(e))
	case e != nil && e.state == stSaveFailed:
		s.result.SetText(lang.L("Not saved"))
		s.result.Importance = widget.DangerImportance
		s.output.SetText(e.err)
	default:
		s.result.SetText("")
		s.output.SetText("")
	}
	// The whole name, on as many lines as it takes: the person must be
	// able to tell which file is the clean copy.
	s.output.Wrapping = fyne.TextWrapWord // a word longer than the line is broken
	s.result.Refresh()
	s.output.Refresh()
	showIf(s.result, s.result.Text != "")
	showIf(s.outputRow, s.output.Text != "")
	showIf(s.show, e != nil && e.state == stSaved)
	showIf(s.checked, e != nil && e.usable())
}

// savedText is the clean copy's name and what the person must know of it.
func savedText(e *entry) string {
	lines := []string{filepath.Base(e.output)}
	if e.still {
		lines = append(lines, lang.L("This copy is a still picture of the animation's first frame."))
	}
	if e.replaced {
		lines = append(lines, lang.L("It replaces the copy saved before, so no other copy is left."))
	}
	return strings.Join(lines, "\n")
}

// summary shows (or with "" hides) the outcome of a batch, in colour i.
func (s *saveBar) summary(text string, i widget.Importance) {
	s.note.Importance = i
	s.note.SetText(text)
	showIf(s.note, text != "")
}

func showIf(o fyne.CanvasObject, on bool) {
	if on && !o.Visible() {
		o.Show()
	} else if !on && o.Visible() {
		o.Hide()
	}
}

// saveable counts the photos Save all would write.
func (v *shell) saveable() int {
	n := 0
	for _, e := range v.entries {
		if e.saveable() {
			n++
		}
	}
	return n
}

// opening reports whether a photo is still being read: Save all can be
// pressed already, and waits for it.
func (v *shell) opening() bool { return slices.ContainsFunc(v.entries, (*entry).needsOpen) }

// saveSettings are the settings every save uses: the person's, and the
// window's session, so that saving a photo again replaces its own copy.
func (v *shell) saveSettings() app.Settings {
	s := v.prefs.settings()
	s.Session = v.session
	return s
}

// saveSelected writes the clean copy of the photo on screen.
func (v *shell) saveSelected() {
	e := v.selected
	if e == nil || e.photo == nil || !e.canSave() || v.saver.batch || v.saver.waiting || v.saver.asking != nil {
		return
	}
	v.storeEdits(e)
	v.saver.summary("", widget.MediumImportance) // the last Save all's outcome is old news
	ed, p, set := v.appEdits(e).toApp(), e.photo, v.saveSettings()
	e.state = stSaving
	v.entryChanged(e)
	v.spawn(func() {
		r := p.Save(ed, set)
		v.post(func() { v.saved(e, r) })
	})
}

// saved records the result of one save.
func (v *shell) saved(e *entry, r app.Result) {
	if e.removed {
		return
	}
	if r.Err != nil {
		// The photo itself is fine: the person can fix the cause and retry.
		e.state, e.err, e.output = stSaveFailed, failText(r.Err), ""
	} else {
		e.replaced = e.output != "" && e.output == r.Output
		e.state, e.output, e.dirty, e.still = stSaved, r.Output, false, r.Still
	}
	v.entryChanged(e)
	v.saver.refresh()
}
