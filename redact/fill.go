package redact

import (
	"image"
	"image/color"
)

// paintFill paints the pixels r covers in dst with the opaque colour c.
// A solid colour carries nothing from the image at all.
func paintFill(dst *image.NRGBA, r Region, c color.NRGBA) {
	forSpans(dst, r, func(_, _, _ int, pix []uint8) {
		for i := 0; i+3 < len(pix); i += 4 {
			pix[i], pix[i+1], pix[i+2], pix[i+3] = c.R, c.G, c.B, 0xFF
		}
	})
}
