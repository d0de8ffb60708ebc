package exif

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
)

// When the pixels of a photo are edited, Veil encodes a fresh image. The
// colour profile of the original travels with it (unless the person drops
// profiles), without its words, so that an iPhone's Display P3 photo keeps
// its colours: Profile reads it, EmbedProfile writes it.

// Profile returns the colour profile a file carries, neutralized (see
// neutralICC), or nil when it has none or it cannot be read.
func Profile(data []byte) []byte {
	h, err := find(data)
	if err != nil {
		return nil
	}
	var icc []byte
	switch h.format() {
	case JPEG:
		if f, err := scanJPEG(data); err == nil {
			if chunks, ok := iccChunks(f.segs); ok {
				icc = bytes.Join(chunks, nil)
			}
		}
	case PNG:
		if f, err := parsePNG(data); err == nil {
			for _, c := range f.chunks {
				if _, rest, ok := bytes.Cut(c.data, []byte{0}); c.typ == "iCCP" && ok && len(rest) > 1 && rest[0] == 0 {
					icc, _ = inflateBounded(rest[1:])
				}
			}
		}
	case WebP:
		if f, _, err := inspectWebP(data); err == nil && f.extended {
			_ = walkChunks(f.body, func(c riffChunk) error {
				if c.id == "ICCP" {
					icc = c.data
				}
				return nil
			})
		}
	case HEIC, AVIF:
		if f, err := parseHEIC(data); err == nil && f.meta != nil {
			m := f.meta
			if it := m.items[m.primary]; it == nil {
				break
			}
			if b, ok := m.prop(m.items[m.primary], "colr"); ok && len(b.data) > 4 &&
				(string(b.data[:4]) == "prof" || string(b.data[:4]) == "rICC") {
				icc = b.data[4:]
			}
		}
	}
	n, err := neutralICC(icc)
	if err != nil {
		return nil
	}
	return n
}

// maxICCChunk is the most profile data one APP2 segment holds: 65535 less
// the length field and the 14-byte "ICC_PROFILE\0" + sequence header.
const maxICCChunk = 65535 - 2 - 14

// EmbedProfile returns a JPEG, PNG or WebP that Veil has just encoded
// (with no metadata of its own) with icc added: as APP2 ICC_PROFILE
// segments right after SOI (ICC.1 Annex B.4), as an iCCP chunk right after
// IHDR (PNG §11.3.3.3), or as an ICCP chunk right after a VP8X chunk whose
// ICC flag is set (WebP container spec, "Extended File Format"; a simple
// file becomes an extended one). Other formats and an empty icc come back
// unchanged.
func EmbedProfile(data []byte, icc []byte) ([]byte, error) {
	if len(icc) == 0 {
		return data, nil
	}
	f, err := Sniff(data)
	if err != nil {
		return nil, err
	}
	switch f {
	case JPEG:
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
	case PNG:
		const ihdrEnd = 8 + 8 + 13 + 4 // signature, IHDR header, data, CRC
		if len(data) < ihdrEnd || string(data[12:16]) != "IHDR" {
			return nil, formatError("", Malformed, "png: IHDR is not first")
		}
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(icc) // writes to memory cannot fail
		w.Close()
		out := append([]byte{}, data[:ihdrEnd]...)
		out = appendPNGChunk(out, "iCCP", append(append([]byte{}, pngICCName...), z.Bytes()...))
		return append(out, data[ihdrEnd:]...), nil
	case WebP:
		return embedWebPProfile(data, icc)
	}
	return data, nil
}

// embedWebPProfile writes RIFF, VP8X with the ICC flag, ICCP, then the
// image and any other chunks as they were. A simple file's VP8X gets the
// canvas size of its bitstream and, for lossless, its alpha_is_used bit
// (VP8L spec §3.2, "Header").
func embedWebPProfile(data, icc []byte) ([]byte, error) {
	f, _, err := inspectWebP(data)
	if err != nil {
		return nil, err
	}
	out := append([]byte{}, "RIFF\x00\x00\x00\x00WEBP"...)
	if f.extended {
		if f.flags&webpICCBit != 0 {
			return nil, formatError("", Malformed, "WebP: the encoded image already has a colour profile")
		}
		out = appendChunk(out, "VP8X", append([]byte{f.flags | webpICCBit}, f.vp8x.data[1:]...))
		out = appendChunk(out, "ICCP", icc)
		return finishRIFF(append(out, f.body...))
	}
	if f.width < 1 || f.height < 1 || f.width > 1<<24 || f.height > 1<<24 {
		return nil, formatError("", Malformed, fmt.Sprintf("WebP: canvas %d×%d", f.width, f.height))
	}
	flags := byte(webpICCBit)
	if d := f.image.data; f.image.id == "VP8L" && len(d) >= 5 && binary.LittleEndian.Uint32(d[1:5])>>28&1 == 1 {
		flags |= webpAlphaBit
	}
	vp8x := []byte{flags, 0, 0, 0,
		byte(f.width - 1), byte((f.width - 1) >> 8), byte((f.width - 1) >> 16),
		byte(f.height - 1), byte((f.height - 1) >> 8), byte((f.height - 1) >> 16)}
	out = appendChunk(out, "VP8X", vp8x)
	out = appendChunk(out, "ICCP", icc)
	out = appendChunk(out, f.image.id, f.image.data)
	return finishRIFF(append(out, f.body...))
}
