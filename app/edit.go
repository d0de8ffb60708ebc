package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"

	"veil/exif"
	"veil/redact"
)

// Edits are the changes to a photo's pixels, in upright coordinates.
type Edits struct {
	Regions []redact.Region // covers, applied in order
	Crop    image.Rectangle // empty: no crop
}

// IsZero reports whether there is nothing to change in the pixels.
func (e Edits) IsZero() bool { return len(e.Regions) == 0 && e.Crop.Empty() }

// Save writes a verified clean copy of the photo with the edits applied.
// With no edits, the copy is lossless (only metadata goes) unless the
// format is always re-encoded (HEIC, AVIF). With edits, the upright
// picture is covered, cropped and freshly encoded, so that no thumbnail,
// secondary image or trailer can survive: JPEG stays JPEG
// (Settings.JPEGQuality), PNG stays PNG, WebP stays WebP (lossless), GIF
// becomes PNG, HEIC and AVIF become JPEG (a transparent AVIF, PNG). An
// animation (GIF, WebP, APNG) is cleaned whole without edits; with edits,
// the copy is a still picture of the frame Veil shows (Result.Still),
// as one cannot cover a face in frames the person never saw. On any
// failure nothing is written and Result.Err says why.
func (p *Photo) Save(e Edits, s Settings) Result {
	return p.save(e, s, true, nil)
}

// save is Save; scratch, when not nil, is a buffer that may be reused once
// the copy is written (see writeNew).
func (p *Photo) save(e Edits, s Settings, syncNow bool, scratch []byte) Result {
	if p.IsVideo() {
		return p.saveVideo(e, s, syncNow) // streamed from the file
	}
	r := Result{File: p.Path}
	r.fill(p.info)
	if e.IsZero() {
		parts, err := exif.StripParts(p.data, p.info, exif.Options{DropICC: s.DropICC})
		if err == nil {
			r.Lossless = true
			r.Output, r.Err = save(p.Path, p.info.Format, parts, s, syncNow, scratch)
			return r
		}
		if !errors.Is(err, exif.ErrReencode) {
			r.Err = &FileError{p.Path, err}
			return r
		}
	}
	out, f, err := p.render(e, s)
	if fe := (*FileError)(nil); errors.As(err, &fe) {
		r.Err = err // already names the file (Image)
		return r
	}
	if err != nil {
		r.Err = &FileError{p.Path, err}
		return r
	}
	if !e.Crop.Empty() {
		r.Width, r.Height = e.Crop.Dx(), e.Crop.Dy()
	}
	r.Still = p.info.Animated
	r.Output, r.Err = save(p.Path, f, [][]byte{out}, s, syncNow, scratch)
	return r
}

// render applies the edits to the upright picture and encodes it.
func (p *Photo) render(e Edits, s Settings) ([]byte, exif.Format, error) {
	img, err := p.Image()
	if err != nil {
		return nil, "", err
	}
	// Decoded (and its reservation given back), the picture is covered on
	// a copy and encoded: more memory in flight, reserved apart.
	release, err := p.reserve(editCost(p.info))
	if err != nil {
		return nil, "", err
	}
	defer release()
	final, err := p.edited(img, e)
	if err != nil {
		return nil, "", err
	}
	of := outputFormat(p.info.Format)
	if c := codecs[p.info.Format]; c.clearAs != "" && !isOpaque(final) {
		of = c.clearAs
	}
	data, f, err := encode(final, of, s.quality())
	if err != nil {
		return nil, "", fmt.Errorf("the edited picture cannot be encoded: %w", err)
	}
	if !s.DropICC {
		// The pixels are still in the original's colour space: its
		// profile (without its words) keeps the colours faithful.
		if data, err = exif.EmbedProfile(data, exif.Profile(p.data)); err != nil {
			return nil, "", err
		}
	}
	// The encoders write no metadata, but the clean copy goes through the
	// same keep-list as every other: belt and braces.
	clean, err := exif.Strip(data, exif.Options{DropICC: s.DropICC})
	return clean, f, err
}

// edited is the upright picture with the covers and the crop applied:
// Render's pixels, except that a picture saved as JPEG and decoded in
// YCbCr is covered in its own planes (editedYCbCr), with the same regions
// and the same ring-only covers, to spare a huge photo an NRGBA copy; and
// a batch's own NRGBA picture is covered in place (editedInPlace).
func (p *Photo) edited(img image.Image, e Edits) (image.Image, error) {
	if out, ok := p.editedYCbCr(img, e); ok {
		return out, nil
	}
	if out, ok := p.editedInPlace(img, e); ok {
		return out, nil
	}
	return Render(img, e, p.RedactOptions())
}

// outputFormat is the format an edited photo is written in (PNG for a
// container without a codec).
func outputFormat(f exif.Format) exif.Format {
	if c, ok := codecs[f]; ok {
		return c.writeAs
	}
	return exif.PNG
}

// isOpaque reports whether every pixel of img is opaque, as far as its
// type can tell without looking at each one.
func isOpaque(img image.Image) bool {
	o, ok := img.(interface{ Opaque() bool })
	return ok && o.Opaque()
}

// encode writes img in format f, or in PNG when f has no encoder, and
// says which.
func encode(img image.Image, f exif.Format, quality int) ([]byte, exif.Format, error) {
	enc := codecs[f].encode
	if enc == nil {
		f, enc = exif.PNG, encodePNG
	}
	var buf bytes.Buffer
	err := enc(&buf, img, quality)
	return buf.Bytes(), f, err
}

// opaqueRGBA lets the JPEG encoder take its fast path: an NRGBA image
// whose pixels are all opaque has the same bytes as an RGBA one.
func opaqueRGBA(img image.Image) image.Image {
	if n, ok := img.(*image.NRGBA); ok && n.Opaque() {
		return &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	return img
}
