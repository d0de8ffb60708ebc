package exif

import (
	"bytes"
	"fmt"
)

// trailerScan is how far into a trailer the markers of a known kind are
// looked for. Motion-photo and Samsung markers sit near one end, so both the
// first and the last trailerScan bytes are searched.
const trailerScan = 64 << 10

// trailerFinding describes bytes found after the end of an image (after a
// JPEG's EOI, PNG's IEND, GIF's trailer or the RIFF chunk of a WebP). All
// of them are dropped on cleaning; the finding only names what they are:
//
//   - a video (motion photo): an ISO BMFF "ftyp" box in the first bytes, or
//     Google's "MotionPhoto_Data" / "mpvd" markers;
//   - another JPEG image: starts with FF D8 FF (MPF second images, Ultra HDR
//     gain maps, aCropalypse leftovers);
//   - Samsung extra data: the "SEFH"/"SEFT" trailer of Samsung phones;
//   - anything else: unknown data.
//
// The value always gives the size in human units.
func trailerFinding(tail []byte, where string) Finding {
	size := sizeWords(len(tail))
	f := Finding{Category: HiddenPictures, Label: "Data after the image", Where: where}
	head, end := tail, tail
	if len(head) > trailerScan {
		head = head[:trailerScan]
		end = tail[len(tail)-trailerScan:]
	}
	switch {
	case isMotionPhoto(tail, head, end):
		f.Label = "Video"
		f.Value = "a video (motion photo) is attached, " + size
	case bytes.HasPrefix(tail, []byte{0xFF, 0xD8, 0xFF}):
		f.Label = "Extra picture"
		f.Value = "another JPEG image is attached, " + size
	case containsEither(head, end, "SEFH") || containsEither(head, end, "SEFT"):
		f.Label = "Samsung extra data"
		f.Value = "Samsung extra data (may hold a video, edit history or other pictures), " + size
	default:
		f.Value = size + " of unknown data after the image"
	}
	return f
}

// isMotionPhoto looks for an ISO BMFF file-type box ("ftyp" at byte 4 of a
// box, ISO/IEC 14496-12 §4.3) within the first 64 bytes, where a video
// appended after a still image starts, or for the markers Google and
// Samsung motion photos carry.
func isMotionPhoto(tail, head, end []byte) bool {
	first := tail
	if len(first) > 64 {
		first = first[:64]
	}
	if i := bytes.Index(first, []byte("ftyp")); i >= 4 {
		return true
	}
	return containsEither(head, end, "MotionPhoto_Data") || containsEither(head, end, "mpvd")
}

// containsEither reports whether marker is in a or in b.
func containsEither(a, b []byte, marker string) bool {
	return bytes.Contains(a, []byte(marker)) || bytes.Contains(b, []byte(marker))
}

// sizeWords writes a byte count the way a person reads it: "512 bytes",
// "14 KB", "3.2 MB".
func sizeWords(n int) string {
	switch {
	case n == 1:
		return "1 byte"
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 999_500:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	case n < 10*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	default:
		return fmt.Sprintf("%d MB", (n+500_000)/1_000_000)
	}
}
