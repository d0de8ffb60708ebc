package ui

import (
	"image"
	"strconv"

	"veil/redact"
)

// The predicates below combine an entry's state and flags in one place
// each: the lanes, the list, the save bar and Save all ask them.

// needsOpen reports whether the open lane still has to read the photo.
func (e *entry) needsOpen() bool { return !e.opened && e.state == stOpening }

// usable reports whether the photo was read and has not failed for good.
func (e *entry) usable() bool { return e.opened && e.state != stFailed }

// needsPicture reports whether the photo, on screen, still needs its
// picture decoded or its faces found (and no lane works on it).
func (e *entry) needsPicture() bool { return e.usable() && !e.busy && (e.img == nil || !e.found) }

// needsScan reports whether the photo, not on screen, still needs its
// thumbnail or its faces (and no lane works on it).
func (e *entry) needsScan() bool { return e.usable() && !e.busy && (!e.found || e.thumb == nil) }

// looking reports whether its faces are still being looked for: the photo
// must not pass for one without faces meanwhile.
func (e *entry) looking() bool { return e.usable() && !e.found }

// saveable reports whether Save all would write the photo: it was read, is
// not being saved, and is not saved already as it is now.
func (e *entry) saveable() bool {
	return e.usable() && e.state != stSaving && (e.state != stSaved || e.dirty)
}

// canSave reports whether Save can write the photo on screen now: its
// picture is decoded and its faces are known.
func (e *entry) canSave() bool { return e.saveable() && e.img != nil && e.found }

// visibleFaces counts the faces found that the covers (the regions to
// write, with the crop) leave visible. A face counts as covered when one
// cover's rectangle holds at least three quarters of the face's box, or
// when the crop leaves out more than three quarters of it: what counts is
// the face, not which cover is "its" one, so a moved, deleted or unticked
// cover is seen for what it does.
func (e *entry) visibleFaces(covers []redact.Region, crop image.Rectangle) int {
	n := 0
	for _, f := range e.faces {
		box := image.Rect(f.X, f.Y, f.X+f.W, f.Y+f.H).Intersect(e.bounds)
		if box.Empty() || !crop.Empty() && area(box.Intersect(crop))*4 < area(box) {
			continue
		}
		hidden := false
		for _, c := range covers {
			if area(box.Intersect(c.Rect.Canon()))*4 >= area(box)*3 {
				hidden = true
				break
			}
		}
		if !hidden {
			n++
		}
	}
	return n
}

func area(r image.Rectangle) int { return r.Dx() * r.Dy() }

// covers returns the regions to write and the crop: the person's edits,
// or by default every face found, covered.
func (e *entry) covers() ([]redact.Region, image.Rectangle) {
	if e.edits != nil {
		ed := e.edits.toApp()
		return ed.Regions, ed.Crop
	}
	return e.faceRegions(redact.Blur), image.Rectangle{}
}

// shownFaces counts the faces its copy would show.
func (e *entry) shownFaces() int {
	covers, crop := e.covers()
	return e.visibleFaces(covers, crop)
}

// warning says why the photo needs a look before it is sent, or "": no
// face was found (the detector can miss one), or faces are left visible.
// A video always needs one: no face is looked for in it and none can be
// covered, so its copy shows every face it has (videoFacesLine says so
// where a photo counts its faces).
func (e *entry) warning() string {
	switch {
	case !e.usable():
		return ""
	case isVideoEntry(e):
		return videoWarning()
	case !e.found:
		return ""
	}
	if len(e.faces) == 0 {
		return lang.L("No face found — look before sending")
	}
	switch n := e.shownFaces(); n {
	case 0:
		return ""
	case 1:
		return lang.L("1 face left visible")
	default:
		return lang.L("{{.N}} faces left visible", map[string]any{"N": strconv.Itoa(n)})
	}
}
