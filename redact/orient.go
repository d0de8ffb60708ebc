package redact

import (
	"encoding/binary"
	"image"

	"github.com/disintegration/imaging"

	"veil/internal/parallel"
)

// transform maps an output pixel (ox, oy) to its source pixel:
// sx = a·ox + b·oy + c·(w-1), sy = d·ox + e·oy + f·(h-1),
// where w×h is the source size. swap says the output is h×w.
type transform struct {
	a, b, c, d, e, f int
	swap             bool
}

// orientations holds, for each value of the Orientation tag (CIPA DC-008
// Exif, TIFF attribute 274 = 0x0112), the transform that makes the stored
// image upright. The value says where the stored 0th row and 0th column lie
// in the scene; e.g. 6: "the 0th row is the visual right-hand side of the
// image, and the 0th column is the visual top".
var orientations = [9]transform{
	1: {a: 1, e: 1},                           // top-left: already upright
	2: {a: -1, c: 1, e: 1},                    // top-right: mirror horizontally
	3: {a: -1, c: 1, e: -1, f: 1},             // bottom-right: rotate 180°
	4: {a: 1, e: -1, f: 1},                    // bottom-left: mirror vertically
	5: {b: 1, d: 1, swap: true},               // left-top: transpose
	6: {b: 1, d: -1, f: 1, swap: true},        // right-top: rotate 90° clockwise
	7: {b: -1, c: 1, d: -1, f: 1, swap: true}, // right-bottom: transverse
	8: {b: -1, c: 1, d: 1, swap: true},        // left-bottom: rotate 90° counter-clockwise
}

// Orient returns img turned upright according to an EXIF Orientation value
// (1 to 8, CIPA DC-008 tag 0x0112), as a new image whose origin is (0, 0).
// Values outside 1–8 are read as 1, as readers commonly do. NRGBA sources
// are turned in one pass; YCbCr (a decoded JPEG), RGBA and other types are
// converted once by imaging's fast paths, then turned (measured faster than
// converting each pixel on the turned walk). img is not modified.
func Orient(img image.Image, orientation int) *image.NRGBA {
	if img == nil {
		return image.NewNRGBA(image.Rectangle{})
	}
	if orientation < 1 || orientation > 8 {
		orientation = 1
	}
	src, ok := img.(*image.NRGBA)
	if !ok || orientation == 1 {
		src = imaging.Clone(img) // a fresh copy with origin (0, 0)
		if orientation == 1 {
			return src
		}
	}
	return remap(src, orientations[orientation])
}

// remapTile is the side of the square tiles remap walks: a turned image
// reads its source down columns, and tiles keep those reads in cache.
const remapTile = 64

// remap applies t to src. Along an output row the source walks a straight
// line, so each tile row is a loop of 4-byte copies with a fixed step.
func remap(src *image.NRGBA, t transform) *image.NRGBA {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	ow, oh := w, h
	if t.swap {
		ow, oh = h, w
	}
	dst := image.NewNRGBA(image.Rect(0, 0, ow, oh))
	if ow == 0 || oh == 0 {
		return dst
	}
	step := 4*t.a + src.Stride*t.d
	base := src.PixOffset(src.Rect.Min.X, src.Rect.Min.Y)
	bands := (oh + remapTile - 1) / remapTile
	parallel.For(0, bands, minRowsPerWorker, func(lo, hi int) {
		for oy0 := lo * remapTile; oy0 < min(hi*remapTile, oh); oy0 += remapTile {
			for ox0 := 0; ox0 < ow; ox0 += remapTile {
				for oy := oy0; oy < min(oy0+remapTile, oh); oy++ {
					sx := t.a*ox0 + t.b*oy + t.c*(w-1)
					sy := t.d*ox0 + t.e*oy + t.f*(h-1)
					j := base + sy*src.Stride + 4*sx
					row := dst.Pix[oy*dst.Stride+4*ox0 : oy*dst.Stride+4*min(ox0+remapTile, ow)]
					for i := 0; i+3 < len(row); i += 4 {
						binary.LittleEndian.PutUint32(row[i:], binary.LittleEndian.Uint32(src.Pix[j:j+4]))
						j += step
					}
				}
			}
		}
	})
	return dst
}
