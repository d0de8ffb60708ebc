package app

import (
	"fmt"
	"image"

	"veil/redact"
	"veil/redact/face"
)

// Plan is what to do to every photo of a batch beyond removing metadata:
// cover the detected faces, cover fixed regions, crop. The zero Plan only
// removes metadata, losslessly.
type Plan struct {
	Faces     bool            // cover detected faces
	FaceStyle redact.Style    // how faces are covered
	Regions   []redact.Region // fixed covers, in upright pixels
	Crop      image.Rectangle // empty: no crop

	// PastEdge lets Regions reach past the picture's edge, as the window's
	// covers may (a face's ellipse at the frame): only the part inside is
	// covered. Otherwise such a region is refused, as a mistyped area on
	// the command line should be.
	PastEdge bool

	// SkipFindings leaves Result.Findings empty, for callers that do not
	// show them: each file is still parsed to its true end and its copy
	// checked against the keep-list, but what it gave away is not listed
	// (exif.Scan instead of exif.Inspect), which makes a batch faster.
	SkipFindings bool
}

// IsZero reports whether the plan leaves the pixels alone.
func (pl Plan) IsZero() bool { return !pl.Faces && len(pl.Regions) == 0 && pl.Crop.Empty() }

// edits works out a plan for one photo: its faces are detected when asked,
// and the plan's rectangles must lie inside the picture.
func (pl Plan) edits(p *Photo) (Edits, []face.Face, error) {
	if pl.IsZero() {
		return Edits{}, nil, nil // nothing to decode for a lossless clean
	}
	if p.IsVideo() {
		return Edits{}, nil, errVideoEdit
	}
	img, err := p.Image()
	if err != nil {
		return Edits{}, nil, err
	}
	b := img.Bounds()
	var e Edits
	var faces []face.Face
	if pl.Faces {
		if faces, err = p.Faces(); err != nil {
			return Edits{}, nil, err
		}
		e.Regions = FaceRegions(faces, b, pl.FaceStyle)
	}
	for _, r := range pl.Regions {
		if !pl.PastEdge && (!r.Rect.In(b) || r.Rect.Empty()) {
			return Edits{}, nil, fmt.Errorf("the area %s lies outside the %d×%d picture", rectString(r.Rect), b.Dx(), b.Dy())
		}
		e.Regions = append(e.Regions, r)
	}
	if !pl.Crop.Empty() && !pl.Crop.In(b) {
		return Edits{}, nil, fmt.Errorf("the crop %s lies outside the %d×%d picture", rectString(pl.Crop), b.Dx(), b.Dy())
	}
	e.Crop = pl.Crop
	return e, faces, nil
}

func rectString(r image.Rectangle) string {
	return fmt.Sprintf("%d,%d,%d,%d", r.Min.X, r.Min.Y, r.Dx(), r.Dy())
}
