package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
)

// Where findings in a WebP file were found.
const (
	webpWhereEXIF    = "WebP EXIF chunk"
	webpWhereXMP     = "WebP XMP chunk"
	webpWhereICC     = "WebP ICCP chunk"
	webpWhereFrame   = "WebP animation frame"
	webpWhereTrailer = "after the end of the WebP data"
)

// inspect lists what a WebP file gives away. The orientation comes from the
// first EXIF chunk of an extended file. Deliberate leniency: a simple file
// (no VP8X) cannot carry EXIF ("Simple File Format") and decoders ignore any chunk
// after its image, so its orientation is 1 and stray chunks are only listed.
func (webpHandler) inspect(data []byte) (*Info, error) {
	_, info, err := inspectWebP(data)
	return info, err
}

func inspectWebP(data []byte) (*webpFile, *Info, error) {
	f, err := parseWebP(data)
	if err != nil {
		return nil, nil, err
	}
	info := &Info{Format: WebP, Width: f.width, Height: f.height, Orientation: 1, Animated: f.animated()}
	l := webpLister{info: info, extended: f.extended}
	err = walkChunks(f.body, func(c riffChunk) error {
		if !f.extended {
			l.metadata(c, "WebP "+fourCC(c.id)+" chunk after the image")
			return nil
		}
		switch c.id {
		case "ANIM", "ALPH", "VP8 ", "VP8L":
		case "ICCP":
			f := say(Other, "other.colour_profile_unnamed_size", webpWhereICC, argCount("count", len(c.data)))
			if desc := iccDescription(c.data); desc != "" {
				f = textFinding(Other, "other.colour_profile", desc, webpWhereICC)
			}
			info.Findings = append(info.Findings, f)
		case "ANMF":
			// checkFrame has checked the 16-byte header is there.
			return walkChunks(c.data[16:], func(s riffChunk) error {
				if s.id != "ALPH" && s.id != "VP8 " && s.id != "VP8L" {
					l.metadata(s, webpWhereFrame)
				}
				return nil
			})
		default:
			l.metadata(c, "")
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	l.finish()
	if len(f.tail) > 0 {
		info.Findings = append(info.Findings, trailerFinding(f.tail, webpWhereTrailer))
	}
	return f, info, nil
}

// webpLister turns metadata chunks into findings, at most webpMaxListed of
// them one by one and the rest as a count.
type webpLister struct {
	info      *Info
	extended  bool
	listed    int
	unlisted  int
	orientSet bool
}

// metadata lists an EXIF, XMP or unknown chunk. where overrides the place
// named in the finding; "" means the chunk's own name.
func (l *webpLister) metadata(c riffChunk, where string) {
	orient := c.id == "EXIF" && where == "" && l.extended && !l.orientSet
	if l.listed >= webpMaxListed && !orient {
		l.unlisted++
		return
	}
	l.listed++
	switch c.id {
	case "EXIF":
		if where == "" {
			where = webpWhereEXIF
		}
		l.exif(c.data, where, orient)
	case "XMP ":
		if where == "" {
			where = webpWhereXMP
		}
		l.info.Findings = append(l.info.Findings, xmpFindings(c.data, where)...)
	default:
		if where == "" {
			where = "WebP " + fourCC(c.id) + " chunk"
		}
		l.info.Findings = append(l.info.Findings, textFinding(Other, "other.webp_chunk", fourCC(c.id), where, argCount("count", len(c.data))))
	}
}

// exif lists an EXIF payload. Writers disagree on whether the chunk starts
// with the JPEG-style "Exif\0\0" prefix (the spec says it does not), so a
// prefix is skipped. Deliberate leniency: EXIF that cannot be read is listed
// as such rather than refused, since it is dropped either way; its
// orientation is then IFD0's own (see exifFindings). orient says whether
// this block sets the orientation.
func (l *webpLister) exif(p []byte, where string, orient bool) {
	if orient {
		l.orientSet = true
	}
	p = bytes.TrimPrefix(p, []byte("Exif\x00\x00"))
	fs, o, err := exifFindings(p, where)
	if err != nil {
		fs = []Finding{say(Other, "other.camera_exif_unreadable", where, argCount("count", len(p)))}
	}
	l.info.Findings = append(l.info.Findings, fs...)
	if orient && o >= 1 && o <= 8 {
		l.info.Orientation = o
	}
}

func (l *webpLister) finish() {
	if l.unlisted > 0 {
		l.info.Findings = append(l.info.Findings, say(Other, "other.more_chunks", "WebP file", argCount("count", l.unlisted)))
	}
}

// fourCC shows a chunk name safely: printable ASCII as is, anything else
// quoted.
func fourCC(id string) string {
	for i := 0; i < len(id); i++ {
		if id[i] < 0x20 || id[i] > 0x7e {
			return fmt.Sprintf("%q", id)
		}
	}
	return `"` + id + `"`
}

// strip writes the keep-list in the order of the spec's "Extended
// File Format": VP8X (flags
// rewritten), ICCP unless dropped, ANIM, ANMF frames (cleaned) or ALPH and
// VP8/VP8L, then an Orientation-only EXIF when the orientation is not 1.
// A simple file stays simple: its image chunk alone.
func (webpHandler) strip(data []byte, opt Options) ([]byte, error) {
	f, info, err := inspectWebP(data)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(data)+64)
	out = append(out, "RIFF\x00\x00\x00\x00WEBP"...)
	if !f.extended {
		return finishRIFF(appendChunk(out, f.image.id, f.image.data))
	}
	// VP8X: flags patched below, reserved bytes zero, canvas size as is.
	out = appendChunk(out, "VP8X", append([]byte{0, 0, 0, 0}, f.vp8x.data[4:10]...))
	flags := f.flags & (webpAlphaBit | webpAnimBit)
	err = walkChunks(f.body, func(c riffChunk) error {
		switch c.id {
		case "ICCP":
			// An ICCP without the flag is not used by decoders: dropped.
			// A kept profile loses its words (neutralICC); one that
			// cannot be parsed is dropped.
			if !opt.DropICC && f.flags&webpICCBit != 0 {
				if icc, err := neutralICC(c.data); err == nil {
					out = appendChunk(out, c.id, icc)
					flags |= webpICCBit
				}
			}
		case "ANIM", "ALPH", "VP8 ", "VP8L":
			out = appendChunk(out, c.id, c.data)
		case "ANMF":
			out = appendChunk(out, c.id, cleanFrame(c.data))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if info.Orientation != 1 {
		tiff := orientationEXIF(info.Orientation)
		if len(tiff) == 0 {
			return nil, fmt.Errorf("exif: no orientation block for orientation %d", info.Orientation)
		}
		out = appendChunk(out, "EXIF", tiff)
		flags |= webpEXIFBit
	}
	out[20] = flags // 12-byte RIFF header, 8-byte VP8X chunk header
	return finishRIFF(out)
}

// cleanFrame returns an ANMF payload with its reserved bits zero and only
// its ALPH, VP8 and VP8L sub-chunks. checkFrame has already passed.
func cleanFrame(p []byte) []byte {
	out := append([]byte(nil), p[:16]...)
	out[15] &= 0x03 // six reserved bits; keep blending and disposal
	_ = walkChunks(p[16:], func(s riffChunk) error {
		if s.id == "ALPH" || s.id == "VP8 " || s.id == "VP8L" {
			out = appendChunk(out, s.id, s.data)
		}
		return nil
	})
	return out
}

// appendChunk appends a chunk with a zero padding byte when needed.
func appendChunk(out []byte, id string, data []byte) []byte {
	out = append(out, id...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(data)))
	out = append(out, data...)
	if len(data)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

// finishRIFF writes the RIFF size (container spec, "RIFF Header").
func finishRIFF(out []byte) ([]byte, error) {
	if len(out)-8 > math.MaxUint32 {
		return nil, refuse(ErrTooLarge, "toolarge.webp_output")
	}
	binary.LittleEndian.PutUint32(out[4:8], uint32(len(out)-8))
	return out, nil
}

// verify walks a file strictly: nothing after the RIFF payload, zero
// padding and reserved bits, only keep-list chunks, at most one EXIF chunk
// holding only the orientation, and VP8X flags that agree with the chunks.
func (webpHandler) verify(data []byte, opt Options) error {
	f, err := parseWebP(data)
	if err != nil {
		return err
	}
	if len(f.tail) > 0 {
		return fmt.Errorf("%w: %d bytes after the WebP data", ErrNotClean, len(f.tail))
	}
	if !f.extended {
		if len(f.body) > 0 {
			return fmt.Errorf("%w: chunks after the WebP image", ErrNotClean)
		}
		return zeroPad(f.image)
	}
	v := f.vp8x.data
	if f.flags&(webpReservedBits|webpXMPBit) != 0 || v[1]|v[2]|v[3] != 0 {
		return fmt.Errorf("%w: WebP VP8X reserved or XMP flags set", ErrNotClean)
	}
	var iccp, exif bool
	err = walkChunks(f.body, func(c riffChunk) error {
		switch c.id {
		case "ICCP":
			if opt.DropICC {
				return fmt.Errorf("%w: WebP colour profile", ErrNotClean)
			}
			if !iccNeutral(c.data) {
				return fmt.Errorf("%w: WebP colour profile holds text or private tags", ErrNotClean)
			}
			iccp = true
		case "ANIM", "ALPH", "VP8 ", "VP8L":
		case "ANMF":
			if err := verifyFrame(c.data); err != nil {
				return err
			}
		case "EXIF":
			if _, ok := orientationOnly(c.data); exif || !ok {
				return fmt.Errorf("%w: WebP EXIF chunk holds more than the orientation", ErrNotClean)
			}
			exif = true
		default:
			return fmt.Errorf("%w: WebP %s chunk", ErrNotClean, fourCC(c.id))
		}
		return zeroPad(c)
	})
	if err != nil {
		return err
	}
	if iccp != (f.flags&webpICCBit != 0) || exif != (f.flags&webpEXIFBit != 0) {
		return fmt.Errorf("%w: WebP VP8X flags disagree with the chunks", ErrNotClean)
	}
	return nil
}

// verifyFrame checks that an ANMF payload holds only ALPH, VP8 and VP8L
// sub-chunks, with zero reserved bits and padding.
func verifyFrame(p []byte) error {
	if p[15]&^0x03 != 0 {
		return fmt.Errorf("%w: WebP ANMF reserved bits set", ErrNotClean)
	}
	return walkChunks(p[16:], func(s riffChunk) error {
		if s.id != "ALPH" && s.id != "VP8 " && s.id != "VP8L" {
			return fmt.Errorf("%w: WebP %s chunk in an animation frame", ErrNotClean, fourCC(s.id))
		}
		return zeroPad(s)
	})
}

// zeroPad fails when a chunk's padding byte is not zero: even one byte is
// a place to hide something.
func zeroPad(c riffChunk) error {
	if len(c.pad) > 0 && c.pad[0] != 0 {
		return fmt.Errorf("%w: WebP %s chunk padding is not zero", ErrNotClean, fourCC(c.id))
	}
	return nil
}
