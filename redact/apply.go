package redact

import (
	"image"
	"image/color"

	"github.com/disintegration/imaging"

	"veil/internal/parallel"
)

// Options tune Apply.
type Options struct {
	// FillColor paints Fill regions, and Blur or Pixelate regions that have
	// no pixel around them to synthesize from. Its alpha is ignored (covers
	// are always opaque), except that the zero value selects
	// DefaultFillColor.
	FillColor color.NRGBA
	// Seed varies the noise of Blur and Pixelate covers. The same image,
	// regions and Seed always give the same output.
	Seed uint64
	// Grid, when set, widens every region to whole cells of the grid (see
	// Grid): pass the JPEG block grid of the source photo.
	Grid Grid
}

// Apply returns a copy of img with every region covered, in order: where
// regions overlap, the later one shows. The result has img's bounds; pixels
// outside every region are img's pixels converted to NRGBA; covered pixels
// are fully opaque (alpha 255) with hard edges.
//
// The output is a function of the pixels outside the union of all regions,
// the regions and opt alone: Blur and Pixelate synthesize their covers from
// the ring of pixels around each region that no region covers, so nothing
// inside any region can reach the output. img is not modified.
func Apply(img image.Image, regions []Region, opt Options) *image.NRGBA {
	out := toNRGBA(img)
	ApplyTo(out, regions, opt)
	return out
}

// ApplyTo is Apply painting img itself rather than a copy: the same
// covers, for a caller that owns img and needs no copy of it (a photo of
// 250 megapixels is a gigabyte as NRGBA).
func ApplyTo(out *image.NRGBA, regions []Region, opt Options) {
	cov := newCoverage(regions, out.Rect, opt.Grid)
	for i, r := range cov.regions {
		switch r.Style {
		case Blur:
			paintBlur(out, cov, i, opt)
		case Pixelate:
			paintPixelate(out, cov, i, opt)
		default:
			paintFill(out, r, opt.fill())
		}
	}
}

// toNRGBA returns a new NRGBA copy of img with img's bounds (imaging.Clone
// converts every standard image type in parallel, but moves the origin to
// (0, 0)).
func toNRGBA(img image.Image) *image.NRGBA {
	if img == nil {
		return image.NewNRGBA(image.Rectangle{})
	}
	out := imaging.Clone(img)
	out.Rect = img.Bounds()
	return out
}

// coverage holds the regions of one Apply call that touch the image,
// normalized, so that every test of "is this pixel covered" agrees.
type coverage struct {
	bounds  image.Rectangle
	regions []coverRegion
}

// coverRegion is a region as Apply paints it: normalized, and with its rows
// widened to whole cells when a grid is set.
type coverRegion struct {
	Region
	cells *cells
}

// span is the covered x range of row y, cell-widened when there is a grid.
func (c coverRegion) span(y int) (x0, x1 int) {
	if c.cells != nil {
		return c.cells.span(y)
	}
	return c.Region.span(y)
}

func newCoverage(regions []Region, bounds image.Rectangle, g Grid) *coverage {
	c := &coverage{bounds: bounds}
	for _, r := range regions {
		n := coverRegion{Region: r.norm()}
		if g.active() {
			n = g.snap(n.Region, bounds)
		}
		if n.Rect.Overlaps(bounds) {
			c.regions = append(c.regions, n)
		}
	}
	return c
}

// covered reports whether any region covers the pixel (x, y).
func (c *coverage) covered(x, y int) bool {
	for _, r := range c.regions {
		if x < r.Rect.Min.X || x >= r.Rect.Max.X || y < r.Rect.Min.Y || y >= r.Rect.Max.Y {
			continue
		}
		if r.cells != nil {
			if x0, x1 := r.cells.span(y); x >= x0 && x < x1 {
				return true
			}
			continue
		}
		if r.Shape == Rect || inEllipse(r.Rect, x, y) {
			return true
		}
	}
	return false
}

// paintRect returns the pixels of dst that r may paint: its rectangle
// within dst's bounds.
func paintRect(dst *image.NRGBA, r coverRegion) image.Rectangle {
	return r.Rect.Intersect(dst.Rect)
}

// forSpans calls fn, in parallel over rows, with each row's covered span of
// r within dst, as the x range [x0, x1) and the matching bytes of dst.Pix.
func forSpans(dst *image.NRGBA, r coverRegion, fn func(y, x0, x1 int, pix []uint8)) {
	p := paintRect(dst, r)
	parallel.For(p.Min.Y, p.Max.Y, minRowsPerWorker, func(lo, hi int) {
		for y := lo; y < hi; y++ {
			x0, x1 := r.span(y)
			x0, x1 = max(x0, p.Min.X), min(x1, p.Max.X)
			if x0 >= x1 {
				continue
			}
			i := dst.PixOffset(x0, y)
			fn(y, x0, x1, dst.Pix[i:i+4*(x1-x0)])
		}
	})
}
