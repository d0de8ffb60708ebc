package ui

import (
	"image"
	"math"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"github.com/disintegration/imaging"

	"veil/redact"
)

// previewDebounce lets a burst of changes (nudges, style clicks) end before
// the preview is recomputed: only the latest request is rendered.
const previewDebounce = 40 * time.Millisecond

// previewJob is one request for a preview: the covered regions of one photo,
// rendered by redact.Apply and scaled to fit size.
type previewJob struct {
	img     image.Image
	regions []redact.Region
	opts    redact.Options
	size    image.Point
	photo   uint64 // Editor.photoID when requested
	gen     uint64 // increases with every request
}

// preview holds the display-size preview of the Editor and runs at most one
// worker goroutine that renders the latest request. The fields above mu
// belong to the UI goroutine.
type preview struct {
	img      *image.NRGBA    // nil until the first result for this photo
	shown    []redact.Region // the regions img was rendered with
	shownGen uint64
	gen      uint64      // of the latest request
	size     image.Point // of the latest request

	mu      sync.Mutex
	pending *previewJob
	done    chan struct{} // non-nil while the worker runs; closed when it exits
}

// reset forgets the preview and any request not yet started (a running
// render finishes but its result is dropped: its photo is no longer shown).
func (p *preview) reset() {
	p.img, p.shown, p.size = nil, nil, image.Point{}
	p.mu.Lock()
	p.pending = nil
	p.mu.Unlock()
}

// has reports whether the preview shows region r as it is now.
func (p *preview) has(r redact.Region) bool { return p.img != nil && slices.Contains(p.shown, r) }

// submit makes j the request to render next, replacing any older one not
// yet started, and starts the worker if it is not running. deliver is
// called through fyne.Do with each result.
func (p *preview) submit(j previewJob, deliver func(previewJob, *image.NRGBA)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pending = &j
	if p.done == nil {
		p.done = make(chan struct{})
		go p.run(p.done, deliver)
	}
}

// run renders requests until none is left: after a short pause it takes the
// latest request, renders it off the UI goroutine and hands the result over.
func (p *preview) run(done chan struct{}, deliver func(previewJob, *image.NRGBA)) {
	defer close(done)
	for {
		time.Sleep(previewDebounce)
		p.mu.Lock()
		j := p.pending
		p.pending = nil
		if j == nil {
			p.done = nil
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
		out := renderPreview(j.img, j.regions, j.opts, j.size)
		fyne.Do(func() { deliver(*j, out) })
	}
}

// wait blocks until the worker is idle (for tests: under the test driver
// fyne.Do runs inline, so every result has been delivered by then).
func (p *preview) wait() {
	for {
		p.mu.Lock()
		d := p.done
		p.mu.Unlock()
		if d == nil {
			return
		}
		<-d
	}
}

// renderPreview returns exactly the pixels the save path writes (before the
// crop) for img and regions, scaled down to fit size. The full-size copy
// lives only for the duration of the call.
func renderPreview(img image.Image, regions []redact.Region, opts redact.Options, size image.Point) *image.NRGBA {
	full := redact.Apply(img, regions, opts)
	return fitDown(full, size)
}

// fitDown scales img down (area average) to fit within size, keeping its
// aspect ratio; an image that already fits is returned as it is.
func fitDown(img *image.NRGBA, size image.Point) *image.NRGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w <= size.X && h <= size.Y || w == 0 || h == 0 {
		return img
	}
	t := fitSize(image.Pt(w, h), size)
	return imaging.Resize(img, t.X, t.Y, imaging.Box)
}

// fitSize returns the size of an image of size img scaled to fit within
// box, never enlarged, at least 1×1.
func fitSize(img, box image.Point) image.Point {
	if img.X <= 0 || img.Y <= 0 {
		return image.Point{}
	}
	s := math.Min(1, math.Min(float64(box.X)/float64(img.X), float64(box.Y)/float64(img.Y)))
	return image.Pt(max(1, int(math.Round(float64(img.X)*s))), max(1, int(math.Round(float64(img.Y)*s))))
}

// requestPreview asks for a new preview of the covered regions at the size
// the photo takes on screen (none while a drag is in progress: DragEnd asks).
func (e *Editor) requestPreview() {
	if e.img == nil || e.drag != nil && e.drag.kind != dragNone {
		return
	}
	size := e.previewSize()
	if size == (image.Point{}) {
		return // not laid out yet: Layout asks
	}
	e.prev.gen++
	e.prev.size = size
	j := previewJob{img: e.img, regions: e.Regions(), opts: e.opts, size: size, photo: e.photoID, gen: e.prev.gen}
	e.prev.submit(j, e.takePreview)
}

// previewSize returns the size in device pixels the photo takes on screen,
// never more than the photo itself.
func (e *Editor) previewSize() image.Point {
	v, ok := e.viewFor(e.Size())
	if !ok {
		return image.Point{}
	}
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		scale = c.Scale()
	}
	box := image.Pt(int(math.Ceil(v.w*float64(scale))), int(math.Ceil(v.h*float64(scale))))
	return fitSize(e.img.Bounds().Size(), box)
}

// previewStale reports whether the last requested preview is too small or
// much too large for the photo's place on screen.
func (e *Editor) previewStale() bool {
	want, have := e.previewSize(), e.prev.size
	if want == (image.Point{}) {
		return false
	}
	return have.X < want.X*9/10 || have.Y < want.Y*9/10 || have.X > want.X*3/2
}

// takePreview shows a rendered preview unless it is older than the one
// shown or belongs to a photo no longer shown. It runs on the UI goroutine.
func (e *Editor) takePreview(j previewJob, out *image.NRGBA) {
	if j.photo != e.photoID || e.img == nil || j.gen < e.prev.shownGen {
		return
	}
	e.prev.img, e.prev.shown, e.prev.shownGen = out, j.regions, j.gen
	e.Refresh()
}
