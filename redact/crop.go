package redact

import (
	"cmp"
	"errors"
	"fmt"
	"image"
	"slices"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"
)

// ErrEmptyCrop is returned by Crop when nothing of the image is left.
var ErrEmptyCrop = errors.New("redact: crop is empty or outside the image")

// Crop returns the part of img inside r (in img's coordinates; a reversed
// rectangle is taken as its canonical form) as a new image whose origin is
// (0, 0). It fails with ErrEmptyCrop when r does not overlap img.
func Crop(img image.Image, r image.Rectangle) (*image.NRGBA, error) {
	if img == nil {
		return nil, fmt.Errorf("%w: no image", ErrEmptyCrop)
	}
	c := r.Canon().Intersect(img.Bounds())
	if c.Empty() {
		return nil, fmt.Errorf("%w: %v within %v", ErrEmptyCrop, r, img.Bounds())
	}
	return imaging.Crop(img, c), nil
}

// Aspect is a crop's width-to-height ratio W:H. The zero value, Free, has
// no fixed ratio.
type Aspect struct{ W, H int }

// The common aspect presets, in the order a menu shows them (Aspects).
var (
	AspectFree = Aspect{}
	Aspect1x1  = Aspect{1, 1}
	Aspect4x5  = Aspect{4, 5}
	Aspect3x4  = Aspect{3, 4}
	Aspect9x16 = Aspect{9, 16}
	Aspect16x9 = Aspect{16, 9}
)

// Aspects lists the presets.
var Aspects = []Aspect{AspectFree, Aspect1x1, Aspect4x5, Aspect3x4, Aspect9x16, Aspect16x9}

// maxAspectTerm bounds the terms ParseAspect accepts.
const maxAspectTerm = 10000

// IsFree reports whether a has no fixed ratio (either term is not positive).
func (a Aspect) IsFree() bool { return a.W <= 0 || a.H <= 0 }

// String returns "Free" or "W:H", e.g. "4:5".
func (a Aspect) String() string {
	if a.IsFree() {
		return "Free"
	}
	return strconv.Itoa(a.W) + ":" + strconv.Itoa(a.H)
}

// ParseAspect parses "free" (any case) or "W:H" with W and H from 1 to 10000.
func ParseAspect(s string) (Aspect, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "free") {
		return AspectFree, nil
	}
	ws, hs, ok := strings.Cut(s, ":")
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if !ok || errW != nil || errH != nil || w < 1 || h < 1 || w > maxAspectTerm || h > maxAspectTerm {
		return AspectFree, fmt.Errorf("redact: bad aspect %q (want free or W:H, e.g. 4:5)", s)
	}
	return Aspect{w, h}, nil
}

// Fit returns the largest rectangle of ratio a inside r ∩ bounds, centred in
// it; for Free, r ∩ bounds itself. Its sides are exact multiples of the
// reduced ratio (so 16:9 is exactly 16:9); when r ∩ bounds is too small to
// hold even one W×H step, Fit returns an empty rectangle.
func (a Aspect) Fit(r, bounds image.Rectangle) image.Rectangle {
	c := r.Canon().Intersect(bounds.Canon())
	if a.IsFree() || c.Empty() {
		return c
	}
	g := gcd(a.W, a.H)
	w, h := a.W/g, a.H/g
	k := min(c.Dx()/w, c.Dy()/h)
	if k == 0 {
		return image.Rectangle{}
	}
	x := c.Min.X + (c.Dx()-k*w)/2
	y := c.Min.Y + (c.Dy()-k*h)/2
	return image.Rect(x, y, x+k*w, y+k*h)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// MinSuggestedCrop is the smallest width and height SuggestCrop proposes.
const MinSuggestedCrop = 16

// SuggestCrop returns the largest crop (by area) of ratio aspect inside
// bounds that overlaps none of the avoid rectangles, centred in the free
// space around it, and true; or false when no such crop is at least
// MinSuggestedCrop pixels on each side. For an ellipse region, pass its
// rectangle.
//
// Every maximal free rectangle has its left side on the image's left edge
// or an obstacle's right side, its right side on the image's right edge or
// an obstacle's left side, and spans a whole vertical gap between the
// obstacles crossing that column range; the best crop of a ratio lies in one
// of them. So the search walks those column pairs and gaps: O(n³ log n) for
// n rectangles, independent of the image size.
func SuggestCrop(bounds image.Rectangle, avoid []image.Rectangle, aspect Aspect) (image.Rectangle, bool) {
	bounds = bounds.Canon()
	var obs []image.Rectangle
	lefts, rights := []int{bounds.Min.X}, []int{bounds.Max.X}
	for _, a := range avoid {
		if a = a.Canon().Intersect(bounds); !a.Empty() {
			obs = append(obs, a)
			lefts, rights = append(lefts, a.Max.X), append(rights, a.Min.X)
		}
	}
	slices.Sort(lefts)
	slices.Sort(rights)
	lefts, rights = slices.Compact(lefts), slices.Compact(rights)
	slices.SortFunc(obs, func(a, b image.Rectangle) int { return cmp.Compare(a.Min.Y, b.Min.Y) })

	s := suggestion{centre: bounds.Min.Add(bounds.Max), aspect: aspect, bounds: bounds}
	for _, l := range lefts {
		for _, r := range rights {
			if r-l < MinSuggestedCrop || (r-l)*bounds.Dy() < s.area {
				continue // too narrow, or cannot beat the best so far
			}
			s.columns(l, r, obs)
		}
	}
	return s.best, s.found
}

// suggestion is the state of one SuggestCrop search.
type suggestion struct {
	bounds image.Rectangle
	aspect Aspect
	centre image.Point // twice the centre of bounds
	best   image.Rectangle
	area   int
	found  bool
}

// columns tries every vertical gap between the obstacles crossing the
// columns [l, r); obs is sorted by top edge.
func (s *suggestion) columns(l, r int, obs []image.Rectangle) {
	top := s.bounds.Min.Y
	for _, o := range obs {
		if o.Min.X >= r || o.Max.X <= l {
			continue
		}
		if o.Min.Y > top {
			s.try(image.Rect(l, top, r, o.Min.Y))
		}
		top = max(top, o.Max.Y)
	}
	if top < s.bounds.Max.Y {
		s.try(image.Rect(l, top, r, s.bounds.Max.Y))
	}
}

// try considers the best crop inside the free rectangle free. Among equal
// areas, the one nearest the image centre wins.
func (s *suggestion) try(free image.Rectangle) {
	c := s.aspect.Fit(free, s.bounds)
	if c.Dx() < MinSuggestedCrop || c.Dy() < MinSuggestedCrop {
		return
	}
	area := c.Dx() * c.Dy()
	if s.found && (area < s.area || area == s.area && s.dist(c) >= s.dist(s.best)) {
		return
	}
	s.best, s.area, s.found = c, area, true
}

func (s *suggestion) dist(c image.Rectangle) int {
	d := c.Min.Add(c.Max).Sub(s.centre)
	return abs(d.X) + abs(d.Y)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
