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

// image copies the planes (a view of the decoder's memory, gone when it
// closes) into a picture at full resolution owned by Go: luma as it is,
// chroma upsampled bilinearly to every pixel, so that colour edges do not
// fringe into blocks.
func (l heicLayout) image(planes []byte) image.Image {
	r := image.Rect(0, 0, l.w, l.h)
	switch {
	case l.colourspace == heifColourspaceRGB && l.premultiplied:
		return &image.RGBA{Pix: compactRows(planes, l.yStride, 4*l.w, l.h), Stride: 4 * l.w, Rect: r}
	case l.colourspace == heifColourspaceRGB:
		return &image.NRGBA{Pix: compactRows(planes, l.yStride, 4*l.w, l.h), Stride: 4 * l.w, Rect: r}
	case l.cw == 0:
		return &image.Gray{Pix: compactRows(planes, l.yStride, l.w, l.h), Stride: l.w, Rect: r}
	}
	cb := planes[l.yStride*l.h:][:l.cStride*l.ch]
	cr := planes[l.yStride*l.h+l.cStride*l.ch:][:l.cStride*l.ch]
	return &image.YCbCr{
		Y:              compactRows(planes, l.yStride, l.w, l.h),
		Cb:             upsample(cb, l.cStride, l.cw, l.ch, l.w, l.h),
		Cr:             upsample(cr, l.cStride, l.cw, l.ch, l.w, l.h),
		YStride:        l.w,
		CStride:        l.w,
		SubsampleRatio: image.YCbCrSubsampleRatio444,
		Rect:           r,
	}
}

// compactRows copies h rows of n bytes, stride bytes apart, into a new
// slice without the padding.
func compactRows(p []byte, stride, n, h int) []byte {
	out := make([]byte, n*h)
	for y := range h {
		copy(out[y*n:][:n], p[y*stride:][:n])
	}
	return out
}

// upsample scales a chroma plane (cw×ch samples, rows of stride bytes) to
// w×h by bilinear interpolation, into a new slice. Sample positions follow
// HEVC's default chroma location (ITU-T H.265 Annex E,
// chroma_sample_loc_type 0): a chroma sample sits on the even luma
// columns, and, for 4:2:0, halfway between two luma rows. Weights are in
// eighths, exact in integers; edges repeat the outermost sample.
func upsample(c []byte, stride, cw, ch, w, h int) []byte {
	if cw == w && ch == h {
		return compactRows(c, stride, w, h)
	}
	out := make([]byte, w*h)
	for y := range h {
		a, b, wa, wb := y, y, uint32(4), uint32(0)
		if ch != h {
			// Luma row y is at chroma row (y-0.5)/2: a mix of rows y/2
			// and its neighbour above (even y) or below (odd y), 3:1.
			a, wa, wb = y/2, 3, 1
			if y%2 == 0 {
				b = max(a-1, 0)
			} else {
				b = min(a+1, ch-1)
			}
		}
		upsampleRow(out[y*w:][:w], c[a*stride:][:cw], c[b*stride:][:cw], wa, wb)
	}
	return out
}

// upsampleRow fills one output row from two chroma rows weighted wa:wb
// (quarters): even pixels sit on a chroma sample, odd ones halfway to the
// next.
func upsampleRow(dst, ra, rb []byte, wa, wb uint32) {
	last := len(ra) - 1
	for x := range dst {
		i := x / 2
		j := i
		if x%2 == 1 {
			j = min(i+1, last)
		}
		v := wa*(uint32(ra[i])+uint32(ra[j])) + wb*(uint32(rb[i])+uint32(rb[j])) // eighths
		dst[x] = byte((v + 4) / 8)
	}
}
