package ui

import "fyne.io/fyne/v2"

// post hands a result computed on a goroutine back to the UI goroutine. It
// is the only place that calls fyne.Do: every change to a widget made by
// background work goes through here.
func (v *shell) post(f func()) { fyne.Do(f) }
