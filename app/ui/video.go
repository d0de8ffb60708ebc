package ui

import (
	"veil/exif"
)

// Videos are listed and cleaned like photos, but Veil has no video decoder:
// the list and the preview show a plain video icon (app.Photo.Image), no
// faces are looked for, the cover and crop tools are off, and one line
// where a photo counts its faces says why.

// isVideoEntry reports whether e is an opened video.
func isVideoEntry(e *entry) bool { return e != nil && e.opened && exif.IsVideo(e.report.Format) }

// videoWarning is a video's warning in the list and before Save all: it may
// show a face that Veil could not cover.
func videoWarning() string {
	return lang.L("A video: faces in it cannot be covered — look before sending")
}

// videoFacesLine is what a video shows where a photo counts its faces.
func videoFacesLine() string {
	return lang.L("Faces in videos cannot be covered by Veil: only the data is removed.")
}
