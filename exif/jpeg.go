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
		fs = append(fs, Finding{Category: Other, Label: "Damaged EXIF data",
			Value: "EXIF data that could not be read completely; it will be removed", Where: where})
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
	one := func(c Category, label, value, where string) []Finding {
		return []Finding{{Category: c, Label: label, Value: value, Where: where}}
	}
	switch {
	case s.marker == mCOM:
		return []Finding{textFinding(Text, "Comment", string(s.payload), "comment (COM)")}
	case s.is(mAPP0, sigJFIF):
		if w, h := jfifThumbnail(s.payload); w > 0 && h > 0 {
			return one(HiddenPictures, "Thumbnail", fmt.Sprintf("a preview picture of %d×%d pixels", w, h), "JFIF (APP0)")
		}
		return nil
	case s.is(mAPP0, sigJFXX):
		return one(HiddenPictures, "Thumbnail", "a small preview picture", "JFXX (APP0)")
	case s.is(mAPP0+1, sigXMP):
		return xmpFindings(s.payload[len(sigXMP):], "XMP (APP1)")
	case s.is(mAPP0+1, sigExtXMP), s.is(mAPP0+2, sigICC):
		return nil // reassembled across segments by inspect
	case s.is(mAPP0+2, sigMPF):
		return one(HiddenPictures, "Extra pictures", mpfValue(s.payload), "MPF (APP2)")
	case s.is(mAPP0+2, sigFPXR):
		return one(HiddenPictures, "FlashPix data", "camera data that can hold a preview picture", "FlashPix (APP2)")
	case s.is(mAPP0+14, sigAdobe) && len(s.payload) >= adobeLen:
		return nil // colour transform, needed to decode
	case s.marker >= mAPP0 && s.marker <= mAPPF:
		v := "unknown data block " + appName(s.marker)
		if id := appIdentifier(s.payload); id != "" {
			v += " (" + id + ")"
		}
		return one(Other, "Unknown data block", fmt.Sprintf("%s, %d bytes", v, len(s.payload)), appName(s.marker))
	}
	return nil
}

// mpfValue says in plain words how many pictures an MPF index announces.
func mpfValue(p []byte) string {
	n, ok := mpfExtraImages(p)
	switch {
	case !ok:
		return "an index of extra pictures inside the file (it could not be read)"
	case n == 1:
		return "1 extra picture inside the file (for example a depth map or a second camera)"
	}
	return fmt.Sprintf("%d extra pictures inside the file (for example a depth map or a second camera)", n)
}

// iccFindings describes the colour profile, reassembled from its chunks.
func iccFindings(segs []jpegSeg) []Finding {
	chunks, ok := iccChunks(segs)
	if chunks == nil {
		return nil
	}
	f := Finding{Category: Other, Label: "Colour profile", Where: "colour profile (APP2)"}
	if !ok {
		f.Value = "a damaged colour profile; it will be removed"
		return []Finding{f}
	}
	f.Value = iccDescription(bytes.Join(chunks, nil))
	if f.Value == "" {
		f.Value = "a colour profile without a description"
	}
	return []Finding{f}
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
		fs = append(fs, Finding{Category: Other, Label: "Extended XMP",
			Value: "extended XMP data that could not be put back together; it will be removed", Where: where})
	} else if len(packets) > 0 && len(fs) == 0 {
		fs = append(fs, Finding{Category: Other, Label: "Extended XMP",
			Value: fmt.Sprintf("%d blocks of extended XMP data", len(packets)), Where: where})
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
