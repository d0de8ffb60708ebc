package redact

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// testYCbCr is testPhoto as a YCbCr image of the given subsampling.
func testYCbCr(w, h int, ratio image.YCbCrSubsampleRatio) *image.YCbCr {
	src := testPhoto(w, h, image.Point{})
	m := image.NewYCbCr(src.Rect, ratio)
	for y := range h {
		for x := range w {
			c := src.NRGBAAt(x, y)
			yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
			m.Y[m.YOffset(x, y)] = yy
			m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)] = cb, cr
		}
	}
	return m
}

func cloneYCbCr(m *image.YCbCr) *image.YCbCr {
	out := *m
	out.Y, out.Cb, out.Cr = bytes.Clone(m.Y), bytes.Clone(m.Cb), bytes.Clone(m.Cr)
	return &out
}

var ratios = []struct {
	name  string
	ratio image.YCbCrSubsampleRatio
	grid  Grid // the chroma blocks: a JPEG's grid is a multiple of them
}{
	{"4:4:4", image.YCbCrSubsampleRatio444, Grid{}},
	{"4:2:0", image.YCbCrSubsampleRatio420, Grid{Size: image.Pt(2, 2)}},
	{"4:2:2", image.YCbCrSubsampleRatio422, Grid{Size: image.Pt(2, 1)}},
}

// Covered pixels get exactly the luma Apply paints, and every pixel whose
// samples no cover touches keeps them.
func TestApplyYCbCrPaintsWhatApplyPaints(t *testing.T) {
	for _, rt := range ratios {
		for _, lc := range leakCases {
			for _, st := range allStyles {
				for _, sh := range allShapes {
					regions := lc.regions(st, sh)
					src := testYCbCr(64, 48, rt.ratio)
					got := cloneYCbCr(src)
					opt := Options{Seed: 7, Grid: rt.grid}
					ApplyYCbCr(got, regions, opt)
					want := Apply(src, regions, opt)
					cov := newCoverage(regions, src.Rect, rt.grid)
					for y := range 48 {
						for x := range 64 {
							c := want.NRGBAAt(x, y)
							wy, _, _ := color.RGBToYCbCr(c.R, c.G, c.B)
							gy := got.Y[got.YOffset(x, y)]
							switch {
							case cov.covered(x, y) && gy != wy:
								t.Fatalf("%s %s %v %v: luma at (%d,%d) is %d, Apply paints %d", rt.name, lc.name, st, sh, x, y, gy, wy)
							case !cov.covered(x, y) && gy != src.Y[src.YOffset(x, y)]:
								t.Fatalf("%s %s %v %v: uncovered luma at (%d,%d) changed", rt.name, lc.name, st, sh, x, y)
							}
						}
					}
				}
			}
		}
	}
}

// The output depends only on the samples outside the covers: scrambling
// every luma sample of a covered pixel and every chroma sample a covered
// pixel uses changes nothing.
func TestApplyYCbCrDependsOnlyOnUncoveredSamples(t *testing.T) {
	for _, rt := range ratios {
		for _, lc := range leakCases {
			for _, st := range allStyles {
				regions := lc.regions(st, Ellipse)
				opt := Options{Seed: 3, Grid: rt.grid}
				a := testYCbCr(64, 48, rt.ratio)
				b := scrambledYCbCr(a, newCoverage(regions, a.Rect, rt.grid), 9)
				ApplyYCbCr(a, regions, opt)
				ApplyYCbCr(b, regions, opt)
				if !bytes.Equal(a.Y, b.Y) || !bytes.Equal(a.Cb, b.Cb) || !bytes.Equal(a.Cr, b.Cr) {
					t.Errorf("%s %s %v: what was under the cover shows", rt.name, lc.name, st)
				}
			}
		}
	}
}

func scrambledYCbCr(m *image.YCbCr, cov *coverage, seed uint64) *image.YCbCr {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := cloneYCbCr(m)
	b := m.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if cov.covered(x, y) {
				out.Y[out.YOffset(x, y)] = uint8(rng.Uint32())
				out.Cb[out.COffset(x, y)], out.Cr[out.COffset(x, y)] = uint8(rng.Uint32()), uint8(rng.Uint32())
			}
		}
	}
	return out
}

// FuzzApplyYCbCr checks ApplyYCbCr on arbitrary layouts and subsamplings:
// it never panics, never changes a sample that no cover touches, gives
// covered pixels the luma Apply paints, and lets nothing under a cover
// through (scrambling every covered sample changes no output byte).
func FuzzApplyYCbCr(f *testing.F) {
	f.Add(uint8(40), uint8(30), []byte{10, 10, 20, 15, 2}, uint8(1), uint64(1))
	f.Add(uint8(7), uint8(5), []byte{0, 0, 200, 200, 5, 3, 3, 2, 2, 3}, uint8(0), uint64(2))
	f.Add(uint8(33), uint8(17), []byte{5, 5, 30, 12, 3, 20, 8, 10, 9, 4}, uint8(2), uint64(4))
	f.Fuzz(func(t *testing.T, w8, h8 uint8, layout []byte, ratio uint8, seed uint64) {
		rt := ratios[int(ratio)%len(ratios)]
		w, h := 1+int(w8)%48, 1+int(h8)%48
		regions := fuzzRegions(layout, w, h)
		opt := Options{Seed: seed, Grid: rt.grid}
		src := testYCbCr(w, h, rt.ratio)
		cov := newCoverage(regions, src.Rect, rt.grid)
		a, b := cloneYCbCr(src), scrambledYCbCr(src, cov, seed)
		ApplyYCbCr(a, regions, opt)
		ApplyYCbCr(b, regions, opt)
		if !bytes.Equal(a.Y, b.Y) || !bytes.Equal(a.Cb, b.Cb) || !bytes.Equal(a.Cr, b.Cr) {
			t.Fatalf("%s: what was under a cover shows (regions %v)", rt.name, regions)
		}
		want := Apply(src, regions, opt)
		for y := range h {
			for x := range w {
				c := want.NRGBAAt(x, y)
				wy, _, _ := color.RGBToYCbCr(c.R, c.G, c.B)
				got, orig := a.Y[a.YOffset(x, y)], src.Y[src.YOffset(x, y)]
				if cov.covered(x, y) && got != wy || !cov.covered(x, y) && got != orig {
					t.Fatalf("%s: luma at (%d,%d) is %d (Apply %d, original %d), regions %v", rt.name, x, y, got, wy, orig, regions)
				}
			}
		}
	})
}
