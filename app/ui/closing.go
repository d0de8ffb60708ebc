package ui

import (
	"strconv"

	"fyne.io/fyne/v2/dialog"
)

// askBeforeClosing runs when the person closes the window: with changes
// not saved (or a clean copy still being written) it asks first, since
// Veil remembers nothing once closed; otherwise it closes.
func (v *shell) askBeforeClosing() {
	v.storeEdits(v.selected)
	n := v.unsaved()
	if n == 0 {
		v.win.Close()
		return
	}
	msg := lang.L("1 photo has changes that are not saved. Veil remembers nothing once closed.")
	if n > 1 {
		msg = lang.L("{{.N}} photos have changes that are not saved. Veil remembers nothing once closed.", map[string]any{"N": strconv.Itoa(n)})
	}
	d := dialog.NewConfirm(lang.L("Close without saving?"), msg, func(close bool) {
		if close {
			v.win.Close()
		}
	}, v.win)
	d.SetConfirmText(lang.L("Close without saving"))
	d.SetDismissText(lang.L("Keep working"))
	v.openDialog(d)
	v.closing = d
}

// unsaved counts the photos whose changes closing would lose.
func (v *shell) unsaved() int {
	n := 0
	for _, e := range v.entries {
		if e.unsaved() {
			n++
		}
	}
	return n
}

// unsaved reports whether closing (or removing the photo) would lose
// changes: edited since last saved, or being saved.
func (e *entry) unsaved() bool {
	return e.state == stSaving || (e.dirty && e.state != stFailed)
}

// askBeforeRemoving takes a photo out of the list, asking first when that
// would lose changes: the remove button sits beside the name, one slip
// away, and a photo removed is forgotten with its changes.
func (v *shell) askBeforeRemoving(e *entry) {
	if e == v.selected {
		v.storeEdits(e)
	}
	if !e.unsaved() {
		v.remove(e)
		return
	}
	d := dialog.NewConfirm(lang.L("Remove this photo?"),
		lang.L("{{.Name}} has changes that are not saved. Removed from the list, they are lost.", map[string]any{"Name": e.name()}),
		func(ok bool) {
			if ok {
				v.remove(e)
			}
		}, v.win)
	d.SetConfirmText(lang.L("Remove"))
	d.SetDismissText(lang.L("Keep it"))
	v.openDialog(d)
}
