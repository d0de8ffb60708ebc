package redact

import "image"

// blurGrain is the amplitude, in 8-bit levels, of the fine grain added to a
// Blur cover: enough to hide banding in the smooth field, too little to see.
const blurGrain = 3.0

// paintBlur covers cov.regions[idx] in dst with something that looks like a
// strong blur but is synthesized only from the ring of pixels just outside
// the region (see sampleRing): the ring's colours blended smoothly inwards
// (see newField), plus grain keyed by opt.Seed and the ring. A blurred
// original can be sharpened back or matched against faces; this cannot,
// because no pixel of the interior is ever read. With no ring pixel to use
// (the region fills the image, or other regions surround it), it falls back
// to the fill colour.
func paintBlur(dst *image.NRGBA, cov *coverage, idx int, opt Options) {
	paintBlurFrom(dst, cov.regions[idx], sampleRing(dst, cov, idx, opt.Seed), opt)
}

// paintBlurFrom paints r's Blur cover from its ring rg into the rows of r
// that dst holds (all of them, or a band).
func paintBlurFrom(dst *image.NRGBA, r coverRegion, rg ring, opt Options) {
	if len(rg.samples) == 0 {
		paintFill(dst, r, opt.fill())
		return
	}
	f := newField(rg)
	p := rg.paint
	forSpans(dst, r, func(y, x0, _ int, pix []uint8) {
		var fr fieldRow
		f.row(float64(y-p.Min.Y)+0.5, &fr)
		for i := 0; i+3 < len(pix); i += 4 {
			x := x0 + i/4
			cr, cg, cb := f.rowAt(&fr, float64(x-p.Min.X)+0.5)
			n := blurGrain * noise(rg.hash, x, y)
			pix[i], pix[i+1], pix[i+2], pix[i+3] = clamp8(cr+n), clamp8(cg+n), clamp8(cb+n), 0xFF
		}
	})
}
