package redact

import "image"

// Mosaic noise, in 8-bit levels: a strong per-block change of brightness and
// a smaller one of colour, so the blocks look like a mosaic of a picture
// rather than a smooth gradient cut into squares.
const (
	mosaicLuma   = 14.0
	mosaicChroma = 5.0
)

// mosaicBlock returns the block size for a paint rectangle: an eighth of its
// short side, at least 8 pixels.
func mosaicBlock(p image.Rectangle) int {
	return max(8, min(p.Dx(), p.Dy())/8)
}

// paintPixelate covers cov.regions[idx] in dst with something that looks like
// a mosaic, synthesized only from the ring of pixels just outside the region:
// square blocks aligned to the region's visible corner, each the smooth ring
// field (see newField) at the block's centre plus per-block noise keyed by
// opt.Seed and the ring. Unlike a true mosaic, whose block means can be
// matched against candidate faces or text (Depix), no block depends on a
// pixel inside the region. With no ring pixel to use, it falls back to the
// fill colour.
func paintPixelate(dst *image.NRGBA, cov *coverage, idx int, opt Options) {
	paintPixelateFrom(dst, cov.regions[idx], sampleRing(dst, cov, idx, opt.Seed), opt)
}

// paintPixelateFrom paints r's Pixelate cover from its ring rg into the
// rows of r that dst holds (all of them, or a band).
func paintPixelateFrom(dst *image.NRGBA, r coverRegion, rg ring, opt Options) {
	if len(rg.samples) == 0 {
		paintFill(dst, r, opt.fill())
		return
	}
	f := newField(rg)
	p := rg.paint
	bs := mosaicBlock(p)
	bx := (p.Dx() + bs - 1) / bs
	by := (p.Dy() + bs - 1) / bs
	colours := make([][4]uint8, bx*by)
	for j := range by {
		for i := range bx {
			// The centre of the block's visible part, so edge blocks match their pixels.
			cx := (float64(i*bs) + float64(min((i+1)*bs, p.Dx()))) / 2
			cy := (float64(j*bs) + float64(min((j+1)*bs, p.Dy()))) / 2
			cr, cg, cb := f.at(cx, cy)
			l := mosaicLuma * noise(rg.hash, i, j)
			k := rg.hash ^ 0xC0FFEE
			colours[j*bx+i] = [4]uint8{
				clamp8(cr + l + mosaicChroma*noise(k, i, j)),
				clamp8(cg + l + mosaicChroma*noise(k+1, i, j)),
				clamp8(cb + l + mosaicChroma*noise(k+2, i, j)),
				0xFF,
			}
		}
	}
	forSpans(dst, r, func(y, x0, _ int, pix []uint8) {
		row := colours[(y-p.Min.Y)/bs*bx:]
		for i := 0; i+3 < len(pix); i += 4 {
			c := row[(x0+i/4-p.Min.X)/bs]
			pix[i], pix[i+1], pix[i+2], pix[i+3] = c[0], c[1], c[2], c[3]
		}
	})
}
