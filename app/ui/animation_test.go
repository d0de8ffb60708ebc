package ui

import (
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"veil/app"
	"veil/exif"
)

// animatedAstronaut writes a GIF of two frames on a screen 24 pixels
// larger than the astronaut each way: the first is the astronaut, at
// 12,8, in the Plan 9 palette; the second fills the screen with grey.
func animatedAstronaut(t *testing.T) string {
	t.Helper()
	p, err := app.Open(astronaut)
	if err != nil {
		t.Fatal(err)
	}
	img, err := p.Image()
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	screen := image.Rect(0, 0, b.Dx()+24, b.Dy()+24)
	first := image.NewPaletted(b.Add(image.Pt(12, 8)), palette.Plan9)
	draw.Draw(first, first.Rect, img, b.Min, draw.Src)
	second := image.NewPaletted(screen, palette.Plan9)
	draw.Draw(second, screen, image.NewUniform(color.Gray{128}), image.Point{}, draw.Src)
	path := filepath.Join(t.TempDir(), "waving.gif")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g := &gif.GIF{Image: []*image.Paletted{first, second}, Delay: []int{50, 50},
		Config: image.Config{ColorModel: color.Palette(palette.Plan9), Width: screen.Dx(), Height: screen.Dy()}}
	if err := gif.EncodeAll(f, g); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnAnimatedGIFIsSavedWithItsFaceCoveredAsAStillPicture(t *testing.T) {
	tests := []struct {
		name  string
		press func(v *shell)
	}{
		{"with Save", func(v *shell) { test.Tap(v.saver.save) }},
		{"with Save all", func(v *shell) { test.Tap(v.saver.saveAll) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestShell(t)
			src := animatedAstronaut(t)
			drop(v, src)
			e := v.entries[0]
			if len(e.faces) != 1 || e.warning() != "" {
				t.Fatalf("faces %v, warning %q: want one face, covered", e.faces, e.warning())
			}
			tt.press(v)
			if e.state != stSaved || !e.still {
				t.Fatalf("%s (still %v)", e.statusText(), e.still)
			}
			if got := e.statusText(); got != "Saved as a still picture" {
				t.Errorf("the row says %q", got)
			}
			v.selectEntry(e)
			if !strings.Contains(v.saver.output.Text, "still picture of the animation's first frame") {
				t.Errorf("the save bar says %q", v.saver.output.Text)
			}
			checkStillCopy(t, e.output, src, e.faces[0].X, e.faces[0].Y, e.faces[0].W, e.faces[0].H)
		})
	}
}

// checkStillCopy checks that the copy at out is one still PNG of the
// animation's screen, and that the pixels in the face box x,y,w,h are
// not those of the first frame.
func checkStillCopy(t *testing.T, out, src string, x, y, w, h int) {
	t.Helper()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	info, err := exif.Inspect(data)
	if err != nil || info.Format != exif.PNG || info.Animated {
		t.Fatalf("the copy: %v, %+v", err, info)
	}
	saved, _ := app.Open(out)
	got, err := saved.Image()
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := app.Open(src)
	frame, _ := orig.Image()
	if got.Bounds() != frame.Bounds() {
		t.Fatalf("the copy is %v, the animation's screen %v", got.Bounds(), frame.Bounds())
	}
	box := image.Rect(x, y, x+w, y+h)
	changed, total := 0, 0
	for py := box.Min.Y; py < box.Max.Y; py++ {
		for px := box.Min.X; px < box.Max.X; px++ {
			total++
			if color.NRGBAModel.Convert(got.At(px, py)) != color.NRGBAModel.Convert(frame.At(px, py)) {
				changed++
			}
		}
	}
	if changed < total*9/10 {
		t.Errorf("only %d of the face's %d pixels are covered", changed, total)
	}
}
