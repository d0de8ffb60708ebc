package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// JPEG markers, ITU-T T.81 Table B.1.
const (
	mSOF0 = 0xC0 // baseline DCT
	mSOF3 = 0xC3 // lossless (sequential)
	mDHT  = 0xC4 // define Huffman tables
	mJPG  = 0xC8 // reserved for JPEG extensions
	mDAC  = 0xCC // define arithmetic coding conditioning
	mSOFF = 0xCF // differential lossless, arithmetic
	mRST0 = 0xD0 // restart 0 (D0–D7)
	mRST7 = 0xD7
	mSOI  = 0xD8 // start of image
	mEOI  = 0xD9 // end of image
	mSOS  = 0xDA // start of scan
	mDQT  = 0xDB // define quantization tables
	mDNL  = 0xDC // define number of lines
	mDRI  = 0xDD // define restart interval
	mDHP  = 0xDE // define hierarchical progression
	mEXP  = 0xDF // expand reference components
	mAPP0 = 0xE0 // application segments APP0–APP15
	mAPPF = 0xEF
	mCOM  = 0xFE // comment
)

// jpegSeg is one segment of the first image. start is the offset of its
// 0xFF marker byte (after any fill bytes), end the offset just past it: for
// SOS that includes the entropy-coded data and its RSTn markers.
type jpegSeg struct {
	marker     byte
	start, end int
	payload    []byte // after the two-byte length; for SOS the header only
}

// jpegFile is the structure of the first image of a JPEG file.
type jpegFile struct {
	data          []byte    // the file scanned
	segs          []jpegSeg // SOI and EOI excluded
	width, height int
	eoi           int // offset just past the first image's EOI
}

// maxJPEGSegments bounds the segment list: a segment can be 4 bytes, so
// without it a hostile file would cost far more memory than its size. A
// photo has tens of segments; 255 ICC and hundreds of XMP chunks still fit.
const maxJPEGSegments = 1 << 14

// isSOF reports whether m starts a frame (T.81 B.1.1.3: C0–CF except DHT,
// JPG and DAC).
func isSOF(m byte) bool {
	return m >= mSOF0 && m <= mSOFF && m != mDHT && m != mJPG && m != mDAC
}

// scanJPEG walks the first image of data from SOI to its true EOI (T.81
// B.2, B.3) and checks the frame size against the limits as soon as the
// SOF is read. Everything it cannot account for is a FormatError.
func scanJPEG(data []byte) (*jpegFile, error) {
	if len(data) > MaxBytes {
		return nil, checkLimits(1, 1, len(data))
	}
	if len(data) < 4 || data[0] != 0xFF || data[1] != mSOI {
		return nil, formatError(JPEG, Malformed, "jpeg: missing SOI marker")
	}
	f := &jpegFile{data: data, segs: make([]jpegSeg, 0, 16)}
	var sawSOF, sawSOS bool
	p := 2
	for {
		start, m, err := nextMarker(data, p)
		if err != nil {
			return nil, err
		}
		p = start + 2
		switch {
		case m == mEOI:
			if !sawSOF || !sawSOS {
				return nil, formatError(JPEG, Truncated, "jpeg: image has no frame or no scan before EOI")
			}
			f.eoi = p
			return f, nil
		case m == mSOI || (m >= mRST0 && m <= mRST7) || m == 0x01:
			// T.81 B.1.1.2: SOI starts an image, RSTn only occurs inside
			// entropy-coded data and TEM is never written by encoders.
			return nil, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: unexpected marker 0x%02X at offset %d", m, start)).at(start)
		case m == mDHP || m == mEXP || (isSOF(m) && m&0x04 != 0):
			// SOF5–7 and SOF13–15 are differential frames (T.81 B.3).
			return nil, refuse(ErrUnsupported, "refused.hierarchical_jpeg")
		case !isKnownSegment(m):
			return nil, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: unsupported marker 0x%02X at offset %d", m, start)).at(start)
		}
		seg, err := readSegment(data, start, m)
		if err != nil {
			return nil, err
		}
		switch {
		case isSOF(m):
			if sawSOF {
				return nil, formatError(JPEG, Malformed, "jpeg: second frame header")
			}
			sawSOF = true
			if f.width, f.height, err = parseSOF(seg.payload, len(data)); err != nil {
				return nil, err
			}
		case m == mSOS:
			if !sawSOF {
				return nil, formatError(JPEG, Malformed, "jpeg: scan before frame header")
			}
			sawSOS = true
			if err := checkSOS(seg.payload); err != nil {
				return nil, err
			}
			if seg.end, err = entropyEnd(data, seg.end); err != nil {
				return nil, err
			}
		case m == mDQT, m == mDHT, m == mDRI, m == mDAC:
			if err := checkTables(m, seg.payload); err != nil {
				return nil, err
			}
		case m == mDNL:
			// T.81 B.2.5: DNL only follows the first scan of a frame whose
			// height is 0, and such frames are refused in parseSOF.
			return nil, formatError(JPEG, Malformed, "jpeg: DNL segment")
		}
		if len(f.segs) == maxJPEGSegments {
			return nil, formatError(JPEG, OverLimit, "jpeg: too many segments")
		}
		f.segs = append(f.segs, seg)
		p = seg.end
	}
}

// parsedJPEG returns the scan Inspect kept in info, and info, when it was
// made from this very data; otherwise it scans data, and info is nil.
func parsedJPEG(data []byte, info *Info) (*jpegFile, *Info, error) {
	if info != nil {
		if f, ok := info.parsed.(*jpegFile); ok && len(f.data) == len(data) && len(data) > 0 && &f.data[0] == &data[0] {
			return f, info, nil
		}
	}
	f, err := scanJPEG(data)
	return f, nil, err
}

// isKnownSegment reports whether m is a marker segment with a length field
// that scanJPEG handles (T.81 Table B.1).
func isKnownSegment(m byte) bool {
	switch {
	case isSOF(m), m == mDHT, m == mDAC, m == mSOS, m == mDQT, m == mDNL, m == mDRI, m == mCOM:
		return true
	}
	return m >= mAPP0 && m <= mAPPF
}

// nextMarker returns the offset and code of the marker at p, skipping the
// fill bytes 0xFF that may precede any marker (T.81 B.1.1.2). Any other
// byte where a marker must be is refused rather than skipped.
func nextMarker(data []byte, p int) (int, byte, error) {
	if p >= len(data) {
		return 0, 0, formatError(JPEG, Truncated, "jpeg: file ends before EOI")
	}
	if data[p] != 0xFF {
		return 0, 0, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: byte 0x%02X at offset %d where a marker should be", data[p], p)).at(p)
	}
	for p+1 < len(data) && data[p+1] == 0xFF {
		p++
	}
	if p+1 >= len(data) {
		return 0, 0, formatError(JPEG, Truncated, "jpeg: file ends before EOI")
	}
	if data[p+1] == 0x00 {
		return 0, 0, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: stuffed byte outside entropy-coded data at offset %d", p)).at(p)
	}
	return p, data[p+1], nil
}

// readSegment reads the length field at start+2 (T.81 B.1.1.4: it counts
// itself but not the marker) and checks the segment fits in data.
func readSegment(data []byte, start int, m byte) (jpegSeg, error) {
	if start+4 > len(data) {
		return jpegSeg{}, formatError(JPEG, Truncated, "jpeg: file ends inside a segment length")
	}
	n := int(binary.BigEndian.Uint16(data[start+2:]))
	if n < 2 {
		return jpegSeg{}, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: segment length %d at offset %d", n, start)).at(start)
	}
	end := start + 2 + n
	if end > len(data) {
		return jpegSeg{}, formatError(JPEG, Truncated, fmt.Sprintf("jpeg: segment 0x%02X at offset %d runs past the end of the file", m, start)).at(start)
	}
	return jpegSeg{marker: m, start: start, end: end, payload: data[start+4 : end]}, nil
}

// parseSOF reads the frame header (T.81 B.2.2): P, Y, X, Nf and three
// bytes per component, and checks the size against the limits.
func parseSOF(p []byte, size int) (int, int, error) {
	if len(p) < 6 {
		return 0, 0, formatError(JPEG, Truncated, "jpeg: short frame header")
	}
	nf := int(p[5])
	if nf == 0 || len(p) != 6+3*nf {
		return 0, 0, formatError(JPEG, Malformed, fmt.Sprintf("jpeg: frame header length %d for %d components", len(p), nf))
	}
	h := int(binary.BigEndian.Uint16(p[1:]))
	w := int(binary.BigEndian.Uint16(p[3:]))
	if h == 0 {
		// Height 0 means a DNL segment gives it after the first scan
		// (T.81 B.2.5); almost nothing writes it, so it is refused.
		return 0, 0, formatError(JPEG, Malformed, "jpeg: height defined by DNL is not supported")
	}
	if err := checkLimits(w, h, size); err != nil {
		return 0, 0, err
	}
	return w, h, nil
}

// checkSOS checks the scan header (T.81 B.2.3): Ns, two bytes per
// component, Ss, Se and Ah/Al, with nothing left over.
func checkSOS(p []byte) error {
	if len(p) < 1 || p[0] < 1 || p[0] > 4 || len(p) != 4+2*int(p[0]) {
		return formatError(JPEG, Malformed, "jpeg: bad scan header")
	}
	return nil
}

// entropyEnd returns the offset of the marker that ends the entropy-coded
// data starting at p (T.81 B.1.1.5): 0xFF followed by 0x00 is a stuffed
// byte, 0xFF followed by RST0–RST7 a restart marker inside the scan, and
// 0xFF followed by 0xFF a fill byte before the next marker.
func entropyEnd(data []byte, p int) (int, error) {
	for {
		i := bytes.IndexByte(data[p:], 0xFF)
		if i < 0 {
			return 0, formatError(JPEG, Truncated, "jpeg: file ends inside entropy-coded data, before EOI")
		}
		q := p + i
		if q+1 >= len(data) {
			return 0, formatError(JPEG, Truncated, "jpeg: file ends inside entropy-coded data, before EOI")
		}
		switch c := data[q+1]; {
		case c == 0x00 || (c >= mRST0 && c <= mRST7):
			p = q + 2
		case c == 0xFF:
			p = q + 1
		default:
			return q, nil
		}
	}
}

// checkTables checks that a table segment holds exactly its tables and
// nothing else, so no bytes can hide after them: DQT (T.81 B.2.4.1), DHT
// (B.2.4.2), DAC (B.2.4.3: Tc/Tb, then L ≤ U for DC or 1 ≤ Kx ≤ 63 for
// AC), DRI (B.2.4.4).
func checkTables(m byte, p []byte) error {
	ok := false
	switch m {
	case mDQT:
		ok = walkTables(p, func(t []byte) int {
			if t[0]>>4 > 1 || t[0]&0x0F > 3 {
				return -1
			}
			return 1 + 64*(1+int(t[0]>>4))
		})
	case mDHT:
		ok = walkTables(p, func(t []byte) int {
			if t[0]>>4 > 1 || t[0]&0x0F > 3 || len(t) < 17 {
				return -1
			}
			n := 0
			for _, c := range t[1:17] {
				n += int(c)
			}
			if n > 256 {
				return -1
			}
			return 17 + n
		})
	case mDAC:
		ok = walkTables(p, func(t []byte) int {
			tc, tb := t[0]>>4, t[0]&0x0F
			if len(t) < 2 || tc > 1 || tb > 3 ||
				(tc == 0 && t[1]&0x0F > t[1]>>4) || (tc == 1 && (t[1] < 1 || t[1] > 63)) {
				return -1
			}
			return 2
		})
	case mDRI:
		ok = len(p) == 2
	}
	if !ok {
		return formatError(JPEG, Malformed, fmt.Sprintf("jpeg: malformed table segment 0x%02X", m))
	}
	return nil
}

// walkTables splits p into tables whose sizes size reports (-1 for a bad
// table) and reports whether they fill p exactly.
func walkTables(p []byte, size func(t []byte) int) bool {
	if len(p) == 0 {
		return false
	}
	for len(p) > 0 {
		n := size(p)
		if n < 0 || n > len(p) {
			return false
		}
		p = p[n:]
	}
	return true
}
