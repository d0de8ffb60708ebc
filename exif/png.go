package exif

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
)

// PNG container handling, after the W3C PNG Specification (Third Edition).
// Section numbers in comments ("PNG §5.3") refer to it.

// pngSignature starts every PNG file (PNG §5.2).
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngMaxChunk is the largest chunk length PNG allows (PNG §5.3: 2^31-1).
const pngMaxChunk = 1<<31 - 1

// pngChunk is one chunk as it lies in the file.
type pngChunk struct {
	typ  string // four ASCII letters
	data []byte // the chunk data
	raw  []byte // the whole chunk: length, type, data and CRC
}

// pngFile is a PNG walked from its signature to IEND.
type pngFile struct {
	width, height int
	chunks        []pngChunk // IHDR first, IEND last
	tail          []byte     // bytes after IEND
	animated      bool       // an acTL chunk is present (APNG)
}

// pngHandler cleans PNG and APNG files.
type pngHandler struct{}

func (pngHandler) format() Format { return PNG }

func (pngHandler) about() about { return about{name: "PNG", exts: []string{".png"}} }

// profile inflates the iCCP chunk (PNG §11.3.3.3): a name, a NUL, the
// compression method 0, then zlib data.
func (pngHandler) profile(data []byte) []byte {
	f, err := parsePNG(data)
	if err != nil {
		return nil
	}
	var icc []byte
	for _, c := range f.chunks {
		if _, rest, ok := bytes.Cut(c.data, []byte{0}); c.typ == "iCCP" && ok && len(rest) > 1 && rest[0] == 0 {
			icc, _ = inflateBounded(rest[1:])
		}
	}
	return icc
}

// embedProfile writes icc as an iCCP chunk right after IHDR (PNG §11.3.3.3).
func (pngHandler) embedProfile(data, icc []byte) ([]byte, error) {
	const ihdrEnd = 8 + 8 + 13 + 4 // signature, IHDR header, data, CRC
	if len(data) < ihdrEnd || string(data[12:16]) != "IHDR" {
		return nil, formatError(PNG, Malformed, "png: IHDR is not first")
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(icc) // writes to memory cannot fail
	w.Close()
	out := append([]byte{}, data[:ihdrEnd]...)
	out = appendPNGChunk(out, "iCCP", append(append([]byte{}, pngICCName...), z.Bytes()...))
	return append(out, data[ihdrEnd:]...), nil
}

func (pngHandler) sniff(head []byte) bool { return bytes.HasPrefix(head, pngSignature) }

// parsePNG walks every chunk of data to IEND, checking lengths, CRCs and
// the chunk order the decoder relies on. The image limits are checked as
// soon as IHDR is read, before anything else is looked at.
func parsePNG(data []byte) (*pngFile, error) {
	if !bytes.HasPrefix(data, pngSignature) {
		return nil, formatError(PNG, Malformed, "PNG signature missing")
	}
	f := &pngFile{}
	pos := len(pngSignature)
	idat := 0 // 0: no IDAT yet, 1: inside the IDAT run, 2: after it
	for {
		c, next, err := readPNGChunk(data, pos)
		if err != nil {
			return nil, err
		}
		if len(f.chunks) == 0 && c.typ != "IHDR" {
			return nil, formatError(PNG, Malformed, "PNG does not start with IHDR")
		}
		// PNG §5.6: IDAT chunks are consecutive.
		if c.typ == "IDAT" {
			if idat == 2 {
				return nil, formatError(PNG, Malformed, "PNG IDAT chunks are not consecutive")
			}
			idat = 1
		} else if idat == 1 {
			idat = 2
		}
		switch c.typ {
		case "IHDR":
			if len(f.chunks) > 0 {
				return nil, formatError(PNG, Malformed, "PNG has a second IHDR")
			}
			if f.width, f.height, err = parseIHDR(c.data, len(data)); err != nil {
				return nil, err
			}
		case "PLTE":
			// PNG §11.2.2: 1 to 256 entries of 3 bytes, before IDAT.
			if n := len(c.data); n == 0 || n > 768 || n%3 != 0 || idat != 0 {
				return nil, formatError(PNG, Malformed, "PNG PLTE chunk is malformed or after IDAT")
			}
		case "acTL":
			f.animated = true
		case "IEND":
			if len(c.data) != 0 || idat == 0 {
				return nil, formatError(PNG, Malformed, "PNG IEND is not empty or comes before IDAT")
			}
			f.chunks = append(f.chunks, c)
			f.tail = data[next:]
			return f, nil
		default:
			// PNG §5.4: a lowercase first letter marks an ancillary chunk
			// that may be skipped; an unknown critical one may not.
			if c.typ[0]&0x20 == 0 && c.typ != "IDAT" {
				return nil, refuse(ErrUnsupported, "refused.png_chunk", argText("chunk", string(c.typ)))
			}
		}
		f.chunks = append(f.chunks, c)
		pos = next
	}
}

// readPNGChunk reads the chunk at pos and returns it with the position of
// the next one (PNG §5.3: length, type, data, CRC over type and data).
func readPNGChunk(data []byte, pos int) (pngChunk, int, error) {
	if len(data)-pos < 12 {
		return pngChunk{}, 0, formatError(PNG, Truncated, "PNG ends before IEND").at(pos)
	}
	n := binary.BigEndian.Uint32(data[pos:])
	if n > pngMaxChunk || uint64(n) > uint64(len(data)-pos-12) {
		return pngChunk{}, 0, formatError(PNG, Truncated, fmt.Sprintf("PNG chunk length %d runs past the end of the file", n)).at(pos)
	}
	end := pos + 12 + int(n)
	typ := data[pos+4 : pos+8]
	for _, b := range typ {
		if (b < 'A' || b > 'Z') && (b < 'a' || b > 'z') {
			return pngChunk{}, 0, formatError(PNG, Malformed, "PNG chunk type is not four letters").at(pos)
		}
	}
	if crc32.ChecksumIEEE(data[pos+4:end-4]) != binary.BigEndian.Uint32(data[end-4:]) {
		return pngChunk{}, 0, formatError(PNG, Malformed, fmt.Sprintf("PNG chunk %s has a bad CRC", typ)).at(pos)
	}
	return pngChunk{typ: string(typ), data: data[pos+8 : end-4], raw: data[pos:end]}, end, nil
}

// parseIHDR reads the image size from IHDR (PNG §11.2.1) and checks it
// against the limits, with size the length of the whole file.
func parseIHDR(d []byte, size int) (w, h int, err error) {
	if len(d) != 13 {
		return 0, 0, formatError(PNG, Malformed, "PNG IHDR length is not 13")
	}
	uw, uh := binary.BigEndian.Uint32(d[0:]), binary.BigEndian.Uint32(d[4:])
	if uw > pngMaxChunk || uh > pngMaxChunk {
		return 0, 0, formatError(PNG, Malformed, "PNG width or height over 2^31-1")
	}
	if err := checkLimits(int(uw), int(uh), size); err != nil {
		return 0, 0, err
	}
	// Colour type (d[9]) 0, 2, 3, 4 or 6; compression and filter method 0;
	// interlace 0 or 1 (PNG §11.2.1, Table 11.1).
	if ct := d[9]; ct > 6 || ct == 1 || ct == 5 || d[10] != 0 || d[11] != 0 || d[12] > 1 {
		return 0, 0, formatError(PNG, Malformed, "PNG IHDR has an unknown colour type or method")
	}
	return int(uw), int(uh), nil
}

// pngKeep reports whether chunk c may stay in a clean file: the keep-list
// of docs/ARCHITECTURE.md, no more (cICP, mDCV and cLLI are not on it, so an HDR PNG
// loses its colour signalling). Kept ancillary chunks must have their exact length (PNG
// §11.3), so no data can ride along inside an oversized gAMA or sRGB.
func pngKeep(c pngChunk, animated bool, opt Options) bool {
	n := len(c.data)
	switch c.typ {
	case "IHDR", "PLTE", "IDAT", "IEND": // checked by parsePNG
		return true
	case "tRNS": // at most one alpha per palette entry
		return n <= 256
	case "gAMA":
		return n == 4
	case "cHRM":
		return n == 32
	case "sRGB":
		return n == 1
	case "sBIT": // one to four significant-bit counts
		return n >= 1 && n <= 4
	case "iCCP": // kept unless the person drops it, under a neutral name, without words
		return !opt.DropICC && bytes.HasPrefix(c.data, pngICCName) && pngICCNeutral(c.data)
	case "acTL": // APNG animation control
		return animated && n == 8
	case "fcTL": // APNG frame control
		return animated && n == 26
	case "fdAT": // APNG sequence number and frame data
		return animated && n >= 4
	}
	return false
}

func (pngHandler) inspect(data []byte) (*Info, error) {
	f, err := parsePNG(data)
	if err != nil {
		return nil, err
	}
	info := &Info{Format: PNG, Width: f.width, Height: f.height, Orientation: pngOrientation(f), Animated: f.animated}
	var notes []pngNote // read together: ImageMagick spreads one EXIF block over many
	for _, c := range f.chunks {
		switch c.typ {
		case "tEXt", "zTXt", "iTXt":
			notes = append(notes, readPNGNote(c, "PNG "+c.typ+" chunk"))
		default:
			info.Findings = append(info.Findings, pngFindings(c, f.animated)...)
		}
	}
	info.Findings = append(info.Findings, pngNoteFindings(notes)...)
	if len(f.tail) > 0 {
		info.Findings = append(info.Findings, trailerFinding(f.tail, "after the end of the PNG (IEND)"))
	}
	return info, nil
}

// pngOrientation is the orientation of the first eXIf chunk (PNG §11.3
// eXIf allows one), or 1. ImageMagick's "Raw profile type exif" text is not
// used: viewers do not turn a PNG by it, so neither does Veil.
func pngOrientation(f *pngFile) int {
	for _, c := range f.chunks {
		if c.typ == "eXIf" {
			// A damaged block still gives IFD0's orientation (see
			// exifFindings).
			_, o, _ := exifFindings(trimExifPrefix(c.data), "PNG eXIf chunk")
			if o < 1 || o > 8 {
				return 1
			}
			return o
		}
	}
	return 1
}

// trimExifPrefix removes the "Exif\0\0" header that PNG §11.3 (eXIf) forbids
// but some writers put in front of the TIFF structure anyway.
func trimExifPrefix(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("Exif\x00\x00"))
}

// strip keeps the chunks of the keep-list byte for byte, with their
// original CRCs (iCCP gets a neutral name and a new CRC), drops everything
// else and everything after IEND, and
// writes an Orientation-only eXIf right after IHDR (so before the first
// IDAT and any fcTL) when the orientation is not 1.
func (pngHandler) strip(data []byte, opt Options) ([]byte, error) {
	f, err := parsePNG(data)
	if err != nil {
		return nil, err
	}
	o := pngOrientation(f)
	out := make([]byte, 0, len(data))
	out = append(out, pngSignature...)
	for _, c := range f.chunks {
		if c.typ == "iCCP" {
			c = pngRenameICCP(c)
		}
		if !pngKeep(c, f.animated, opt) {
			continue
		}
		out = append(out, c.raw...)
		if c.typ == "IHDR" && o != 1 {
			tiff := orientationEXIF(o)
			if len(tiff) == 0 {
				return nil, fmt.Errorf("exif: cannot write orientation %d", o)
			}
			out = appendPNGChunk(out, "eXIf", tiff)
		}
	}
	return out, nil
}

// pngICCName is the profile name a clean iCCP carries (PNG §11.3 iCCP:
// name, NUL, compression method 0): the original name is free text that a
// person or their tools chose, so it is replaced. The profile itself loses
// its words too (neutralICC); when it had none, its compressed bytes are
// kept as they are, so that stripping twice changes nothing.
var pngICCName = []byte("ICC profile\x00\x00")

// pngRenameICCP rewrites an iCCP chunk under pngICCName with a neutral
// profile and a fresh CRC. A malformed one comes back unchanged, and
// pngKeep drops it.
func pngRenameICCP(c pngChunk) pngChunk {
	name, rest, ok := bytes.Cut(c.data, []byte{0})
	if !ok || len(name) == 0 || len(name) > 79 || len(rest) < 2 || rest[0] != 0 {
		return c
	}
	z := rest[1:]
	icc, err := inflateBounded(z)
	if err != nil {
		return c
	}
	n, err := neutralICC(icc)
	if err != nil {
		return c
	}
	if !bytes.Equal(n, icc) {
		var buf bytes.Buffer
		w := zlib.NewWriter(&buf)
		w.Write(n) // writes to memory cannot fail
		w.Close()
		z = buf.Bytes()
	}
	d := append(append([]byte{}, pngICCName...), z...)
	raw := appendPNGChunk(nil, "iCCP", d)
	return pngChunk{typ: "iCCP", data: raw[8 : len(raw)-4], raw: raw}
}

// pngICCNeutral reports whether an iCCP chunk's profile holds no words.
func pngICCNeutral(d []byte) bool {
	_, rest, ok := bytes.Cut(d, []byte{0})
	if !ok || len(rest) < 2 {
		return false
	}
	icc, err := inflateBounded(rest[1:])
	return err == nil && iccNeutral(icc)
}

// appendPNGChunk appends a chunk with a freshly computed CRC (PNG §5.3).
func appendPNGChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// verify walks the chunks strictly: only the keep-list, at most one eXIf
// holding nothing but the orientation, no iCCP when DropICC, and nothing
// after IEND.
func (pngHandler) verify(data []byte, opt Options) error {
	f, err := parsePNG(data)
	if err != nil {
		return err
	}
	if len(f.tail) > 0 {
		return fmt.Errorf("%w: %d bytes after the end of the PNG", ErrNotClean, len(f.tail))
	}
	exifs := 0
	for _, c := range f.chunks {
		if c.typ == "eXIf" {
			if _, ok := orientationOnly(c.data); ok && exifs == 0 {
				exifs++
				continue
			}
			return fmt.Errorf("%w: PNG eXIf chunk holds more than the orientation", ErrNotClean)
		}
		if !pngKeep(c, f.animated, opt) {
			return fmt.Errorf("%w: PNG chunk %s (%d bytes)", ErrNotClean, c.typ, len(c.data))
		}
	}
	return nil
}
