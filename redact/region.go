package redact

import (
	"errors"
	"fmt"
	"image"
	"math"
	"math/bits"
	"strings"
)

// Shape is the outline of a Region inside its rectangle.
type Shape int

// The shapes a Region can take. An unknown Shape value is treated as Rect,
// which covers a superset of every other shape.
const (
	Rect    Shape = iota // the whole rectangle
	Ellipse              // the ellipse inscribed in the rectangle
)

// String returns "rect" or "ellipse".
func (s Shape) String() string {
	if s == Ellipse {
		return "ellipse"
	}
	return "rect"
}

// Style is how a Region is covered.
type Style int

// The cover styles. An unknown Style value is treated as Fill.
const (
	Fill     Style = iota // a solid colour
	Blur                  // a smooth blend synthesized from the ring around the region
	Pixelate              // a mosaic synthesized from the ring around the region
)

var styleNames = [...]string{Fill: "fill", Blur: "blur", Pixelate: "pixelate"}

// String returns "fill", "blur" or "pixelate".
func (s Style) String() string {
	if s < 0 || int(s) >= len(styleNames) {
		return "fill"
	}
	return styleNames[s]
}

// ErrUnknownStyle is returned by ParseStyle for a name it does not know.
var ErrUnknownStyle = errors.New("redact: unknown style")

// ParseStyle returns the Style named s ("fill", "blur" or "pixelate", any case).
func ParseStyle(s string) (Style, error) {
	for i, name := range styleNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return Style(i), nil
		}
	}
	return Fill, fmt.Errorf("%w %q (want fill, blur or pixelate)", ErrUnknownStyle, s)
}

// Region is an area to cover, in pixels of the upright image.
//
// The covered pixels are those whose centre lies inside Shape drawn in Rect.
// Rect may extend past the image: the part outside covers nothing. An
// ellipse whose rectangle reaches beyond ±2³⁰ is handled as the whole
// rectangle, which covers more, never less.
type Region struct {
	Rect  image.Rectangle
	Shape Shape
	Style Style
}

// maxEllipseCoord bounds the coordinates of an ellipse's rectangle. An ellipse
// reaching further is handled as its whole rectangle (a superset, so nothing
// is uncovered), which keeps the exact membership test in 128-bit integers.
const maxEllipseCoord = 1 << 30

// norm returns r in the form every membership test uses: a canonical
// rectangle, and an ellipse only when its coordinates are within range.
func (r Region) norm() Region {
	r.Rect = r.Rect.Canon()
	if r.Shape != Ellipse {
		r.Shape = Rect
		return r
	}
	for _, v := range [...]int{r.Rect.Min.X, r.Rect.Min.Y, r.Rect.Max.X, r.Rect.Max.Y} {
		if v < -maxEllipseCoord || v > maxEllipseCoord {
			r.Shape = Rect
		}
	}
	return r
}

// Contains reports whether the pixel at pt is covered by r: for an ellipse,
// whether the pixel's centre lies inside or on the ellipse inscribed in Rect.
// Apply uses exactly this test.
func (r Region) Contains(pt image.Point) bool {
	n := r.norm()
	if !pt.In(n.Rect) {
		return false
	}
	return n.Shape == Rect || inEllipse(n.Rect, pt.X, pt.Y)
}

// inEllipse is the exact membership test for a pixel (x, y) already known to
// lie in e. With doubled coordinates relative to the centre, X = 2x+1-(x0+x1),
// Y = 2y+1-(y0+y1), A = x1-x0, B = y1-y0, the pixel centre is inside when
// X²B² + Y²A² <= A²B². Every term fits in 128 bits for coordinates within
// ±maxEllipseCoord.
func inEllipse(e image.Rectangle, x, y int) bool {
	X := uint64(abs64(int64(2*x+1) - int64(e.Min.X) - int64(e.Max.X)))
	Y := uint64(abs64(int64(2*y+1) - int64(e.Min.Y) - int64(e.Max.Y)))
	A, B := uint64(e.Dx()), uint64(e.Dy())
	h1, l1 := mul128(X*B, X*B) // |X| <= A and |Y| <= B, each below 2^32
	h2, l2 := mul128(Y*A, Y*A)
	l, carry := bits.Add64(l1, l2, 0)
	h := h1 + h2 + carry
	hr, lr := mul128(A*B, A*B)
	return h < hr || (h == hr && l <= lr)
}

func mul128(a, b uint64) (hi, lo uint64) { return bits.Mul64(a, b) }

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// span returns the covered pixels [x0, x1) of r's row y (r normalized); an
// empty span when the row is not covered. It is derived from inEllipse so it
// agrees with Contains pixel for pixel: a float estimate, then exact fix-ups.
func (r Region) span(y int) (x0, x1 int) {
	e := r.Rect
	if y < e.Min.Y || y >= e.Max.Y || e.Empty() {
		return 0, 0
	}
	if r.Shape == Rect {
		return e.Min.X, e.Max.X
	}
	a, b := float64(e.Dx())/2, float64(e.Dy())/2
	cx, cy := float64(e.Min.X)+a, float64(e.Min.Y)+b
	dy := (float64(y) + 0.5 - cy) / b
	hw := a * math.Sqrt(math.Max(0, 1-dy*dy))
	x0 = max(e.Min.X, min(e.Max.X-1, int(math.Floor(cx-hw))))
	for x0 < e.Max.X && !inEllipse(e, x0, y) {
		x0++
	}
	if x0 == e.Max.X { // a thin ellipse's end rows can hold no pixel centre
		return 0, 0
	}
	for x0 > e.Min.X && inEllipse(e, x0-1, y) {
		x0--
	}
	x1 = e.Min.X + e.Max.X - x0 // the ellipse is symmetric about its centre
	return x0, x1
}

// Moved returns r shifted by (dx, dy).
func (r Region) Moved(dx, dy int) Region {
	r.Rect = r.Rect.Add(image.Pt(dx, dy))
	return r
}

// Resized returns r with its top-left corner moved by dMin and its
// bottom-right corner by dMax, as when dragging a handle. A corner dragged
// past the opposite one flips the rectangle; the result is at least 1×1.
func (r Region) Resized(dMin, dMax image.Point) Region {
	n := image.Rectangle{r.Rect.Min.Add(dMin), r.Rect.Max.Add(dMax)}.Canon()
	if n.Dx() == 0 {
		n.Max.X++
	}
	if n.Dy() == 0 {
		n.Max.Y++
	}
	r.Rect = n
	return r
}

// Clip returns r restricted to bounds. A rectangle is intersected with
// bounds. An ellipse keeps its geometry when it overlaps bounds, because
// shrinking its rectangle would shrink the ellipse and uncover pixels it
// covered; the part outside bounds covers nothing. A region that does not
// overlap bounds becomes empty.
func (r Region) Clip(bounds image.Rectangle) Region {
	r.Rect = r.Rect.Canon()
	in := r.Rect.Intersect(bounds)
	if in.Empty() {
		r.Rect = image.Rectangle{}
		return r
	}
	if r.Shape != Ellipse {
		r.Rect = in
	}
	return r
}

// Face enlargement: the ellipse inscribed in a rectangle covers a centred
// box of 1/√2 its size, so at least √2 ≈ 1.41 is needed to cover the
// detector's box at all; more height and an upward shift take in the hair
// line and the chin.
const (
	faceGrowW  = 1.5
	faceGrowH  = 1.9
	faceShiftY = -0.12 // of the face height, upwards
)

// FaceRegion returns the region covering a detected face box: an ellipse
// about 1.5× wider and 1.9× taller than the box, centred slightly above the
// box's centre, clipped to bounds (see Clip), with the default style Blur.
// Every pixel of face inside bounds is covered.
func FaceRegion(face, bounds image.Rectangle) Region {
	face = face.Canon()
	w, h := float64(face.Dx()), float64(face.Dy())
	cx := float64(face.Min.X) + w/2
	cy := float64(face.Min.Y) + h/2 + faceShiftY*h
	hw, hh := w*faceGrowW/2, h*faceGrowH/2
	rect := image.Rect(
		int(math.Floor(cx-hw)), int(math.Floor(cy-hh)),
		int(math.Ceil(cx+hw)), int(math.Ceil(cy+hh)),
	)
	return Region{Rect: rect, Shape: Ellipse, Style: Blur}.Clip(bounds)
}
