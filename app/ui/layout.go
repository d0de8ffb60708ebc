package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// withWidth gives o at least the width w (a side column of fixed width).
func withWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(spacer, o)
}

// tightVBox stacks objects top to bottom without padding: the lines of a
// list row read as one block.
type tightVBox struct{}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	gap := -theme.Padding() * 1.5
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + gap
	}
}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	gap := -theme.Padding() * 1.5
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height += gap
		}
	}
	return s
}

// flow lays its objects out left to right at their minimum width, starting
// a new line when the next one would not fit: a toolbar that wraps when the
// window is narrow instead of widening it. Fyne asks for a minimum size
// before it gives a width, so flow answers with the height its objects
// took at the last width it was given, and when a new width changes the
// number of lines it asks for the container around it to be laid out again
// with the new height (relayout, which must do so later, through the UI
// bridge, not inside the layout under way).
type flow struct {
	width    float32 // the last width laid out at
	lines    int
	relayout func()
}

// lineBreaks returns, for objects laid out within width, the index of the
// first object of each line.
func (f *flow) lineBreaks(objs []fyne.CanvasObject, width float32) []int {
	shown := visible(objs)
	widths := make([]float32, len(shown))
	for i, o := range shown {
		widths[i] = o.MinSize().Width
	}
	return lineStarts(widths, width)
}

// lineStarts returns, for things of the given widths laid out left to
// right within width, a padding apart, the index of the first of each line.
func lineStarts(widths []float32, width float32) []int {
	starts := []int{0}
	x, pad := float32(0), theme.Padding()
	for i, w := range widths {
		if i > 0 && x+pad+w > width {
			starts = append(starts, i)
			x = w
			continue
		}
		if i > 0 {
			x += pad
		}
		x += w
	}
	return starts
}

// visible returns the objects shown.
func visible(objs []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// lineHeight is the height of every line: the tallest object's.
func lineHeight(objs []fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (f *flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	shown := visible(objs)
	starts := f.lineBreaks(objs, size.Width)
	h, pad := lineHeight(shown), theme.Padding()
	line, x := -1, float32(0)
	for i, o := range shown {
		if line+1 < len(starts) && starts[line+1] == i {
			line, x = line+1, 0
		}
		m := o.MinSize()
		o.Move(fyne.NewPos(x, float32(line)*(h+pad)+(h-m.Height)/2))
		o.Resize(m)
		x += m.Width + pad
	}
	changed := len(starts) != f.lines
	f.width, f.lines = size.Width, len(starts)
	if changed && f.relayout != nil {
		f.relayout() // later: not inside the layout under way
	}
}

func (f *flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	shown := visible(objs)
	w := float32(0)
	for _, o := range shown {
		w = max(w, o.MinSize().Width)
	}
	// Not laid out yet: one object a line, the most it can take.
	lines := max(1, len(shown))
	if f.width > 0 {
		lines = len(f.lineBreaks(objs, f.width))
	}
	h := lineHeight(shown)
	return fyne.NewSize(w, float32(lines)*h+float32(lines-1)*theme.Padding())
}

// columns lays out three objects side by side: a list on the left and a
// panel on the right, each between a narrowest and a widest width (a share
// of the window in between), and the middle taking the rest.
type columns struct {
	left, right [2]float32 // narrowest, widest
	share       [2]float32 // of the whole width, for left and right
}

// widths returns the widths of the side columns at the total width w.
func (c columns) widths(w float32) (float32, float32) {
	clamp := func(v float32, r [2]float32) float32 { return max(r[0], min(r[1], v)) }
	return clamp(w*c.share[0], c.left), clamp(w*c.share[1], c.right)
}

func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 3 {
		return
	}
	pad := theme.Padding()
	l, r := c.widths(size.Width)
	l, r = max(l, objs[0].MinSize().Width), max(r, objs[2].MinSize().Width)
	mid := max(0, size.Width-l-r-2*pad)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(l, size.Height))
	objs[1].Move(fyne.NewPos(l+pad, 0))
	objs[1].Resize(fyne.NewSize(mid, size.Height))
	objs[2].Move(fyne.NewPos(l+pad+mid+pad, 0))
	objs[2].Resize(fyne.NewSize(r, size.Height))
}

func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != 3 {
		return fyne.Size{}
	}
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		switch i {
		case 0:
			m.Width = max(m.Width, c.left[0])
		case 2:
			m.Width = max(m.Width, c.right[0])
		}
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s.AddWidthHeight(2*theme.Padding(), 0)
}

// widthWatch stacks its objects and calls changed when the width it is
// given changes. changed runs inside the layout under way: it must only ask
// for work to be done later.
type widthWatch struct {
	width   float32
	changed func()
}

func (w *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	layout.NewStackLayout().Layout(objs, size)
	if size.Width != w.width {
		w.width = size.Width
		w.changed()
	}
}

func (w *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return layout.NewStackLayout().MinSize(objs)
}
