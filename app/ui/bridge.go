package ui

import (
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// post hands a result computed on a goroutine back to the UI goroutine. It
// is the only place that calls fyne.Do: every change to a widget made by
// background work goes through here, guarded like every other way in. It
// wakes the window's loop first if it sleeps (idle.go).
func (v *shell) post(f func()) {
	v.idle.touch()
	fyne.Do(func() { v.guard(f) })
}

// safe returns f guarded: the form every callback Veil gives a widget
// (buttons, shortcuts, menus) takes, so that a fault in one click never
// takes the window, and the person's edits, down with it.
func (v *shell) safe(f func()) func() { return func() { v.guard(f) } }

// guard runs f on the UI goroutine. Should f panic, the photo on screen
// keeps its edits (they are stored with it first), the fault goes to the
// standard error with its stack for a bug report, and the person is told
// in plain words that nothing was lost.
func (v *shell) guard(f func()) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		fmt.Fprintf(os.Stderr, "veil: the window recovered from a fault: %v\n%s", r, debug.Stack())
		v.recovered()
	}()
	f()
}

// recovered keeps what can be kept after a fault and says so. It is
// guarded itself: a second fault while recovering is only logged.
func (v *shell) recovered() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "veil: a second fault while recovering: %v\n", r)
		}
	}()
	v.faults++
	if e := v.selected; e != nil {
		v.storeEdits(e)
	}
	if v.faults > 1 && v.faultShown {
		return // one message at a time
	}
	v.faultShown = true
	d := dialog.NewInformation(lang.L("Something went wrong"),
		lang.L("Part of the window stopped working for a moment. Your photos and your changes are kept: you can go on, and save as usual."), v.win)
	d.SetDismissText(lang.L("OK")) // Fyne's own would follow the system, not the Settings
	d.SetOnClosed(func() { v.faultShown = false })
	v.openDialog(d)
}
