package redact

import (
	"image"
	"math"
	"sync"

	"veil/internal/parallel"
)

// ringSample is one sector of the ring around a region: the alpha-weighted
// mean colour of its ring pixels and their mean position, relative to the
// top-left corner of the region's paint rectangle.
type ringSample struct{ x, y, r, g, b float64 }

// ring is what Blur and Pixelate know about a region: samples of the pixels
// around it that no region covers, and a digest of them for the noise.
type ring struct {
	paint   image.Rectangle // the pixels the region may paint
	thick   int             // ring thickness in pixels
	samples []ringSample
	hash    uint64
}

// sectorSum accumulates the ring pixels of one sector.
type sectorSum struct{ ar, ag, ab, a, n, sx, sy uint64 }

// ringGeometry returns the ring thickness and sector count for a paint
// rectangle: a thin ring (an eighth of the short side, 2 to 16 pixels) so
// the cover matches what touches it, and about one sector per 8 pixels of
// half-perimeter (8 to 96) so colour changes along the edge carry inwards.
func ringGeometry(p image.Rectangle) (thick, sectors int) {
	thick = min(max(min(p.Dx(), p.Dy())/8, 2), ringMax)
	sectors = min(max((p.Dx()+p.Dy())/8, 8), 96)
	return thick, sectors
}

// sampleRing reads the ring of cov.regions[idx] from src: the pixels within
// the region's shape grown by the ring thickness, inside src, outside every
// region of cov (so a ring never reads pixels another region hides), and not
// fully transparent. Interior pixels are never read.
func sampleRing(src *image.NRGBA, cov *coverage, idx int, seed uint64) ring {
	return sampleRingOf(src.Rect, func(x, y int) (r, g, b, a uint8) {
		i := src.PixOffset(x, y)
		return src.Pix[i], src.Pix[i+1], src.Pix[i+2], src.Pix[i+3]
	}, cov, idx, seed)
}

// sampleRingOf is sampleRing reading a picture of the given bounds
// through px, which gives a pixel's non-premultiplied colour and alpha.
func sampleRingOf(bounds image.Rectangle, px func(x, y int) (r, g, b, a uint8), cov *coverage, idx int, seed uint64) ring {
	r := cov.regions[idx]
	p := r.Rect.Intersect(bounds)
	thick, k := ringGeometry(p)
	base := p // a rectangle's ring within the image depends only on its visible part
	if r.Shape == Ellipse {
		base = r.Rect // ellipse coordinates are bounded by norm, so Inset cannot overflow
	}
	outer := Region{Rect: base.Inset(-thick), Shape: r.Shape}
	scan := outer.Rect.Intersect(bounds)
	hx, hy := float64(p.Dx())/2, float64(p.Dy())/2
	sums := make([]sectorSum, k)
	var mu sync.Mutex
	parallel.For(scan.Min.Y, scan.Max.Y, minRowsPerWorker, func(lo, hi int) {
		band := make([]sectorSum, k) // integer sums: merging in any order gives the same result
		for y := lo; y < hi; y++ {
			ox0, ox1 := outer.span(y)
			ix0, ix1 := r.span(y)
			for x := max(ox0, scan.Min.X); x < min(ox1, scan.Max.X); x++ {
				if x >= ix0 && x < ix1 {
					x = ix1 - 1
					continue
				}
				pr, pg, pb, pa := px(x, y)
				a := uint64(pa)
				if a == 0 || cov.covered(x, y) {
					continue
				}
				rx, ry := x-p.Min.X, y-p.Min.Y
				a4 := diamondAngle((float64(rx)+0.5-hx)/hx, (float64(ry)+0.5-hy)/hy)
				s := &band[min(int(a4/4*float64(k)), k-1)]
				s.ar += a * uint64(pr)
				s.ag += a * uint64(pg)
				s.ab += a * uint64(pb)
				s.a += a
				s.n++
				s.sx += uint64(rx + thick) // non-negative: the ring starts thick pixels before p
				s.sy += uint64(ry + thick)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for i, b := range band {
			s := &sums[i]
			s.ar, s.ag, s.ab, s.a, s.n, s.sx, s.sy = s.ar+b.ar, s.ag+b.ag, s.ab+b.ab, s.a+b.a, s.n+b.n, s.sx+b.sx, s.sy+b.sy
		}
	})
	return ring{paint: p, thick: thick, samples: toSamples(sums, thick), hash: ringHash(seed, r, p, sums)}
}

// diamondAngle returns a value in [0, 4) that increases with the angle of
// (dx, dy) around the origin, like atan2 but far cheaper; sectors of equal
// diamond angle are close enough to equal angles to split a ring.
func diamondAngle(dx, dy float64) float64 {
	if dx == 0 && dy == 0 {
		return 0
	}
	switch t := dy / (math.Abs(dx) + math.Abs(dy)); {
	case dx >= 0 && dy >= 0:
		return t
	case dx < 0:
		return 2 - t
	default:
		return 4 + t
	}
}

func toSamples(sums []sectorSum, thick int) []ringSample {
	var out []ringSample
	for _, s := range sums {
		if s.a == 0 {
			continue
		}
		a, n := float64(s.a), float64(s.n)
		out = append(out, ringSample{
			x: float64(s.sx)/n - float64(thick) + 0.5,
			y: float64(s.sy)/n - float64(thick) + 0.5,
			r: float64(s.ar) / a, g: float64(s.ag) / a, b: float64(s.ab) / a,
		})
	}
	return out
}

// ringHash digests the seed, the region and its ring into the noise key, so
// the noise is deterministic yet differs between regions and photos.
func ringHash(seed uint64, r coverRegion, p image.Rectangle, sums []sectorSum) uint64 {
	h := mix64(seed ^ 0x5645494c) // "VEIL"
	for _, v := range [...]int{int(r.Shape), int(r.Style), p.Min.X, p.Min.Y, p.Max.X, p.Max.Y} {
		h = mix64(h ^ uint64(v))
	}
	for _, s := range sums {
		h = mix64(h ^ s.ar ^ s.ag<<21 ^ s.ab<<42)
		h = mix64(h ^ s.a)
	}
	return h
}

// mix64 is the SplitMix64 finaliser: a fast, well-spread 64-bit hash step.
func mix64(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// noise returns a deterministic value in (-1, 1), triangularly distributed
// (the sum of two uniform bytes), for the key h and the point (x, y).
func noise(h uint64, x, y int) float64 {
	v := mix64(h ^ (uint64(uint32(x)) | uint64(uint32(y))<<32))
	return float64(int(v&0xFF)+int(v>>8&0xFF)-255) / 256
}

// field is a smooth colour field over a paint rectangle, interpolated from
// ring samples by inverse squared distance (Shepard's method), stored on a
// grid of at most 97×97 nodes and read bilinearly.
type field struct {
	step   float64
	nx, ny int
	v      []float32 // r, g, b per node, row-major
}

const fieldNodes = 96

// newField builds the field of rg. Each sample weighs 1/(d²+thick²): near
// the edge the nearest sectors dominate, so the cover continues what touches
// it; towards the middle all sectors blend, as a strong blur would.
func newField(rg ring) *field {
	w, h := rg.paint.Dx(), rg.paint.Dy()
	step := max(1, (max(w, h)+fieldNodes-1)/fieldNodes)
	f := &field{step: float64(step), nx: (w+step-1)/step + 1, ny: (h+step-1)/step + 1}
	f.v = make([]float32, 3*f.nx*f.ny)
	eps := float64(rg.thick * rg.thick)
	parallel.For(0, f.ny, minRowsPerWorker, func(lo, hi int) {
		for j := lo; j < hi; j++ {
			for i := range f.nx {
				px, py := float64(i*step), float64(j*step)
				var sr, sg, sb, sw float64
				for _, s := range rg.samples {
					dx, dy := px-s.x, py-s.y
					wt := 1 / (dx*dx + dy*dy + eps)
					sr, sg, sb, sw = sr+wt*s.r, sg+wt*s.g, sb+wt*s.b, sw+wt
				}
				o := 3 * (j*f.nx + i)
				f.v[o], f.v[o+1], f.v[o+2] = float32(sr/sw), float32(sg/sw), float32(sb/sw)
			}
		}
	})
	return f
}

// fieldRow is one row of a field interpolated vertically: r, g, b per node
// column. It lives on the stack of the painting loop.
type fieldRow [3 * (fieldNodes + 1)]float64

// row fills fr with the field interpolated to y (relative to the paint
// rectangle), ready for rowAt along that row.
func (f *field) row(y float64, fr *fieldRow) {
	v := max(0, y/f.step)
	j := min(int(v), f.ny-2)
	fv := min(v-float64(j), 1)
	top, bot := f.v[3*j*f.nx:3*(j+1)*f.nx], f.v[3*(j+1)*f.nx:3*(j+2)*f.nx]
	for i := range top {
		fr[i] = float64(top[i]) + fv*(float64(bot[i])-float64(top[i]))
	}
}

// rowAt returns the colour at x (relative to the paint rectangle) on the
// row last filled by row.
func (f *field) rowAt(fr *fieldRow, x float64) (r, g, b float64) {
	u := max(0, x/f.step)
	i := min(int(u), f.nx-2)
	fu := min(u-float64(i), 1)
	o := 3 * i
	return fr[o] + fu*(fr[o+3]-fr[o]), fr[o+1] + fu*(fr[o+4]-fr[o+1]), fr[o+2] + fu*(fr[o+5]-fr[o+2])
}

// at returns the field's colour at (x, y), relative to the paint rectangle.
func (f *field) at(x, y float64) (r, g, b float64) {
	var fr fieldRow
	f.row(y, &fr)
	return f.rowAt(&fr, x)
}

// clamp8 rounds v to the nearest byte value.
func clamp8(v float64) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}
