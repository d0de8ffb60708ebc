package ui

import (
	"image"
	"math"

	"veil/redact"
	"veil/redact/face"
)

// coveredThumb returns a list thumbnail with every face found covered by a
// flat fill, whatever the person chose in the editor: the list is the part
// of the window most easily seen over a shoulder. bounds is the upright
// picture the thumbnail was made from.
func coveredThumb(thumb image.Image, bounds image.Rectangle, faces []face.Face) image.Image {
	tb := thumb.Bounds()
	if len(faces) == 0 || bounds.Empty() || tb.Empty() {
		return thumb
	}
	sx, sy := float64(tb.Dx())/float64(bounds.Dx()), float64(tb.Dy())/float64(bounds.Dy())
	var rs []redact.Region
	for _, f := range faces {
		r := redact.FaceRegion(image.Rect(f.X, f.Y, f.X+f.W, f.Y+f.H), bounds)
		r.Rect = scaleOut(r.Rect.Sub(bounds.Min), sx, sy).Add(tb.Min)
		r.Style = redact.Fill
		rs = append(rs, r)
	}
	return redact.Apply(thumb, rs, redact.Options{})
}

// scaleOut scales r by (sx, sy), rounding outwards: a cover shrunk to a
// thumbnail is never smaller than the face.
func scaleOut(r image.Rectangle, sx, sy float64) image.Rectangle {
	return image.Rect(
		int(math.Floor(float64(r.Min.X)*sx)), int(math.Floor(float64(r.Min.Y)*sy)),
		int(math.Ceil(float64(r.Max.X)*sx)), int(math.Ceil(float64(r.Max.Y)*sy)),
	)
}
