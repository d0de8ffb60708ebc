package ui

import (
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"veil/app"
	"veil/redact/face"
)

// startupSettles is how long after New the window has drawn and the
// start-up garbage can be handed back to the system.
const startupSettles = 3 * time.Second

// New builds the main window. files are photos to open at once (from the
// command line or dropped on the app's icon). loop, when not nil, is the
// toolkit's wait for input: the window sleeps in it while idle (idle.go).
func New(a fyne.App, files []string, loop EventLoop) fyne.Window {
	v := newWindow(a)
	if loop != nil {
		v.sleepWhenIdle(loop)
	}
	// Starting the toolkit (fonts, themes, translations) leaves garbage
	// the runtime would hand back only slowly: once the window is up, give
	// it back at once (an empty window: about 5 MB less under Xvfb).
	time.AfterFunc(startupSettles, debug.FreeOSMemory)
	if len(files) > 0 {
		v.add(files)
	}
	return v.win
}

// newWindow builds the window and its shell, empty.
func newWindow(a fyne.App) *shell {
	lang.Use(a.Preferences().String(keyLanguage))
	if _, ok := a.Settings().Theme().(veilTheme); !ok {
		a.Settings().SetTheme(veilTheme{a.Settings().Theme()})
	}
	w := a.NewWindow("Veil")
	v := newShell(a, w)
	w.SetContent(v.root)
	w.Resize(fyne.NewSize(1280, 800))
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { v.guard(func() { v.dropURIs(uris) }) })
	v.addShortcuts()
	w.SetCloseIntercept(v.safe(v.askBeforeClosing))
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
	tip        *hoverTip       // whole file names over the list

	entries  []*entry
	selected *entry

	lanes     lanes
	restoring bool // the editor is being given a photo's state: not an edit
	// spawn runs work off the UI goroutine; tests replace it to run inline.
	spawn func(func())
	// detect finds the faces of a photo (off the UI goroutine).
	detect func(*app.Photo) ([]face.Face, error)
	// native is the platform's file chooser (nativePick), nil for none.
	native  func(owner uintptr, title, accept string, folder bool) ([]string, bool)
	picking bool // the platform's chooser is on screen

	faults     int  // faults recovered from (bridge.go)
	faultShown bool // the message about one is on screen

	settings dialog.Dialog // the Settings dialog last opened
	closing  dialog.Dialog // "Close without saving?", when asked

	// session remembers the copies written since the window opened, in
	// memory only, so that a photo saved again replaces its own copy.
	session *app.Session
	dialogs []keptDialog // the dialogs on screen, for Escape

	idle *sleeper // lets the loop sleep while nothing happens; nil in tests
}

// sleepWhenIdle starts the sleeper on loop: it runs from the loop's start
// to its end, and counts the moving bars as something happening.
func (v *shell) sleepWhenIdle(loop EventLoop) {
	v.idle = newSleeper(loop, fyne.DoAndWait, v.moving)
	life := v.app.Lifecycle()
	life.SetOnStarted(func() { go v.idle.run() })
	life.SetOnStopped(v.idle.stop)
}

// moving reports whether a bar on screen is moving, which the window must
// keep drawing.
func (v *shell) moving() bool {
	return v.reveals.looking.Running() || v.saver.busy.Running()
}

func newShell(a fyne.App, w fyne.Window) *shell {
	v := &shell{app: a, win: w, prefs: loadPrefs(a.Preferences()), spawn: func(f func()) { go f() }, detect: (*app.Photo).Faces, session: app.NewSession(), native: nativePick}
	v.editor = NewEditor()
	// The preview's worker starts and reports like all background work.
	v.editor.prev.spawn = func(f func()) { v.spawn(f) }
	v.editor.prev.post = v.post
	v.editor.SetStyle(v.prefs.Style)
	v.tip = newHoverTip(v.post)
	v.list = newPhotoList(v)
	v.tools = newToolbar(v)
	v.legend = newLegend(v)
	v.reveals = newFindingsPanel()
	v.checks = newChecklist()
	v.saver = newSaveBar(v)
	v.checks.OnChanged = v.saver.refreshChecks
	v.checks.OnFocus = v.scrollIntoView
	v.editor.OnChanged = v.safe(v.editorChanged)
	v.editor.OnModeChanged = func(m EditMode) { v.guard(func() { v.tools.modeChanged(m) }) }
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
	relayout := func() { v.post(middle.Refresh) } // the tools or the boxes wrapped anew
	v.tools.flow.relayout, v.legend.flow.relayout = relayout, relayout
	// The side columns give up width first when the window is narrow: at
	// 1024 pixels the photo keeps about half the window.
	body := container.New(columns{left: [2]float32{190, 240}, right: [2]float32{250, 330}, share: [2]float32{0.19, 0.26}},
		v.list.content, container.NewPadded(middle), v.rightCol)
	// The tip's layer is on top and takes no clicks (hovertip.go).
	return container.NewStack(container.NewBorder(header, nil, nil, nil, body), v.tip.layer)
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
