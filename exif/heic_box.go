package exif

import (
	"encoding/binary"
	"fmt"
)

// The ISO base media file format box layer (ISO/IEC 14496-12 §4.2) that
// HEIF (ISO/IEC 23008-12) is built on. Every size is hostile: it is
// checked against what is left before anything is sliced.

// heicBox is one box: its type and its payload (the bytes after the
// header, version and flags included for a full box).
type heicBox struct {
	typ  string
	data []byte
	off  int // offset of the payload in the file, for iloc and idat checks
}

// heicMaxDepth bounds how deep boxes nest. The walk only descends into
// the containers it knows (meta, iinf, iref, iprp, ipco, dinf), so a real
// file never goes beyond three levels below the top.
const heicMaxDepth = 4

// nextHEICBox reads the box at the start of b, which starts at offset off
// in the file (ISO/IEC 14496-12 §4.2: size(32) type(32), size 1 meaning a
// 64-bit largesize follows, size 0 meaning "to the end of the file",
// type "uuid" followed by a 16-byte extended type). toEnd allows size 0,
// which the spec permits only for the last top-level box.
func nextHEICBox(b []byte, off int, toEnd bool) (heicBox, []byte, error) {
	if len(b) < 8 {
		return heicBox{}, nil, formatError(HEIC, Truncated, fmt.Sprintf("HEIC box header cut short at offset %d", off))
	}
	size := uint64(binary.BigEndian.Uint32(b))
	typ := string(b[4:8])
	hdr := uint64(8)
	switch size {
	case 0:
		if !toEnd {
			return heicBox{}, nil, formatError(HEIC, Malformed, fmt.Sprintf("HEIC box %q of size 0 inside another box", typ))
		}
		size = uint64(len(b))
	case 1:
		if len(b) < 16 {
			return heicBox{}, nil, formatError(HEIC, Truncated, fmt.Sprintf("HEIC box %q: largesize cut short", typ))
		}
		size, hdr = binary.BigEndian.Uint64(b[8:]), 16
	}
	if typ == "uuid" {
		hdr += 16
	}
	if size < hdr || size > uint64(len(b)) {
		return heicBox{}, nil, formatError(HEIC, Malformed, fmt.Sprintf("HEIC box %q at offset %d: size %d does not fit the %d bytes left",
			typ, off, size, len(b)))
	}
	return heicBox{typ: typ, data: b[hdr:size], off: off + int(hdr)}, b[size:], nil
}

// walkHEICBoxes calls fn for each box that exactly fills b (the payload of
// a container that starts at offset off in the file), depth levels below
// the top.
func walkHEICBoxes(b []byte, off, depth int, fn func(heicBox) error) error {
	if depth > heicMaxDepth {
		return formatError(HEIC, OverLimit, "HEIC boxes nested too deep")
	}
	for len(b) > 0 {
		bx, rest, err := nextHEICBox(b, off, false)
		if err != nil {
			return err
		}
		if err := fn(bx); err != nil {
			return err
		}
		off += len(b) - len(rest)
		b = rest
	}
	return nil
}

// heicReader reads the fields of a box payload in order; the first short
// read sets err and every later read returns zero.
type heicReader struct {
	b   []byte
	box string
	err error
}

func (r *heicReader) take(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		if r.err == nil {
			r.err = formatError(HEIC, Truncated, fmt.Sprintf("HEIC %s box cut short", r.box))
		}
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *heicReader) u8() uint8 {
	if p := r.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *heicReader) u16() uint16 {
	if p := r.take(2); p != nil {
		return binary.BigEndian.Uint16(p)
	}
	return 0
}

func (r *heicReader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.BigEndian.Uint32(p)
	}
	return 0
}

// uint reads an unsigned field of n bytes, n being 0, 4 or 8 (the iloc
// size fields) or 2.
func (r *heicReader) uint(n int) uint64 {
	switch n {
	case 0:
		return 0
	case 2:
		return uint64(r.u16())
	case 4:
		return uint64(r.u32())
	case 8:
		if p := r.take(8); p != nil {
			return binary.BigEndian.Uint64(p)
		}
		return 0
	}
	if r.err == nil {
		r.err = formatError(HEIC, Malformed, fmt.Sprintf("HEIC %s box: field size %d", r.box, n))
	}
	return 0
}

// id reads an item ID: 16 bits when small, else 32.
func (r *heicReader) id(small bool) uint32 {
	if small {
		return uint32(r.u16())
	}
	return r.u32()
}

// fullBox reads the version and flags of a full box (ISO/IEC 14496-12
// §4.2: version(8) flags(24)).
func (r *heicReader) fullBox() (version uint8, flags uint32) {
	v := r.u32()
	return uint8(v >> 24), v & 0xFFFFFF
}

// cstring reads a NUL-terminated UTF-8 string. Deliberate leniency: a
// string cut by the end of its box (some writers omit the last NUL) is
// taken as it is.
func (r *heicReader) cstring() string {
	if r.err != nil {
		return ""
	}
	for i, c := range r.b {
		if c == 0 {
			s := string(r.b[:i])
			r.b = r.b[i+1:]
			return s
		}
	}
	s := string(r.b)
	r.b = nil
	return s
}
