package app

import (
	"errors"
	"fmt"
	"image"
	"strings"

	"veil/exif"
)

// HEIC photos are never cleaned in place: Veil decodes them and writes a
// fresh JPEG, so that nothing of the HEIF container (its Exif and XMP
// items, thumbnails, depth and gain maps, other pictures) can reach the
// copy: only the pixels do. The decoder is libheif with libde265, from
// github.com/gen2brain/heic, run by heic_libheif.go; both libraries are
// LGPL-3.0, and the About dialog and the packages say where their source
// is.
//
// A HEIC file is hostile like any other. Before the decoder sees it, exif
// has read its boxes to the end and computed the size the picture is shown
// at (ispe, clap, irot) within the limits; exif.CheckHEIFCoding has
// compared every declared size with what the HEVC bitstream will decode
// to; the decoder's own reading of the declared size must agree before
// any picture memory is allocated; and a canary after the planes catches
// any larger copy. Whatever goes wrong inside the decoder, the user reads
// one sentence.

// errHEICDamaged is every failure to decode a HEIC picture that exif
// accepted: the decoder's insides mean nothing to the person reading it.
var errHEICDamaged = errors.New("this HEIC photo is damaged and cannot be read")

// decodeHEIC decodes the primary image of a HEIC/HEIF file and returns it
// upright. libheif applies the irot (rotation), imir (mirror) and clap
// (crop) transforms of ISO/IEC 23008-12 §6.5 while decoding, and HEIF
// readers ignore the EXIF Orientation tag, so exif.Inspect reports
// Orientation 1 for HEIC and the caller must not rotate again.
func decodeHEIC(data []byte) (image.Image, error) {
	info, err := checkHEIF(data, exif.HEIC, errHEICDamaged)
	if err != nil {
		return nil, err
	}
	img, err := runLibheif(data, func(d heifDeclared) (heicLayout, error) {
		// Within a pixel: exif rounds a clap crop to the nearest pixel,
		// and libheif may round its edges the other way.
		if absDiff(int(d.w), info.Width) > 1 || absDiff(int(d.h), info.Height) > 1 {
			return heicLayout{}, fmt.Errorf("declared %dx%d, exif read %dx%d", d.w, d.h, info.Width, info.Height)
		}
		return newHEICLayout(d)
	})
	if err != nil {
		return nil, errHEICDamaged
	}
	return img, nil
}

// checkHEIF reads a file of the HEIF family (HEIC, AVIF) before its
// decoder sees it: its boxes to the end (exif.Inspect), that it is of
// format f, and every declared size against its bitstream
// (exif.CheckHEIFCoding), which, failing, gives damaged.
func checkHEIF(data []byte, f exif.Format, damaged error) (*exif.Info, error) {
	info, err := exif.Inspect(data)
	if err != nil {
		return nil, err
	}
	if info.Format != f {
		return nil, exif.Unsupported("refused.not_format", exif.TextArg("format", strings.ToUpper(string(f))))
	}
	if err := exif.CheckHEIFCoding(data); err != nil {
		return nil, damaged
	}
	return info, nil
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}
