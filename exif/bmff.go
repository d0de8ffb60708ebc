package exif

import (
	"encoding/binary"
	"fmt"
	"io"
)

// The ISO base media file format box layer (ISO/IEC 14496-12 §4.2) as the
// video handler reads it. A video is never held in memory: its top-level
// boxes are read header by header from an io.ReaderAt (bmffHeader), and
// only the movie box (moov), which holds the sample tables and the
// metadata, is read whole, within maxMoov, and walked in memory
// (nextBMFF). Every size is hostile: it is checked against what is left
// before anything is read or sliced.

// bmffBox is a box found in a file: its type, where it starts and how
// long its header and the whole box are.
type bmffBox struct {
	typ  string
	off  int64 // offset of the box (its header) in the file
	hdr  int64 // header length: 8, 16 with a largesize, +16 for uuid
	size int64 // the whole box, header included
}

// payload is the offset and length of what follows the header.
func (b bmffBox) payload() (off, n int64) { return b.off + b.hdr, b.size - b.hdr }

// end is the offset just past the box.
func (b bmffBox) end() int64 { return b.off + b.size }

// maxMoov bounds the movie box read into memory. Its sample tables grow
// with the length of the video: about 1 MB an hour at 60 frames a second
// plus sound, so 64 MB holds any phone recording.
const maxMoov = 64 << 20

// bmffHeader reads the header of the box at off, which must end by end
// (§4.2: size(32) type(32), size 1 meaning a 64-bit largesize follows,
// size 0 meaning "to the end of the file"; type "uuid" followed by a
// 16-byte extended type).
func bmffHeader(r io.ReaderAt, off, end int64) (bmffBox, error) {
	var h [16]byte
	if end-off < 8 {
		return bmffBox{}, formatError("", Truncated, fmt.Sprintf("video box header cut short at offset %d", off)).at(int(off))
	}
	n := int64(len(h))
	if end-off < n {
		n = end - off
	}
	if _, err := r.ReadAt(h[:n], off); err != nil && err != io.EOF {
		return bmffBox{}, err
	}
	size, typ, hdr, err := bmffSize(h[:n], end-off)
	if err != nil {
		return bmffBox{}, fmt.Errorf("%w at offset %d", err, off)
	}
	return bmffBox{typ: typ, off: off, hdr: hdr, size: size}, nil
}

// bmffSize decodes a box header at the start of h, in a space of left
// bytes, and checks that the box fits it.
func bmffSize(h []byte, left int64) (size int64, typ string, hdr int64, err error) {
	if len(h) < 8 {
		return 0, "", 0, formatError("", Truncated, "video box header cut short")
	}
	s := uint64(binary.BigEndian.Uint32(h))
	typ, hdr = string(h[4:8]), 8
	switch s {
	case 0:
		s = uint64(left)
	case 1:
		if len(h) < 16 {
			return 0, "", 0, formatError("", Truncated, fmt.Sprintf("video box %q: largesize cut short", printable(typ)))
		}
		s, hdr = binary.BigEndian.Uint64(h[8:]), 16
	}
	if typ == "uuid" {
		hdr += 16
	}
	if s < uint64(hdr) || s > uint64(left) {
		return 0, "", 0, formatError("", Malformed, fmt.Sprintf("video box %q: size %d does not fit the %d bytes left", printable(typ), s, left))
	}
	return int64(s), typ, hdr, nil
}

// bmffChild is a box inside a box held in memory.
type bmffChild struct {
	typ     string
	box     []byte // the whole box, header included
	payload []byte // what follows the header
}

// nextBMFF reads the box at the start of b, inside a box held in memory.
// Size 0 ("to the end") is not allowed there.
func nextBMFF(b []byte) (bmffChild, []byte, error) {
	if len(b) >= 4 && binary.BigEndian.Uint32(b) == 0 {
		return bmffChild{}, nil, formatError("", Malformed, "video box of size 0 inside another box")
	}
	size, typ, hdr, err := bmffSize(b, int64(len(b)))
	if err != nil {
		return bmffChild{}, nil, err
	}
	return bmffChild{typ: typ, box: b[:size], payload: b[hdr:size]}, b[size:], nil
}

// bmffChildren splits a container's payload into its boxes. Deliberate
// leniency: QuickTime ends some containers (udta, §"User Data Atoms" of
// the QuickTime File Format) with a 32-bit zero, and some writers pad
// with up to seven zero bytes; fewer than eight zero bytes at the end are
// taken as that terminator and dropped.
func bmffChildren(b []byte) ([]bmffChild, error) {
	var out []bmffChild
	for len(b) > 0 {
		if len(b) < 8 && allZero(b) {
			break
		}
		c, rest, err := nextBMFF(b)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		b = rest
	}
	return out, nil
}

// bmffTypeLike reports whether a box type is four printable characters (or
// QuickTime's © followed by three), which tells a box from whatever bytes
// follow the last one.
func bmffTypeLike(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if (c < 0x20 || c > 0x7e) && !(i == 0 && c == 0xa9) {
			return false
		}
	}
	return len(t) == 4
}

// appendBox appends a box of type typ holding payload to dst, with a
// 32-bit size when it fits and a largesize otherwise.
func appendBox(dst []byte, typ string, payload ...[]byte) []byte {
	n := 8
	for _, p := range payload {
		n += len(p)
	}
	if uint64(n) > 0xFFFFFFFF {
		dst = binary.BigEndian.AppendUint32(dst, 1)
		dst = append(dst, typ...)
		dst = binary.BigEndian.AppendUint64(dst, uint64(n+8))
	} else {
		dst = binary.BigEndian.AppendUint32(dst, uint32(n))
		dst = append(dst, typ...)
	}
	for _, p := range payload {
		dst = append(dst, p...)
	}
	return dst
}
