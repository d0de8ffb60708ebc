package redact

import (
	"image"
	"image/color"
)

// ringMax is the thickest ring ringGeometry gives: everything a cover
// reads lies within ringMax pixels of its region.
const ringMax = 16

// ApplyYCbCr covers the regions in img itself, as Apply would, without a
// copy of the whole picture: a decoded photo of 250 megapixels takes
// 375 MB as YCbCr 4:2:0 but a gigabyte as NRGBA. Each region is painted on
// a small NRGBA copy of the pixels around it (its ring lies within ringMax
// pixels), exactly as Apply paints it, then written back:
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
	for i := range cov.regions {
		win := cov.regions[i].Rect.Inset(-ringMax).Intersect(img.Rect)
		if win.Empty() {
			continue
		}
		dst := toNRGBA(img.SubImage(win))
		switch cov.regions[i].Style {
		case Blur:
			paintBlur(dst, cov, i, opt)
		case Pixelate:
			paintPixelate(dst, cov, i, opt)
		default:
			paintFill(dst, cov.regions[i], opt.fill())
		}
		writeBack(img, dst, cov.regions[i])
	}
}

// writeBack copies the pixels r covers from the painted window dst into
// img: luma per pixel, and each chroma sample those pixels touch set to
// the mean chroma of the covered pixels that share it.
func writeBack(img *image.YCbCr, dst *image.NRGBA, r coverRegion) {
	p := paintRect(dst, r)
	if p.Empty() {
		return
	}
	sx, sy := chromaShift(img.SubsampleRatio)
	cx0, cy0 := p.Min.X>>sx, p.Min.Y>>sy
	cw := (p.Max.X-1)>>sx - cx0 + 1
	ch := (p.Max.Y-1)>>sy - cy0 + 1
	type sum struct{ cb, cr, n int }
	sums := make([]sum, cw*ch)
	for y := p.Min.Y; y < p.Max.Y; y++ {
		x0, x1 := r.span(y)
		row := sums[(y>>sy-cy0)*cw:]
		for x := max(x0, p.Min.X); x < min(x1, p.Max.X); x++ {
			s := dst.Pix[dst.PixOffset(x, y):]
			yy, cb, cr := color.RGBToYCbCr(s[0], s[1], s[2])
			img.Y[img.YOffset(x, y)] = yy
			a := &row[x>>sx-cx0]
			a.cb, a.cr, a.n = a.cb+int(cb), a.cr+int(cr), a.n+1
		}
	}
	for j := range ch {
		for i := range cw {
			a := sums[j*cw+i]
			if a.n == 0 {
				continue
			}
			c := img.COffset((cx0+i)<<sx, (cy0+j)<<sy)
			img.Cb[c] = uint8((a.cb + a.n/2) / a.n)
			img.Cr[c] = uint8((a.cr + a.n/2) / a.n)
		}
	}
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
