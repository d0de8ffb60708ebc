//go:build ignore

// Gen draws Veil's icon: a calm teal rounded square holding a light shield
// whose top edge hangs like a veil pinned at two corners, and inside the
// shield a small landscape photo (two hills and a sun). Shapes are big on
// purpose so the mark still reads at 16 px.
//
//	go run assets/icon/gen.go                        # writes assets/icon.png (1024 px)
//	go run assets/icon/gen.go -size 16 -o icon16.png # one size, drawn at that size
//
// Each size is drawn from the shapes, not scaled from the big picture: every
// pixel averages a grid of samples, so small sizes stay sharp and edges are
// smooth. Sizes of 48 px and less drop the outer margin to use every pixel.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// rgba is a colour with components in 0..1 (straight alpha).
type rgba struct{ r, g, b, a float64 }

var (
	teal      = rgba{0.239, 0.478, 0.541, 1} // #3D7A8A, top of the background
	deepTeal  = rgba{0.122, 0.306, 0.373, 1} // #1F4E5F, bottom of the background
	paper     = rgba{0.961, 0.945, 0.910, 1} // #F5F1E8, the shield
	hill      = rgba{0.180, 0.416, 0.471, 1} // #2E6A78, the far hill
	nearHill  = rgba{0.137, 0.337, 0.392, 1} // #235664, the near hill
	sun       = rgba{0.949, 0.702, 0.369, 1} // #F2B35E
	clear     = rgba{}
	shieldW   = 0.28 // half width of the shield
	shieldMid = 0.53 // where the straight sides turn into arcs
	shieldTip = 0.87 // the point at the bottom
)

func main() {
	size := flag.Int("size", 1024, "width and height in pixels")
	out := flag.String("o", "assets/icon.png", "output PNG file")
	flag.Parse()
	if *size < 8 || *size > 4096 {
		fmt.Fprintln(os.Stderr, "gen: size must be between 8 and 4096")
		os.Exit(2)
	}
	if err := write(*out, draw(*size)); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func write(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// draw renders the icon at n×n pixels, averaging s×s samples per pixel.
func draw(n int) *image.NRGBA {
	s := 4
	if n <= 128 {
		s = 16
	}
	margin := 0.055
	if n <= 48 {
		margin = 0
	}
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			var acc rgba
			for sy := 0; sy < s; sy++ {
				for sx := 0; sx < s; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/float64(s)) / float64(n)
					y := (float64(py) + (float64(sy)+0.5)/float64(s)) / float64(n)
					c := sample(x, y, margin)
					// Premultiply while averaging so transparent corners
					// do not darken the edge.
					acc.r += c.r * c.a
					acc.g += c.g * c.a
					acc.b += c.b * c.a
					acc.a += c.a
				}
			}
			img.SetNRGBA(px, py, toNRGBA(acc, float64(s*s)))
		}
	}
	return img
}

func toNRGBA(acc rgba, k float64) color.NRGBA {
	if acc.a == 0 {
		return color.NRGBA{}
	}
	c8 := func(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
	return color.NRGBA{c8(acc.r / acc.a), c8(acc.g / acc.a), c8(acc.b / acc.a), c8(acc.a / k)}
}

// sample is the colour of the icon at (x, y), both in 0..1, y pointing down.
func sample(x, y, margin float64) rgba {
	if !inRoundedSquare(x, y, margin, 0.2*(1-2*margin)) {
		return clear
	}
	t := (y - margin) / (1 - 2*margin)
	c := mix(teal, deepTeal, t)
	if !inShield(x, y, 0) {
		return c
	}
	c = paper
	if !inShield(x, y, 0.05) {
		return c // the frame of the photo
	}
	switch {
	case inNearHill(x, y):
		return nearHill
	case inFarHill(x, y):
		return hill
	case math.Hypot(x-0.585, y-0.375) < 0.06:
		return sun
	}
	return c
}

func mix(a, b rgba, t float64) rgba {
	t = math.Max(0, math.Min(1, t))
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, 1}
}

// inRoundedSquare reports whether (x, y) lies in the square inset by m on
// every side with corners of radius r.
func inRoundedSquare(x, y, m, r float64) bool {
	lo, hi := m+r, 1-m-r
	dx := math.Max(0, math.Max(lo-x, x-hi))
	dy := math.Max(0, math.Max(lo-y, y-hi))
	if x < m || x > 1-m || y < m || y > 1-m {
		return false
	}
	return dx*dx+dy*dy <= r*r
}

// inShield reports whether (x, y) lies in the shield shrunk by inset. The
// top edge sags in the middle like cloth hung from two corners (the veil);
// the sides are straight down to shieldMid, then arcs meet at the tip.
func inShield(x, y, inset float64) bool {
	w := shieldW - inset
	dx := math.Abs(x - 0.5)
	if dx > w {
		return false
	}
	// Veil: pinned at y=0.19 at the corners, sagging to 0.235 in the middle.
	top := 0.19 + 0.045*math.Cos(math.Pi/2*dx/shieldW) + inset
	if y < top {
		return false
	}
	if y <= shieldMid {
		return true
	}
	// An arc with a vertical tangent at (0.5±shieldW, shieldMid) through
	// the tip (0.5, shieldTip): radius R solves (R-W)² + H² = R².
	h := shieldTip - shieldMid
	r := (shieldW*shieldW + h*h) / (2 * shieldW)
	cx := shieldW - r // centre, relative to x=0.5, on the far side
	d := math.Hypot(dx-cx, y-shieldMid)
	return d <= r-inset
}

// inFarHill is the broad hill on the left, peaking at (0.43, 0.47).
func inFarHill(x, y float64) bool {
	return y >= 0.47+1.05*math.Abs(x-0.43)
}

// inNearHill is the lower hill on the right, peaking at (0.64, 0.57), and
// the ground under both.
func inNearHill(x, y float64) bool {
	return y >= 0.57+0.8*math.Abs(x-0.64) || y >= 0.72
}
