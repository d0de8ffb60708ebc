package app

import (
	"bytes"
	"image"

	"veil/exif"
	"veil/redact"
)

// editedYCbCr applies the edits to a decoded JPEG (or any YCbCr picture
// written as JPEG) without turning it into NRGBA: the covers are painted
// into its own planes (redact.ApplyYCbCr) and the crop is a view of them,
// which the JPEG encoder reads directly. A 250-megapixel 4:2:0 photo then
// needs its 375 MB once, instead of another gigabyte for an NRGBA copy.
// The planes are copied first unless the photo is the caller's alone
// (Photo.private). ok is false when the fast way does not apply.
func (p *Photo) editedYCbCr(img image.Image, e Edits) (out image.Image, ok bool) {
	y, isYCbCr := img.(*image.YCbCr)
	if !isYCbCr || outputFormat(p.info.Format) != exif.JPEG || y.Rect.Min.X < 0 || y.Rect.Min.Y < 0 {
		return nil, false
	}
	crop := e.Crop.Canon().Intersect(y.Rect)
	if !e.Crop.Empty() && crop.Empty() {
		return nil, false // redact.Crop says why
	}
	if !p.private {
		c := *y
		c.Y, c.Cb, c.Cr = bytes.Clone(y.Y), bytes.Clone(y.Cb), bytes.Clone(y.Cr)
		y = &c
	}
	redact.ApplyYCbCr(y, e.Regions, p.RedactOptions())
	if e.Crop.Empty() {
		return y, true
	}
	return y.SubImage(crop), true
}
