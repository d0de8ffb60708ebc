// Package ui is Veil's window, a thin face on package app: a drop area, the
// list of photos, the editor with its toolbar, what each photo reveals, the
// checklist before sending, and saving.
//
// Threads: every widget is touched on the UI goroutine only. Decoding, face
// detection and saving run on goroutines started by the lanes in jobs.go;
// their results come back through shell.post (bridge.go), the one place that
// calls fyne.Do.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"veil/app"
	"veil/redact/face"
)

// New builds the main window. files are photos to open at once (from the
// command line or dropped on the app's icon).
func New(a fyne.App, files []string) fyne.Window {
	app.WarmUp() // the HEIC decoder compiles while the person picks a photo
	v := newWindow(a)
	if len(files) > 0 {
		v.add(files)
	}
	return v.win
}

// newWindow builds the window and its shell, empty.
func newWindow(a fyne.App) *shell {
	loadTranslations()
	w := a.NewWindow("Veil")
	v := newShell(a, w)
	w.SetContent(v.root)
	w.Resize(fyne.NewSize(1280, 800))
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { v.dropURIs(uris) })
	v.addShortcuts()
	return v
}

// shell is the window's state and the widgets the tests drive. Its fields
// are read and written on the UI goroutine only.
type shell struct {
	app   fyne.App
	win   fyne.Window
	prefs prefs

	root       *fyne.Container // swaps between empty and main
	empty      fyne.CanvasObject
	main       fyne.CanvasObject
	list       *photoList
	editor     *Editor
	tools      *toolbar
	legend     *legend
	reveals    *findingsPanel
	checks     *checklist
	saver      *saveBar
	side       *fyne.Container // the right column's scrolled content
	sideScroll *container.Scroll
	rightCol   *fyne.Container // the side, with the save bar under it

	entries  []*entry
	selected *entry

	lanes     lanes
	restoring bool // the editor is being given a photo's state: not an edit
	// spawn runs work off the UI goroutine; tests replace it to run inline.
	spawn func(func())
	// detect finds the faces of a photo (off the UI goroutine).
	detect func(*app.Photo) ([]face.Face, error)
}

func newShell(a fyne.App, w fyne.Window) *shell {
	v := &shell{app: a, win: w, prefs: loadPrefs(a.Preferences()), spawn: func(f func()) { go f() }, detect: (*app.Photo).Faces}
	v.editor = NewEditor()
	v.editor.SetStyle(v.prefs.Style)
	v.list = newPhotoList(v)
	v.tools = newToolbar(v)
	v.legend = newLegend(v)
	v.reveals = newFindingsPanel()
	v.checks = newChecklist()
	v.saver = newSaveBar(v)
	v.checks.OnChanged = v.saver.refreshChecks
	v.editor.OnChanged = v.editorChanged
	v.editor.OnModeChanged = v.tools.modeChanged
	v.empty = emptyScreen(v)
	v.main = mainScreen(v)
	v.root = container.NewStack(v.empty)
	scrubPrefs(a.Preferences())
	return v
}

// mainScreen lays out the window with photos: list on the left, editor in
// the middle, what the photo reveals and saving on the right.
func mainScreen(v *shell) fyne.CanvasObject {
	header := headerBar(v)
	middle := container.NewBorder(v.tools.content, v.legend.content, nil, nil, v.editor)
	v.side = container.NewVBox(v.reveals.content, v.checks.content)
	v.sideScroll = container.NewVScroll(v.side)
	v.rightCol = container.NewBorder(nil, v.saver.content, nil, nil, v.sideScroll)
	right := v.rightCol
	body := container.NewBorder(nil, nil,
		withWidth(v.list.content, 240), withWidth(right, 330),
		container.NewPadded(middle))
	return container.NewBorder(header, nil, nil, nil, body)
}

// showMain switches between the empty state and the main screen.
func (v *shell) showMain(on bool) {
	want := v.empty
	if on {
		want = v.main
	}
	if len(v.root.Objects) == 1 && v.root.Objects[0] == want {
		return
	}
	v.root.Objects = []fyne.CanvasObject{want}
	v.root.Refresh()
}
