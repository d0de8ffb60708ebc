package ui

import (
	"image"
	"runtime"
	"runtime/debug"
	"time"

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
	worked           bool // a job ran since memory was last given back
}

// pump starts the next job of every idle lane.
func (v *shell) pump() {
	if !v.lanes.open {
		if e := v.next((*entry).needsOpen); e != nil {
			v.startOpen(e)
		}
	}
	if s := v.selected; !v.lanes.show && s != nil && s.needsPicture() {
		v.startShow(s)
	}
	if !v.lanes.scan && !v.lanes.paused {
		if e := v.next(func(e *entry) bool { return e.needsScan() && e != v.selected }); e != nil {
			v.startScan(e)
		}
	}
	v.list.refreshProgress()
	if v.saver.waiting && !v.stillLooking() {
		v.saver.waiting = false
		v.reviewThenSave()
	}
	if l := &v.lanes; l.worked && !l.open && !l.show && !l.scan && !v.saver.batch {
		// All done: hand the decoded pictures' memory back to the system
		// now rather than in a few minutes.
		l.worked = false
		v.spawn(releaseMemory)
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
	v.lanes.open, v.lanes.worked = true, true
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
	v.lanes.show, v.lanes.worked, e.busy = true, true, true
	path, needFaces := e.path, !e.found
	if e.state == stReady {
		e.state = stReading
	}
	v.entryChanged(e)
	v.spawn(func() {
		p, img, err := decodePhoto(path)
		shown := make(chan struct{})
		v.post(func() { v.decoded(e, p, img, err, true); close(shown) }) // on screen now
		// Let the first preview have both cores: the person is waiting
		// to see the photo, and detection can start a moment later.
		<-shown
		v.editor.prev.waitAtMost(300 * time.Millisecond)
		v.finishScan(e, p, img, err, needFaces, &v.lanes.show)
	})
}

// startScan makes the thumbnail and finds the faces of a photo not on
// screen, then lets its pixels go.
func (v *shell) startScan(e *entry) {
	v.lanes.scan, v.lanes.worked, e.busy = true, true, true
	path, needFaces := e.path, !e.found
	if e.state == stReady && needFaces {
		e.state = stDetecting
	}
	v.entryChanged(e)
	v.spawn(func() {
		p, img, err := decodePhoto(path)
		v.finishScan(e, p, img, err, needFaces, &v.lanes.scan)
	})
}

// finishScan makes the thumbnail of a decoded photo and finds its faces
// (off the UI goroutine), then hands both to the window and frees the lane.
func (v *shell) finishScan(e *entry, p *app.Photo, img image.Image, err error, needFaces bool, lane *bool) {
	var faces []face.Face
	var thumb image.Image
	if err == nil {
		thumb = thumbnail(img)
		if needFaces {
			faces, err = v.detect(p)
		}
	}
	v.post(func() {
		*lane, e.busy = false, false
		if needFaces || err != nil {
			v.detected(e, faces, err)
		}
		v.thumbnailed(e, thumb) // after the faces: it covers them
		v.pump()
	})
}

// releaseMemory gives freed memory back to the system now. Two collections:
// the first only moves sync.Pool contents (the face detector's buffers) to
// their victim cache, the second frees them.
func releaseMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

// decodePhoto opens a photo afresh and decodes its upright picture.
func decodePhoto(path string) (*app.Photo, image.Image, error) {
	p, err := app.Open(path)
	if err != nil {
		return nil, nil, err
	}
	img, err := p.Image()
	if err != nil {
		return nil, nil, err
	}
	return p, img, nil
}

// thumbnail makes the list's small picture, in memory only. A nearest
// neighbour pass first brings a large photo down to a few times the
// thumbnail's size, so that a 48 MP photo costs milliseconds, not seconds.
func thumbnail(img image.Image) image.Image {
	b := img.Bounds()
	if s := 4 * thumbSize; b.Dx() > s || b.Dy() > s {
		img = imaging.Fit(img, s, s, imaging.NearestNeighbor)
	}
	return imaging.Fit(img, thumbSize, thumbSize, imaging.Linear)
}
