package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
)

// Identifiers that open the application segments Veil recognises.
var (
	sigJFIF   = []byte("JFIF\x00")                               // APP0, JFIF 1.02 §A
	sigJFXX   = []byte("JFXX\x00")                               // APP0, JFIF 1.02 §B
	sigExif   = []byte("Exif\x00")                               // APP1, CIPA DC-008 §4.5.4 ("Exif\0\0")
	sigXMP    = []byte("http://ns.adobe.com/xap/1.0/\x00")       // APP1, XMP part 3 §1.1.3
	sigExtXMP = []byte("http://ns.adobe.com/xmp/extension/\x00") // APP1, XMP part 3 §1.1.3.1
	sigICC    = []byte("ICC_PROFILE\x00")                        // APP2, ICC.1 Annex B.4
	sigMPF    = []byte("MPF\x00")                                // APP2, CIPA DC-007 §5.2
	sigFPXR   = []byte("FPXR\x00")                               // APP2, FlashPix extension (Exif 2.x)
	sigIRB    = []byte("Photoshop 3.0\x00")                      // APP13, Photoshop file formats
	sigAdobe  = []byte("Adobe")                                  // APP14, Adobe TN 5116 §18
)

// Fixed sizes of the segments Veil rewrites.
const (
	jfifLen  = 14 // "JFIF\0", version 2, units 1, density 2+2, thumbnail 1+1
	adobeLen = 12 // "Adobe", version 2, flags0 2, flags1 2, transform 1
	iccHead  = 14 // "ICC_PROFILE\0", sequence number 1, chunk count 1
)

// is reports whether segment s is APPn opening with sig.
func (s jpegSeg) is(app byte, sig []byte) bool {
	return s.marker == app && bytes.HasPrefix(s.payload, sig)
}

// appName names an APPn marker, "APP0" to "APP15".
func appName(m byte) string { return fmt.Sprintf("APP%d", m-mAPP0) }

// appIdentifier returns the printable identifier that opens an unknown
// application segment (such as "Ducky" or "Ocad"), or "". Only a small
// safe alphabet is accepted, since the value is shown to the person.
func appIdentifier(p []byte) string {
	n := 0
	for n < len(p) && n < 32 {
		c := p[n]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || bytes.IndexByte([]byte(" _.-:/$"), c) >= 0) {
			break
		}
		n++
	}
	if n < 2 {
		return ""
	}
	return string(bytes.TrimSpace(p[:n]))
}

// jfifThumbnail returns the size of the thumbnail a JFIF APP0 segment
// carries (JFIF 1.02: Xthumbnail, Ythumbnail, then 3·X·Y RGB bytes).
func jfifThumbnail(p []byte) (int, int) {
	if len(p) < jfifLen {
		return 0, 0
	}
	return int(p[12]), int(p[13])
}

// mpfExtraImages reads the MP Index IFD of an APP2 "MPF\0" segment (CIPA
// DC-007 §5.2.2: a TIFF header, then an IFD with NumberOfImages 0xB001 and
// MPEntry 0xB002 of 16 bytes per image) and returns how many images the
// file holds besides the first.
func mpfExtraImages(p []byte) (int, bool) {
	t := p[len(sigMPF):]
	if len(t) < 8 {
		return 0, false
	}
	var bo binary.ByteOrder
	switch {
	case bytes.HasPrefix(t, []byte("II*\x00")):
		bo = binary.LittleEndian
	case bytes.HasPrefix(t, []byte("MM\x00*")):
		bo = binary.BigEndian
	default:
		return 0, false
	}
	off := int64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > int64(len(t)) {
		return 0, false
	}
	n := int(bo.Uint16(t[off:]))
	entries := t[off+2:]
	if n*12 > len(entries) {
		return 0, false
	}
	for i := 0; i < n; i++ {
		e := entries[i*12 : i*12+12]
		tag, typ, count := bo.Uint16(e), bo.Uint16(e[2:]), bo.Uint32(e[4:])
		switch {
		case tag == 0xB001 && typ == 4 && count == 1: // NumberOfImages, LONG
			return max(int(bo.Uint32(e[8:]))-1, 0), true
		case tag == 0xB002 && typ == 7 && count%16 == 0: // MPEntry, UNDEFINED
			return max(int(count/16)-1, 0), true
		}
	}
	return 0, false
}

// iccChunks returns the profile data of the APP2 ICC_PROFILE segments in
// sequence order (ICC.1 Annex B.4: sequence numbers 1..count, every chunk
// naming the same count). ok is false when the chunks do not form one
// complete profile; such a profile is dropped, not repaired.
func iccChunks(segs []jpegSeg) (chunks [][]byte, ok bool) {
	for _, s := range segs {
		if !s.is(mAPP0+2, sigICC) {
			continue
		}
		if len(s.payload) <= iccHead {
			return chunks, false
		}
		seq, count := int(s.payload[12]), int(s.payload[13])
		if seq == 0 || seq > count || (chunks != nil && len(chunks) != count) {
			return chunks, false
		}
		if chunks == nil {
			chunks = make([][]byte, count)
		}
		if chunks[seq-1] != nil {
			return chunks, false
		}
		chunks[seq-1] = s.payload[iccHead:]
	}
	for _, c := range chunks {
		if c == nil {
			return chunks, false
		}
	}
	return chunks, chunks != nil
}

// extendedXMP reassembles the extended XMP of the APP1 segments (XMP part
// 3 §1.1.3.1: after the identifier, a 32-byte GUID, the full length and
// this chunk's offset, both big-endian uint32). One packet is returned per
// GUID, in order of first appearance; complete is false when a chunk is
// malformed or a packet has gaps (a chunk sent twice fills no gap).
// Memory is bounded by the file size.
func extendedXMP(segs []jpegSeg, budget int) (packets [][]byte, complete bool) {
	type packet struct {
		guid  string
		buf   []byte
		spans [][2]int // the [start, end) of every chunk copied in
	}
	var ps []*packet
	complete = true
	for _, s := range segs {
		if !s.is(mAPP0+1, sigExtXMP) {
			continue
		}
		p := s.payload[len(sigExtXMP):]
		if len(p) < 40 {
			complete = false
			continue
		}
		guid, full, off, chunk := string(p[:32]), int64(binary.BigEndian.Uint32(p[32:])), int64(binary.BigEndian.Uint32(p[36:])), p[40:]
		i := 0
		for ; i < len(ps) && ps[i].guid != guid; i++ {
		}
		if i == len(ps) {
			if full > int64(budget) {
				complete = false
				continue
			}
			budget -= int(full)
			ps = append(ps, &packet{guid: guid, buf: make([]byte, full)})
		}
		pk := ps[i]
		if off+int64(len(chunk)) > int64(len(pk.buf)) {
			complete = false
			continue
		}
		n := copy(pk.buf[off:], chunk)
		pk.spans = append(pk.spans, [2]int{int(off), int(off) + n})
	}
	for _, pk := range ps {
		if !spansCover(pk.spans, len(pk.buf)) {
			complete = false
		}
		packets = append(packets, pk.buf)
	}
	return packets, complete
}

// spansCover reports whether the [start, end) spans together cover [0, n).
func spansCover(spans [][2]int, n int) bool {
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	reached := 0
	for _, s := range spans {
		if s[0] > reached {
			return false
		}
		reached = max(reached, s[1])
	}
	return reached >= n
}
