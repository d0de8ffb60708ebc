package face

import (
	"image"

	"veil/internal/parallel"
)

// rowSummer adds, for one source row y, the raw channel values of the
// pixels in each output column's box [cs[i], ce[i]) to acc (three values
// per output column). It exists for the pixel layouts photos decode to, so
// that shrinking reads each source byte once with no call per pixel.
type rowSummer struct {
	sum   func(y int, cs, ce []int, acc []uint32)
	toRGB func(a, b, c float32) (float32, float32, float32)
	// rows, when set, returns (once per worker, with its own scratch) a
	// function doing the work of sum for every row in [ys, ye) at once.
	rows func() func(ys, ye int, cs, ce []int, acc []uint32)
}

// fastSummer returns the summer for img's layout, or false for layouts
// read through the slower channelReader.
func fastSummer(img image.Image) (rowSummer, bool) {
	ident := func(a, b, c float32) (float32, float32, float32) { return a, b, c }
	switch m := img.(type) {
	case *image.YCbCr:
		return ycbcrSummer(m), true
	case *image.RGBA:
		return rowSummer{sum: pixSummer(m.Pix, m.Stride, m.Rect), toRGB: ident}, true
	case *image.NRGBA:
		return rowSummer{sum: pixSummer(m.Pix, m.Stride, m.Rect), toRGB: ident}, true
	case *image.Gray:
		return rowSummer{toRGB: ident, sum: func(y int, cs, ce []int, acc []uint32) {
			row := m.Pix[(y-m.Rect.Min.Y)*m.Stride:]
			for i := range cs {
				var s uint32
				for x := cs[i] - m.Rect.Min.X; x < ce[i]-m.Rect.Min.X; x++ {
					s += uint32(row[x])
				}
				acc[3*i] += s
				acc[3*i+1] += s
				acc[3*i+2] += s
			}
		}}, true
	}
	return rowSummer{}, false
}

// pixSummer sums the first three bytes of 4-byte pixels (RGBA, NRGBA; the
// alpha channel is ignored as channelReader ignores it).
func pixSummer(pix []uint8, stride int, r image.Rectangle) func(int, []int, []int, []uint32) {
	return func(y int, cs, ce []int, acc []uint32) {
		row := pix[(y-r.Min.Y)*stride:]
		for i := range cs {
			var a, b, c uint32
			for o := 4 * (cs[i] - r.Min.X); o < 4*(ce[i]-r.Min.X); o += 4 {
				p := row[o : o+3 : o+3]
				a, b, c = a+uint32(p[0]), b+uint32(p[1]), c+uint32(p[2])
			}
			acc[3*i] += a
			acc[3*i+1] += b
			acc[3*i+2] += c
		}
	}
}

// ycbcrSummer sums Y, Cb and Cr, reading for each luma pixel the chroma
// sample that image.YCbCr.COffset assigns to it, so every subsampling ratio
// gives the same averages as the per-pixel reader.
func ycbcrSummer(m *image.YCbCr) rowSummer {
	// Chroma column of each source column, relative to the row start.
	cx := make([]int32, m.Rect.Dx())
	for x := range cx {
		cx[x] = int32(m.COffset(m.Rect.Min.X+x, m.Rect.Min.Y) - m.COffset(m.Rect.Min.X, m.Rect.Min.Y))
	}
	return rowSummer{toRGB: yccToRGB, rows: ycbcrRows(m, cx), sum: func(y int, cs, ce []int, acc []uint32) {
		yrow := m.Y[m.YOffset(m.Rect.Min.X, y):]
		c0 := m.COffset(m.Rect.Min.X, y)
		cb, cr := m.Cb[c0:], m.Cr[c0:]
		for i := range cs {
			var a, b, c uint32
			for x := cs[i] - m.Rect.Min.X; x < ce[i]-m.Rect.Min.X; x++ {
				a += uint32(yrow[x])
				o := cx[x]
				b += uint32(cb[o])
				c += uint32(cr[o])
			}
			acc[3*i] += a
			acc[3*i+1] += b
			acc[3*i+2] += c
		}
	}}
}

// ycbcrRows sums the rows of an output row's boxes column by column first
// (Y at full width, Cb and Cr at their own width, once per luma row as the
// per-pixel reader counts them), then adds up each box's columns, chroma
// through cx: two tight passes instead of a short loop per box and row.
func ycbcrRows(m *image.YCbCr, cx []int32) func() func(ys, ye int, cs, ce []int, acc []uint32) {
	cw := 0
	if len(cx) > 0 {
		cw = int(cx[len(cx)-1]) + 1
	}
	return func() func(ys, ye int, cs, ce []int, acc []uint32) {
		col := make([]uint32, len(cx)+2*cw)
		ys32, cb32, cr32 := col[:len(cx)], col[len(cx):len(cx)+cw], col[len(cx)+cw:]
		return func(ys, ye int, cs, ce []int, acc []uint32) {
			clear(col)
			for y := ys; y < ye; y++ {
				yrow := m.Y[m.YOffset(m.Rect.Min.X, y):][:len(ys32)]
				for x, v := range yrow {
					ys32[x] += uint32(v)
				}
				c0 := m.COffset(m.Rect.Min.X, y)
				cb, cr := m.Cb[c0:][:cw], m.Cr[c0:][:cw]
				for x, v := range cb {
					cb32[x] += uint32(v)
				}
				for x, v := range cr {
					cr32[x] += uint32(v)
				}
			}
			for i := range cs {
				var a, b, c uint32
				for x := cs[i] - m.Rect.Min.X; x < ce[i]-m.Rect.Min.X; x++ {
					a += ys32[x]
					o := cx[x]
					b += cb32[o]
					c += cr32[o]
				}
				acc[3*i] += a
				acc[3*i+1] += b
				acc[3*i+2] += c
			}
		}
	}
}

// shrinkCanvas fills dst (placement p) from the picture held in rectangle
// pic of src, a canvas of the same image at a larger scale: each
// destination pixel is the mean of its box of source canvas pixels (or the
// nearest pixel when enlarging), and it returns the picture's rectangle in
// dst. It spares a second pass over the photo.
func shrinkCanvas(src *tensor, pic image.Rectangle, dst *tensor, p placement) image.Rectangle {
	fillConst(dst.data, -1)
	x0, y0 := int(p.offX+0.5), int(p.offY+0.5)
	dw := min(p.w-x0, int(float64(pic.Dx())*p.scale+0.5))
	dh := min(p.h-y0, int(float64(pic.Dy())*p.scale+0.5))
	if dw <= 0 || dh <= 0 {
		return image.Rectangle{}
	}
	cs, ce := boxBounds(dw, pic.Dx(), pic.Min.X)
	rs, re := boxBounds(dh, pic.Dy(), pic.Min.Y)
	// Rows of all three planes, split between the workers.
	parallel.For(0, 3*dh, 16, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ch, oy := i/dh, i%dh
			sp := src.plane(ch)
			drow := dst.plane(ch)[(y0+oy)*p.w+x0:]
			for ox := 0; ox < dw; ox++ {
				var s float32
				for y := rs[oy]; y < re[oy]; y++ {
					for _, v := range sp[y*src.w+cs[ox] : y*src.w+ce[ox]] {
						s += v
					}
				}
				drow[ox] = s / float32((re[oy]-rs[oy])*(ce[ox]-cs[ox]))
			}
		}
	})
	return image.Rect(x0, y0, x0+dw, y0+dh)
}

func fillConst(s []float32, v float32) {
	for i := range s {
		s[i] = v
	}
}
