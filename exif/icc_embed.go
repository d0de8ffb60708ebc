package exif

import (
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
	p, ok := h.(profiler)
	if !ok {
		return nil
	}
	n, err := neutralICC(p.profile(data))
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
	h, err := find(data)
	if err != nil {
		return nil, err
	}
	if e, ok := h.(embedder); ok {
		return e.embedProfile(data, icc)
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
