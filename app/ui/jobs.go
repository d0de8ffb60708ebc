package ui

import (
	"image"

	"github.com/disintegration/imaging"

	"veil/app"
	"veil/redact/face"
)

// thumbSize is the longest side of a list thumbnail, in pixels.
const thumbSize = 112

// lanes run the background work, one job per lane at a time, so that a
// batch of a hundred photos never holds more than a few decoded pictures:
//   - open: app.Open of each photo, in list order (fast: the findings);
//   - show: the photo on screen (decode, then faces), first;
//   - scan: the others in list order (decode, thumbnail, faces), keeping
//     only the thumbnail and the face boxes.
//
// The flags are read and written on the UI goroutine only: pump, called
// after every change, starts whatever job is due.
type lanes struct {
	open, show, scan bool // busy
	paused           bool // scan waits while a batch save runs
}

// pump starts the next job of every idle lane.
func (v *shell) pump() {
	if !v.lanes.open {
		if e := v.next(func(e *entry) bool { return !e.opened && e.state == stOpening }); e != nil {
			v.startOpen(e)
		}
	}
	if s := v.selected; !v.lanes.show && s != nil && !s.busy && s.opened && s.state != stFailed && (s.img == nil || !s.found) {
		v.startShow(s)
	}
	if !v.lanes.scan && !v.lanes.paused {
		if e := v.next(func(e *entry) bool { return e.opened && !e.found && !e.busy && e.state != stFailed && e != v.selected }); e != nil {
			v.startScan(e)
		}
	}
}

// next returns the first entry in list order that satisfies due.
func (v *shell) next(due func(*entry) bool) *entry {
	for _, e := range v.entries {
		if due(e) {
			return e
		}
	}
	return nil
}

// startOpen reads and inspects one photo.
func (v *shell) startOpen(e *entry) {
	v.lanes.open = true
	path := e.path
	v.spawn(func() {
		p, err := app.Open(path)
		var rep app.Report
		if err == nil {
			rep = p.Report // the photo itself (its bytes) is dropped
		}
		v.post(func() {
			v.lanes.open = false
			v.opened(e, rep, err)
			v.pump()
		})
	})
}

// startShow decodes the photo on screen, shows it, then looks for faces.
func (v *shell) startShow(e *entry) {
	v.lanes.show, e.busy = true, true
	path, needFaces := e.path, !e.found
	if e.state == stReady {
		e.state = stReading
	}
	v.entryChanged(e)
	v.spawn(func() {
		p, img, thumb, err := decodePhoto(path)
		v.post(func() { v.decoded(e, p, img, thumb, err, true) })
		var faces []face.Face
		if err == nil && needFaces {
			faces, err = p.Faces()
		}
		v.post(func() {
			v.lanes.show, e.busy = false, false
			if needFaces || err != nil {
				v.detected(e, faces, err)
			}
			v.pump()
		})
	})
}

// startScan makes the thumbnail and finds the faces of a photo not on
// screen, then lets its pixels go.
func (v *shell) startScan(e *entry) {
	v.lanes.scan, e.busy = true, true
	path := e.path
	if e.state == stReady {
		e.state = stDetecting
	}
	v.entryChanged(e)
	v.spawn(func() {
		p, _, thumb, err := decodePhoto(path)
		var faces []face.Face
		if err == nil {
			faces, err = p.Faces()
		}
		v.post(func() {
			v.lanes.scan, e.busy = false, false
			v.decoded(e, nil, nil, thumb, nil, false)
			v.detected(e, faces, err)
			v.pump()
		})
	})
}

// decodePhoto opens a photo afresh and decodes its upright picture and a
// thumbnail.
func decodePhoto(path string) (*app.Photo, image.Image, image.Image, error) {
	p, err := app.Open(path)
	if err != nil {
		return nil, nil, nil, err
	}
	img, err := p.Image()
	if err != nil {
		return nil, nil, nil, err
	}
	return p, img, imaging.Fit(img, thumbSize, thumbSize, imaging.Box), nil
}
