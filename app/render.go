package app

import (
	"image"

	"veil/redact"
)

// Cover returns img with the regions covered, drawn with opts (a photo's
// RedactOptions): the pixels of a clean copy before its crop. It is the one
// place the pixels of a picture are changed, so the window's preview and
// every saved copy, from the window or the command line, are the same
// pixels. img is not modified.
func Cover(img image.Image, regions []redact.Region, opts redact.Options) *image.NRGBA {
	return redact.Apply(img, regions, opts)
}

// Render returns the picture a clean copy with edits e holds: img covered
// (Cover), then cropped.
func Render(img image.Image, e Edits, opts redact.Options) (image.Image, error) {
	covered := Cover(img, e.Regions, opts)
	if e.Crop.Empty() {
		return covered, nil
	}
	return redact.Crop(covered, e.Crop)
}
