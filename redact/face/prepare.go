package face

import (
	"image"
	"math"

	"veil/internal/parallel"
)

// placement maps the source image into a network input canvas: source
// pixel (x, y) lands at (offX + x·scale, offY + y·scale).
type placement struct {
	scale      float64
	offX, offY float64
	w, h       int // canvas size
	// maxBox, when positive, drops boxes larger than this (canvas pixels).
	maxBox float64
	// bigBox, when positive, is the size (canvas pixels) above which a box
	// needs bigScore.
	bigBox float64
	// minScore is the lowest confidence kept from this canvas.
	minScore float64
	// turn is how many quarter turns clockwise the canvas is turned before
	// the network sees it (boxes are turned back before toSource).
	turn int
	// mirror fills the canvas outside the picture with the picture
	// mirrored at its edges instead of black.
	mirror bool
}

// sameCanvas reports whether p and q draw the photo into the same canvas
// (before any turn).
func (p placement) sameCanvas(q placement) bool {
	return p.scale == q.scale && p.w == q.w && p.h == q.h && p.offX == q.offX && p.offY == q.offY && p.mirror == q.mirror
}

// toSource maps a canvas coordinate back to source-image pixels.
func (p placement) toSource(x, y float64) (float64, float64) {
	return (x - p.offX) / p.scale, (y - p.offY) / p.scale
}

// channelReader returns the three raw channel values at a source pixel and
// a function turning averaged raw values into RGB in 0..255. For YCbCr the
// raw values are Y, Cb, Cr: conversion is linear, so it is done once per
// averaged output pixel rather than once per source pixel.
type channelReader struct {
	at    func(x, y int) (float32, float32, float32)
	toRGB func(a, b, c float32) (float32, float32, float32)
	exact bool // at is cheap: read every pixel of a box, not a sample
}

func readerFor(img image.Image) channelReader {
	ident := func(a, b, c float32) (float32, float32, float32) { return a, b, c }
	switch m := img.(type) {
	case *image.YCbCr:
		return channelReader{exact: true, toRGB: yccToRGB, at: func(x, y int) (float32, float32, float32) {
			yi, ci := m.YOffset(x, y), m.COffset(x, y)
			return float32(m.Y[yi]), float32(m.Cb[ci]), float32(m.Cr[ci])
		}}
	case *image.RGBA:
		return channelReader{exact: true, toRGB: ident, at: func(x, y int) (float32, float32, float32) {
			i := m.PixOffset(x, y)
			p := m.Pix[i : i+3 : i+3]
			return float32(p[0]), float32(p[1]), float32(p[2])
		}}
	case *image.NRGBA:
		return channelReader{exact: true, toRGB: ident, at: func(x, y int) (float32, float32, float32) {
			i := m.PixOffset(x, y)
			p := m.Pix[i : i+3 : i+3]
			return float32(p[0]), float32(p[1]), float32(p[2])
		}}
	case *image.Gray:
		return channelReader{exact: true, toRGB: ident, at: func(x, y int) (float32, float32, float32) {
			v := float32(m.Pix[m.PixOffset(x, y)])
			return v, v, v
		}}
	}
	return channelReader{toRGB: ident, at: func(x, y int) (float32, float32, float32) {
		r, g, b, _ := img.At(x, y).RGBA()
		return float32(r) / 257, float32(g) / 257, float32(b) / 257
	}}
}

// yccToRGB is the JFIF conversion used by image/color.YCbCrToRGB.
func yccToRGB(y, cb, cr float32) (float32, float32, float32) {
	cb -= 128
	cr -= 128
	return y + 1.402*cr, y - 0.344136*cb - 0.714136*cr, y + 1.772*cb
}

// prepare draws img into a planar RGB canvas (from ws) scaled to [-1, 1]
// (as MediaPipe's face detection graph feeds the model), black outside the
// picture, and returns it with the picture's rectangle inside it.
// Shrinking averages every source pixel of each output pixel's box (a
// sample grid for slow generic images); enlarging picks the nearest.
func prepare(img image.Image, p placement, ws *workspace) (t *tensor, pic image.Rectangle) {
	t = ws.tensor(3, p.h, p.w)
	fillConst(t.data, -1)
	b := img.Bounds()
	x0, y0 := int(math.Round(p.offX)), int(math.Round(p.offY))
	sw := min(p.w-x0, int(math.Round(float64(b.Dx())*p.scale)))
	sh := min(p.h-y0, int(math.Round(float64(b.Dy())*p.scale)))
	if sw <= 0 || sh <= 0 {
		return t, image.Rectangle{}
	}
	pic = image.Rect(x0, y0, x0+sw, y0+sh)
	cs, ce := boxBounds(sw, b.Dx(), b.Min.X)
	rs, re := boxBounds(sh, b.Dy(), b.Min.Y)
	n := p.w * p.h
	put := func(i int, r, g, bl float32) {
		t.data[i], t.data[n+i], t.data[2*n+i] = norm(r), norm(g), norm(bl)
	}
	if fs, ok := fastSummer(img); ok {
		parallel.For(0, sh, 8, func(lo, hi int) {
			acc := make([]uint32, 3*sw)
			var rows func(ys, ye int, cs, ce []int, acc []uint32)
			if fs.rows != nil {
				rows = fs.rows()
			}
			for oy := lo; oy < hi; oy++ {
				clear(acc)
				if rows != nil {
					rows(rs[oy], re[oy], cs, ce, acc)
				} else {
					for y := rs[oy]; y < re[oy]; y++ {
						fs.sum(y, cs, ce, acc)
					}
				}
				base := (y0+oy)*p.w + x0
				rows := re[oy] - rs[oy]
				for ox := range sw {
					cnt := float32(rows * (ce[ox] - cs[ox]))
					r, g, bl := fs.toRGB(float32(acc[3*ox])/cnt, float32(acc[3*ox+1])/cnt, float32(acc[3*ox+2])/cnt)
					put(base+ox, r, g, bl)
				}
			}
		})
		return t, pic
	}
	rd := readerFor(img)
	parallel.For(0, sh, 8, func(lo, hi int) {
		for oy := lo; oy < hi; oy++ {
			ys, ye := rs[oy], re[oy]
			ystep := sampleStep(ye-ys, rd.exact)
			base := (y0+oy)*p.w + x0
			for ox := 0; ox < sw; ox++ {
				xs, xe := cs[ox], ce[ox]
				xstep := sampleStep(xe-xs, rd.exact)
				var sa, sb, sc, cnt float32
				for y := ys; y < ye; y += ystep {
					for x := xs; x < xe; x += xstep {
						a, b, c := rd.at(x, y)
						sa, sb, sc, cnt = sa+a, sb+b, sc+c, cnt+1
					}
				}
				r, g, bl := rd.toRGB(sa/cnt, sb/cnt, sc/cnt)
				put(base+ox, r, g, bl)
			}
		}
	})
	return t, pic
}

// boxBounds splits src source pixels (starting at origin) into dst boxes:
// box i covers [start[i], end[i]), at least one pixel, inside the source.
// When enlarging, neighbouring boxes hold the same single pixel.
func boxBounds(dst, src, origin int) (start, end []int) {
	start, end = make([]int, dst), make([]int, dst)
	for i := range dst {
		s := int(int64(i) * int64(src) / int64(dst))
		e := int(int64(i+1) * int64(src) / int64(dst))
		s = min(s, src-1)
		start[i], end[i] = origin+s, origin+max(e, s+1)
	}
	return start, end
}

// sampleStep reads every pixel of a box for fast images and about three
// per axis for generic ones (image.Image.At allocates).
func sampleStep(n int, exact bool) int {
	if exact || n <= 3 {
		return 1
	}
	return n / 3
}

func norm(v float32) float32 {
	return min(max(v/127.5-1, -1), 1)
}
