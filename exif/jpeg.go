package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
)

// jpegHandler cleans JPEG files (ITU-T T.81 with JFIF, Exif and Adobe
// application segments).
type jpegHandler struct{}

func (jpegHandler) format() Format { return JPEG }

func (jpegHandler) about() about {
	return about{name: "JPEG", exts: []string{".jpg", ".jpeg", ".jpe"}}
}

// profile joins the APP2 ICC_PROFILE segments (ICC.1 Annex B.4).
func (jpegHandler) profile(data []byte) []byte {
	if f, err := scanJPEG(data); err == nil {
		if chunks, ok := iccChunks(f.segs); ok {
			return bytes.Join(chunks, nil)
		}
	}
	return nil
}

// embedProfile writes icc as APP2 ICC_PROFILE segments right after SOI
// (ICC.1 Annex B.4).
func (jpegHandler) embedProfile(data, icc []byte) ([]byte, error) {
	n := (len(icc) + maxICCChunk - 1) / maxICCChunk
	if n > 255 {
		return nil, fmt.Errorf("exif: colour profile of %d bytes is too large for JPEG", len(icc))
	}
	out := append([]byte{}, data[:2]...) // SOI
	for i := range n {
		chunk := icc[i*maxICCChunk : min(len(icc), (i+1)*maxICCChunk)]
		out = append(out, 0xFF, 0xE2)
		out = binary.BigEndian.AppendUint16(out, uint16(2+14+len(chunk)))
		out = append(out, "ICC_PROFILE\x00"...)
		out = append(out, byte(i+1), byte(n))
		out = append(out, chunk...)
	}
	return append(out, data[2:]...), nil
}

// sniff recognises SOI followed by the 0xFF of the next marker (T.81 B.2.1).
func (jpegHandler) sniff(head []byte) bool {
	return len(head) >= 3 && head[0] == 0xFF && head[1] == mSOI && head[2] == 0xFF
}

// inspect walks the first image to its true EOI and lists what every
// segment outside the image data, and every byte after EOI, gives away.
func (jpegHandler) inspect(data []byte) (*Info, error) {
	f, err := scanJPEG(data)
	if err != nil {
		return nil, err
	}
	info := jpegInfo(f)
	exifSeen := false
	var irb [][]byte
	for _, s := range f.segs {
		switch {
		case s.is(mAPP0+1, sigExif):
			where := "EXIF (APP1)"
			if exifSeen {
				where = "second EXIF block (APP1)"
			}
			fs, o := exifSegment(s.payload, where)
			info.Findings = append(info.Findings, fs...)
			if !exifSeen {
				info.Orientation = o
			}
			exifSeen = true
		case s.is(mAPP0+13, sigIRB):
			irb = append(irb, s.payload[len(sigIRB):])
		default:
			info.Findings = append(info.Findings, segmentFindings(s)...)
		}
	}
	if len(irb) > 0 {
		// A large resource block is split over several APP13 segments,
		// each repeating the signature; the pieces join end to end.
		info.Findings = append(info.Findings, irbFindings(bytes.Join(irb, nil), "Photoshop/IPTC (APP13)")...)
	}
	info.Findings = append(info.Findings, iccFindings(f.segs)...)
	info.Findings = append(info.Findings, extendedXMPFindings(f.segs, len(data))...)
	if f.eoi < len(data) {
		info.Findings = append(info.Findings, trailerFinding(data[f.eoi:], "after the end of the image"))
	}
	return info, nil
}

// jpegInfo is what the scan of f tells, before any segment is read.
func jpegInfo(f *jpegFile) *Info {
	return &Info{Format: JPEG, Width: f.width, Height: f.height, Orientation: 1, Block: jpegMCU(f), parsed: f}
}

// scan is inspect without the findings: the walk to the true EOI, the
// limits, and the orientation of the first Exif block, read as inspect
// reads it (1 when the block cannot be read).
func (jpegHandler) scan(data []byte) (*Info, error) {
	f, err := scanJPEG(data)
	if err != nil {
		return nil, err
	}
	info := jpegInfo(f)
	for _, s := range f.segs {
		if s.is(mAPP0+1, sigExif) {
			info.Orientation = exifOrientation(exifTIFF(s.payload))
			break
		}
	}
	return info, nil
}

// exifSegment lists the findings of an APP1 Exif payload and its
// orientation. Damaged EXIF is reported, not fatal: it is dropped anyway.
func exifSegment(p []byte, where string) ([]Finding, int) {
	fs, o, err := exifFindings(exifTIFF(p), where)
	if err != nil {
		fs = append(fs, say(Other, "other.exif_damaged", where))
	}
	if o < 1 || o > 8 {
		o = 1
	}
	return fs, o
}

// exifTIFF returns the TIFF structure of an APP1 Exif payload: it follows
// "Exif\0" and one pad byte (CIPA DC-008 §4.5.4).
func exifTIFF(p []byte) []byte {
	if len(p) < len(sigExif)+1 {
		return nil
	}
	return p[len(sigExif)+1:]
}

// segmentFindings lists what one segment other than Exif and Photoshop
// gives away. Image data and the segments needed to show it give nothing.
func segmentFindings(s jpegSeg) []Finding {
	one := func(c Category, id, where string, args ...Arg) []Finding {
		return []Finding{say(c, id, where, args...)}
	}
	switch {
	case s.marker == mCOM:
		return []Finding{textFinding(Text, "text.comment", string(s.payload), "comment (COM)")}
	case s.is(mAPP0, sigJFIF):
		if w, h := jfifThumbnail(s.payload); w > 0 && h > 0 {
			return one(HiddenPictures, "hidden.jfif_thumbnail", "JFIF (APP0)", argCount("width", w), argCount("height", h))
		}
		return nil
	case s.is(mAPP0, sigJFXX):
		return one(HiddenPictures, "hidden.jfxx_thumbnail", "JFXX (APP0)")
	case s.is(mAPP0+1, sigXMP):
		return xmpFindings(s.payload[len(sigXMP):], "XMP (APP1)")
	case s.is(mAPP0+1, sigExtXMP), s.is(mAPP0+2, sigICC):
		return nil // reassembled across segments by inspect
	case s.is(mAPP0+2, sigMPF):
		return []Finding{mpfFinding(s.payload)}
	case s.is(mAPP0+2, sigFPXR):
		return one(HiddenPictures, "hidden.flashpix", "FlashPix (APP2)")
	case s.is(mAPP0+14, sigAdobe) && len(s.payload) >= adobeLen:
		return nil // colour transform, needed to decode
	case s.marker >= mAPP0 && s.marker <= mAPPF:
		seg, size := argText("segment", appName(s.marker)), argCount("count", len(s.payload))
		if id := appIdentifier(s.payload); id != "" {
			return one(Other, "other.app_segment_named", appName(s.marker), seg, fileText("name", id), size)
		}
		return one(Other, "other.app_segment", appName(s.marker), seg, size)
	}
	return nil
}

// mpfFinding says how many pictures an MPF index announces.
func mpfFinding(p []byte) Finding {
	const where = "MPF (APP2)"
	n, ok := mpfExtraImages(p)
	switch {
	case !ok:
		return say(HiddenPictures, "hidden.mpf_unreadable", where)
	case n == 1:
		return say(HiddenPictures, "hidden.mpf_one", where)
	}
	return say(HiddenPictures, "hidden.mpf", where, argCount("count", n))
}

// iccFindings describes the colour profile, reassembled from its chunks.
func iccFindings(segs []jpegSeg) []Finding {
	chunks, ok := iccChunks(segs)
	if chunks == nil {
		return nil
	}
	const where = "colour profile (APP2)"
	if !ok {
		return []Finding{say(Other, "other.colour_profile_damaged", where)}
	}
	v := iccDescription(bytes.Join(chunks, nil))
	if v == "" {
		return []Finding{say(Other, "other.colour_profile_unnamed", where)}
	}
	return []Finding{say(Other, "other.colour_profile", where, argText("text", v))}
}

// extendedXMPFindings lists what the reassembled extended XMP gives away.
func extendedXMPFindings(segs []jpegSeg, budget int) []Finding {
	const where = "extended XMP (APP1)"
	packets, complete := extendedXMP(segs, budget)
	var fs []Finding
	for _, p := range packets {
		fs = append(fs, xmpFindings(p, where)...)
	}
	if !complete {
		fs = append(fs, say(Other, "other.extended_xmp_broken", where))
	} else if len(packets) > 0 && len(fs) == 0 {
		fs = append(fs, say(Other, "other.extended_xmp", where, argCount("count", len(packets))))
	}
	return fs
}

// jpegMCU is the size of the frame's minimum coded unit in stored pixels
// (T.81 A.2): 8 times the largest horizontal and vertical sampling factors
// of an interleaved frame, 8×8 for a single component. Decoded pixels in
// one MCU depend only on that MCU's coded data.
func jpegMCU(f *jpegFile) image.Point {
	for _, s := range f.segs {
		if !isSOF(s.marker) || len(s.payload) < 6 {
			continue
		}
		nf := int(s.payload[5])
		if nf == 1 {
			return image.Pt(8, 8)
		}
		h, v := 1, 1
		for i := 0; i < nf && 8+3*i < len(s.payload); i++ {
			sf := s.payload[7+3*i]
			h, v = max(h, int(sf>>4)), max(v, int(sf&0x0F))
		}
		return image.Pt(8*min(h, 4), 8*min(v, 4))
	}
	return image.Point{}
}
