package app

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"

	"golang.org/x/image/webp"
)

// WebP pixels, after the WebP container specification ("RIFF File
// Format", "Extended File Format", "Animation"). golang.org/x/image/webp
// decodes a still WebP but refuses an animation; the first frame of an
// animation is cut out of its ANMF chunk here and handed to it as a still
// WebP of its own. Every size below comes from the file: each is checked
// before it is used.

var (
	errWebPChunk = errors.New("webp: chunk longer than the file")
	errWebPFrame = errors.New("webp: the animation's first frame is missing or malformed")
)

// webpAnimBit is the animation flag of the VP8X chunk ("Extended File
// Format": Reserved 2 bits, ICC, Alpha, EXIF, XMP, Animation, Reserved).
const webpAnimBit = 1 << 1

// webpChunk is one RIFF chunk: its FourCC and payload (padding excluded).
type webpChunk struct {
	id   string
	data []byte
}

// webpFrame is an ANMF chunk's first frame: its place on the canvas and
// the chunks that hold its picture.
type webpFrame struct {
	at          image.Point
	size        image.Point
	alph, image *webpChunk // alph is nil when the frame has none
}

// decodeWebP reads a WebP's picture: a still one as it is, an animation's
// first frame on its canvas.
func decodeWebP(data []byte) (image.Image, error) {
	canvas, frame, animated, err := parseWebPAnimation(data)
	if err != nil {
		return nil, err
	}
	if !animated {
		return webp.Decode(bytes.NewReader(data))
	}
	img, err := webp.Decode(bytes.NewReader(frame.still()))
	if err != nil {
		return nil, err
	}
	if img.Bounds() != (image.Rectangle{Max: frame.size}) {
		return nil, errWebPFrame // the bitstream disagrees with ANMF
	}
	return onCanvas(img, frame.at, canvas), nil
}

// parseWebPAnimation reads the canvas size and the first frame of an
// animated WebP. animated is false for any other WebP (simple, or
// extended without the animation flag), which is left to x/image/webp.
func parseWebPAnimation(data []byte) (canvas image.Point, first webpFrame, animated bool, err error) {
	// The RIFF header (12 bytes), then the VP8X chunk's header (8) and
	// its flags: anything else is x/image/webp's to read or refuse.
	if len(data) < 21 || string(data[12:16]) != "VP8X" || data[20]&webpAnimBit == 0 {
		return canvas, first, false, nil
	}
	chunks, err := webpChunks(data)
	if err != nil {
		return canvas, first, true, err
	}
	if len(chunks) == 0 || chunks[0].id != "VP8X" || len(chunks[0].data) < 10 {
		return canvas, first, true, errWebPChunk // the RIFF size ends before it
	}
	x := chunks[0].data
	// VP8X: flags (1 byte), reserved (3), canvas width and height minus
	// one (24 bits each).
	canvas = image.Pt(u24(x[4:7])+1, u24(x[7:10])+1)
	for _, c := range chunks[1:] {
		if c.id == "ANMF" {
			first, err = parseWebPFrame(c.data, canvas)
			return canvas, first, true, err
		}
	}
	return canvas, first, true, errWebPFrame
}

// parseWebPFrame reads an ANMF payload: X/2, Y/2, width minus one, height
// minus one, duration (24 bits each), one byte of flags, then the frame's
// chunks: an optional ALPH and one VP8, or one VP8L. Unknown chunks are
// skipped, as the specification allows.
func parseWebPFrame(p []byte, canvas image.Point) (webpFrame, error) {
	if len(p) < 16 {
		return webpFrame{}, errWebPFrame
	}
	f := webpFrame{
		at:   image.Pt(2*u24(p[0:3]), 2*u24(p[3:6])),
		size: image.Pt(u24(p[6:9])+1, u24(p[9:12])+1),
	}
	if f.at.X+f.size.X > canvas.X || f.at.Y+f.size.Y > canvas.Y {
		return webpFrame{}, errWebPFrame // outside the canvas
	}
	chunks, err := walkWebPChunks(p[16:])
	if err != nil {
		return webpFrame{}, err
	}
	for i := range chunks {
		switch c := &chunks[i]; c.id {
		case "ALPH":
			if f.alph == nil {
				f.alph = c
			}
		case "VP8 ", "VP8L":
			f.image = c
			return f, f.check()
		}
	}
	return webpFrame{}, errWebPFrame
}

// check refuses an ALPH beside a VP8L: the lossless bitstream carries its
// own alpha, and a decoder would not know which to believe.
func (f webpFrame) check() error {
	if f.alph != nil && f.image.id == "VP8L" {
		return errWebPFrame
	}
	return nil
}

// still is the frame as a still WebP: the bitstream alone ("Simple File
// Format"), or, with an ALPH, behind a VP8X with the alpha flag and the
// frame's size ("Extended File Format").
func (f webpFrame) still() []byte {
	var body bytes.Buffer
	body.WriteString("WEBP")
	if f.alph != nil {
		x := make([]byte, 10)
		x[0] = 1 << 4 // alpha
		putU24(x[4:7], f.size.X-1)
		putU24(x[7:10], f.size.Y-1)
		writeWebPChunk(&body, "VP8X", x)
		writeWebPChunk(&body, "ALPH", f.alph.data)
	}
	writeWebPChunk(&body, f.image.id, f.image.data)
	out := make([]byte, 8, 8+body.Len())
	copy(out, "RIFF")
	binary.LittleEndian.PutUint32(out[4:8], uint32(body.Len()))
	return append(out, body.Bytes()...)
}

// webpChunks checks the RIFF header ("RIFF", size, "WEBP") and walks the
// chunks the size covers. Bytes after them are ignored, as exif's
// keep-list drops them.
func webpChunks(data []byte) ([]webpChunk, error) {
	if len(data) < 12 || string(data[0:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errors.New("webp: not a WebP file")
	}
	size := uint64(binary.LittleEndian.Uint32(data[4:8]))
	if size < 4 || size > uint64(len(data)-8) {
		return nil, errWebPChunk
	}
	return walkWebPChunks(data[12 : 8+size])
}

// walkWebPChunks splits b into chunks: FourCC, little-endian length, the
// payload and one byte of padding when the length is odd. The padding of
// the last chunk may be missing.
func walkWebPChunks(b []byte) ([]webpChunk, error) {
	var cs []webpChunk
	for len(b) > 0 {
		if len(b) < 8 {
			return nil, errWebPChunk
		}
		n := uint64(binary.LittleEndian.Uint32(b[4:8]))
		if n > uint64(len(b)-8) {
			return nil, errWebPChunk
		}
		cs = append(cs, webpChunk{id: string(b[0:4]), data: b[8 : 8+n]})
		b = b[8+n:]
		if n%2 == 1 && len(b) > 0 {
			b = b[1:]
		}
	}
	return cs, nil
}

// writeWebPChunk writes one chunk with its padding byte.
func writeWebPChunk(w *bytes.Buffer, id string, data []byte) {
	var head [8]byte
	copy(head[:4], id)
	binary.LittleEndian.PutUint32(head[4:], uint32(len(data)))
	w.Write(head[:])
	w.Write(data)
	if len(data)%2 == 1 {
		w.WriteByte(0)
	}
}

func u24(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 }

func putU24(b []byte, v int) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }
