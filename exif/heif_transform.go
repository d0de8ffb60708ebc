package exif

import (
	"fmt"
	"image"
	"math"
)

// HEIFTransform is how the decoded primary picture of a HEIF file (HEIC,
// AVIF) is turned into the picture shown, by its transformative properties
// in the order ISO/IEC 23008-12 §6.5.1 requires: the clean aperture
// (clap) crops, then irot turns, then imir mirrors. libheif applies them
// while decoding HEIC; libavif leaves them to its caller.
type HEIFTransform struct {
	Stored image.Point     // ispe: the size the codec decodes to
	Crop   image.Rectangle // clap, in stored pixels; all of Stored without one
	Turns  int             // irot: quarter turns anticlockwise, 0–3
	Mirror Mirror          // imir, applied after the turn
}

// Mirror is an imir axis (§6.5.12), or none.
type Mirror int

// The mirrors. ISO/IEC 23008-12:2022 §6.5.12 names imir's field a mode:
// 0 exchanges top and bottom, 1 left and right (older editions called it
// an axis, and readers disagreed on its direction; libheif and libavif
// follow the 2022 text, and so does Veil: exif/testdata/avif/mirror-*.avif
// decode as heif-convert shows them).
const (
	NoMirror Mirror = iota
	MirrorLeftRight
	MirrorTopBottom
)

// HEIFTransforms reads the transforms of a HEIF file's primary picture.
// It assumes data passed Inspect.
func HEIFTransforms(data []byte) (HEIFTransform, error) {
	var t HEIFTransform
	f, err := parseHEIC(data)
	if err != nil {
		return t, err
	}
	m := f.meta
	p := m.items[m.primary]
	w, h, ok := m.ispe(p)
	if p == nil || !ok || w > 1<<30 || h > 1<<30 {
		return t, formatError(HEIC, Malformed, "HEIF primary image has no usable size (ispe)")
	}
	t.Stored = image.Pt(int(w), int(h))
	t.Crop = image.Rectangle{Max: t.Stored}
	if b, ok := m.prop(p, "clap"); ok {
		if t.Crop, err = clapRect(b, t.Stored); err != nil {
			return t, err
		}
	}
	if b, ok := m.prop(p, "irot"); ok && len(b.data) > 0 {
		t.Turns = int(b.data[0] & 3)
	}
	if b, ok := m.prop(p, "imir"); ok && len(b.data) > 0 {
		t.Mirror = MirrorTopBottom - Mirror(b.data[0]&1)
	}
	return t, nil
}

// clapRect places a clean aperture (ISO/IEC 14496-12 §12.1.4.1: widthN,
// widthD, heightN, heightD, horizOffN (signed), horizOffD, vertOffN
// (signed), vertOffD) in a picture of size s: its centre is offset from
// the picture's centre, (s-1)/2, by horizOff and vertOff. Its size is
// rounded as clapSize rounds it; a box that does not fit is refused.
func clapRect(b heicBox, s image.Point) (image.Rectangle, error) {
	r := heicReader{b: b.data, box: "clap"}
	wn, wd, hn, hd := r.u32(), r.u32(), r.u32(), r.u32()
	xn, xd, yn, yd := int32(r.u32()), r.u32(), int32(r.u32()), r.u32()
	bad := formatError(HEIC, Malformed, "HEIF clean aperture (clap) outside the picture")
	if r.err != nil || wd == 0 || hd == 0 || xd == 0 || yd == 0 {
		return image.Rectangle{}, bad
	}
	w, h := clapSize(b, s.X, s.Y)
	x0 := float64(s.X-1)/2 + float64(xn)/float64(xd) - float64(w-1)/2
	y0 := float64(s.Y-1)/2 + float64(yn)/float64(yd) - float64(h-1)/2
	if float64(wn)/float64(wd) < 0.5 || float64(hn)/float64(hd) < 0.5 {
		return image.Rectangle{}, bad
	}
	c := image.Rect(0, 0, w, h).Add(image.Pt(int(math.Round(x0)), int(math.Round(y0))))
	if !c.In(image.Rectangle{Max: s}) {
		return image.Rectangle{}, fmt.Errorf("%w: %v in %v", bad, c, s)
	}
	return c, nil
}
