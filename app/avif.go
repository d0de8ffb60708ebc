package app

import (
	"errors"
	"image"

	"veil/exif"
	"veil/redact"
)

// AVIF photos, like HEIC ones, are never cleaned in place: Veil decodes
// the picture with libavif (avif_libavif.go), turns it the way the file's
// transforms say, and writes a fresh JPEG, or a PNG when the picture is
// transparent. Nothing of the file but its pixels reaches the copy: its
// Exif and XMP items, its colour boxes and any other item are left behind.

// errAVIFDamaged is every failure to decode an AVIF picture that exif
// accepted.
var errAVIFDamaged = errors.New("this AVIF photo is damaged and cannot be read")

// decodeAVIF decodes the primary picture of an AVIF file and returns it as
// shown: cropped by clap, turned by irot, mirrored by imir (ISO/IEC
// 23008-12 §6.5.1), at the size exif reports.
func decodeAVIF(data []byte) (image.Image, error) {
	info, err := checkHEIF(data, exif.AVIF, errAVIFDamaged)
	if err != nil {
		return nil, err
	}
	t, err := exif.HEIFTransforms(data)
	if err != nil {
		return nil, errAVIFDamaged
	}
	img, err := runLibavif(data, t.Stored)
	if err != nil {
		return nil, errAVIFDamaged
	}
	upright, err := applyHEIFTransform(img, t)
	if err != nil || upright.Bounds().Dx() != info.Width || upright.Bounds().Dy() != info.Height {
		return nil, errAVIFDamaged
	}
	return upright, nil
}

// applyHEIFTransform crops, turns and mirrors a decoded picture.
func applyHEIFTransform(img image.Image, t exif.HEIFTransform) (image.Image, error) {
	if t.Crop != img.Bounds() {
		c, err := redact.Crop(img, t.Crop)
		if err != nil {
			return nil, err
		}
		img = c
	}
	if o := heifOrientation(t.Turns, t.Mirror); o != 1 {
		img = redact.Orient(img, o)
	}
	return img, nil
}

// heifOrientation is the EXIF orientation (CIPA DC-008 §4.6.4, Orientation)
// that shows a picture as irot's anticlockwise quarter turns followed by
// imir's mirror do.
func heifOrientation(turns int, m exif.Mirror) int {
	table := [4][3]int{
		{1, 2, 4}, // no turn: as stored, left-right, top-bottom
		{8, 7, 5}, // a quarter turn anticlockwise
		{3, 4, 2}, // a half turn
		{6, 5, 7}, // three quarters anticlockwise: a quarter clockwise
	}
	return table[turns&3][m]
}
