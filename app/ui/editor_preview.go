package ui

import (
	"image"
	"image/color"
	"math"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"github.com/disintegration/imaging"

	"veil/app"
	"veil/internal/parallel"
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

	// spawn starts the worker and post hands its results to the UI
	// goroutine; nil: a goroutine of its own and fyne.Do. The window
	// passes its own (shell.spawn and shell.post), so that under test
	// every preview is rendered before the change that asked returns.
	spawn, post func(func())

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
	p.pending = &j
	start := p.done == nil
	if start {
		p.done = make(chan struct{})
	}
	done := p.done
	p.mu.Unlock()
	if !start {
		return
	}
	work := func() { p.run(done, deliver) }
	if p.spawn == nil {
		go work()
		return
	}
	p.spawn(work)
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
		post := p.post
		if post == nil {
			post = fyne.Do
		}
		post(func() { deliver(*j, out) })
	}
}

// waitAtMost waits until the worker is idle, or for d at the most.
func (p *preview) waitAtMost(d time.Duration) {
	idle := make(chan struct{})
	go func() { p.wait(); close(idle) }()
	select {
	case <-idle:
	case <-time.After(d):
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
// crop: app.Cover, the function every save renders with) for img and
// regions, scaled down to fit size. The full-size copy
// lives only for the duration of the call.
func renderPreview(img image.Image, regions []redact.Region, opts redact.Options, size image.Point) *image.NRGBA {
	if y, ok := img.(*image.YCbCr); ok && len(regions) == 0 && y.SubsampleRatio == image.YCbCrSubsampleRatio420 {
		// Nothing covered (a photo just decoded, its faces not found
		// yet): shrink straight from the decoder's planes, without the
		// full-size RGBA copy, so the photo shows sooner.
		b := y.Rect
		if t := fitSize(b.Size(), size); b.Dx() >= 4*t.X && b.Dy() >= 4*t.Y {
			return fitDown(halveYCbCr(y), size)
		}
	}
	full := app.Cover(img, regions, opts) // what the save path writes
	return fitDown(full, size)
}

// halveYCbCr converts and averages each 2×2 block of a 4:2:0 img, reading
// the planes directly: the block shares one chroma sample.
func halveYCbCr(img *image.YCbCr) *image.NRGBA {
	b := img.Rect
	w, h := b.Dx()/2, b.Dy()/2
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	rows := func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			ya := img.Y[img.YOffset(b.Min.X, b.Min.Y+2*y):]
			yb := img.Y[img.YOffset(b.Min.X, b.Min.Y+2*y+1):]
			o := out.Pix[y*out.Stride : y*out.Stride+4*w]
			for x := 0; x < w; x++ {
				ci := img.COffset(b.Min.X+2*x, b.Min.Y+2*y)
				cb, cr := img.Cb[ci], img.Cr[ci]
				var r, g, bl uint32
				for _, l := range [4]uint8{ya[2*x], ya[2*x+1], yb[2*x], yb[2*x+1]} {
					rr, gg, bb := color.YCbCrToRGB(l, cb, cr)
					r, g, bl = r+uint32(rr), g+uint32(gg), bl+uint32(bb)
				}
				o[4*x], o[4*x+1], o[4*x+2], o[4*x+3] = uint8((r+2)/4), uint8((g+2)/4), uint8((bl+2)/4), 0xFF
			}
		}
	}
	inBands(h, rows)
	return out
}

// fitDown scales img down (area average) to fit within size, keeping its
// aspect ratio; an image that already fits is returned as it is.
func fitDown(img *image.NRGBA, size image.Point) *image.NRGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w <= size.X && h <= size.Y || w == 0 || h == 0 {
		return img
	}
	t := fitSize(image.Pt(w, h), size)
	for img.Rect.Dx() >= 4*t.X && img.Rect.Dy() >= 4*t.Y {
		img = halve(img) // an exact 2×2 average: cheap, and the box filter after it sees a quarter
	}
	return imaging.Resize(img, t.X, t.Y, imaging.Box)
}

// halve averages each 2×2 block of img (alpha-weighted, as a box filter
// on straight alpha should be), dropping an odd last row or column.
func halve(img *image.NRGBA) *image.NRGBA {
	w, h := img.Rect.Dx()/2, img.Rect.Dy()/2
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	rows := func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			a := img.Pix[2*y*img.Stride:]
			b := img.Pix[(2*y+1)*img.Stride:]
			o := out.Pix[y*out.Stride : y*out.Stride+4*w]
			for x := 0; x < w; x++ {
				i := 8 * x
				a0, a1, a2, a3 := uint32(a[i+3]), uint32(a[i+7]), uint32(b[i+3]), uint32(b[i+7])
				sa := a0 + a1 + a2 + a3
				if sa == 0 {
					o[4*x], o[4*x+1], o[4*x+2], o[4*x+3] = 0, 0, 0, 0
					continue
				}
				for c := 0; c < 3; c++ {
					v := uint32(a[i+c])*a0 + uint32(a[i+4+c])*a1 + uint32(b[i+c])*a2 + uint32(b[i+4+c])*a3
					o[4*x+c] = uint8((v + sa/2) / sa)
				}
				o[4*x+3] = uint8((sa + 2) / 4)
			}
		}
	}
	inBands(h, rows)
	return out
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
// The first request for a photo shows a quick nearest-pixel frame at once
// (covered regions get flat stand-ins over it until the preview is ready),
// so that a 48 MP photo is on screen in milliseconds. A veiled photo gets
// no preview: nothing of it is shown but the veil.
func (e *Editor) requestPreview() {
	if e.img == nil || e.veiled || e.drag != nil && e.drag.kind != dragNone {
		return
	}
	size := e.previewSize()
	if size == (image.Point{}) {
		return // not laid out yet: Layout asks
	}
	if e.prev.img == nil {
		e.prev.img, e.prev.shown = quickFrame(e.img, size), nil
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

// inBands runs rows over [0, h) split into a few bands at once.
func inBands(h int, rows func(y0, y1 int)) { parallel.For(0, h, 1, rows) }
