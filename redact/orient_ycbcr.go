package redact

import (
	"image"

	"veil/internal/parallel"
)

// OrientYCbCr turns a decoded JPEG upright like Orient, but keeps it
// YCbCr: each plane is turned on its own grid, so a 4:2:0 photo of 250
// megapixels takes another 375 MB instead of a gigabyte of NRGBA, and no
// sample changes value. It reports false, and does nothing, when the
// turned planes cannot be a YCbCr image: a subsampling other than 4:4:4,
// 4:2:2, 4:4:0 and 4:2:0, or a mirrored side that is not a whole number of
// chroma samples (those are turned with Orient). img is not modified.
func OrientYCbCr(img *image.YCbCr, orientation int) (*image.YCbCr, bool) {
	if orientation < 1 || orientation > 8 {
		orientation = 1
	}
	t := orientations[orientation]
	sx, sy := chromaShift(img.SubsampleRatio)
	ratio, ok := turnedRatio(img.SubsampleRatio, t.swap)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if !ok || img.Rect.Min != (image.Point{}) || w%(1<<sx) != 0 || h%(1<<sy) != 0 {
		return nil, false
	}
	ow, oh := w, h
	if t.swap {
		ow, oh = h, w
	}
	dst := image.NewYCbCr(image.Rect(0, 0, ow, oh), ratio)
	turnPlane(dst.Y, dst.YStride, img.Y, img.YStride, w, h, t)
	cw, ch := w>>sx, h>>sy
	turnPlane(dst.Cb, dst.CStride, img.Cb, img.CStride, cw, ch, t)
	turnPlane(dst.Cr, dst.CStride, img.Cr, img.CStride, cw, ch, t)
	return dst, true
}

// turnedRatio is the subsampling of a plane set turned by a transform that
// swaps the axes or not.
func turnedRatio(r image.YCbCrSubsampleRatio, swap bool) (image.YCbCrSubsampleRatio, bool) {
	switch r {
	case image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio420:
		return r, true
	case image.YCbCrSubsampleRatio422:
		if swap {
			return image.YCbCrSubsampleRatio440, true
		}
		return r, true
	case image.YCbCrSubsampleRatio440:
		if swap {
			return image.YCbCrSubsampleRatio422, true
		}
		return r, true
	}
	return 0, false
}

// turnPlane writes the w×h plane src, turned by t, into dst, in bands of
// rows in parallel.
func turnPlane(dst []uint8, dstStride int, src []uint8, srcStride, w, h int, t transform) {
	ow, oh := w, h
	if t.swap {
		ow, oh = h, w
	}
	if ow == 0 || oh == 0 {
		return
	}
	step := t.a + srcStride*t.d
	bands := (oh + remapTile - 1) / remapTile
	parallel.For(0, bands, minRowsPerWorker, func(lo, hi int) {
		for oy0 := lo * remapTile; oy0 < min(hi*remapTile, oh); oy0 += remapTile {
			for ox0 := 0; ox0 < ow; ox0 += remapTile {
				for oy := oy0; oy < min(oy0+remapTile, oh); oy++ {
					sx := t.a*ox0 + t.b*oy + t.c*(w-1)
					sy := t.d*ox0 + t.e*oy + t.f*(h-1)
					j := sy*srcStride + sx
					row := dst[oy*dstStride+ox0 : oy*dstStride+min(ox0+remapTile, ow)]
					for i := range row {
						row[i] = src[j]
						j += step
					}
				}
			}
		}
	})
}
