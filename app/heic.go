package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"

	"github.com/gen2brain/heic"

	"veil/exif"
)

// HEIC photos are never cleaned in place: Veil decodes them and writes a
// fresh JPEG (DESIGN.md, metadata policy). The decoder is
// github.com/gen2brain/heic, which runs libheif 1.18 and libde265 compiled
// to WebAssembly under wazero: no cgo, the same code on every platform.
//
// That package also has a second path: at start-up it tries to dlopen a
// system libheif (libheif.so, libheif.dylib, libheif.dll) through purego
// and, when one is found, uses it instead. Its decoding options are a Go
// mirror of a C struct whose layout changes between libheif versions, and
// the result would depend on what happens to be installed. Veil is built
// with -tags nodynamic, which removes that path; decodeHEIC refuses to run
// when it is present, so a build without the tag fails closed, visibly.

// heicMinWidth is the narrowest picture decodeHEIC accepts. gen2brain/heic
// v0.4.5 assumes each plane's row stride is its width rounded up to 16
// bytes, but libheif 1.18 pads narrow planes to at least 64 bytes: below
// 97 pixels (a 4:2:0 chroma plane under 49) the colours come out wrong and
// the copy overruns its buffer inside the WebAssembly memory. Measured
// against heif-convert: 96 pixels wide is wrong, 97 and wider match.
const heicMinWidth = 97

// errHEICDynamic is returned when the binary was built without -tags nodynamic
// and the decoder found a system libheif.
var errHEICDynamic = errors.New("app: HEIC decoding would use a system libheif; build Veil with -tags nodynamic")

// decodeHEIC decodes the primary image of a HEIC/HEIF file and returns it
// upright. libheif applies the irot (rotation), imir (mirror) and clap
// (crop) transforms of ISO/IEC 23008-12 §6.5 while decoding, and HEIF
// readers ignore the EXIF Orientation tag, so exif.Inspect reports
// Orientation 1 for HEIC and the caller must not rotate again. The size
// is checked against the limits by exif.Inspect before any decoding, and
// the decoded size must agree with it, so a picture turned differently
// from what the report says is refused.
func decodeHEIC(data []byte) (image.Image, error) {
	info, err := exif.Inspect(data)
	if err != nil {
		return nil, err
	}
	if info.Format != exif.HEIC {
		return nil, fmt.Errorf("%w: not a HEIC file", exif.ErrUnsupported)
	}
	if info.Width < heicMinWidth {
		return nil, fmt.Errorf("%w: HEIC pictures narrower than %d pixels cannot be decoded",
			exif.ErrUnsupported, heicMinWidth)
	}
	if heic.Dynamic() == nil {
		return nil, errHEICDynamic
	}
	img, err := heic.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("app: HEIC decoding failed: %w", err)
	}
	// Within a pixel: exif rounds a clap crop to the nearest pixel, and
	// libheif may round its edges the other way.
	b := img.Bounds()
	if absDiff(b.Dx(), info.Width) > 1 || absDiff(b.Dy(), info.Height) > 1 {
		return nil, fmt.Errorf("app: HEIC decoded to %dx%d, the file says %dx%d",
			b.Dx(), b.Dy(), info.Width, info.Height)
	}
	return compact(img), nil
}

// compact copies a decoded image out of the WebAssembly memory it was read
// from, so that the image does not keep the decoder's whole heap alive.
func compact(img image.Image) image.Image {
	b := img.Bounds()
	if src, ok := img.(*image.YCbCr); ok {
		dst := image.NewYCbCr(b, src.SubsampleRatio)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			copy(dst.Y[dst.YOffset(b.Min.X, y):][:b.Dx()], src.Y[src.YOffset(b.Min.X, y):])
		}
		cw := dst.CStride
		for y := 0; y < len(dst.Cb)/cw; y++ {
			copy(dst.Cb[y*cw:][:cw], src.Cb[y*src.CStride:])
			copy(dst.Cr[y*cw:][:cw], src.Cr[y*src.CStride:])
		}
		return dst
	}
	dst := image.NewNRGBA(b)
	draw.Draw(dst, b, img, b.Min, draw.Src)
	return dst
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}
