package exif

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// The video formats Veil cleans: ISO base media files (ISO/IEC 14496-12)
// and the QuickTime movies they grew from. MP4 covers M4V and 3GP too:
// they differ in brand, not in structure.
const (
	MOV Format = "MOV"
	MP4 Format = "MP4"
)

// IsVideo reports whether f is a video format. Videos are never read into
// memory: callers use InspectVideo, StripVideo and VerifyVideo on the open
// file instead of Inspect, StripParts and Verify on its bytes.
func IsVideo(f Format) bool { return f == MOV || f == MP4 }

// errFragmented refuses fragmented files (§8.8: movie fragments, the
// streaming form): their sample tables are spread over the file in moof
// boxes that this handler does not rewrite.
var errFragmented = refuse(ErrUnsupported, "refused.video_fragmented")

// videoFile is a video walked to its true end.
type videoFile struct {
	r       io.ReaderAt
	size    int64
	format  Format
	ftyp    []byte    // the ftyp payload; nil when there is none
	moov    bmffBox   // the movie box
	movie   []byte    // its payload, read whole
	mdat    []bmffBox // the media data boxes, in file order
	dropped []bmffBox // every other top-level box
	tail    int64     // where the bytes after the last box start; size when none

	m *movie // the parsed movie box
}

// videoBrands are the ftyp brands of the video files Veil cleans (the
// registered brands of ISO/IEC 14496-12, 14496-14, 14496-15, 3GPP TS
// 26.244, QuickTime and Apple's M4V). A file is a video when its major
// brand is one of them, or when a compatible brand is and the major brand
// is not an image's (HEIF and AVIF are sniffed before videos).
var videoBrands = map[string]bool{
	"isom": true, "iso2": true, "iso3": true, "iso4": true, "iso5": true, "iso6": true, "iso7": true,
	"iso8": true, "iso9": true, "mp41": true, "mp42": true, "mp71": true, "avc1": true, "hvc1": true,
	"hev1": true, "av01": true, "qt  ": true, "M4V ": true, "M4VH": true, "M4VP": true, "3gp4": true,
	"3gp5": true, "3gp6": true, "3gp7": true, "3gp8": true, "3gp9": true, "3g2a": true, "3g2b": true,
	"3g2c": true, "3ge6": true, "3ge7": true, "3gg6": true, "MSNV": true, "XAVC": true, "mmp4": true,
	"dby1": true, "CAEP": true, "caqv": true, "ndas": true, "MQT ": true, "f4v ": true,
}

// imageBrands are major brands of still images in the same container
// (HEIF, AVIF): never a video, whatever their compatible brands say.
var imageBrands = map[string]bool{
	"heic": true, "heix": true, "heim": true, "heis": true, "hevc": true, "hevx": true, "mif1": true,
	"msf1": true, "avif": true, "avis": true, "avio": true, "jpeg": true, "jpgs": true,
}

// videoFormat names a video by its head: MOV for QuickTime (major brand
// "qt  ", or no ftyp at all), MP4 for the rest.
func videoFormat(head []byte) Format {
	if len(head) >= 12 && string(head[4:8]) == "ftyp" && string(head[8:12]) != "qt  " {
		return MP4
	}
	return MOV
}

// videoFirstBoxes are the top-level boxes a QuickTime movie without an ftyp
// box may start with.
var videoFirstBoxes = map[string]bool{"moov": true, "mdat": true, "wide": true, "free": true, "skip": true}

// videoHandler is ISO-BMFF and QuickTime video, for callers that hold the
// file in memory (tests, the fuzzer, Strip on bytes). The app streams
// videos through InspectVideo, StripVideo and VerifyVideo instead.
type videoHandler struct{}

func (videoHandler) format() Format { return MP4 }

// about: M4V and 3GP files are named MP4 (see videoFormat).
func (videoHandler) about() about {
	return about{name: "MOV, MP4", formats: []Format{MP4, MOV},
		exts: []string{".mp4", ".mov", ".m4v", ".3gp", ".3g2", ".qt"}}
}

// formatOf names a video MOV or MP4 by its head.
func (videoHandler) formatOf(head []byte) Format { return videoFormat(head) }

// sniff accepts an ftyp box (§4.3) with a video brand, or a file whose
// first box is one a QuickTime movie starts with.
func (videoHandler) sniff(head []byte) bool {
	if len(head) < 8 {
		return false
	}
	if string(head[4:8]) != "ftyp" {
		return videoFirstBoxes[string(head[4:8])]
	}
	if len(head) < 12 || imageBrands[string(head[8:12])] {
		return false
	}
	if videoBrands[string(head[8:12])] {
		return true
	}
	for i := 16; i+4 <= len(head) && i+4 <= int(binary.BigEndian.Uint32(head)); i += 4 {
		if videoBrands[string(head[i:i+4])] {
			return true
		}
	}
	return false
}

func (videoHandler) inspect(data []byte) (*Info, error) {
	return InspectVideo(bytes.NewReader(data), int64(len(data)))
}

func (videoHandler) strip(data []byte, opt Options) ([]byte, error) {
	r := bytes.NewReader(data)
	info, err := InspectVideo(r, int64(len(data)))
	if err != nil {
		return nil, err
	}
	plan, err := StripVideo(r, int64(len(data)), info, opt)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if _, err := plan.WriteTo(&out, r); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func (videoHandler) verify(data []byte, opt Options) error {
	return VerifyVideo(bytes.NewReader(data), int64(len(data)), opt)
}

// InspectVideo lists what a video gives away. It reads the box headers to
// the end of the file and the movie box, never the media data, and fails
// on anything it cannot parse: a cut or damaged file, a fragmented one.
func InspectVideo(r io.ReaderAt, size int64) (*Info, error) {
	v, err := parseVideo(r, size)
	if err != nil {
		return nil, err
	}
	w, h := v.m.uprightSize()
	if err := checkLimits(w, h, 0); err != nil {
		return nil, err
	}
	info := &Info{Format: v.format, Width: w, Height: h, Orientation: 1, parsed: v}
	info.Findings = slices.CompactFunc(cleanFindings(v.findings()), sameWords) // sorted: repeats are neighbours
	return info, nil
}

// parseVideo walks the top-level boxes to the end of the file and parses
// the movie box.
func parseVideo(r io.ReaderAt, size int64) (*videoFile, error) {
	v := &videoFile{r: r, size: size, tail: size, format: MOV}
	for off := int64(0); off < size; {
		b, err := bmffHeader(r, off, size)
		if err != nil && !errors.As(err, new(FormatError)) {
			return nil, err // a read error, not a malformed box
		}
		if err != nil || !bmffTypeLike(b.typ) {
			// Not a box that fits: bytes after the last box. A box cut
			// short lands here too; what it held then lies outside the
			// file, which the sample-table check refuses.
			v.tail = off
			break
		}
		if err := v.top(b); err != nil {
			return nil, err
		}
		off = b.end()
	}
	if v.movie == nil {
		if v.tail < size {
			return nil, formatError("", Truncated, "video damaged or cut short: no complete movie (moov) box")
		}
		return nil, formatError("", Malformed, "video without a movie (moov) box")
	}
	m, err := parseMovie(v.movie)
	if err != nil {
		return nil, err
	}
	v.m = m
	return v, m.checkChunks(v.mdat)
}

// top takes one top-level box: ftyp first if at all, one moov, any number
// of mdat; fragments are refused and everything else is dropped.
func (v *videoFile) top(b bmffBox) error {
	switch b.typ {
	case "ftyp":
		if b.off != 0 {
			return formatError("", Malformed, "video ftyp box is not the first box")
		}
		p, err := readPayload(v.r, b, 4096)
		if err != nil || len(p) < 8 {
			return formatError("", Truncated, "video ftyp box too short or too long")
		}
		v.ftyp = p
		if string(p[:4]) != "qt  " {
			v.format = MP4
		}
	case "moov":
		if v.movie != nil {
			return formatError("", Malformed, "video holds two movie (moov) boxes")
		}
		p, err := readPayload(v.r, b, maxMoov)
		if err != nil {
			return err
		}
		v.moov, v.movie = b, p
	case "mdat":
		v.mdat = append(v.mdat, b)
	case "moof", "mfra", "sidx", "ssix", "styp", "emsg", "prft":
		return errFragmented
	default:
		v.dropped = append(v.dropped, b)
	}
	return nil
}

// readPayload reads the payload of a box of at most limit bytes.
func readPayload(r io.ReaderAt, b bmffBox, limit int64) ([]byte, error) {
	off, n := b.payload()
	if n > limit {
		return nil, refuse(ErrTooLarge, "toolarge.video_box", argText("box", printable(b.typ)), argSize("size", int(min(n, 1<<40))), argSize("limit", int(limit)))
	}
	p := make([]byte, n)
	if _, err := r.ReadAt(p, off); err != nil {
		return nil, formatError("", Truncated, fmt.Sprintf("video %s box cut short", printable(b.typ)))
	}
	return p, nil
}

// readHead reads up to limit bytes of a box's payload, for findings.
func readHead(r io.ReaderAt, b bmffBox, limit int64) []byte {
	off, n := b.payload()
	p := make([]byte, min(n, limit))
	k, _ := r.ReadAt(p, off)
	return p[:k]
}
