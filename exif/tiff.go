package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"

	goexif "github.com/rwcarlsen/goexif/exif"
	"github.com/rwcarlsen/goexif/tiff"
)

// TIFF tag numbers used for structure (CIPA DC-008-2019 Exif 2.32 §4.6.3).
const (
	tagOrientation = 0x0112
	tagExifIFD     = 0x8769
	tagGPSIFD      = 0x8825
	tagInteropIFD  = 0xA005
)

// maxIFDs bounds how many image file directories one EXIF block may hold
// (IFD0, IFD1, the Exif, GPS and Interoperability IFDs, and a few spares).
const maxIFDs = 16

// tiffTypeSize is the byte size of each TIFF 6.0 field type (§2, "Types"),
// 1 to 12. Other types are refused, as goexif refuses them.
var tiffTypeSize = [13]uint64{0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8}

// tiffLayout is what the hand walk of a TIFF structure learns.
type tiffLayout struct {
	order       binary.ByteOrder
	orientation int
	sub         map[uint16]uint32 // pointer tag → offset of its IFD, from IFD0 or the Exif IFD
}

// exifFindings lists what a TIFF-structured EXIF block (starting at "II*\0"
// or "MM\0*", without the "Exif\0\0" prefix) gives away, and its orientation
// (1 when absent or invalid).
//
// The block is first walked by hand: the header, the IFD chain and the
// Exif, GPS and Interoperability IFDs, checking that every directory and
// every value lies inside the block, that every field type is one of the
// twelve of TIFF 6.0 with a count above zero, and that no directory is
// visited twice. Only then is it given to goexif, whose own decoder would
// otherwise allocate from a count whose byte size overflows 32 bits, loop
// forever on an IFD chain A→B→A, or panic on an index out of range. A panic
// that slips through anyway is recovered at the single goexif call site and
// returned as a FormatError.
//
// Choice: anything goexif or the walk cannot read is an error, and no
// finding is listed from the block: listing findings from half a block
// could tell a person "no location" when there is one. Callers list the
// block as damaged and drop it with the rest of the metadata. The
// orientation is another matter: viewers turn the picture by IFD0's
// Orientation entry whatever else the block holds, so a broken GPS pointer
// must not make a clean copy lie on its side. With an error, the
// orientation returned is the one IFD0 itself gives (ifd0Orientation), or
// 1 when IFD0 cannot be found.
func exifFindings(tiffData []byte, where string) ([]Finding, int, error) {
	l, err := walkTIFF(tiffData)
	if err != nil {
		return nil, ifd0Orientation(tiffData), err
	}
	d, err := decodeEXIF(tiffData, l)
	if err != nil {
		return nil, l.orientation, err
	}
	return d.findings(where), l.orientation, nil
}

// ifd0Orientation reads the Orientation entry of IFD0 (a SHORT valued 1
// to 8) from a block the walk refused, looking at each 12-byte entry of
// IFD0 that lies inside the block and nothing else: the entry holds its
// value inline, so it does not depend on any other part of the block.
// It returns 1 when there is no such entry.
func ifd0Orientation(b []byte) int {
	var order binary.ByteOrder
	switch {
	case len(b) < 8:
		return 1
	case bytes.HasPrefix(b, []byte("II*\x00")):
		order = binary.LittleEndian
	case bytes.HasPrefix(b, []byte("MM\x00*")):
		order = binary.BigEndian
	default:
		return 1
	}
	off := uint64(order.Uint32(b[4:8]))
	if off < 8 || off+2 > uint64(len(b)) {
		return 1
	}
	n := uint64(order.Uint16(b[off:]))
	for i := range n {
		e := off + 2 + 12*i
		if e+12 > uint64(len(b)) {
			break
		}
		if order.Uint16(b[e:]) == tagOrientation && order.Uint16(b[e+2:]) == 3 && order.Uint32(b[e+4:]) == 1 {
			if o := int(order.Uint16(b[e+8:])); o >= 1 && o <= 8 {
				return o
			}
		}
	}
	return 1
}

// walkTIFF checks the structure of a TIFF block (TIFF 6.0 §2: an 8-byte
// header of byte order, 42 and the offset of IFD0; each IFD a uint16 entry
// count, 12-byte entries and the uint32 offset of the next IFD).
func walkTIFF(b []byte) (*tiffLayout, error) {
	l := &tiffLayout{orientation: 1, sub: map[uint16]uint32{}}
	switch {
	case bytes.HasPrefix(b, []byte("II*\x00")):
		l.order = binary.LittleEndian
	case bytes.HasPrefix(b, []byte("MM\x00*")):
		l.order = binary.BigEndian
	default:
		return nil, formatError(TIFF, Malformed, "EXIF does not start with a TIFF header")
	}
	if len(b) < 8 {
		return nil, formatError(TIFF, Truncated, "EXIF header is cut short")
	}
	// The IFD0 chain follows next-IFD offsets; sub-IFDs are read alone, as
	// goexif and exiftool read them (their next offset is ignored).
	type ifdRef struct {
		off   uint32
		chain bool
	}
	seen := map[uint32]bool{}
	queue := []ifdRef{{l.order.Uint32(b[4:8]), true}}
	for len(queue) > 0 {
		ref := queue[0]
		queue = queue[1:]
		if seen[ref.off] {
			return nil, formatError(TIFF, Malformed, "EXIF directories overlap or form a loop")
		}
		if seen[ref.off] = true; len(seen) > maxIFDs {
			return nil, formatError(TIFF, OverLimit, "EXIF has too many directories")
		}
		first := len(seen) == 1
		next, err := walkIFD(b, l.order, ref.off, func(id, typ uint16, val []byte) error {
			p, ok, err := l.visit(first, id, typ, val)
			if ok {
				queue = append(queue, ifdRef{p, false})
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		if next != 0 && ref.chain {
			queue = append(queue, ifdRef{next, true})
		}
	}
	return l, nil
}

// visit notes the orientation of IFD0 and returns sub-IFD pointers. goexif
// follows a pointer of any integer type from any IFD it loads, so every
// such pointer is checked here.
func (l *tiffLayout) visit(ifd0 bool, id, typ uint16, val []byte) (uint32, bool, error) {
	if ifd0 && id == tagOrientation && typ == 3 {
		if o := int(l.order.Uint16(val)); o >= 1 && o <= 8 {
			l.orientation = o
		}
	}
	if id != tagExifIFD && id != tagGPSIFD && id != tagInteropIFD {
		return 0, false, nil
	}
	var p int64
	switch typ {
	case 1, 6: // BYTE, SBYTE: goexif reads them too
		p = int64(val[0])
		if typ == 6 {
			p = int64(int8(val[0]))
		}
	case 3, 8: // SHORT, SSHORT
		p = int64(l.order.Uint16(val))
		if typ == 8 {
			p = int64(int16(l.order.Uint16(val)))
		}
	case 4, 9: // LONG, SLONG
		p = int64(l.order.Uint32(val))
		if typ == 9 {
			p = int64(int32(l.order.Uint32(val)))
		}
	default:
		return 0, false, nil // not an integer: goexif does not follow it either
	}
	if p < 0 || p > 1<<31-1 {
		return 0, false, formatError(TIFF, Malformed, "EXIF sub-directory offset out of range")
	}
	if _, ok := l.sub[id]; !ok {
		l.sub[id] = uint32(p)
	}
	return uint32(p), true, nil
}

// walkIFD checks one IFD at off and calls visit with each entry's value
// bytes (inline or at their offset). It returns the next-IFD offset.
func walkIFD(b []byte, order binary.ByteOrder, off uint32, visit func(id, typ uint16, val []byte) error) (uint32, error) {
	if off < 8 || uint64(off)+2 > uint64(len(b)) {
		return 0, formatError(TIFF, Malformed, "EXIF directory offset out of range")
	}
	n := uint64(order.Uint16(b[off:]))
	end := uint64(off) + 2 + 12*n + 4
	if n >= 0x8000 || end > uint64(len(b)) {
		return 0, formatError(TIFF, Truncated, "EXIF directory runs past the end")
	}
	for i := range n {
		e := b[uint64(off)+2+12*i:]
		id, typ, count := order.Uint16(e[0:]), order.Uint16(e[2:]), uint64(order.Uint32(e[4:]))
		if typ == 0 || int(typ) >= len(tiffTypeSize) {
			return 0, formatError(TIFF, Malformed, fmt.Sprintf("EXIF tag %#04x has unknown type %d", id, typ))
		}
		size := tiffTypeSize[typ] * count
		if count == 0 || size > uint64(len(b)) {
			return 0, formatError(TIFF, Malformed, fmt.Sprintf("EXIF tag %#04x has count %d", id, count))
		}
		val := e[8 : 8+min(size, 4)]
		if size > 4 {
			vo := uint64(order.Uint32(e[8:]))
			if vo+size > uint64(len(b)) {
				return 0, formatError(TIFF, Truncated, fmt.Sprintf("EXIF tag %#04x value runs past the end", id))
			}
			val = b[vo : vo+size]
		}
		if err := visit(id, typ, val); err != nil {
			return 0, err
		}
	}
	return order.Uint32(b[end-4:]), nil
}

// exifDirs holds the decoded tags: IFD0, the Exif and GPS IFDs, and the
// IFDs chained after IFD0 (IFD1 holds the thumbnail).
type exifDirs struct {
	order      binary.ByteOrder
	ifd0, exif []*tiff.Tag
	gps        []*tiff.Tag
	later      [][]*tiff.Tag
}

// decodeEXIF decodes a block walkTIFF accepted with goexif. This is the one
// place goexif is called; a panic inside it becomes a FormatError.
func decodeEXIF(b []byte, l *tiffLayout) (d exifDirs, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = exifDirs{}, formatError(TIFF, Malformed, fmt.Sprintf("EXIF could not be decoded (%v)", r))
		}
	}()
	x, err := goexifDecode(bytes.NewReader(b))
	if err != nil {
		return d, formatError(TIFF, Malformed, fmt.Sprintf("EXIF could not be decoded (%v)", err))
	}
	if len(x.Tiff.Dirs) == 0 {
		return d, formatError(TIFF, Malformed, "EXIF has no directory")
	}
	d.order = x.Tiff.Order
	d.ifd0 = x.Tiff.Dirs[0].Tags
	for _, dir := range x.Tiff.Dirs[1:] {
		d.later = append(d.later, dir.Tags)
	}
	for id, dst := range map[uint16]*[]*tiff.Tag{tagExifIFD: &d.exif, tagGPSIFD: &d.gps} {
		off, ok := l.sub[id]
		if !ok {
			continue
		}
		r := bytes.NewReader(b)
		if _, err := r.Seek(int64(off), 0); err != nil {
			return exifDirs{}, formatError(TIFF, Malformed, "EXIF sub-directory offset out of range")
		}
		dir, _, err := tiff.DecodeDir(r, d.order)
		if err != nil {
			return exifDirs{}, formatError(TIFF, Malformed, fmt.Sprintf("EXIF sub-directory could not be decoded (%v)", err))
		}
		*dst = dir.Tags
	}
	return d, nil
}

// goexifDecode is goexif's decoder; a variable so tests can prove a panic
// inside it is contained.
var goexifDecode = goexif.Decode

// orientationEXIF returns a minimal TIFF-structured EXIF block holding only
// the Orientation tag: a big-endian header, IFD0 at offset 8 with exactly
// one entry (0x0112, SHORT, count 1) and a next-IFD offset of 0. It is 26
// bytes long. An orientation outside 1..8 is written as 1, the value Info
// reports for it.
func orientationEXIF(orientation int) []byte {
	if orientation < 1 || orientation > 8 {
		orientation = 1
	}
	return []byte{
		'M', 'M', 0x00, 0x2A, // byte order big-endian, 42
		0x00, 0x00, 0x00, 0x08, // IFD0 at offset 8
		0x00, 0x01, // one entry
		0x01, 0x12, 0x00, 0x03, // tag Orientation, type SHORT
		0x00, 0x00, 0x00, 0x01, // count 1
		0x00, byte(orientation), 0x00, 0x00, // value, padded to 4 bytes
		0x00, 0x00, 0x00, 0x00, // no next IFD
	}
}

// orientationTolerance is how many bytes may follow the 26 bytes of a
// minimal block, all zero: writers pad a segment to an even or 4-byte
// length.
const orientationTolerance = 4

// orientationOnly reports whether tiff is exactly a minimal block such as
// orientationEXIF writes (in either byte order): IFD0 at offset 8 with one
// entry, Orientation SHORT count 1 valued 1..8, next IFD 0, followed by at
// most orientationTolerance zero bytes. It returns the orientation.
func orientationOnly(tiffData []byte) (int, bool) {
	b := tiffData
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(b, []byte("II*\x00")):
		order = binary.LittleEndian
	case bytes.HasPrefix(b, []byte("MM\x00*")):
		order = binary.BigEndian
	default:
		return 0, false
	}
	if len(b) < 26 || len(b) > 26+orientationTolerance || len(bytes.Trim(b[26:], "\x00")) != 0 {
		return 0, false
	}
	o := int(order.Uint16(b[18:]))
	ok := order.Uint32(b[4:]) == 8 && order.Uint16(b[8:]) == 1 &&
		order.Uint16(b[10:]) == tagOrientation && order.Uint16(b[12:]) == 3 &&
		order.Uint32(b[14:]) == 1 && order.Uint16(b[20:]) == 0 &&
		order.Uint32(b[22:]) == 0 && o >= 1 && o <= 8
	if !ok {
		return 0, false
	}
	return o, true
}

// exifOrientation is the orientation exifFindings gives, without the
// findings: the walk's when the block can be walked, and otherwise IFD0's
// own (ifd0Orientation).
func exifOrientation(b []byte) int {
	l, err := walkTIFF(b)
	if err != nil {
		return ifd0Orientation(b)
	}
	return l.orientation
}
