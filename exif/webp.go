package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// The WebP container is specified in RFC 9649 ("WebP Image Format", the
// "container spec" below, also libwebp doc/webp-container-spec.txt);
// comments name its sections by title.

// webpHandler cleans WebP files: simple lossy (VP8), simple lossless (VP8L)
// and extended (VP8X) files, still or animated.
type webpHandler struct{}

// VP8X feature flags (container spec, "Extended File Format"), the
// same bits as golang.org/x/image/webp/decode.go.
const (
	webpAnimBit  = 1 << 1
	webpXMPBit   = 1 << 2
	webpEXIFBit  = 1 << 3
	webpAlphaBit = 1 << 4
	webpICCBit   = 1 << 5
	// webpReservedBits are the two high bits and the low bit; writers
	// must set them to zero.
	webpReservedBits = 0xC1
)

// webpMaxListed bounds how many metadata chunks are listed one by one, so
// a file made of a million empty chunks cannot flood the findings.
const webpMaxListed = 32

// riffChunk is one chunk of a RIFF stream (container spec, "RIFF File
// Format"): a FourCC, a little-endian 32-bit payload size, the payload and
// one padding byte when the size is odd.
type riffChunk struct {
	id   string // FourCC
	data []byte // payload, without padding
	pad  []byte // the padding byte when len(data) is odd, else empty
}

// webpFile is the outline of a parsed WebP file. The chunks after the first
// are kept as bytes and walked again by each user, so a hostile file of
// millions of tiny chunks costs no allocation per chunk.
type webpFile struct {
	extended      bool
	flags         byte      // VP8X flags byte (extended files only)
	vp8x          riffChunk // the VP8X chunk (extended files only)
	image         riffChunk // the image chunk of a simple file
	width, height int       // canvas size
	body          []byte    // the chunks after the first, to the end of the RIFF payload
	tail          []byte    // bytes after the RIFF payload
}

func (f *webpFile) animated() bool { return f.extended && f.flags&webpAnimBit != 0 }

func (webpHandler) format() Format { return WebP }

func (webpHandler) about() about { return about{name: "WebP", exts: []string{".webp"}} }

// profile is the ICCP chunk of an extended file.
func (webpHandler) profile(data []byte) []byte {
	var icc []byte
	if f, _, err := inspectWebP(data); err == nil && f.extended {
		_ = walkChunks(f.body, func(c riffChunk) error {
			if c.id == "ICCP" {
				icc = c.data
			}
			return nil
		})
	}
	return icc
}

// embedProfile writes icc as an ICCP chunk (see embedWebPProfile).
func (webpHandler) embedProfile(data, icc []byte) ([]byte, error) {
	return embedWebPProfile(data, icc)
}

// sniff matches the RIFF header with the "WEBP" form type (container spec
// spec, "RIFF Header").
func (webpHandler) sniff(head []byte) bool {
	return len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP"
}

// nextChunk splits the first chunk off b.
func nextChunk(b []byte) (riffChunk, []byte, error) {
	if len(b) < 8 {
		return riffChunk{}, nil, formatError(WebP, Malformed, fmt.Sprintf("WebP: %d stray bytes where a chunk header should be", len(b)))
	}
	size := uint64(binary.LittleEndian.Uint32(b[4:8]))
	end := 8 + size + size&1
	if end > uint64(len(b)) {
		return riffChunk{}, nil, formatError(WebP, Truncated, fmt.Sprintf("WebP: %q chunk of %d bytes runs past the end of the file", b[:4], size))
	}
	return riffChunk{id: string(b[:4]), data: b[8 : 8+size], pad: b[8+size : end]}, b[end:], nil
}

// walkChunks calls fn for each chunk in b, which must hold whole chunks,
// padding included, up to its very end.
func walkChunks(b []byte, fn func(riffChunk) error) error {
	for len(b) > 0 {
		c, rest, err := nextChunk(b)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
		b = rest
	}
	return nil
}

// parseWebP checks the RIFF header, reads the canvas size from the first
// chunk, checks the limits, and then checks the layout of the whole file.
func parseWebP(data []byte) (*webpFile, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, formatError(WebP, Malformed, "not a WebP file")
	}
	// "RIFF Header": File Size counts the bytes after itself; chunks are padded to an
	// even length, so an odd size or one larger than the file is broken.
	size := uint64(binary.LittleEndian.Uint32(data[4:8]))
	if size > uint64(len(data)-8) {
		return nil, formatError(WebP, Malformed, fmt.Sprintf("WebP: RIFF size %d is larger than the file (%d bytes)", size, len(data)-8))
	}
	if size < 4+8 || size%2 != 0 {
		return nil, formatError(WebP, Malformed, fmt.Sprintf("WebP: RIFF size %d is impossible", size))
	}
	f := &webpFile{tail: data[8+size:]}
	first, rest, err := nextChunk(data[12 : 8+size])
	if err != nil {
		return nil, err
	}
	if err := f.readFirst(first); err != nil {
		return nil, err
	}
	if err := checkLimits(f.width, f.height, len(data)); err != nil {
		return nil, err
	}
	f.body = rest
	if !f.extended {
		// "Simple File Format": a simple file is the image chunk alone. Chunks after it
		// are ignored by decoders; they are walked (listed, then dropped).
		return f, walkChunks(rest, func(riffChunk) error { return nil })
	}
	return f, f.checkExtended()
}

// readFirst reads the canvas size from the first chunk: VP8X ("Extended
// File Format"), or the bitstream header of a simple lossy or lossless file
// ("Simple File Format (Lossy)", "(Lossless)").
func (f *webpFile) readFirst(c riffChunk) error {
	switch c.id {
	case "VP8X":
		// "Extended File Format": flags (1 byte), reserved (3 bytes), canvas width minus one
		// (24 bits), canvas height minus one (24 bits), little-endian.
		if len(c.data) != 10 {
			return formatError(WebP, Malformed, fmt.Sprintf("WebP: VP8X chunk of %d bytes, want 10", len(c.data)))
		}
		f.extended, f.vp8x, f.flags = true, c, c.data[0]
		f.width = int(u24(c.data[4:7])) + 1
		f.height = int(u24(c.data[7:10])) + 1
		return nil
	case "VP8 ", "VP8L":
		f.image = c
		var err error
		f.width, f.height, err = bitstreamSize(c)
		return err
	}
	return formatError(WebP, Malformed, fmt.Sprintf("WebP: first chunk is %q, want VP8, VP8L or VP8X", c.id))
}

// u24 decodes a little-endian 24-bit unsigned integer.
func u24(b []byte) uint32 { return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 }

// bitstreamSize reads the width and height from a VP8 or VP8L chunk.
func bitstreamSize(c riffChunk) (w, h int, err error) {
	b := c.data
	if c.id == "VP8 " {
		// RFC 6386 §9.1: a 3-byte frame tag whose low bit is 0 for a key
		// frame, the start code 9D 01 2A, then 16-bit little-endian width
		// and height whose top two bits are scaling, not size.
		if len(b) < 10 || b[0]&1 != 0 || !bytes.Equal(b[3:6], []byte{0x9d, 0x01, 0x2a}) {
			return 0, 0, formatError(WebP, Malformed, "WebP: VP8 chunk without a key frame header")
		}
		return int(binary.LittleEndian.Uint16(b[6:8]) & 0x3fff), int(binary.LittleEndian.Uint16(b[8:10]) & 0x3fff), nil
	}
	// RFC 9649, lossless bitstream "Header": signature 0x2F, then LSB-first
	// 14 bits width minus one, 14 bits height minus one, 1 bit alpha hint,
	// 3 bits version that must be 0.
	if len(b) < 5 || b[0] != 0x2f {
		return 0, 0, formatError(WebP, Malformed, "WebP: VP8L chunk without its signature")
	}
	bits := binary.LittleEndian.Uint32(b[1:5])
	if bits>>29 != 0 {
		return 0, 0, formatError(WebP, Malformed, "WebP: unknown VP8L version")
	}
	return int(bits&0x3fff) + 1, int(bits>>14&0x3fff) + 1, nil
}

// checkExtended checks the chunk layout of an extended file ("Extended
// File Format"): ICCP
// before the image; then either ANIM and ANMF frames when the animation
// flag is set, or an optional ALPH and one VP8 or VP8L of the canvas size.
// EXIF, XMP and unknown chunks may be anywhere; they are dropped anyway.
func (f *webpFile) checkExtended() error {
	anim := f.flags&webpAnimBit != 0
	var iccp, animChunk, alph, img bool
	frames := 0
	err := walkChunks(f.body, func(c riffChunk) error {
		switch c.id {
		case "VP8X":
			return formatError(WebP, Malformed, "WebP: second VP8X chunk")
		case "ICCP":
			if iccp || animChunk || alph || img {
				return formatError(WebP, Malformed, "WebP: ICCP chunk after the image or repeated")
			}
			iccp = true
		case "ANIM":
			// "Animation", ANIM: background colour (4 bytes), loop count (2 bytes).
			if !anim || animChunk || len(c.data) != 6 {
				return formatError(WebP, Malformed, "WebP: unexpected or malformed ANIM chunk")
			}
			animChunk = true
		case "ANMF":
			if !animChunk {
				return formatError(WebP, Malformed, "WebP: ANMF frame without an ANIM chunk")
			}
			frames++
			return f.checkFrame(c.data)
		case "ALPH":
			// golang.org/x/image/webp refuses ALPH without the alpha flag.
			if anim || alph || img || f.flags&webpAlphaBit == 0 {
				return formatError(WebP, Malformed, "WebP: unexpected ALPH chunk")
			}
			alph = true
		case "VP8 ", "VP8L":
			if anim || img || (alph && c.id == "VP8L") {
				return formatError(WebP, Malformed, fmt.Sprintf("WebP: unexpected %q chunk", c.id))
			}
			img = true
			return checkBitstream(c, f.width, f.height)
		}
		return nil
	})
	switch {
	case err != nil:
		return err
	case anim && frames == 0:
		return formatError(WebP, Malformed, "WebP: animation without frames")
	case !anim && !img:
		return formatError(WebP, Malformed, "WebP: no image data")
	}
	return nil
}

// checkBitstream checks that a VP8 or VP8L chunk has the size w×h, as
// decoders require.
func checkBitstream(c riffChunk, w, h int) error {
	bw, bh, err := bitstreamSize(c)
	if err != nil {
		return err
	}
	if bw != w || bh != h {
		return formatError(WebP, Malformed, fmt.Sprintf("WebP: %q image is %dx%d, want %dx%d", c.id, bw, bh, w, h))
	}
	return nil
}

// checkFrame checks an ANMF payload ("Animation", ANMF): a 16-byte header (X/2,
// Y/2, width minus one, height minus one, duration: 24 bits each; one byte
// of reserved bits, blending and disposal), then sub-chunks: an optional
// ALPH and one VP8 or VP8L of the frame size. Unknown sub-chunks are
// allowed by the spec; they are dropped when cleaning.
func (f *webpFile) checkFrame(p []byte) error {
	if len(p) < 16 {
		return formatError(WebP, Truncated, "WebP: ANMF frame header too short")
	}
	x, y := 2*int(u24(p[0:3])), 2*int(u24(p[3:6]))
	w, h := int(u24(p[6:9]))+1, int(u24(p[9:12]))+1
	if x+w > f.width || y+h > f.height {
		return formatError(WebP, Malformed, fmt.Sprintf("WebP: ANMF frame %dx%d at %d,%d is outside the canvas", w, h, x, y))
	}
	var alph, img bool
	err := walkChunks(p[16:], func(c riffChunk) error {
		switch c.id {
		case "ALPH":
			if alph || img {
				return formatError(WebP, Malformed, "WebP: unexpected ALPH in ANMF frame")
			}
			alph = true
		case "VP8 ", "VP8L":
			if img || (alph && c.id == "VP8L") {
				return formatError(WebP, Malformed, fmt.Sprintf("WebP: unexpected %q in ANMF frame", c.id))
			}
			img = true
			return checkBitstream(c, w, h)
		}
		return nil
	})
	if err == nil && !img {
		err = formatError(WebP, Malformed, "WebP: ANMF frame without image data")
	}
	return err
}
