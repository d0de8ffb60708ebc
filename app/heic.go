package app

import (
	"image"

	"veil/exif"
)

// decodeHEIC is a placeholder until the HEIC decoder lands.
func decodeHEIC(data []byte) (image.Image, error) { return nil, exif.ErrUnsupported }
