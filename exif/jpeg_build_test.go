package exif

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// Builders for JPEG test fixtures: a small segment writer, an EXIF (TIFF)
// writer, and the payloads Veil recognises. Every metadata payload carries
// jpegMarker so a test can assert it is gone after stripping.

const jpegMarker = "VEIL-MARKER"

// jpegSegment returns a marker segment (T.81 B.1.1.4): 0xFF, the marker, a
// big-endian length counting itself and the payload, then the payload.
func jpegSegment(m byte, parts ...[]byte) []byte {
	p := bytes.Join(parts, nil)
	return append([]byte{0xFF, m, byte((len(p) + 2) >> 8), byte(len(p) + 2)}, p...)
}

// jpegSplice inserts segments right after the SOI of jpg.
func jpegSplice(jpg []byte, segs ...[]byte) []byte {
	return bytes.Join(append(append([][]byte{jpg[:2]}, segs...), jpg[2:]), nil)
}

// jpegBeforeEOI inserts segments just before the final EOI of jpg.
func jpegBeforeEOI(jpg []byte, segs ...[]byte) []byte {
	n := len(jpg) - 2
	return bytes.Join(append(append([][]byte{jpg[:n]}, segs...), jpg[n:]), nil)
}

// jpegPattern is a w×h picture with gradients and edges, so pixel
// comparisons after stripping mean something.
func jpegPattern(w, h int) image.Image {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x ^ y) * 8), 255})
		}
	}
	return m
}

// jpegEncode encodes m with image/jpeg: SOI, DQT, SOF0, DHT, SOS, EOI.
func jpegEncode(t testing.TB, m image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// jpegBase is the plain 48×32 picture most fixtures start from.
func jpegBase(t testing.TB) []byte { return jpegEncode(t, jpegPattern(48, 32)) }

// jpegThumb is a tiny JPEG, like the thumbnail a camera embeds, with a
// comment carrying the marker.
func jpegThumb(t testing.TB) []byte {
	return jpegSplice(jpegEncode(t, jpegPattern(8, 8)), jpegSegment(mCOM, []byte(jpegMarker+" thumbnail")))
}

// tiffEntry is one IFD entry: tag, type, count and the value bytes
// (big-endian), stored inline when they fit in four bytes.
type tiffEntry struct {
	tag, typ uint16
	count    uint32
	val      []byte
}

func tiffASCII(tag uint16, s string) tiffEntry {
	return tiffEntry{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}

func tiffShort(tag, v uint16) tiffEntry {
	return tiffEntry{tag, 3, 1, binary.BigEndian.AppendUint16(nil, v)}
}

func tiffLong(tag uint16, v uint32) tiffEntry {
	return tiffEntry{tag, 4, 1, binary.BigEndian.AppendUint32(nil, v)}
}

func tiffRationals(tag uint16, nd ...uint32) tiffEntry {
	var b []byte
	for _, v := range nd {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return tiffEntry{tag, 5, uint32(len(nd) / 2), b}
}

// tiffIFDSize is the size of an IFD (count, entries, next offset) and the
// out-of-line values that follow it, each padded to an even length; 0 for
// an IFD that is not written at all (nil).
func tiffIFDSize(es []tiffEntry) uint32 {
	if es == nil {
		return 0
	}
	n := 2 + 12*len(es) + 4
	for _, e := range es {
		if len(e.val) > 4 {
			n += len(e.val) + len(e.val)%2
		}
	}
	return uint32(n)
}

// tiffIFD encodes an IFD that starts at offset at, its values after it.
func tiffIFD(es []tiffEntry, at, next uint32) []byte {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(es)))
	var ext []byte
	extAt := at + 2 + 12*uint32(len(es)) + 4
	for _, e := range es {
		b = binary.BigEndian.AppendUint16(b, e.tag)
		b = binary.BigEndian.AppendUint16(b, e.typ)
		b = binary.BigEndian.AppendUint32(b, e.count)
		if len(e.val) <= 4 {
			b = append(b, append(e.val, make([]byte, 4-len(e.val))...)...)
			continue
		}
		b = binary.BigEndian.AppendUint32(b, extAt+uint32(len(ext)))
		ext = append(ext, e.val...)
		if len(e.val)%2 == 1 {
			ext = append(ext, 0)
		}
	}
	return append(binary.BigEndian.AppendUint32(b, next), ext...)
}

// jpegEXIF is the payload of an APP1 Exif segment: "Exif\0\0", then a
// big-endian TIFF structure with IFD0 (ifd0, plus pointers to the Exif and
// GPS IFDs when given) and, with a thumbnail, IFD1 pointing at it.
func jpegEXIF(ifd0, exifIFD, gps []tiffEntry, thumb []byte) []byte {
	if exifIFD != nil {
		ifd0 = append(ifd0, tiffLong(0x8769, 0)) // ExifIFDPointer, set below
	}
	if gps != nil {
		ifd0 = append(ifd0, tiffLong(0x8825, 0)) // GPSInfoIFDPointer, set below
	}
	off0 := uint32(8)
	offE := off0 + tiffIFDSize(ifd0)
	offG := offE + tiffIFDSize(exifIFD)
	off1 := offG + tiffIFDSize(gps)
	for i := range ifd0 {
		switch ifd0[i].tag {
		case 0x8769:
			ifd0[i] = tiffLong(0x8769, offE)
		case 0x8825:
			ifd0[i] = tiffLong(0x8825, offG)
		}
	}
	var ifd1 []tiffEntry
	next := uint32(0)
	if thumb != nil {
		ifd1 = []tiffEntry{tiffShort(0x0103, 6), tiffLong(0x0201, 0), tiffLong(0x0202, uint32(len(thumb)))}
		ifd1[1] = tiffLong(0x0201, off1+tiffIFDSize(ifd1)) // JPEGInterchangeFormat
		next = off1
	}
	b := []byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08") // identifier, byte order, 42, IFD0 at 8
	b = append(b, tiffIFD(ifd0, off0, next)...)
	if exifIFD != nil {
		b = append(b, tiffIFD(exifIFD, offE, 0)...)
	}
	if gps != nil {
		b = append(b, tiffIFD(gps, offG, 0)...)
	}
	if thumb != nil {
		b = append(append(b, tiffIFD(ifd1, off1, 0)...), thumb...)
	}
	return b
}

// jpegXMP is an XMP packet whose rdf:Description carries attrs and body.
func jpegXMP(attrs, body string) []byte {
	return []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">` +
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/"` +
		` xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" ` +
		attrs + `>` + body + `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`)
}

// jpegExtendedXMP splits ext into APP1 extended-XMP segments of at most
// size bytes each (XMP part 3 §1.1.3.1), and returns them with the GUID
// the main packet names in xmpNote:HasExtendedXMP.
func jpegExtendedXMP(ext []byte, size int) (string, [][]byte) {
	guid := fmt.Sprintf("%X", md5.Sum(ext))
	var segs [][]byte
	for off := 0; off < len(ext); off += size {
		chunk := ext[off:min(off+size, len(ext))]
		segs = append(segs, jpegSegment(mAPP0+1,
			sigExtXMP,    // identifier
			[]byte(guid), // 32 hex digits: MD5 of the whole extended packet
			binary.BigEndian.AppendUint32(nil, uint32(len(ext))), // full length
			binary.BigEndian.AppendUint32(nil, uint32(off)),      // offset of this chunk
			chunk))
	}
	return guid, segs
}

// jpegIRB is an APP13 payload: "Photoshop 3.0\0", then one 8BIM resource
// 0x0404 (IPTC-NAA) holding IPTC IIM records 2:80 By-line, 2:90 City and
// 2:116 Copyright.
func jpegIRB() []byte {
	var iptc []byte
	for _, r := range []struct {
		ds   byte
		text string
	}{{80, jpegMarker + " author"}, {90, jpegMarker + " city"}, {116, jpegMarker + " copyright"}} {
		iptc = append(iptc, 0x1C, 2, r.ds, 0, byte(len(r.text))) // tag marker, record 2, dataset, size
		iptc = append(iptc, r.text...)
	}
	b := append([]byte("Photoshop 3.0\x00"), "8BIM"...) // signature, resource type
	b = append(b, 0x04, 0x04, 0, 0)                     // resource ID 0x0404, empty Pascal name padded to even
	b = binary.BigEndian.AppendUint32(b, uint32(len(iptc)))
	b = append(b, iptc...)
	if len(iptc)%2 == 1 {
		b = append(b, 0) // resource data padded to even
	}
	return b
}

// jpegICC is a minimal ICC v2 display profile (ICC.1:2001-04): a 128-byte
// header, a tag table with one 'desc' tag, and its textDescriptionType.
// The description carries no marker: the profile is kept by default.
func jpegICC(desc string) []byte {
	d := append([]byte("desc\x00\x00\x00\x00"), binary.BigEndian.AppendUint32(nil, uint32(len(desc)+1))...)
	d = append(append(d, desc...), 0)
	d = append(d, make([]byte, 4+4+2+1+67)...) // Unicode language, count; ScriptCode code, count, 67 bytes
	h := make([]byte, 128)
	binary.BigEndian.PutUint32(h[0:], uint32(128+4+12+len(d))) // profile size
	binary.BigEndian.PutUint32(h[8:], 0x02100000)              // version 2.1
	copy(h[12:], "mntrRGB XYZ ")                               // class, colour space, PCS
	copy(h[36:], "acsp")                                       // profile file signature
	t := binary.BigEndian.AppendUint32(nil, 1)                 // tag count
	t = append(t, "desc"...)
	t = binary.BigEndian.AppendUint32(t, 128+4+12) // offset of the tag data
	t = binary.BigEndian.AppendUint32(t, uint32(len(d)))
	return bytes.Join([][]byte{h, t, d}, nil)
}

// jpegICCSegments splits a profile into n APP2 ICC_PROFILE chunks.
func jpegICCSegments(icc []byte, n int) [][]byte {
	var segs [][]byte
	size := (len(icc) + n - 1) / n
	for i := 0; i < n; i++ {
		chunk := icc[i*size : min((i+1)*size, len(icc))]
		segs = append(segs, jpegSegment(mAPP0+2, sigICC, []byte{byte(i + 1), byte(n)}, chunk)) // sequence, count
	}
	return segs
}

// jpegMPF is an APP2 "MPF\0" payload (CIPA DC-007 §5.2): a big-endian TIFF
// header and an MP Index IFD with MPFVersion, NumberOfImages and one
// 16-byte MPEntry per image, then a stray marker string.
func jpegMPF(images int) []byte {
	entries := make([]byte, 16*images) // attribute, size, offset, two dependents: zero is enough here
	ifd := []tiffEntry{
		{0xB000, 7, 4, []byte("0100")},             // MPFVersion
		tiffLong(0xB001, uint32(images)),           // NumberOfImages
		{0xB002, 7, uint32(len(entries)), entries}, // MPEntry
	}
	b := append([]byte("MPF\x00MM\x00\x2a\x00\x00\x00\x08"), tiffIFD(ifd, 8, 0)...)
	return append(b, jpegMarker...)
}
