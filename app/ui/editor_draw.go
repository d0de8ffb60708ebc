package ui

import (
	"image"
	"image/color"
	"math"

	"veil/redact"
)

// Overlay colours. Lines are light with a dark halo so they show on any
// photo; premultiplied alpha throughout.
var (
	lineLight = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	lineDark  = color.RGBA{0x1A, 0x1A, 0x1A, 0xFF}
	dimColour = color.RGBA{0, 0, 0, 0x99} // outside the crop
)

// Line widths and dash lengths in Fyne units.
const (
	lineWidth     = 2
	selectedWidth = 3
	haloWidth     = 1 // each side
	dashOn        = 8
	dashOff       = 6
)

// painter draws the overlay into a transparent buffer of device pixels.
type painter struct {
	dst  *image.RGBA
	v    view    // the photo in device pixels
	k    float64 // device pixels per Fyne unit
	clip bool    // outlines stay on the photo (handles may overhang it)
}

// photoRect is the photo on screen, in whole device pixels.
func (p *painter) photoRect() image.Rectangle {
	return image.Rect(int(math.Floor(p.v.x0)), int(math.Floor(p.v.y0)), int(math.Ceil(p.v.x0+p.v.w)), int(math.Ceil(p.v.y0+p.v.h)))
}

// fillRect paints the device pixels [x0, x1) × [y0, y1) (rounded) with c,
// over what is there when blend is set, replacing it otherwise.
func (p *painter) fillRect(x0, y0, x1, y1 float64, c color.RGBA, blend bool) {
	r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1))).Intersect(p.dst.Rect)
	if p.clip {
		r = r.Intersect(p.photoRect())
	}
	inv := 255 - uint32(c.A)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := p.dst.PixOffset(r.Min.X, y)
		for x := r.Min.X; x < r.Max.X; x, i = x+1, i+4 {
			px := p.dst.Pix[i : i+4 : i+4]
			if !blend {
				px[0], px[1], px[2], px[3] = c.R, c.G, c.B, c.A
				continue
			}
			px[0] = c.R + uint8(uint32(px[0])*inv/255)
			px[1] = c.G + uint8(uint32(px[1])*inv/255)
			px[2] = c.B + uint8(uint32(px[2])*inv/255)
			px[3] = c.A + uint8(uint32(px[3])*inv/255)
		}
	}
}

// fillRegion paints r's shape with c, rounded outwards to whole device
// pixels: a quick stand-in for the cover while the exact preview is being
// computed, never smaller than the cover itself.
func (p *painter) fillRegion(r redact.Region, c color.RGBA) {
	x0, y0, x1, y1 := p.v.screenRect(r.Rect)
	if r.Shape != redact.Ellipse {
		p.fillRect(math.Floor(x0), math.Floor(y0), math.Ceil(x1), math.Ceil(y1), c, false)
		return
	}
	cx, cy, a, b := (x0+x1)/2, (y0+y1)/2, (x1-x0)/2, (y1-y0)/2
	if a <= 0 || b <= 0 {
		return
	}
	top, bottom := max(int(math.Floor(y0)), p.dst.Rect.Min.Y), min(int(math.Ceil(y1)), p.dst.Rect.Max.Y)
	for y := top; y < bottom; y++ {
		// The row's widest point: its edge nearer the centre.
		dy := math.Max(0, math.Abs(float64(y)+0.5-cy)-0.5) / b
		if dy > 1 {
			continue
		}
		half := a * math.Sqrt(1-dy*dy)
		p.fillRect(math.Floor(cx-half), float64(y), math.Ceil(cx+half), float64(y+1), c, false)
	}
}

// dimOutside darkens the photo outside the crop c.
func (p *painter) dimOutside(c image.Rectangle) {
	px0, py0, px1, py1 := p.v.x0, p.v.y0, p.v.x0+p.v.w, p.v.y0+p.v.h
	x0, y0, x1, y1 := p.v.screenRect(c)
	p.fillRect(px0, py0, px1, y0, dimColour, true)
	p.fillRect(px0, y1, px1, py1, dimColour, true)
	p.fillRect(px0, y0, x0, y1, dimColour, true)
	p.fillRect(x1, y0, px1, y1, dimColour, true)
}

// outline draws the outline of a region's shape (or a plain rectangle when
// shape is redact.Rect) in colour c, width w units, with a dark halo;
// dashed for a region that is not covered. It stays on the photo: the
// part of a face's ellipse beyond the picture's edge is not drawn.
func (p *painter) outline(r image.Rectangle, shape redact.Shape, c color.RGBA, w float64, dashed bool) {
	pts := p.path(r, shape)
	p.clip = true
	defer func() { p.clip = false }()
	p.stroke(pts, lineDark, (w+2*haloWidth)*p.k, dashed)
	p.stroke(pts, c, w*p.k, dashed)
}

// path returns points along the outline, about half a device pixel apart.
func (p *painter) path(r image.Rectangle, shape redact.Shape) [][2]float64 {
	x0, y0, x1, y1 := p.v.screenRect(r)
	var pts [][2]float64
	if shape == redact.Ellipse {
		a, b := (x1-x0)/2, (y1-y0)/2
		n := max(32, int(2*math.Pi*math.Max(a, b)*2))
		for i := 0; i <= n; i++ {
			t := 2 * math.Pi * float64(i) / float64(n)
			pts = append(pts, [2]float64{x0 + a + a*math.Cos(t), y0 + b + b*math.Sin(t)})
		}
		return pts
	}
	corners := [][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
	for i := range 4 {
		a, b := corners[i], corners[i+1]
		n := max(1, int(math.Hypot(b[0]-a[0], b[1]-a[1])*2))
		for j := range n {
			f := float64(j) / float64(n)
			pts = append(pts, [2]float64{a[0] + (b[0]-a[0])*f, a[1] + (b[1]-a[1])*f})
		}
	}
	return append(pts, corners[4])
}

// stroke stamps a square of side w (device pixels) at each point of pts,
// skipping the gaps of the dash pattern when dashed.
func (p *painter) stroke(pts [][2]float64, c color.RGBA, w float64, dashed bool) {
	period, on := (dashOn+dashOff)*p.k, dashOn*p.k
	arc := 0.0
	for i, pt := range pts {
		if i > 0 {
			arc += math.Hypot(pt[0]-pts[i-1][0], pt[1]-pts[i-1][1])
		}
		if dashed && math.Mod(arc, period) >= on {
			continue
		}
		p.fillRect(pt[0]-w/2, pt[1]-w/2, pt[0]+w/2, pt[1]+w/2, c, false)
	}
}

// handles draws the eight resize handles of r.
func (p *painter) handles(r image.Rectangle) {
	s, b := handleSize*p.k, p.k
	for h := range numHandles {
		x, y := p.v.handleXY(r, h)
		p.fillRect(x-s/2, y-s/2, x+s/2, y+s/2, lineDark, false)
		p.fillRect(x-s/2+b, y-s/2+b, x+s/2-b, y+s/2-b, lineLight, false)
	}
}

// opaque returns c as an opaque premultiplied RGBA.
func opaque(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xFF}
}
