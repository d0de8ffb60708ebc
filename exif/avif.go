package exif

import (
	"fmt"
)

// avifHandler is AVIF (AV1 Image File Format, AOM v1.1): a HEIF file whose
// pictures are AV1 (av01 items), read with the same box reader as HEIC.
// Like HEIC it is never stripped in place: the app decodes the picture
// (libavif), applies the transforms libavif leaves to its caller
// (HEIFTransforms), and writes a clean JPEG or PNG. inspect reports
// Orientation 1 and the upright size (ispe after clap and irot).
type avifHandler struct{}

func (avifHandler) format() Format { return AVIF }

func (avifHandler) about() about { return about{name: "AVIF", exts: []string{".avif"}} }

// profile is the colr property of the primary item (see heifProfile).
func (avifHandler) profile(data []byte) []byte { return heifProfile(data) }

// sniff accepts an ftyp box (ISO/IEC 14496-12 §4.3) whose major brand is
// avif or avis (AVIF §7), or mif1/msf1 with avif among the compatible
// brands that fit in head and no HEIC brand before it.
func (avifHandler) sniff(head []byte) bool {
	return heifBrand(head) == AVIF
}

// heifBrand names the kind of HEIF file an ftyp box announces: AVIF, HEIC
// or neither ("").
func heifBrand(head []byte) Format {
	if len(head) < 12 || string(head[4:8]) != "ftyp" {
		return ""
	}
	switch string(head[8:12]) {
	case "avif", "avis":
		return AVIF
	case "heic", "heix", "heim", "heis", "hevc", "hevx":
		return HEIC
	case "mif1", "msf1":
	default:
		return ""
	}
	// A structural brand: the compatible brands (after minor_version)
	// say which codec, as far as the box and head go.
	end := min(len(head), int(be32At(head)))
	for i := 16; i+4 <= end; i += 4 {
		switch string(head[i : i+4]) {
		case "avif", "avis":
			return AVIF
		case "heic", "heix", "heim", "heis", "hevc", "hevx":
			return HEIC
		}
	}
	return HEIC
}

func be32At(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func (avifHandler) inspect(data []byte) (*Info, error) { return inspectHEIF(data) }

// strip never writes an AVIF file.
func (avifHandler) strip(data []byte, opt Options) ([]byte, error) {
	return nil, fmt.Errorf("%w: AVIF photos are decoded and saved as a new picture", ErrReencode)
}

// verify fails for every AVIF file: Veil never writes one.
func (avifHandler) verify(data []byte, opt Options) error {
	return fmt.Errorf("%w: an AVIF file is never written as a clean copy", ErrNotClean)
}

var _ handler = avifHandler{}
