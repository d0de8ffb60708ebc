package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/storage"

	"veil/app"
)

// photoExts are the extensions the Open dialog shows: those of every file
// Veil cleans, photos and videos, in lower and upper case.
var photoExts = bothCases(app.Extensions())

// bothCases is exts followed by the same in upper case.
func bothCases(exts []string) []string {
	out := slices.Clone(exts)
	for _, e := range exts {
		out = append(out, strings.ToUpper(e))
	}
	return out
}

// nativePick, where the platform has one Veil can reach, asks the
// platform's own file chooser for photos (several at once) or a folder,
// off the UI goroutine; ok is false when it cannot (files_portal.go,
// files_windows.go, files_darwin.go). owner is the window's handle
// (windowHandle), for a chooser that belongs to the window; 0 for none.
var nativePick func(owner uintptr, title, accept string, folder bool) (paths []string, ok bool)

// openFiles asks for photos to open: in the desktop's own chooser, several
// at once, where there is one; else in Fyne's, one at a time.
func (v *shell) openFiles() {
	v.pickNative(lang.L("Open photos"), false, v.add, v.openFile)
}

// openFolder asks for a folder and opens every photo in it.
func (v *shell) openFolder() {
	v.pickNative(lang.L("Open a folder"), true, v.add, func() {
		v.pickFolder(lang.L("Open a folder"), func(dir string) { v.add([]string{dir}) }, nil)
	})
}

// pickNative asks the platform's chooser (v.native) and gives what was
// chosen to then, or calls fallback when there is no such chooser.
// The chooser runs on its own goroutine, so that the window goes on
// drawing; while it is up, asking again does nothing.
func (v *shell) pickNative(title string, folder bool, then func([]string), fallback func()) {
	pick := v.native
	if pick == nil {
		fallback()
		return
	}
	if v.picking {
		return
	}
	v.picking = true
	accept, owner := lang.L("Open"), windowHandle(v.win)
	v.spawn(func() {
		paths, ok := pick(owner, title, accept, folder)
		v.post(func() {
			v.picking = false
			v.forgetDialog()
			switch {
			case !ok:
				fallback()
			case len(paths) > 0:
				then(paths)
			}
		})
	})
}

// windowHandle is the platform's handle of w, read on the UI goroutine:
// its HWND on Windows, its NSWindow on macOS, its window id on X11; 0 where
// the driver has none (the test driver, Wayland).
func windowHandle(w fyne.Window) (h uintptr) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.WindowsWindowContext:
			h = c.HWND
		case driver.MacWindowContext:
			h = c.NSWindow
		case driver.X11WindowContext:
			h = c.WindowHandle
		}
	})
	return h
}

// openFile asks for a photo in Fyne's chooser.
func (v *shell) openFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		v.forgetDialog()
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		v.add([]string{path})
	}, v.win)
	d.SetFilter(storage.NewExtensionFileFilter(photoExts))
	d.SetTitleText(lang.L("Open a photo"))
	d.SetConfirmText(lang.L("Open"))
	d.SetDismissText(lang.L("Cancel"))
	v.openDialog(d) // Escape cancels it
	v.sizeDialog(d)
}

// pickFolder asks for a folder in Fyne's chooser, titled title, then calls
// then with it, or cancelled (if not nil) when the person chose none.
func (v *shell) pickFolder(title string, then func(string), cancelled func()) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		v.forgetDialog()
		if err != nil || u == nil || !strings.EqualFold(u.Scheme(), "file") {
			if cancelled != nil {
				cancelled()
			}
			return
		}
		then(u.Path())
	}, v.win)
	d.SetTitleText(title)
	d.SetConfirmText(lang.L("Open"))
	d.SetDismissText(lang.L("Cancel"))
	v.openDialog(d) // Escape cancels it
	v.sizeDialog(d)
}

// sizeDialog makes a file dialog large enough to read. It must follow
// Show: Fyne 2.8's FileDialog.Resize dereferences the dialog Show builds.
func (v *shell) sizeDialog(d *dialog.FileDialog) {
	d.Resize(v.win.Canvas().Size().Subtract(fyne.NewSize(160, 120)))
}

// forgetDialog removes the folder Fyne's file dialog remembers: Veil
// stores no folder of a photo.
func (v *shell) forgetDialog() { scrubPrefs(v.app.Preferences()) }
