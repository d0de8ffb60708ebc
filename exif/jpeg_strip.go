package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// jpegKept reports whether a segment is copied byte for byte by strip:
// the tables, frame and scans that the decoder consumes (T.81 B.2, as in
// the marker switch of image/jpeg's decode).
func jpegKept(m byte) bool {
	return isSOF(m) || m == mDQT || m == mDHT || m == mDAC || m == mDRI || m == mSOS
}

// jpegClean is the metadata a clean JPEG keeps, rebuilt from the input.
type jpegClean struct {
	jfif  []byte   // input JFIF payload (only version, units, density are used)
	exif  []byte   // minimal Orientation-only TIFF block, or nil
	icc   [][]byte // profile chunks in sequence order, or nil
	adobe []byte   // input Adobe payload (only the transform is used)
}

// planJPEG decides what strip writes for the segments of f. info, when
// not nil, is what inspect learnt of f: its orientation is not read again.
func planJPEG(f *jpegFile, info *Info, opt Options) (jpegClean, error) {
	var c jpegClean
	exifSeen := false
	for _, s := range f.segs {
		switch {
		case s.is(mAPP0, sigJFIF) && len(s.payload) >= jfifLen && c.jfif == nil:
			c.jfif = s.payload
		case s.is(mAPP0+1, sigExif) && !exifSeen:
			exifSeen = true
			// The first Exif block gives the orientation, as for inspect.
			o := 1
			if info != nil {
				o = info.Orientation
			} else {
				_, o, _ = exifFindings(exifTIFF(s.payload), "EXIF (APP1)")
			}
			if o >= 2 && o <= 8 {
				c.exif = orientationEXIF(o)
			}
		case s.is(mAPP0+14, sigAdobe) && len(s.payload) >= adobeLen:
			// Decoders use the last Adobe segment's transform (libjpeg,
			// image/jpeg); values other than 0–2 are not defined.
			if s.payload[11] > 2 {
				return c, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: Adobe colour transform %d", s.payload[11]))
			}
			c.adobe = s.payload
		}
	}
	if !opt.DropICC {
		if chunks, ok := iccChunks(f.segs); ok {
			c.icc = neutralChunks(chunks)
		}
	}
	return c, nil
}

// head is the start of the clean file: SOI, then the rebuilt JFIF,
// Orientation-only Exif, colour profile and Adobe segments.
func (c jpegClean) head() []byte {
	n := 2
	if c.jfif != nil {
		n += 4 + jfifLen
	}
	if len(c.exif) > 0 {
		n += 4 + len(sigExif) + 1 + len(c.exif)
	}
	for _, ch := range c.icc {
		n += 4 + iccHead + len(ch)
	}
	if c.adobe != nil {
		n += 4 + adobeLen
	}
	out := make([]byte, 0, n)
	out = append(out, 0xFF, mSOI)
	if c.jfif != nil {
		// JFIF 1.02: identifier, version, units, X and Y density kept;
		// thumbnail size 0×0 and no thumbnail data.
		out = appendSegHead(out, mAPP0, jfifLen)
		out = append(out, c.jfif[:12]...)
		out = append(out, 0, 0)
	}
	if len(c.exif) > 0 {
		out = appendSegHead(out, mAPP0+1, len(sigExif)+1+len(c.exif))
		out = append(out, sigExif...)
		out = append(out, 0)
		out = append(out, c.exif...)
	}
	for i, ch := range c.icc {
		out = appendSegHead(out, mAPP0+2, iccHead+len(ch))
		out = append(out, sigICC...)
		out = append(out, byte(i+1), byte(len(c.icc)))
		out = append(out, ch...)
	}
	if c.adobe != nil {
		// Adobe TN 5116: version 100, no flags, the input's transform.
		out = appendSegHead(out, mAPP0+14, adobeLen)
		out = append(out, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, c.adobe[11])
	}
	return out
}

// strip writes the clean file in one piece (see jpegParts).
func (jpegHandler) strip(data []byte, opt Options) ([]byte, error) {
	parts, err := jpegHandler{}.stripParts(data, nil, opt)
	if err != nil {
		return nil, err
	}
	return bytes.Join(parts, nil), nil
}

// stripParts writes the rebuilt head (see jpegClean.head), then every
// table, frame and scan segment exactly as in the input and in its order,
// then EOI. Nothing else survives, including every byte after the first
// image's EOI. The image segments are not copied: the pieces after the
// head are slices of data, neighbouring segments (and the input's own EOI
// when it follows the last of them) joined into one.
func (jpegHandler) stripParts(data []byte, info *Info, opt Options) ([][]byte, error) {
	f, info, err := parsedJPEG(data, info)
	if err != nil {
		return nil, err
	}
	c, err := planJPEG(f, info, opt)
	if err != nil {
		return nil, err
	}
	parts := [][]byte{c.head()}
	start, end := -1, -1 // the run of kept segments being gathered
	for _, s := range f.segs {
		if !jpegKept(s.marker) {
			continue
		}
		if s.start != end {
			if start >= 0 {
				parts = append(parts, data[start:end])
			}
			start = s.start
		}
		end = s.end
	}
	// scanJPEG saw the EOI marker at f.eoi-2, right after the last scan
	// unless something (a COM, fill bytes) stands between them.
	if start >= 0 && end == f.eoi-2 {
		return append(parts, data[start:f.eoi]), nil
	}
	if start >= 0 {
		parts = append(parts, data[start:end])
	}
	return append(parts, []byte{0xFF, mEOI}), nil
}

// appendSegHead appends a marker and the length field of a segment whose
// payload is n bytes (T.81 B.1.1.4).
func appendSegHead(out []byte, m byte, n int) []byte {
	return binary.BigEndian.AppendUint16(append(out, 0xFF, m), uint16(n+2))
}

// verify walks data strictly and fails, wrapping ErrNotClean, on anything
// strip would not have written.
func (jpegHandler) verify(data []byte, opt Options) error {
	return jpegHandler{}.verifyInspected(data, nil, opt)
}

// verifyInspected is verify reusing the scan Inspect kept in info.
func (jpegHandler) verifyInspected(data []byte, info *Info, opt Options) error {
	f, _, err := parsedJPEG(data, info)
	if err != nil {
		return err
	}
	if f.eoi != len(data) {
		return notClean("%d bytes after the end of the image", len(data)-f.eoi)
	}
	next, seen := 2, map[string]bool{}
	for _, s := range f.segs {
		if s.start != next {
			return notClean("fill bytes before a segment at offset %d", next)
		}
		next = s.end
		what := cleanSegment(s, opt)
		if what == "" {
			continue
		}
		if what[0] != '+' {
			return notClean("%s", what)
		}
		if seen[what] {
			return notClean("a second %s block", what[1:])
		}
		seen[what] = true
	}
	if next != f.eoi-2 {
		return notClean("fill bytes before EOI")
	}
	chunks, ok := iccChunks(f.segs)
	if chunks != nil && !ok {
		return notClean("a damaged colour profile")
	}
	if ok && !iccNeutral(bytes.Join(chunks, nil)) {
		return notClean("a colour profile holding text or private tags")
	}
	return nil
}

// neutralChunks reassembles a profile, blanks its words (neutralICC) and
// cuts it again at the same boundaries. A profile that cannot be parsed is
// dropped (nil).
func neutralChunks(chunks [][]byte) [][]byte {
	icc, err := neutralICC(bytes.Join(chunks, nil))
	if err != nil {
		return nil
	}
	out := make([][]byte, len(chunks))
	for i, c := range chunks {
		out[i], icc = icc[:len(c)], icc[len(c):]
	}
	return out
}

// cleanSegment returns "" for a segment that may appear any number of
// times in a clean file, "+name" for one that may appear once, and a
// description of anything else.
func cleanSegment(s jpegSeg, opt Options) string {
	switch {
	case jpegKept(s.marker):
		return ""
	case s.marker == mCOM:
		return "a comment (COM)"
	case s.is(mAPP0, sigJFIF) && len(s.payload) == jfifLen && s.payload[12] == 0 && s.payload[13] == 0:
		return "+JFIF"
	case s.is(mAPP0+1, sigExif) && len(s.payload) > len(sigExif) && s.payload[len(sigExif)] == 0:
		if o, ok := orientationOnly(exifTIFF(s.payload)); ok && o >= 2 && o <= 8 {
			return "+Exif"
		}
		return "EXIF data beyond the orientation (APP1)"
	case s.is(mAPP0+2, sigICC):
		if opt.DropICC {
			return "a colour profile (APP2) that should have been dropped"
		}
		return ""
	case s.is(mAPP0+14, sigAdobe) && len(s.payload) == adobeLen &&
		string(s.payload[5:11]) == "\x00\x64\x00\x00\x00\x00" && s.payload[11] <= 2:
		return "+Adobe"
	case s.marker >= mAPP0 && s.marker <= mAPPF:
		if id := appIdentifier(s.payload); id != "" {
			return fmt.Sprintf("an %s block (%s)", appName(s.marker), id)
		}
		return "an " + appName(s.marker) + " block"
	}
	return fmt.Sprintf("segment 0x%02X", s.marker)
}

// notClean makes an error wrapping ErrNotClean that names what was found.
func notClean(format string, args ...any) error {
	return fmt.Errorf("%w: jpeg: %s", ErrNotClean, fmt.Sprintf(format, args...))
}
