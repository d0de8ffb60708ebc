package app

import (
	"fmt"
	"image"
)

// libheif colourspaces and chromas (libheif/heif.h).
const (
	heifColourspaceYCbCr = 0
	heifColourspaceRGB   = 1
	heifColourspaceMono  = 2
	heifChroma420        = 1
	heifChroma422        = 2
	heifChroma444        = 3
)

// heicLayout is how the libheif module lays a decoded picture out in the
// buffer it is given: the luma plane (or the only plane), then Cb, then Cr,
// each row padded to libheif's own stride. libheif 1.23 allocates every
// plane with rows of max(64, width rounded up to even) samples, rounded up
// to 16 bytes (libheif/pixelimage.cc, ImagePlane::alloc), and the module
// copies stride × rows bytes per plane.
type heicLayout struct {
	w, h          int // the picture
	cw, ch        int // each chroma plane; 0 for monochrome and RGBA
	bpp           int // bytes per luma sample: 1, or 4 for interleaved RGBA
	yStride       int
	cStride       int
	colourspace   uint32
	premultiplied bool
}

// libheifStride is libheif's row length in bytes for a plane w samples
// wide of bpp bytes each.
func libheifStride(w, bpp int) int {
	mw := max(64, (w+1)&^1)
	return (mw*bpp + 15) &^ 15
}

// newHEICLayout checks a declared colourspace and returns its layout.
func newHEICLayout(d heifDeclared) (heicLayout, error) {
	l := heicLayout{w: int(d.w), h: int(d.h), bpp: 1, colourspace: d.colourspace, premultiplied: d.premultiplied != 0}
	switch {
	case d.colourspace == heifColourspaceMono:
	case d.colourspace == heifColourspaceRGB:
		l.bpp = 4 // the module asks for interleaved RGBA
	case d.colourspace == heifColourspaceYCbCr && d.chroma == heifChroma420:
		l.cw, l.ch = (l.w+1)/2, (l.h+1)/2
	case d.colourspace == heifColourspaceYCbCr && d.chroma == heifChroma422:
		l.cw, l.ch = (l.w+1)/2, l.h
	case d.colourspace == heifColourspaceYCbCr && d.chroma == heifChroma444:
		l.cw, l.ch = l.w, l.h
	default:
		return l, fmt.Errorf("libheif colourspace %d, chroma %d", d.colourspace, d.chroma)
	}
	l.yStride = libheifStride(l.w, l.bpp)
	if l.cw > 0 {
		l.cStride = libheifStride(l.cw, 1)
	}
	return l, nil
}

// size is the number of bytes the module writes.
func (l heicLayout) size() int { return l.yStride*l.h + 2*l.cStride*l.ch }

// image turns the planes (a copy, owned by the caller) into a picture at
// full resolution: luma as it is, chroma upsampled bilinearly to every
// pixel, so that colour edges do not fringe into blocks.
func (l heicLayout) image(planes []byte) image.Image {
	r := image.Rect(0, 0, l.w, l.h)
	switch {
	case l.colourspace == heifColourspaceRGB:
		if l.premultiplied {
			return &image.RGBA{Pix: planes[:l.yStride*l.h], Stride: l.yStride, Rect: r}
		}
		return &image.NRGBA{Pix: planes[:l.yStride*l.h], Stride: l.yStride, Rect: r}
	case l.cw == 0:
		return &image.Gray{Pix: planes[:l.yStride*l.h], Stride: l.yStride, Rect: r}
	}
	cb := planes[l.yStride*l.h:][:l.cStride*l.ch]
	cr := planes[l.yStride*l.h+l.cStride*l.ch:][:l.cStride*l.ch]
	return &image.YCbCr{
		Y:              planes[:l.yStride*l.h],
		Cb:             upsample(cb, l.cStride, l.cw, l.ch, l.w, l.h),
		Cr:             upsample(cr, l.cStride, l.cw, l.ch, l.w, l.h),
		YStride:        l.yStride,
		CStride:        l.w,
		SubsampleRatio: image.YCbCrSubsampleRatio444,
		Rect:           r,
	}
}

// upsample scales a chroma plane (cw×ch samples, rows of stride bytes) to
// w×h by bilinear interpolation. Sample positions follow HEVC's default
// chroma location (ITU-T H.265 Annex E, chroma_sample_loc_type 0): a
// chroma sample sits on the even luma columns, and, for 4:2:0, halfway
// between two luma rows. Weights are in quarters and eighths, exact in
// integers; edges repeat the outermost sample.
func upsample(c []byte, stride, cw, ch, w, h int) []byte {
	if cw == w && ch == h {
		out := make([]byte, w*h)
		for y := range h {
			copy(out[y*w:][:w], c[y*stride:])
		}
		return out
	}
	rows := upsampleRows(c, stride, cw, ch, h) // ch → h rows, weights ×4
	out := make([]byte, w*h)
	for y := range h {
		upsampleRow(out[y*w:][:w], rows[y*cw:][:cw], cw)
	}
	return out
}

// upsampleRows scales vertically: each output row is a mix of two chroma
// rows, in units of a quarter (so values are ×4). For 4:2:2 (ch == h) the
// rows are copied.
func upsampleRows(c []byte, stride, cw, ch, h int) []uint16 {
	rows := make([]uint16, cw*h)
	for y := range h {
		a, b, wa, wb := y, y, 4, 0
		if ch != h {
			// Luma row y is at chroma row (y-0.5)/2: a mix of rows
			// y/2 and its neighbour above (even y) or below (odd y),
			// weighted 3:1.
			a, wa, wb = y/2, 3, 1
			if y%2 == 0 {
				b = max(a-1, 0)
			} else {
				b = min(a+1, ch-1)
			}
		}
		ra, rb := c[a*stride:][:cw], c[b*stride:][:cw]
		dst := rows[y*cw:][:cw]
		for x := range dst {
			dst[x] = uint16(wa)*uint16(ra[x]) + uint16(wb)*uint16(rb[x])
		}
	}
	return rows
}

// upsampleRow scales one row of quarter-units horizontally to its full
// width: even pixels sit on a chroma sample, odd ones halfway to the next.
func upsampleRow(dst []byte, src []uint16, cw int) {
	for x := range dst {
		i := x / 2
		v := 2 * uint32(src[i]) // eighths
		if x%2 == 1 {
			v = uint32(src[i]) + uint32(src[min(i+1, cw-1)])
		}
		dst[x] = byte((v + 4) / 8)
	}
}
