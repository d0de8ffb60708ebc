package redact

import (
	"image"
	"image/color"
)

// DefaultFillColor is the dark neutral grey used when Options.FillColor is
// left at its zero value.
var DefaultFillColor = color.NRGBA{R: 0x2B, G: 0x2B, B: 0x2E, A: 0xFF}

// fill returns the colour Fill paints with: FillColor made opaque, or
// DefaultFillColor for the zero value.
func (o Options) fill() color.NRGBA {
	if o.FillColor == (color.NRGBA{}) {
		return DefaultFillColor
	}
	c := o.FillColor
	c.A = 0xFF
	return c
}

// paintFill paints the pixels r covers in dst with the opaque colour c.
// A solid colour carries nothing from the image at all.
func paintFill(dst *image.NRGBA, r coverRegion, c color.NRGBA) {
	forSpans(dst, r, func(_, _, _ int, pix []uint8) {
		for i := 0; i+3 < len(pix); i += 4 {
			pix[i], pix[i+1], pix[i+2], pix[i+3] = c.R, c.G, c.B, 0xFF
		}
	})
}
