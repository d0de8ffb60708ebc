package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emptyScreen is what the window shows with no photo: a large, calm drop
// area with an Open… button for those who cannot drag.
func emptyScreen(v *shell) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(theme.NewThemedResource(theme.FileImageIcon()))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(72))
	heading := canvas.NewText(lang.L("Drop photos here — or Open…"), color.Transparent)
	heading.TextSize = 28
	heading.Alignment = fyne.TextAlignCenter
	open := widget.NewButtonWithIcon(lang.L("Open a photo…"), theme.FolderOpenIcon(), v.openFiles)
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(lang.L("Open a folder…"), theme.FolderIcon(), v.openFolder)
	note := widget.NewLabelWithStyle(lang.L("Everything happens on this computer. Nothing is uploaded."),
		fyne.TextAlignCenter, fyne.TextStyle{})
	// Plain, not italic: Fyne reads a whole font (some 3 MB of memory) for
	// each style of text on screen, and the empty window would hold one for
	// this line alone; it reads as well without.
	what := widget.NewLabelWithStyle(lang.L("Veil shows what a photo gives away, covers faces, and writes a clean copy. Your original is never changed."),
		fyne.TextAlignCenter, fyne.TextStyle{})
	what.Wrapping = fyne.TextWrapWord
	inner := container.NewVBox(
		container.NewCenter(icon),
		heading,
		gap(12),
		container.NewCenter(container.NewHBox(open, folder)),
		gap(20),
		note,
	)
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeWidth = 2
	frame.CornerRadius = 16
	frame.SetMinSize(fyne.NewSize(720, 420))
	zone := newThemed(container.NewStack(frame, container.NewCenter(container.NewPadded(inner))), func() {
		heading.Color = theme.Color(theme.ColorNameForeground)
		frame.FillColor = theme.Color(theme.ColorNameInputBackground)
		frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	})
	top := container.NewHBox(layout.NewSpacer(), aboutButton(v), settingsButton(v))
	body := container.NewCenter(container.NewVBox(zone, withWidth(what, 720)))
	return container.NewBorder(top, nil, nil, nil, body)
}

// themed holds content drawn with colours of the theme: paint sets them,
// when first shown and again whenever the theme changes (Fyne refreshes
// every widget then, but a bare rectangle or text keeps the colour it was
// made with: a light desktop theme, read after start, left the drop area
// dark).
type themed struct {
	widget.BaseWidget
	content fyne.CanvasObject
	paint   func()
}

func newThemed(content fyne.CanvasObject, paint func()) *themed {
	t := &themed{content: content, paint: paint}
	t.ExtendBaseWidget(t)
	return t
}

func (t *themed) CreateRenderer() fyne.WidgetRenderer {
	t.paint()
	return &themedRenderer{t: t, WidgetRenderer: widget.NewSimpleRenderer(t.content)}
}

type themedRenderer struct {
	fyne.WidgetRenderer
	t *themed
}

// Refresh paints the colours of the theme of now, then redraws.
func (r *themedRenderer) Refresh() {
	r.t.paint()
	r.WidgetRenderer.Refresh()
}

// gap is empty vertical space of height h.
func gap(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// headerBar is the strip above the photos: open more, settings.
func headerBar(v *shell) fyne.CanvasObject {
	open := widget.NewButtonWithIcon(lang.L("Open a photo…"), theme.FolderOpenIcon(), v.openFiles)
	folder := widget.NewButtonWithIcon(lang.L("Open a folder…"), theme.FolderIcon(), v.openFolder)
	note := widget.NewLabelWithStyle(lang.L("Everything happens on this computer. Nothing is uploaded."), fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	note.Truncation = fyne.TextTruncateEllipsis // gives way in a narrow window
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(open, folder), container.NewHBox(aboutButton(v), settingsButton(v)), note),
		widget.NewSeparator(),
	)
}

func settingsButton(v *shell) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Settings"), theme.SettingsIcon(), v.safe(v.showSettings))
	b.Importance = widget.LowImportance
	return b
}

// aboutButton opens the About dialog (about.go): version and licences.
func aboutButton(v *shell) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("About"), theme.InfoIcon(), v.safe(v.showAbout))
	b.Importance = widget.LowImportance
	return b
}

// showAbout opens the About dialog; Escape closes it.
func (v *shell) showAbout() { v.openDialog(newAbout(v.win)) }
