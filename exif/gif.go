package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// GIF container handling, after the GIF89a specification (CompuServe,
// 1990). Section numbers in comments ("GIF89a §18") refer to it.

// The kinds of GIF blocks the walker tells apart.
const (
	gifImage     = iota // image descriptor, colour table and LZW data (§20–22)
	gifControl          // graphic control extension (§23)
	gifComment          // comment extension (§24)
	gifPlainText        // plain text extension (§25)
	gifApp              // application extension (§26)
	gifUnknown          // an extension label the specification does not define
)

// gifBlock is one block between the global colour table and the trailer.
type gifBlock struct {
	kind  int
	label byte     // the extension label
	app   string   // application identifier and authentication code
	data  [][]byte // the data sub-blocks (after the application header)
	raw   []byte   // the whole block as it lies in the file
}

// gifFile is a GIF walked from its header to the trailer.
type gifFile struct {
	head   []byte // header, logical screen descriptor, global colour table
	blocks []gifBlock
	tail   []byte // bytes after the trailer
	width  int
	height int
	images int
}

// gifHandler cleans GIF87a and GIF89a files.
type gifHandler struct{}

func (gifHandler) format() Format { return GIF }

func (gifHandler) about() about { return about{name: "GIF", exts: []string{".gif"}} }

// sniff checks the header signature and version (§17).
func (gifHandler) sniff(head []byte) bool {
	return bytes.HasPrefix(head, []byte("GIF87a")) || bytes.HasPrefix(head, []byte("GIF89a"))
}

// parseGIF walks every block of data to the trailer. The screen size is
// checked against the limits before anything else is looked at.
func parseGIF(data []byte) (*gifFile, error) {
	if len(data) < 13 || !(gifHandler{}).sniff(data) {
		return nil, formatError(GIF, Malformed, "GIF header or logical screen descriptor missing")
	}
	// §18 logical screen descriptor: width, height (little-endian), packed
	// fields, background colour index, pixel aspect ratio.
	f := &gifFile{width: int(binary.LittleEndian.Uint16(data[6:])), height: int(binary.LittleEndian.Uint16(data[8:]))}
	if err := checkLimits(f.width, f.height, len(data)); err != nil {
		return nil, err
	}
	pos := 13 + gifTableSize(data[10])
	if pos > len(data) {
		return nil, formatError(GIF, Truncated, "GIF global colour table runs past the end")
	}
	f.head = data[:pos]
	for {
		if pos >= len(data) {
			return nil, formatError(GIF, Truncated, "GIF ends before its trailer")
		}
		var b gifBlock
		var next int
		var err error
		switch data[pos] {
		case 0x3B: // §27 trailer
			f.tail = data[pos+1:]
			return f, nil
		case 0x2C:
			b, next, err = readGIFImage(data, pos, len(data))
			f.images++
		case 0x21:
			b, next, err = readGIFExtension(data, pos)
		default:
			return nil, formatError(GIF, Malformed, fmt.Sprintf("unknown GIF block 0x%02x", data[pos]))
		}
		if err != nil {
			return nil, err
		}
		f.blocks = append(f.blocks, b)
		pos = next
	}
}

// gifTableSize is the size in bytes of the colour table announced by a
// packed field (§18, §20): a flag in the top bit, 2^(n+1) entries of 3 bytes.
func gifTableSize(packed byte) int {
	if packed&0x80 == 0 {
		return 0
	}
	return 3 << (packed&7 + 1)
}

// readGIFImage reads an image descriptor (§20: separator, left, top, width,
// height, packed fields), its local colour table (§21), the LZW minimum
// code size and the image data sub-blocks (§22).
func readGIFImage(data []byte, pos, size int) (gifBlock, int, error) {
	if len(data)-pos < 11 {
		return gifBlock{}, 0, formatError(GIF, Truncated, "GIF image descriptor runs past the end")
	}
	w, h := binary.LittleEndian.Uint16(data[pos+5:]), binary.LittleEndian.Uint16(data[pos+7:])
	if int64(w)*int64(h) > MaxPixels {
		return gifBlock{}, 0, checkLimits(int(w), int(h), size)
	}
	p := pos + 10 + gifTableSize(data[pos+9])
	if p >= len(data) {
		return gifBlock{}, 0, formatError(GIF, Truncated, "GIF local colour table runs past the end")
	}
	// image/gif accepts LZW minimum code sizes 2 to 8; so do we.
	if lzw := data[p]; lzw < 2 || lzw > 8 {
		return gifBlock{}, 0, formatError(GIF, Malformed, fmt.Sprintf("GIF LZW code size %d", lzw))
	}
	end, err := gifSubBlocks(data, p+1, nil)
	if err != nil {
		return gifBlock{}, 0, err
	}
	return gifBlock{kind: gifImage, raw: data[pos:end]}, end, nil
}

// readGIFExtension reads an extension (§23–26): introducer 0x21, a label,
// then data sub-blocks up to a zero-length terminator.
func readGIFExtension(data []byte, pos int) (gifBlock, int, error) {
	if len(data)-pos < 2 {
		return gifBlock{}, 0, formatError(GIF, Truncated, "GIF extension runs past the end")
	}
	b := gifBlock{label: data[pos+1]}
	end, err := gifSubBlocks(data, pos+2, func(s []byte) { b.data = append(b.data, s) })
	if err != nil {
		return gifBlock{}, 0, err
	}
	b.raw = data[pos:end]
	switch b.label {
	case 0xF9:
		// §23: one sub-block of exactly 4 bytes (packed fields, delay time,
		// transparent colour index), as image/gif insists.
		if len(b.data) != 1 || len(b.data[0]) != 4 {
			return gifBlock{}, 0, formatError(GIF, Malformed, "GIF graphic control extension has the wrong size")
		}
		b.kind = gifControl
	case 0xFE:
		b.kind = gifComment
	case 0x01:
		b.kind = gifPlainText
	case 0xFF:
		// §26: an 11-byte sub-block holds the application identifier (8)
		// and authentication code (3); the data sub-blocks follow.
		b.kind = gifApp
		if len(b.data) > 0 && len(b.data[0]) == 11 {
			b.app, b.data = string(b.data[0]), b.data[1:]
		}
	default:
		b.kind = gifUnknown
	}
	return b, end, nil
}

// gifSubBlocks walks data sub-blocks (§15: a size byte, then that many
// bytes) from pos to the block terminator, handing each to each if it is
// not nil, and returns the position after the terminator.
func gifSubBlocks(data []byte, pos int, each func([]byte)) (int, error) {
	for {
		if pos >= len(data) {
			return 0, formatError(GIF, Truncated, "GIF data sub-blocks run past the end")
		}
		n := int(data[pos])
		pos++
		if n == 0 {
			return pos, nil
		}
		if n > len(data)-pos {
			return 0, formatError(GIF, Truncated, "GIF data sub-block runs past the end")
		}
		if each != nil {
			each(data[pos : pos+n])
		}
		pos += n
	}
}

// gifLoop returns the canonical NETSCAPE2.0 loop extension a block stands
// for: the loop count of its sub-block 1 (three bytes: id 1, count
// little-endian) and nothing else. ANIMEXTS1.0 is the same extension.
func gifLoop(b gifBlock) ([]byte, bool) {
	if b.kind != gifApp || (b.app != "NETSCAPE2.0" && b.app != "ANIMEXTS1.0") {
		return nil, false
	}
	for _, s := range b.data {
		if len(s) == 3 && s[0] == 1 {
			return append([]byte("\x21\xFF\x0BNETSCAPE2.0\x03\x01"), s[1], s[2], 0), true
		}
	}
	return nil, false
}

// strip keeps the header, the screen descriptor, the colour tables and the
// image data byte for byte, the graphic control extension of each image
// and one canonical loop extension, and ends with the trailer.
func (gifHandler) strip(data []byte, opt Options) ([]byte, error) {
	f, err := parseGIF(data)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(data))
	out = append(out, f.head...)
	looped := false
	for _, b := range f.blocks {
		switch b.kind {
		case gifImage, gifControl:
			// §23 scopes a graphic control to the next graphic rendering
			// block, plain text included; but image/gif and browsers skip
			// plain text and apply it to the next image. Every control is
			// kept where it was, so the picture shows as it did before.
			out = append(out, b.raw...)
		case gifApp:
			if loop, ok := gifLoop(b); ok && !looped {
				out = append(out, loop...)
				looped = true
			}
		}
	}
	return append(out, 0x3B), nil
}

// verify walks the blocks strictly: images, graphic controls, at most one
// canonical loop extension, the trailer, and nothing after it.
func (gifHandler) verify(data []byte, opt Options) error {
	f, err := parseGIF(data)
	if err != nil {
		return err
	}
	if len(f.tail) > 0 {
		return fmt.Errorf("%w: %d bytes after the GIF trailer", ErrNotClean, len(f.tail))
	}
	loops := 0
	for _, b := range f.blocks {
		switch b.kind {
		case gifImage, gifControl:
			continue
		case gifApp:
			if loop, ok := gifLoop(b); ok && loops == 0 && bytes.Equal(loop, b.raw) {
				loops++
				continue
			}
		}
		return fmt.Errorf("%w: GIF extension 0x%02x (%d bytes)", ErrNotClean, b.label, len(b.raw))
	}
	return nil
}
