package exif

import (
	"bytes"
	"fmt"
	"strings"
)

// heicHandler is HEIC/HEIF (ISO/IEC 23008-12), the iPhone's default. It is
// inspected here and never stripped: strip fails with ErrReencode (declared
// in exif.go), verify
// always fails, and the app decodes the picture and writes a clean JPEG.
//
// Orientation: HEIF turns a picture with the irot (rotation), imir
// (mirror) and clap (crop) properties of its primary item (§6.5), and its
// readers ignore the EXIF Orientation tag (iPhones write both, saying the
// same thing). libheif, which decodes HEIC for the app, applies those
// properties itself, so the decoded picture is already upright. inspect
// therefore reports Orientation 1 and the size of the upright picture
// (ispe after clap, width and height swapped by a quarter turn), so that
// nothing rotates it a second time.
type heicHandler struct{}

func (heicHandler) format() Format { return HEIC }

func (heicHandler) about() about { return about{name: "HEIC", exts: []string{".heic", ".heif"}} }

// profile is the colr property of the primary item (see heifProfile).
func (heicHandler) profile(data []byte) []byte { return heifProfile(data) }

// heifProfile is the ICC profile in the colr property ("prof" or "rICC",
// ISO/IEC 14496-12 §12.1.5) of a HEIF file's primary item, or nil.
func heifProfile(data []byte) []byte {
	f, err := parseHEIC(data)
	if err != nil || f.meta == nil {
		return nil
	}
	m := f.meta
	it := m.items[m.primary]
	if it == nil {
		return nil
	}
	if b, ok := m.prop(it, "colr"); ok && len(b.data) > 4 &&
		(string(b.data[:4]) == "prof" || string(b.data[:4]) == "rICC") {
		return b.data[4:]
	}
	return nil
}

// sniff accepts an ftyp box (ISO/IEC 14496-12 §4.3) whose major brand is
// one of HEIF's (ISO/IEC 23008-12 Annex B: heic, heix, heim, heis, hevc,
// hevx; §10.2: mif1, msf1), unless the brands say AVIF (see heifBrand).
// A HEIC-branded file whose primary item is AV1 is refused by inspect.
func (heicHandler) sniff(head []byte) bool {
	return heifBrand(head) == HEIC
}

// strip never writes a HEIC file.
func (heicHandler) strip(data []byte, opt Options) ([]byte, error) {
	return nil, fmt.Errorf("%w: HEIC photos are decoded and saved as a new JPEG", ErrReencode)
}

// verify fails for every HEIC file: Veil never writes one, so a HEIC file
// is never a clean output.
func (heicHandler) verify(data []byte, opt Options) error {
	return fmt.Errorf("%w: a HEIC file is never written as a clean copy", ErrNotClean)
}

// heicFile is a walked HEIF file (HEIC or AVIF).
type heicFile struct {
	codec  string // the item type of a picture: hvc1 (HEIC) or av01 (AVIF)
	data   []byte
	meta   *heicMeta
	mdat   []heicBox
	tail   []byte
	extras []Finding // findings from top-level boxes
}

func (heicHandler) inspect(data []byte) (*Info, error) { return inspectHEIF(data) }

// format names the container by its codec.
func (f *heicFile) format() Format {
	if f.codec == "av01" {
		return AVIF
	}
	return HEIC
}

// where names a place in the file for a finding: "HEIC Exif item",
// "AVIF Exif item".
func (f *heicFile) where(place string) string {
	return strings.ToUpper(string(f.format())) + " " + place
}

// inspectHEIF inspects a HEIF file, HEIC or AVIF by its brands.
func inspectHEIF(data []byte) (*Info, error) {
	f, err := parseHEIC(data)
	if err != nil {
		return nil, err
	}
	w, h, err := f.uprightSize()
	if err != nil {
		return nil, err
	}
	if err := checkLimits(w, h, len(data)); err != nil {
		return nil, err
	}
	if err := f.checkItems(); err != nil {
		return nil, err
	}
	info := &Info{Format: f.format(), Width: w, Height: h, Orientation: 1}
	info.Findings = f.findings()
	return info, nil
}

// parseHEIC walks the top-level boxes to the end of the file: ftyp first,
// exactly one meta, any number of mdat, free and skip.
func parseHEIC(data []byte) (*heicFile, error) {
	f := &heicFile{data: data, codec: "hvc1"}
	if heifBrand(data[:min(len(data), 64)]) == AVIF {
		f.codec = "av01"
	}
	ftyp, rest, err := nextHEICBox(data, 0, false)
	if err != nil || ftyp.typ != "ftyp" {
		return nil, formatError(HEIC, Malformed, "HEIC file does not start with an ftyp box")
	}
	var meta *heicBox
	var leftover, moov int
	var unknown []string
	for len(rest) > 0 {
		off := len(data) - len(rest)
		b, next, err := nextHEICBox(rest, off, true)
		if err != nil || !heicTypeLike(b.typ) {
			// Not a box that fits: bytes after the last box. A box cut
			// short lands here too; the items it held then lie outside
			// the file, which checkItems refuses.
			f.tail = rest
			break
		}
		rest = next
		switch b.typ {
		case "meta":
			if meta != nil {
				return nil, formatError(HEIC, Malformed, "HEIC file holds two meta boxes")
			}
			meta = &b
		case "mdat":
			f.mdat = append(f.mdat, b)
		case "free", "skip":
			if len(bytes.Trim(b.data, "\x00")) > 0 {
				leftover += len(b.data)
			}
		case "moov":
			moov += len(b.data)
		default:
			unknown = append(unknown, b.typ)
		}
	}
	f.topLevelFindings(leftover, moov, unknown)
	if meta == nil && len(f.tail) > 0 {
		return nil, formatError(HEIC, Truncated, "HEIC file damaged or cut short: no readable meta box")
	}
	if meta == nil {
		return nil, refuse(ErrUnsupported, "refused.heif_sequence_only")
	}
	f.meta, err = parseHEICMeta(*meta)
	return f, err
}

// topLevelFindings lists what top-level boxes besides ftyp, meta and mdat
// hold, one finding per kind however many boxes there are.
func (f *heicFile) topLevelFindings(leftover, moov int, unknown []string) {
	if leftover > 0 {
		f.extras = append(f.extras, say(Other, "other.leftover_free", f.where("free boxes"), argCount("count", leftover)))
	}
	if moov > 0 {
		f.extras = append(f.extras, say(HiddenPictures, "hidden.heic_moov", f.where("moov box"), argCount("count", moov)))
	}
	if len(unknown) > 0 {
		f.extras = append(f.extras, unknownBoxes(f.where("file"), heicTypeList(unknown)))
	}
}

// heicTypeLike reports whether a box type is four printable ASCII
// characters, as every registered box type is.
func heicTypeLike(t string) bool {
	for _, c := range []byte(t) {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// itemData returns the bytes of an item (its extents joined), checking
// that each lies inside the file (construction method 0) or inside idat
// (method 1). An extent_length of 0 means "to the end" (§8.11.3.3).
func (f *heicFile) itemData(it *heicItem) ([]byte, error) {
	src, where := f.data, "the file"
	if it.method == 1 {
		src, where = f.meta.idat, "the idat box"
	}
	var out []byte
	for _, e := range it.extents {
		p, err := heicExtentBytes(src, e)
		if err != nil {
			return nil, formatError(HEIC, Malformed, fmt.Sprintf("HEIC item %d: %v outside %s", it.id, err, where))
		}
		if len(it.extents) == 1 {
			return p, nil
		}
		// Extents may overlap: the joined item is bounded by the size
		// of what holds it, so a few bytes cannot ask for gigabytes.
		if len(out)+len(p) > len(src) {
			return nil, formatError(HEIC, Malformed, fmt.Sprintf("HEIC item %d is larger than %s", it.id, where))
		}
		out = append(out, p...)
	}
	return out, nil
}

func heicExtentBytes(src []byte, e heicExtent) ([]byte, error) {
	n := uint64(len(src))
	if e.off > n {
		return nil, fmt.Errorf("extent at %d", e.off)
	}
	if e.len == 0 {
		return src[e.off:], nil
	}
	if e.len > n-e.off {
		return nil, fmt.Errorf("extent %d+%d", e.off, e.len)
	}
	return src[e.off : e.off+e.len], nil
}
