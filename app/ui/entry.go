package ui

import (
	"image"
	"path/filepath"
	"strconv"
	"strings"

	"veil/app"
	"veil/exif"
	"veil/redact"
	"veil/redact/face"
)

// state is where a photo is in its life in the window.
type state int

const (
	stOpening    state = iota // app.Open is reading and inspecting it
	stReading                 // its pixels are being decoded
	stDetecting               // faces are being looked for
	stReady                   // shown findings and faces; not saved yet
	stSaving                  // a clean copy is being written
	stSaved                   // the verified clean copy is on disk
	stSaveFailed              // saving failed (err says why); it can be retried
	stFailed                  // it cannot be opened, read or saved: err says why
)

// String names a state, for messages in tests.
func (s state) String() string {
	names := [...]string{"opening", "reading", "detecting", "ready", "saving", "saved", "save failed", "failed"}
	if s < 0 || int(s) >= len(names) {
		return "state " + strconv.Itoa(int(s))
	}
	return names[s]
}

// entry is one photo in the list. Only small things live here for every
// photo (findings, a thumbnail, face boxes, edits); the decoded picture is
// kept for the photo on screen only.
type entry struct {
	path   string
	report app.Report
	opened bool // report is known

	thumb  image.Image
	bounds image.Rectangle // upright picture, once decoded
	faces  []face.Face
	found  bool // faces were looked for (faces may still be empty)

	photo *app.Photo  // kept while the photo is on screen
	img   image.Image // its upright picture, idem

	edits *edits // nil: the defaults (faces covered), never touched
	// history is the photo's undo and redo steps, kept while the window
	// is open (the editor works in it while the photo is on screen);
	// aspect the crop ratio last chosen for it.
	history History
	aspect  redact.Aspect

	state  state
	err    string // one line, for stFailed
	output string // the clean copy, for stSaved
	// replaced: the last save replaced the copy saved before (app.Session)
	replaced bool
	// still: the copy is a still picture of an animation's first frame
	still bool
	// shownWarning is the warning the panels show (see entry.warning)
	shownWarning string
	dirty        bool // edited since the last save
	busy         bool // a lane is working on it
	removed      bool // taken out of the list; late results are dropped
}

// edits is what the person did to a photo in the editor: every region with
// its covered state, and the crop.
type edits struct {
	regions []redact.Region
	covered []bool
	crop    image.Rectangle
}

// toApp returns the edits to write: covered regions and the crop.
func (e *edits) toApp() app.Edits {
	var out app.Edits
	for i, r := range e.regions {
		if e.covered[i] {
			out.Regions = append(out.Regions, r)
		}
	}
	out.Crop = e.crop
	return out
}

func (e *entry) name() string { return filepath.Base(e.path) }

// faceRegions returns the default covers of the faces found.
func (e *entry) faceRegions(style redact.Style) []redact.Region {
	return app.FaceRegions(e.faces, e.bounds, style)
}

// isFace reports whether r is one of the photo's face covers (unmoved).
func (e *entry) isFace(r redact.Region) bool {
	for _, f := range e.faceRegions(r.Style) {
		if f.Rect == r.Rect {
			return true
		}
	}
	return false
}

// summary says in a few words what was found: "Location, Device, 2 faces".
func (e *entry) summary() string {
	if !e.opened {
		return ""
	}
	var parts []string
	if e.found {
		if n := len(e.faces); n == 1 {
			parts = append(parts, lang.L("1 face"))
		} else if n > 1 {
			parts = append(parts, lang.L("{{.N}} faces", map[string]any{"N": strconv.Itoa(n)}))
		}
	}
	for _, g := range groupFindings(e.report.Findings) {
		parts = append(parts, categoryShort(g))
	}
	if len(parts) == 0 {
		return lang.L("Nothing hidden found")
	}
	return strings.Join(parts, ", ")
}

// categoryShort is the short name of a group in the list's summary.
func categoryShort(g group) string {
	if g.cat == exif.Device {
		for _, f := range g.items {
			if f.ID == "device.serial" || f.ID == "device.lens_serial" {
				return lang.L("Device serial")
			}
		}
	}
	return categoryName(g.cat)
}

// statusText says where a photo is, in words (colour is never the only sign).
func (e *entry) statusText() string {
	switch {
	case e.state == stOpening:
		return lang.L("Opening…")
	case e.state == stSaving:
		return lang.L("Saving…")
	case e.state == stFailed || e.state == stSaveFailed:
		return e.err
	case e.state == stReading && e.found:
		return lang.L("Reading the picture…")
	case e.looking():
		return lang.L("Looking for faces…")
	case e.state == stSaved && e.still:
		return lang.L("Saved as a still picture")
	case e.state == stSaved:
		return lang.L("Saved")
	}
	if e.dirty && e.output != "" {
		return lang.L("Changed since saved")
	}
	return lang.L("Not saved yet")
}
