package ui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"veil/app"
	"veil/redact"
	"veil/redact/face"
)

// detail is the mean difference in luminance between neighbouring pixels
// of img within r: high where a face or any edge shows, near 0 where the
// picture is blurred.
func detail(img image.Image, r image.Rectangle) float64 {
	r = r.Intersect(img.Bounds())
	lum := func(x, y int) float64 {
		c := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
		return float64(c.Y)
	}
	var sum float64
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x+1 < r.Max.X; x++ {
			d := lum(x+1, y) - lum(x, y)
			sum += max(d, -d)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// editorShot captures the window and returns it with the photo's place in
// it and the astronaut's face there.
func editorShot(t *testing.T, v *shell, faceArea image.Rectangle) (shot image.Image, photo, face image.Rectangle) {
	t.Helper()
	shot = v.win.Canvas().Capture()
	k := float64(v.win.Canvas().Scale())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.editor)
	vw, ok := v.editor.viewFor(v.editor.Size())
	if !ok {
		t.Fatal("no photo in the editor")
	}
	toShot := func(r image.Rectangle) image.Rectangle {
		x0, y0, x1, y1 := vw.screenRect(r)
		ox, oy := float64(pos.X), float64(pos.Y)
		return image.Rect(int((ox+x0)*k)+2, int((oy+y0)*k)+2, int((ox+x1)*k)-2, int((oy+y1)*k)-2)
	}
	return shot, toShot(vw.bounds), toShot(faceArea)
}

func TestAPhotoIsShownVeiledUntilItsFacesAreKnown(t *testing.T) {
	v, _ := newTestShell(t)
	v.win.Resize(fyne.NewSize(1200, 800))
	q := &queue{}
	v.spawn = q.spawn
	entered, release, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	v.detect = func(p *app.Photo) ([]face.Face, error) {
		close(entered)
		<-release // the detector is slow: the person looks at the window meanwhile
		return p.Faces()
	}
	paths := copyFixtures(t, astronaut)
	faceArea := astronautFace(t, paths[0])[0].Rect
	v.dropURIs(uriList(paths))
	r := test.WidgetRenderer(v.editor).(*editorRenderer)
	if !r.waiting.Visible() || r.waiting.Text != "Reading the picture…" {
		t.Errorf("while the photo is read the editor says %q (shown %v)", r.waiting.Text, r.waiting.Visible())
	}
	go func() { q.drain(); close(done) }()
	<-entered // the background work waits in the detector: the window is ours

	shot, photo, faceOnScreen := editorShot(t, v, faceArea)
	veiledPhoto, veiledFace := detail(shot, photo), detail(shot, faceOnScreen)
	if !v.editor.Veiled() || !r.waiting.Visible() || r.waiting.Text != "Looking for faces…" {
		t.Errorf("while looking for faces: veiled %v, words %q shown %v", v.editor.Veiled(), r.waiting.Text, r.waiting.Visible())
	}
	e := v.entries[0]
	if e.thumb == nil {
		t.Error("the photo on screen has no thumbnail while its faces are looked for")
	}
	plainThumb := detail(thumbnail(e.img), e.thumb.Bounds())
	if got := detail(e.thumb, e.thumb.Bounds()); got > plainThumb/5 {
		t.Errorf("the row's thumbnail shows detail %.1f while looking for faces, the uncovered photo %.1f", got, plainThumb)
	}

	close(release)
	<-done
	v.editor.prev.wait()
	shot, photo, _ = editorShot(t, v, faceArea)
	shown := detail(shot, photo)
	if v.editor.Veiled() || r.waiting.Visible() {
		t.Error("the faces are known but the photo is still veiled")
	}
	if veiledPhoto > shown/5 || veiledFace > shown/5 {
		t.Errorf("detail on screen while looking: %.1f (face %.1f); once the faces are covered: %.1f", veiledPhoto, veiledFace, shown)
	}
	if got, want := v.editor.Regions(), astronautFace(t, paths[0]); !equalRegions(got, want) {
		t.Errorf("once found the editor covers %v, want %v", got, want)
	}
	if got := detail(e.thumb, e.thumb.Bounds()); got < plainThumb/2 {
		t.Errorf("once the faces are known the row's thumbnail shows detail %.1f, want about the photo's %.1f", got, plainThumb)
	}
}

func TestTheFirstFrameIsShownBeforeThePreviewIsRendered(t *testing.T) {
	test.NewTempApp(t)
	e := NewEditor()
	var jobs []func()
	e.prev.spawn = func(f func()) { jobs = append(jobs, f) } // the worker waits
	e.prev.post = func(f func()) { f() }
	w := test.NewTempWindow(t, e)
	w.SetPadded(false)
	w.Resize(editorSize)
	photo := testPhoto(photoSize.X, photoSize.Y)
	face := redact.Region{Rect: image.Rect(40, 20, 100, 80), Shape: redact.Rect, Style: redact.Blur}
	e.SetPhoto(photo, []redact.Region{face})

	r := test.WidgetRenderer(e).(*editorRenderer)
	if e.prev.img == nil || !r.photo.Visible() || r.waiting.Visible() {
		t.Fatal("no first frame while the preview is being rendered")
	}
	if got := e.prev.img.Bounds().Size(); got != photoSize {
		t.Errorf("first frame %v, want the photo's own size %v (never enlarged)", got, photoSize)
	}
	overlay := r.draw(416, 316).(*image.RGBA)
	if c := overlay.RGBAAt(8+2*70, 58+2*50); c != opaque(redact.DefaultFillColor) {
		t.Errorf("over the first frame the face shows %v, want the flat stand-in cover", c)
	}
	for len(jobs) > 0 {
		f := jobs[0]
		jobs = jobs[1:]
		f()
	}
	want := fitDown(app.Cover(photo, []redact.Region{face}, redact.Options{}), photoSize)
	if string(e.prev.img.Pix) != string(want.Pix) {
		t.Error("once rendered, the preview is not the saved pixels")
	}
}

func TestSampleNearestReadsEveryKindOfPictureAlike(t *testing.T) {
	ycc := image.NewYCbCr(image.Rect(3, 5, 67, 53), image.YCbCrSubsampleRatio420)
	for i := range ycc.Y {
		ycc.Y[i] = uint8(i * 13)
	}
	for i := range ycc.Cb {
		ycc.Cb[i], ycc.Cr[i] = uint8(i*7), uint8(255-i*5)
	}
	nrgba := testPhoto(64, 48)
	rgba := image.NewRGBA(nrgba.Rect)
	copy(rgba.Pix, nrgba.Pix) // opaque: the same colours
	tests := []struct {
		name string
		img  image.Image
	}{
		{"a JPEG's planes with an offset origin", ycc},
		{"a straight-alpha picture", nrgba},
		{"any other picture, through At", rgba},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.img.Bounds()
			got := sampleNearest(tt.img, image.Pt(10, 7))
			for y := range 7 {
				for x := range 10 {
					sx, sy := b.Min.X+(2*x+1)*b.Dx()/20, b.Min.Y+(2*y+1)*b.Dy()/14
					want := color.NRGBAModel.Convert(tt.img.At(sx, sy)).(color.NRGBA)
					if c := got.NRGBAAt(x, y); c != want {
						t.Fatalf("(%d, %d) is %v, want the pixel (%d, %d) %v", x, y, c, sx, sy, want)
					}
				}
			}
		})
	}
}

func TestTheVeilKeepsNoDetail(t *testing.T) {
	p, err := app.Open(astronaut)
	if err != nil {
		t.Fatal(err)
	}
	photo, err := p.Image()
	if err != nil {
		t.Fatal(err)
	}
	veil := veilImage(photo)
	if got := veil.Bounds().Size(); got != image.Pt(veilSample, veilSample) {
		t.Errorf("veil of a square photo %v, want %d×%d", got, veilSample, veilSample)
	}
	plain := detail(fitDown(app.Cover(photo, nil, redact.Options{}), veil.Bounds().Size()), veil.Bounds())
	if got := detail(veil, veil.Bounds()); got > plain/5 {
		t.Errorf("the veil keeps detail %.1f, the photo at its size %.1f", got, plain)
	}
}

// bench48MP returns a 48 MP 4:2:0 picture, as image/jpeg decodes a photo.
func bench48MP() *image.YCbCr {
	src := image.NewYCbCr(image.Rect(0, 0, 8000, 6000), image.YCbCrSubsampleRatio420)
	for i := range src.Y {
		src.Y[i] = uint8(i * 7)
	}
	return src
}

// BenchmarkQuickFrame48MP measures the first frame of a 48 MP photo at
// 1000×750 device pixels.
func BenchmarkQuickFrame48MP(b *testing.B) {
	src := bench48MP()
	for b.Loop() {
		quickFrame(src, image.Pt(1000, 750))
	}
}

// BenchmarkVeil48MP measures the veil of a 48 MP photo.
func BenchmarkVeil48MP(b *testing.B) {
	src := bench48MP()
	for b.Loop() {
		veilImage(src)
	}
}

// BenchmarkPreview48MP measures the full-quality preview the first frame
// stands in for: one face cover, app.Cover, then the scale to screen.
func BenchmarkPreview48MP(b *testing.B) {
	src := bench48MP()
	regions := []redact.Region{redact.FaceRegion(image.Rect(3000, 1000, 4600, 3000), src.Rect)}
	for b.Loop() {
		renderPreview(src, regions, redact.Options{}, image.Pt(1000, 750))
	}
}
