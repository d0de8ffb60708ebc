package ui

import (
	"image"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"veil/redact"
)

// CreateRenderer returns the Editor's renderer (fyne.Widget).
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	r := &editorRenderer{e: e}
	r.photo = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}
	r.photo.Hide()
	r.overlay = canvas.NewRaster(r.draw)
	r.waiting = canvas.NewText(lang.L("Preparing the photo…"), theme.Color(theme.ColorNameForeground))
	r.waiting.Alignment = fyne.TextAlignCenter
	r.waiting.Hide()
	r.waitBg = canvas.NewRectangle(color.Transparent)
	r.waitBg.CornerRadius = 6
	r.waitBg.Hide()
	r.message = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.message.Wrapping = fyne.TextWrapWord
	r.message.Importance = widget.DangerImportance
	r.message.Hide()
	r.objects = []fyne.CanvasObject{r.photo, r.overlay, r.waitBg, r.waiting, r.message}
	return r
}

// editorRenderer shows the preview as an image scaled by the canvas, and
// draws outlines, handles, the crop and stand-in covers into a transparent
// raster at device resolution above it.
type editorRenderer struct {
	e       *Editor
	photo   *canvas.Image
	overlay *canvas.Raster
	waiting *canvas.Text      // says the photo is coming, or its faces are being looked for
	waitBg  *canvas.Rectangle // behind waiting, so that it reads over the veil
	message *widget.Label     // why there is no photo (Editor.SetMessage)
	buf     *image.RGBA       // the overlay's pixels, reused between frames
	labels  []*coverLabel
	badges  []*badge // the number of every area, as in the legend
	objects []fyne.CanvasObject
}

// badge is an area's number on the photo, so that "Face 2" under the photo
// can be found on it.
type badge struct {
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newBadge() *badge {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 8
	t := canvas.NewText("", color.White)
	t.TextStyle.Bold = true
	t.Alignment = fyne.TextAlignCenter
	return &badge{bg: bg, text: t}
}

// set shows the number n, in the accent colour when its area is selected.
func (b *badge) set(n int, selected bool) {
	b.text.Text, b.text.TextSize = strconv.Itoa(n), theme.CaptionTextSize()
	b.text.Color = theme.Color(theme.ColorNameForeground)
	b.bg.FillColor = withAlpha(theme.Color(theme.ColorNameBackground), 0xD0)
	if selected {
		b.bg.FillColor = theme.Color(theme.ColorNamePrimary)
		b.text.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
	}
	b.bg.Refresh()
	b.text.Refresh()
}

// size is worked out from the text size, not measured: the editor is laid
// out again whenever a preview arrives, and a digit is about 0.6 em wide.
func (b *badge) size() fyne.Size {
	em := b.text.TextSize
	h := em*1.3 + 2
	return fyne.NewSize(max(h, float32(len(b.text.Text))*em*0.6+theme.InnerPadding()), h)
}

// place puts the badge centred at (x, y), kept inside the photo of v.
func (b *badge) place(x, y float64, v view) {
	s := b.size()
	x = max(v.x0, min(v.x0+v.w-float64(s.Width), x-float64(s.Width)/2))
	y = max(v.y0, min(v.y0+v.h-float64(s.Height), y-float64(s.Height)/2))
	b.bg.Move(fyne.NewPos(float32(x), float32(y)))
	b.bg.Resize(s)
	b.text.Move(fyne.NewPos(float32(x), float32(y)+1))
	b.text.Resize(fyne.NewSize(s.Width, s.Height-2))
}

// coverLabel marks a region that is not covered, so that its state is
// told in words and not by colour or dashes alone.
type coverLabel struct {
	bg   *canvas.Rectangle
	icon *canvas.Image
	text *canvas.Text
}

func newCoverLabel() *coverLabel {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 4
	icon := canvas.NewImageFromResource(theme.VisibilityIcon())
	icon.FillMode = canvas.ImageFillContain
	return &coverLabel{bg: bg, icon: icon, text: canvas.NewText(lang.L("Not covered"), color.Black)}
}

func (l *coverLabel) size() fyne.Size {
	t := l.text.MinSize()
	return fyne.NewSize(t.Height+t.Width+3*theme.InnerPadding()/2, t.Height+theme.InnerPadding()/2)
}

func (l *coverLabel) place(pos fyne.Position) {
	s, t, pad := l.size(), l.text.MinSize(), theme.InnerPadding()/2
	l.bg.Move(pos)
	l.bg.Resize(s)
	l.icon.Move(pos.AddXY(pad, (s.Height-t.Height)/2))
	l.icon.Resize(fyne.NewSquareSize(t.Height))
	l.text.Move(pos.AddXY(pad+t.Height+pad/2, (s.Height-t.Height)/2))
	l.text.Resize(t)
}

func (r *editorRenderer) Destroy() {}

func (r *editorRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

func (r *editorRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh shows the latest preview, rebuilds the labels and redraws.
func (r *editorRenderer) Refresh() {
	e := r.e
	r.photo.Image = e.prev.img
	if e.veiled {
		r.photo.Image = e.veilFrame()
	}
	if e.img == nil || r.photo.Image == nil {
		r.photo.Image = nil
		r.photo.Hide()
	} else {
		r.photo.Show()
	}
	r.photo.Refresh()
	r.refreshWaiting()
	if r.message.Text != e.message {
		r.message.SetText(e.message) // a label measures its text when set
	}
	showIf(r.message, e.img == nil && e.message != "")
	r.syncLabels()
	r.Layout(e.Size())
	r.overlay.Refresh()
}

// refreshWaiting says what the editor is waiting for: the faces, over the
// veiled photo, or the photo's first frame.
func (r *editorRenderer) refreshWaiting() {
	e := r.e
	r.waiting.Text = lang.L("Preparing the photo…")
	switch {
	case e.veiled:
		r.waiting.Text = lang.L("Looking for faces…")
	case e.img == nil:
		r.waiting.Text = e.pending
	}
	r.waiting.Color = theme.Color(theme.ColorNameForeground)
	r.waiting.TextStyle.Bold = e.veiled
	r.waitBg.FillColor = withAlpha(theme.Color(theme.ColorNameBackground), 0xE0)
	pending := e.img == nil && e.pending != "" && e.message == ""
	show := r.loading() || e.veiled && e.img != nil || pending
	showIf(r.waiting, show)
	showIf(r.waitBg, show && e.veiled)
	r.waiting.Refresh()
	r.waitBg.Refresh()
}

// syncLabels keeps one label per region that is not covered.
func (r *editorRenderer) syncLabels() {
	n := 0
	for _, it := range r.e.items {
		if !it.covered {
			n++
		}
	}
	for len(r.labels) < n {
		r.labels = append(r.labels, newCoverLabel())
	}
	r.labels = r.labels[:n]
	fg, bg := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameBackground)
	r.objects = append(r.objects[:0], r.photo, r.overlay, r.waitBg, r.waiting, r.message)
	for _, l := range r.labels {
		l.text.Text, l.text.Color, l.text.TextSize = lang.L("Not covered"), fg, theme.TextSize()
		l.bg.FillColor = withAlpha(bg, 0xE6)
		l.bg.Refresh()
		l.text.Refresh()
		r.objects = append(r.objects, l.bg, l.icon, l.text)
	}
	r.syncBadges()
}

// syncBadges keeps one numbered badge per area.
func (r *editorRenderer) syncBadges() {
	for len(r.badges) < len(r.e.items) {
		r.badges = append(r.badges, newBadge())
	}
	r.badges = r.badges[:len(r.e.items)]
	if r.loading() {
		return // no numbers on an empty editor
	}
	for i, b := range r.badges {
		b.set(i+1, i == r.e.sel)
		r.objects = append(r.objects, b.bg, b.text)
	}
}

// Layout places the preview where the view puts the photo, the overlay over
// the whole widget and each label at its region's top-left corner. It asks
// for a new preview when the photo's size on screen changed a lot.
func (r *editorRenderer) Layout(size fyne.Size) {
	r.overlay.Move(fyne.NewPos(0, 0))
	r.overlay.Resize(size)
	r.layoutWords(size)
	v, ok := r.e.viewFor(size)
	if !ok {
		return
	}
	r.photo.Move(fyne.NewPos(float32(v.x0), float32(v.y0)))
	r.photo.Resize(fyne.NewSize(float32(v.w), float32(v.h)))
	j := 0
	for _, it := range r.e.items {
		if it.covered || j >= len(r.labels) {
			continue
		}
		l := r.labels[j]
		j++
		x0, y0, _, _ := v.screenRect(it.r.Rect)
		s := l.size()
		x := max(v.x0, min(v.x0+v.w-float64(s.Width), x0))
		y := max(v.y0, min(v.y0+v.h-float64(s.Height), y0-float64(s.Height)-2))
		l.place(fyne.NewPos(float32(x), float32(y)))
	}
	for i, it := range r.e.items {
		if i < len(r.badges) {
			// Low in the area, in its middle: on the cover, clear of the
			// "Not covered" label at its top and of the handle at its
			// bottom; in the centre of a small area.
			x0, y0, x1, y1 := v.screenRect(it.r.Rect)
			y := max((y0+y1)/2, y1-handleSize-float64(r.badges[i].size().Height)/2)
			r.badges[i].place((x0+x1)/2, y, v)
		}
	}
	if r.e.previewStale() {
		r.e.requestPreview()
	}
}

// draw renders the overlay at w×h device pixels (the canvas.Raster
// generator; it runs on the UI goroutine).
func (r *editorRenderer) draw(w, h int) image.Image {
	if r.buf == nil || r.buf.Rect.Dx() != w || r.buf.Rect.Dy() != h {
		r.buf = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(r.buf.Pix)
	}
	e := r.e
	size := e.Size()
	v, ok := e.viewFor(size)
	if !ok || w == 0 || r.loading() {
		return r.buf // no bare outlines on an empty editor
	}
	k := float64(w) / float64(size.Width)
	p := &painter{dst: r.buf, v: v.scaled(k), k: k}
	r.drawCovers(p)
	if !e.crop.Empty() {
		p.dimOutside(e.crop)
	}
	r.drawOutlines(p)
	if !e.crop.Empty() {
		p.outline(e.crop, redact.Rect, lineLight, lineWidth, false)
		if e.mode == ModeCrop {
			p.handles(e.crop)
		}
	}
	if e.sel >= 0 && e.mode == ModeSelect {
		p.handles(e.items[e.sel].r.Rect)
	}
	return r.buf
}

// layoutWords centres the words shown instead of a photo. Only shown
// words are measured: the editor is laid out whenever a preview arrives.
func (r *editorRenderer) layoutWords(size fyne.Size) {
	if r.message.Visible() {
		mw := min(size.Width, 520)
		r.message.Resize(fyne.NewSize(mw, r.message.MinSize().Height))
		mh := r.message.MinSize().Height // wrapped to the width
		r.message.Resize(fyne.NewSize(mw, mh))
		r.message.Move(fyne.NewPos((size.Width-mw)/2, (size.Height-mh)/2))
	}
	if r.waiting.Visible() {
		ts := r.waiting.MinSize()
		r.waiting.Move(fyne.NewPos(0, (size.Height-ts.Height)/2))
		r.waiting.Resize(fyne.NewSize(size.Width, ts.Height))
		pad := 2 * theme.InnerPadding()
		bw := min(size.Width, ts.Width+2*pad)
		r.waitBg.Move(fyne.NewPos((size.Width-bw)/2, (size.Height-ts.Height)/2-pad/2))
		r.waitBg.Resize(fyne.NewSize(bw, ts.Height+pad))
	}
}

// loading reports whether a photo is set but not even its first frame is
// ready (nor veiled): the editor then says so in words, and draws nothing
// else.
func (r *editorRenderer) loading() bool {
	return r.e.img != nil && r.e.prev.img == nil && !r.e.veiled
}

// drawCovers paints a flat stand-in cover on every covered region the
// preview does not show yet, and on a region being drawn: nothing that
// will be covered is ever shown uncovered, even for a moment.
func (r *editorRenderer) drawCovers(p *painter) {
	flat := opaque(redact.DefaultFillColor)
	p.clip = true // on the photo only, where the cover will be
	defer func() { p.clip = false }()
	for _, it := range r.e.items {
		if it.covered && !r.e.prev.has(it.r) {
			p.fillRegion(it.r, flat)
		}
	}
	if d := r.e.drag; d != nil && d.kind == dragNew {
		p.fillRegion(d.live, flat)
	}
}

// drawOutlines outlines every region: solid when covered, dashed when not,
// thicker and in the accent colour when selected or being drawn.
func (r *editorRenderer) drawOutlines(p *painter) {
	accent := opaque(theme.Color(theme.ColorNamePrimary))
	for i, it := range r.e.items {
		c, w := lineLight, float64(lineWidth)
		if i == r.e.sel {
			c, w = accent, selectedWidth
		}
		p.outline(it.r.Rect, it.r.Shape, c, w, !it.covered)
	}
	if d := r.e.drag; d != nil && d.kind == dragNew {
		p.outline(d.live.Rect, d.live.Shape, accent, selectedWidth, false)
	}
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
