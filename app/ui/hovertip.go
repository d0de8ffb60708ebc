package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on something before its tip shows.
const tipDelay = 500 * time.Millisecond

// tipWatch is how often a tip on screen checks that what it completes is
// still where it was shown: a list scrolled by the wheel under a resting
// pointer carries the name away and tells nobody, and the tip would then
// name another photo than the one under it.
const tipWatch = 250 * time.Millisecond

// hoverTip shows a short text over the window once the pointer has rested
// on something for a moment (Fyne 2.8 has no tooltips): the whole name of a
// photo whose name the list had to shorten. It lives in a layer stacked over
// the window's content rather than in the canvas's overlays: Fyne gives an
// overlay every click and every hover, while this layer holds nothing that
// can be tapped, hovered or scrolled, so the list under it works as before.
type hoverTip struct {
	layer *fyne.Container // over the window's content; lays out nothing
	box   *fyne.Container // the tip: a frame and the text
	frame *canvas.Rectangle
	text  *widget.Label
	// after runs f on the UI goroutine once d has passed and returns what
	// cancels it; tests give a clock of their own.
	after func(d time.Duration, f func()) (stop func())
	stop  func()
	owner any // what the tip is waited for or shown for; nil for nothing
	gen   int // counts arm calls: a late timer of an earlier one is ignored
}

// newHoverTip makes a hidden tip whose timer reports through post (the
// window's one way back to the UI goroutine).
func newHoverTip(post func(func())) *hoverTip {
	frame := canvas.NewRectangle(nil)
	frame.StrokeWidth = 1
	text := widget.NewLabel("")
	t := &hoverTip{frame: frame, text: text, box: container.NewStack(frame, text)}
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	t.after = func(d time.Duration, f func()) func() {
		timer := time.AfterFunc(d, func() { post(f) })
		return func() { timer.Stop() }
	}
	return t
}

// arm shows, after tipDelay, the text that at gives for owner at the
// absolute position it gives (ok false: nothing to show), unless disarm
// is called for owner first.
func (t *hoverTip) arm(owner any, at func() (text string, style fyne.TextStyle, pos fyne.Position, ok bool)) {
	t.cancel()
	t.owner = owner
	t.gen++
	gen := t.gen
	t.stop = t.after(tipDelay, func() {
		if t.gen != gen || t.owner != owner {
			return // the pointer has moved on since
		}
		if text, style, pos, ok := at(); ok {
			t.show(text, style, pos)
			t.watch(gen, at, pos)
		}
	})
}

// watch hides the tip shown at pos once at says its text has moved or
// gone, checking every tipWatch while it shows.
func (t *hoverTip) watch(gen int, at func() (string, fyne.TextStyle, fyne.Position, bool), pos fyne.Position) {
	t.stop = t.after(tipWatch, func() {
		if t.gen != gen {
			return // hidden, or shown for something else, since
		}
		if _, _, now, ok := at(); !ok || now != pos {
			t.cancel()
			return
		}
		t.watch(gen, at, pos)
	})
}

// disarm hides the tip, or stops it from showing, if it is owner's.
func (t *hoverTip) disarm(owner any) {
	if t.owner == owner {
		t.cancel()
	}
}

// cancel stops the timer and hides the tip, whoever it is for.
func (t *hoverTip) cancel() {
	if t.stop != nil {
		t.stop()
		t.stop = nil
	}
	t.owner = nil
	t.gen++
	if t.box.Visible() {
		t.box.Hide()
		t.layer.Refresh() // the canvas knows the layer, not a box that was hidden
	}
}

// show puts text over the window with its first line at pos (absolute), in
// the place of the shortened text it completes, moved left as far as
// needed to stay inside the window.
func (t *hoverTip) show(text string, style fyne.TextStyle, pos fyne.Position) {
	room := t.layer.Size()
	size := t.setText(text, style, room.Width)
	t.frame.FillColor = theme.Color(theme.ColorNameOverlayBackground) // the theme of now
	t.frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	t.frame.CornerRadius = theme.InputRadiusSize()
	rel := pos.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(t.layer))
	rel.X = max(0, min(rel.X, room.Width-size.Width))
	rel.Y = max(0, min(rel.Y, room.Height-size.Height))
	t.box.Move(rel)
	t.box.Resize(size)
	t.box.Show()
	t.layer.Refresh()
}

// setText gives the tip its text, on one line, or broken into lines when
// even width is too narrow for it, and returns the size it needs.
func (t *hoverTip) setText(text string, style fyne.TextStyle, width float32) fyne.Size {
	t.text.Text, t.text.TextStyle, t.text.Wrapping = text, style, fyne.TextWrapOff
	t.text.Refresh()
	w := t.text.MinSize().Width
	if w > width {
		w, t.text.Wrapping = width, fyne.TextWrapBreak
		t.text.Resize(fyne.NewSize(w, t.text.Size().Height))
		t.text.Refresh() // a wrapped label finds its lines at its width
	}
	return fyne.NewSize(w, t.text.MinSize().Height)
}

// shown is the text on screen, or "" when the tip is hidden.
func (t *hoverTip) shown() string {
	if !t.box.Visible() {
		return ""
	}
	return t.text.Text
}
