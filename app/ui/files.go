package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// photoExts are the extensions the Open dialog shows.
var photoExts = []string{".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".heic", ".heif", ".JPG", ".JPEG", ".PNG", ".WEBP", ".GIF", ".HEIC", ".HEIF", ".avif", ".AVIF"}

// openFiles asks for a photo to open.
func (v *shell) openFiles() {
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
	d.SetConfirmText(lang.L("Open"))
	d.SetDismissText(lang.L("Cancel"))
	v.sizeDialog(d)
	d.Show()
}

// openFolder asks for a folder and opens every photo in it.
func (v *shell) openFolder() {
	v.pickFolder(func(dir string) { v.add([]string{dir}) })
}

// pickFolder asks for a folder.
func (v *shell) pickFolder(then func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		v.forgetDialog()
		if err != nil || u == nil || !strings.EqualFold(u.Scheme(), "file") {
			return
		}
		then(u.Path())
	}, v.win)
	d.SetConfirmText(lang.L("Open"))
	d.SetDismissText(lang.L("Cancel"))
	v.sizeDialog(d)
	d.Show()
}

// sizeDialog makes a file dialog large enough to read.
func (v *shell) sizeDialog(d *dialog.FileDialog) {
	d.Resize(v.win.Canvas().Size().Subtract(fyne.NewSize(160, 120)))
}

// forgetDialog removes the folder Fyne's file dialog remembers: Veil
// stores no folder of a photo.
func (v *shell) forgetDialog() { scrubPrefs(v.app.Preferences()) }
