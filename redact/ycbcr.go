package redact

import (
	"image"
	"image/color"

	"veil/internal/parallel"
)

// ringMax is the thickest ring ringGeometry gives: everything a cover
// reads lies within ringMax pixels of its region.
const ringMax = 16

// bandRows is how many rows of a cover ApplyYCbCr paints at a time: a
// multiple of every chroma subsampling, so that no chroma sample is shared
// between two bands.
const bandRows = 64

// ApplyYCbCr covers the regions in img itself, as Apply would, without a
// copy of the picture: a decoded photo of 250 megapixels takes 375 MB as
// YCbCr 4:2:0 but a gigabyte as NRGBA. Each region's ring is read from img
// (converted as Apply converts it), and the cover is painted in bands of
// rows on a small NRGBA buffer, exactly as Apply paints it, then written
// back:
//
//   - every luma sample of a covered pixel is the painted pixel's luma;
//   - every chroma sample shared by a covered pixel (4:2:0 shares one
//     between 2×2 pixels) becomes the mean chroma of the painted pixels
//     that share it, so no chroma of a hidden pixel remains, even where a
//     sample straddles the edge of a cover (with Options.Grid set to the
//     photo's blocks, none does).
//
// Pixels outside every region keep their samples unchanged. Regions are
// applied in order: where they overlap, the later one shows. img must not
// have negative coordinates (decoded photos start at (0, 0)).
func ApplyYCbCr(img *image.YCbCr, regions []Region, opt Options) {
	cov := newCoverage(regions, img.Rect, opt.Grid)
	var buf []uint8
	var sums []chromaSum
	for i, r := range cov.regions {
		p := r.Rect.Intersect(img.Rect)
		if p.Empty() {
			continue
		}
		var rg ring
		if r.Style == Blur || r.Style == Pixelate {
			rg = sampleRingOf(img.Rect, ycbcrPixel(img), cov, i, opt.Seed)
		}
		for y0 := p.Min.Y - p.Min.Y%bandRows; y0 < p.Max.Y; y0 += bandRows {
			band := image.Rect(p.Min.X, max(y0, p.Min.Y), p.Max.X, min(y0+bandRows, p.Max.Y))
			if n := 4 * band.Dx() * band.Dy(); cap(buf) < n {
				buf = make([]uint8, n)
			}
			dst := &image.NRGBA{Pix: buf[:4*band.Dx()*band.Dy()], Stride: 4 * band.Dx(), Rect: band}
			switch r.Style {
			case Blur:
				paintBlurFrom(dst, r, rg, opt)
			case Pixelate:
				paintPixelateFrom(dst, r, rg, opt)
			default:
				paintFill(dst, r, opt.fill())
			}
			sums = writeBack(img, dst, r, sums)
		}
	}
}

// ycbcrPixel reads img's pixels as Apply's conversion to NRGBA does
// (color.YCbCrToRGB, opaque).
func ycbcrPixel(img *image.YCbCr) func(x, y int) (r, g, b, a uint8) {
	return func(x, y int) (uint8, uint8, uint8, uint8) {
		r, g, b := color.YCbCrToRGB(img.Y[img.YOffset(x, y)], img.Cb[img.COffset(x, y)], img.Cr[img.COffset(x, y)])
		return r, g, b, 0xFF
	}
}

// chromaSum adds up the chroma of the painted pixels sharing one sample.
type chromaSum struct{ cb, cr, n int32 }

// writeBack copies the pixels r covers from the painted band dst into
// img: luma per pixel, and each chroma sample those pixels touch set to
// the mean chroma of the covered pixels that share it. scratch is reused
// for the sums when large enough, and returned for the next band.
func writeBack(img *image.YCbCr, dst *image.NRGBA, r coverRegion, scratch []chromaSum) []chromaSum {
	p := paintRect(dst, r)
	if p.Empty() {
		return scratch
	}
	sx, sy := chromaShift(img.SubsampleRatio)
	cx0, cy0 := p.Min.X>>sx, p.Min.Y>>sy
	cw := (p.Max.X-1)>>sx - cx0 + 1
	ch := (p.Max.Y-1)>>sy - cy0 + 1
	if cap(scratch) < cw*ch {
		scratch = make([]chromaSum, cw*ch)
	}
	sums := scratch[:cw*ch]
	clear(sums)
	// Each chroma row, and the luma rows that share it, on its own: rows
	// in parallel never touch the same sample.
	parallel.For(0, ch, 1, func(lo, hi int) {
		for j := lo; j < hi; j++ {
			row := sums[j*cw : (j+1)*cw]
			for y := max((cy0+j)<<sy, p.Min.Y); y < min((cy0+j+1)<<sy, p.Max.Y); y++ {
				x0, x1 := r.span(y)
				for x := max(x0, p.Min.X); x < min(x1, p.Max.X); x++ {
					s := dst.Pix[dst.PixOffset(x, y):]
					yy, cb, cr := color.RGBToYCbCr(s[0], s[1], s[2])
					img.Y[img.YOffset(x, y)] = yy
					a := &row[x>>sx-cx0]
					a.cb, a.cr, a.n = a.cb+int32(cb), a.cr+int32(cr), a.n+1
				}
			}
			for i, a := range row {
				if a.n > 0 {
					c := img.COffset((cx0+i)<<sx, (cy0+j)<<sy)
					img.Cb[c] = uint8((a.cb + a.n/2) / a.n)
					img.Cr[c] = uint8((a.cr + a.n/2) / a.n)
				}
			}
		}
	})
	return scratch
}

// chromaShift gives, as powers of two, how many pixels across and down
// share one chroma sample.
func chromaShift(r image.YCbCrSubsampleRatio) (sx, sy int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 1, 0
	case image.YCbCrSubsampleRatio420:
		return 1, 1
	case image.YCbCrSubsampleRatio440:
		return 0, 1
	case image.YCbCrSubsampleRatio411:
		return 2, 0
	case image.YCbCrSubsampleRatio410:
		return 2, 1
	}
	return 0, 0
}
