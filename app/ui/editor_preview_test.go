package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"veil/redact"
)

func TestEditorPreviewIsTheSavedPixelsScaledDown(t *testing.T) {
	photo := testPhoto(400, 200) // shown at half size in a 200×100 editor
	regions := []redact.Region{
		{Rect: image.Rect(40, 20, 120, 100), Shape: redact.Rect, Style: redact.Fill},
		{Rect: image.Rect(200, 40, 320, 180), Shape: redact.Ellipse, Style: redact.Blur},
	}
	e, _ := newTestEditor(t, photo, regions, margins(200, 100))
	want := fitDown(redact.Apply(photo, regions, redact.Options{}), image.Pt(200, 100))
	got := e.prev.img
	if got == nil || got.Rect != image.Rect(0, 0, 200, 100) || string(got.Pix) != string(want.Pix) {
		t.Fatalf("preview %v differs from redact.Apply scaled down", got.Bounds())
	}
	if c := got.NRGBAAt(40, 30); c != redact.DefaultFillColor {
		t.Errorf("inside the fill region the preview shows %v, want the fill colour", c)
	}
	plain := fitDown(redact.Apply(photo, nil, redact.Options{}), image.Pt(200, 100))
	if got.NRGBAAt(130, 55) == plain.NRGBAAt(130, 55) {
		t.Error("inside the blurred face the preview shows the photo itself")
	}
	e.ToggleCovered(1)
	e.prev.wait()
	if c := e.prev.img.NRGBAAt(130, 55); c != plain.NRGBAAt(130, 55) {
		t.Errorf("after uncovering the face the preview shows %v there, want the photo's %v", c, plain.NRGBAAt(130, 55))
	}
}

func TestEditorCoversANewRegionBeforeItsPreviewIsReady(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), nil, editorSize)
	r := test.TempWidgetRenderer(t, e).(*editorRenderer)
	e.SetMode(ModeAddEllipse)
	from, to := at(20, 10), at(60, 40)
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	overlay := r.draw(416, 316).(*image.RGBA)
	if c := overlay.RGBAAt(88, 108); c != opaque(redact.DefaultFillColor) {
		t.Errorf("mid-drag, the region's centre shows %v, want the flat cover", c)
	}
	if c := overlay.RGBAAt(52, 82); c.A != 0 {
		t.Errorf("mid-drag, the ellipse's bounding corner shows %v, want nothing", c)
	}
	e.DragEnd()
	e.prev.wait()
	if c := r.draw(416, 316).(*image.RGBA).RGBAAt(88, 108); c.A != 0 {
		t.Errorf("with the preview back, the overlay still covers the region: %v", c)
	}
	e.prev.shown = nil // as between a change and its preview
	if c := r.draw(416, 316).(*image.RGBA).RGBAAt(88, 108); c != opaque(redact.DefaultFillColor) {
		t.Errorf("with the preview behind, the region's centre shows %v, want the flat cover", c)
	}
}

func TestFitSize(t *testing.T) {
	tests := []struct {
		name     string
		img, box image.Point
		want     image.Point
	}{
		{"a wide photo fits the box's width", image.Pt(4000, 3000), image.Pt(800, 800), image.Pt(800, 600)},
		{"a tall photo fits the box's height", image.Pt(3000, 4000), image.Pt(800, 800), image.Pt(600, 800)},
		{"a small photo is never enlarged", image.Pt(300, 200), image.Pt(800, 800), image.Pt(300, 200)},
		{"a sliver keeps at least one pixel", image.Pt(10000, 1), image.Pt(100, 100), image.Pt(100, 1)},
		{"an empty photo gives nothing", image.Pt(0, 10), image.Pt(100, 100), image.Point{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fitSize(tt.img, tt.box); got != tt.want {
				t.Errorf("fitSize(%v, %v) = %v, want %v", tt.img, tt.box, got, tt.want)
			}
		})
	}
}

func TestEditorPreviewFollowsTheSizeOnScreen(t *testing.T) {
	e, w := newTestEditor(t, testPhoto(400, 200), nil, margins(100, 100))
	if got := e.prev.img.Bounds().Size(); got != image.Pt(100, 50) {
		t.Fatalf("preview %v in a 100×100 editor, want 100×50", got)
	}
	w.Resize(margins(300, 300))
	e.prev.wait()
	if got := e.prev.img.Bounds().Size(); got != image.Pt(300, 150) {
		t.Errorf("preview %v after growing to 300×300, want 300×150", got)
	}
}

func TestEditorKeepsOnlyTheLatestPreview(t *testing.T) {
	e, _ := newTestEditor(t, testPhoto(photoSize.X, photoSize.Y), twoRegions, editorSize)
	e.Select(0)
	for range 5 {
		e.Nudge(1, 1)
	}
	e.prev.wait()
	if !equalRegions(e.prev.shown, e.Regions()) {
		t.Errorf("the preview shows %v, want the latest regions %v", e.prev.shown, e.Regions())
	}
	e.Clear()
	e.prev.wait()
	if e.prev.img != nil {
		t.Error("a preview arrived for a photo no longer shown")
	}
}

// BenchmarkPreview12MP measures one preview of a 12 MP photo with five face
// covers, as the worker renders it (app.Cover, then the scale to screen).
func BenchmarkPreview12MP(b *testing.B) {
	src := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	for i := range src.Y {
		src.Y[i] = uint8(i * 7)
	}
	var regions []redact.Region
	for i := range 5 {
		face := image.Rect(300+i*700, 900, 300+i*700+450, 1460)
		regions = append(regions, redact.FaceRegion(face, src.Rect))
	}
	b.ReportAllocs()
	for b.Loop() {
		renderPreview(src, regions, redact.Options{}, image.Pt(1000, 750))
	}
}

// BenchmarkOverlayWhileDragging measures one frame of the overlay at
// 1000×750 device pixels while five new covers wait for their preview.
func BenchmarkOverlayWhileDragging(b *testing.B) {
	test.NewTempApp(b)
	e := NewEditor()
	w := test.NewWindow(e)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1000, 750))
	photo := image.NewNRGBA(image.Rect(0, 0, 4000, 3000))
	var regions []redact.Region
	for i := range 5 {
		regions = append(regions, redact.FaceRegion(image.Rect(300+i*700, 900, 750+i*700, 1460), photo.Rect))
	}
	e.SetPhoto(photo, regions)
	e.prev.wait()
	e.prev.shown = nil
	e.Select(2)
	r := test.WidgetRenderer(e).(*editorRenderer)
	b.ReportAllocs()
	for b.Loop() {
		r.draw(1000, 750)
	}
}

func TestHalvingTheDecoderPlanesMatchesHalvingItsColours(t *testing.T) {
	src := image.NewYCbCr(image.Rect(0, 0, 64, 48), image.YCbCrSubsampleRatio420)
	for i := range src.Y {
		src.Y[i] = uint8(i * 13)
	}
	for i := range src.Cb {
		src.Cb[i], src.Cr[i] = uint8(i*7), uint8(255-i*5)
	}
	fast := halveYCbCr(src)
	slow := halve(redact.Apply(src, nil, redact.Options{}))
	if fast.Rect != slow.Rect {
		t.Fatalf("%v vs %v", fast.Rect, slow.Rect)
	}
	for i := range fast.Pix {
		d := int(fast.Pix[i]) - int(slow.Pix[i])
		if d < -3 || d > 3 {
			t.Fatalf("byte %d: %d vs %d", i, fast.Pix[i], slow.Pix[i])
		}
	}
}
