// Package ui is Veil's window, a thin face on package app.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// New builds the main window. files are photos to open at once (from the
// command line or dropped on the app icon).
func New(a fyne.App, files []string) fyne.Window {
	w := a.NewWindow("Veil")
	title := widget.NewLabelWithStyle("Drop photos here — or Open…", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	note := widget.NewLabelWithStyle("Everything happens on this computer. Nothing is uploaded.", fyne.TextAlignCenter, fyne.TextStyle{})
	w.SetContent(container.NewCenter(container.NewVBox(title, note)))
	w.Resize(fyne.NewSize(1280, 800))
	return w
}
