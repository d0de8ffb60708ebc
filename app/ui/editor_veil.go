package ui

import (
	"image"
	"image/color"

	"github.com/disintegration/imaging"
)

// The veil is what the window shows of a photo whose faces are still being
// looked for: the whole photo blurred past recognition, so that a face is
// never on screen uncovered before the person has seen its cover (someone
// may be looking over their shoulder). It is a display state only: nothing
// veiled is ever written.
const (
	// veilSample is the longest side of the nearest-neighbour sample the
	// veil is made from: a few thousand pixels read, whatever the photo's
	// size, so the veil costs nothing even for 48 MP.
	veilSample = 96
	// veilDetail is the longest side, in pixels, of the detail the veil
	// keeps: a face filling the frame is a handful of colour patches.
	veilDetail = 10
)

// veilImage returns img blurred past recognition, small (at most
// veilSample pixels on its longest side): the canvas stretches it smoothly.
func veilImage(img image.Image) *image.NRGBA {
	s := sampleNearest(img, fitSize(img.Bounds().Size(), image.Pt(veilSample, veilSample)))
	w, h := s.Rect.Dx(), s.Rect.Dy()
	if w == 0 || h == 0 {
		return s
	}
	t := fitSize(s.Rect.Size(), image.Pt(veilDetail, veilDetail))
	tiny := imaging.Resize(s, t.X, t.Y, imaging.Box)
	big := imaging.Resize(tiny, w, h, imaging.Linear)
	return imaging.Blur(big, float64(max(w, h))/24)
}

// quickFrame returns img brought down to size by picking the nearest pixel:
// milliseconds even for 48 MP, where the full-quality preview takes a
// second or more. It is shown until that preview is ready.
func quickFrame(img image.Image, size image.Point) *image.NRGBA {
	return sampleNearest(img, fitSize(img.Bounds().Size(), size))
}

// sampleNearest returns the size.X×size.Y picture made of the pixels of img
// nearest to the centres of its cells, read straight from the decoder's
// planes for the common kinds of picture.
func sampleNearest(img image.Image, size image.Point) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, size.X, size.Y))
	b := img.Bounds()
	if size.X <= 0 || size.Y <= 0 || b.Empty() {
		return out
	}
	xs := make([]int, size.X) // the source column of each output column
	for x := range xs {
		xs[x] = b.Min.X + (2*x+1)*b.Dx()/(2*size.X)
	}
	pixel := pixelReader(img)
	rows := func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			sy := b.Min.Y + (2*y+1)*b.Dy()/(2*size.Y)
			o := out.Pix[y*out.Stride:]
			for x, sx := range xs {
				c := pixel(sx, sy)
				o[4*x], o[4*x+1], o[4*x+2], o[4*x+3] = c.R, c.G, c.B, c.A
			}
		}
	}
	inBands(size.Y, rows)
	return out
}

// pixelReader returns a function reading one pixel of img as straight
// NRGBA, directly from the planes of a YCbCr or NRGBA picture.
func pixelReader(img image.Image) func(x, y int) color.NRGBA {
	switch p := img.(type) {
	case *image.YCbCr:
		return func(x, y int) color.NRGBA {
			ci := p.COffset(x, y)
			r, g, b := color.YCbCrToRGB(p.Y[p.YOffset(x, y)], p.Cb[ci], p.Cr[ci])
			return color.NRGBA{r, g, b, 0xFF}
		}
	case *image.NRGBA:
		return func(x, y int) color.NRGBA {
			i := p.PixOffset(x, y)
			s := p.Pix[i : i+4 : i+4]
			return color.NRGBA{s[0], s[1], s[2], s[3]}
		}
	}
	return func(x, y int) color.NRGBA { return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) }
}
