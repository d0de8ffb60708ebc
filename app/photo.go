package app

import (
	"fmt"
	"image"
	"sync"

	"veil/exif"
	"veil/redact"
	"veil/redact/face"
)

// Photo is one opened photo: its bytes as read, what it gives away, and,
// once asked for, the upright picture. The original file is never written.
type Photo struct {
	Path   string
	Report Report

	data []byte
	info *exif.Info
	// private is set when the caller alone holds the photo and saves it
	// once (a batch): its decoded pixels may then be edited in place.
	private bool
	// budgeted is set when the job the photo belongs to has reserved the
	// memory for all of its work already (a batch: see clean), so that its
	// decode and edits do not reserve it again.
	budgeted bool

	once    sync.Once
	upright image.Image
	err     error
}

// Open reads a photo and inspects it. It does not decode the pixels:
// Image does, once, when first asked.
func Open(path string) (*Photo, error) { return openInto(path, nil, exif.Inspect) }

// openInto is Open reading into buf when it is large enough, and learning
// what the file holds with inspect (exif.Inspect, or exif.Scan when the
// findings are not wanted).
func openInto(path string, buf []byte, inspect func([]byte) (*exif.Info, error)) (*Photo, error) {
	if p, ok, err := openVideo(path); ok { // never read into memory
		return p, err
	}
	data, err := readFile(path, buf)
	if err != nil {
		return nil, &FileError{path, err}
	}
	info, err := inspect(data)
	if err != nil {
		return nil, &FileError{path, err}
	}
	p := &Photo{Path: path, data: data, info: info}
	var r Result
	r.fill(info)
	p.Report = Report{File: path, Format: r.Format, Width: r.Width, Height: r.Height, Findings: r.Findings}
	return p, nil
}

// Animated reports whether the photo has several frames. Only the first
// is shown (Image), and a copy with edits is a still picture of it (see
// Save).
func (p *Photo) Animated() bool { return p.info.Animated }

// Image decodes the photo and turns it upright (EXIF orientation applied).
// Regions, faces and crops are all in its coordinates. The result is shared:
// callers must not modify it. The decode first reserves its memory from
// the process's budget (budget.go), and waits while other photos hold it.
func (p *Photo) Image() (image.Image, error) {
	if p.IsVideo() {
		return videoIcon(p.info), nil // never decoded
	}
	p.once.Do(func() {
		release, err := p.reserve(decodeCost(p.info))
		if err != nil {
			p.err = &FileError{p.Path, err}
			return
		}
		defer release()
		img, err := decode(p.info.Format, p.data)
		if err != nil {
			p.err = &FileError{p.Path, fmt.Errorf("the picture cannot be read: %w", err)}
			return
		}
		if p.info.Orientation > 1 {
			img = upright(img, p.info.Orientation)
		}
		p.upright = img
	})
	return p.upright, p.err
}

// reserve takes n bytes of the process's budget for pixels (see budget.go)
// for work on the photo's pixels, unless its job has reserved for all of
// its work already (budgeted). The caller releases them when done.
func (p *Photo) reserve(n int64) (release func(), err error) {
	if p.budgeted {
		return func() {}, nil
	}
	return pixels().reserve(n)
}

// upright turns a decoded picture by its EXIF orientation: a decoded JPEG
// in its own YCbCr planes when they can be turned exactly (a quarter of
// the memory of NRGBA, and covered in place later: see Photo.edited).
func upright(img image.Image, orientation int) image.Image {
	if y, ok := img.(*image.YCbCr); ok {
		if turned, ok := redact.OrientYCbCr(y, orientation); ok {
			return turned
		}
	}
	return redact.Orient(img, orientation)
}

// decode reads the first frame of a photo (see codec.decode).
func decode(f exif.Format, data []byte) (image.Image, error) {
	c, ok := codecs[f]
	if !ok {
		return nil, exif.Unsupported("refused.no_decoder", exif.TextArg("format", string(f)))
	}
	return c.decode(data)
}

// RedactOptions are the options every cover of this photo is drawn with,
// in the preview as in the saved copy: for a JPEG, covers are widened to
// whole blocks of its grid (see redact.Grid), turned upright like the
// picture.
func (p *Photo) RedactOptions() redact.Options {
	return redact.Options{Grid: uprightGrid(p.info)}
}

// uprightGrid maps a JPEG's block grid to upright coordinates: the block
// sizes swap when the orientation transposes (5–8), and an axis that the
// orientation mirrors has its grid lines counted from the far edge.
func uprightGrid(info *exif.Info) redact.Grid {
	b := info.Block
	if info.Format != exif.JPEG || b.X <= 0 || b.Y <= 0 {
		return redact.Grid{}
	}
	o := info.Orientation
	w, h := info.Width, info.Height // stored
	var g redact.Grid
	if o >= 5 && o <= 8 { // upright x comes from stored y, upright y from stored x
		g.Size = image.Pt(b.Y, b.X)
		if o == 6 || o == 7 {
			g.Origin.X = h % b.Y
		}
		if o == 7 || o == 8 {
			g.Origin.Y = w % b.X
		}
		return g
	}
	g.Size = b
	if o == 2 || o == 3 {
		g.Origin.X = w % b.X
	}
	if o == 3 || o == 4 {
		g.Origin.Y = h % b.Y
	}
	return g
}

var detector = sync.OnceValues(face.New)

// Faces finds the faces in the upright picture, best first.
func (p *Photo) Faces() ([]face.Face, error) {
	if p.IsVideo() {
		return nil, nil // a video is never decoded: nothing to look at
	}
	img, err := p.Image()
	if err != nil {
		return nil, err
	}
	d, err := detector()
	if err != nil {
		return nil, fmt.Errorf("the face detector cannot start: %w", err)
	}
	fs, err := d.Detect(img)
	if err != nil {
		return nil, &FileError{p.Path, err}
	}
	return fs, nil
}

// FaceRegions turns faces into covers: ellipses enlarged to take in hair
// line and chin, in the given style.
func FaceRegions(faces []face.Face, bounds image.Rectangle, style redact.Style) []redact.Region {
	var rs []redact.Region
	for _, f := range faces {
		r := redact.FaceRegion(image.Rect(f.X, f.Y, f.X+f.W, f.Y+f.H), bounds)
		r.Style = style
		rs = append(rs, r)
	}
	return rs
}
