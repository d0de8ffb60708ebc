package exif

import (
	"bytes"
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
	size := argSize("size", len(tail))
	head, end := tail, tail
	if len(head) > trailerScan {
		head = head[:trailerScan]
		end = tail[len(tail)-trailerScan:]
	}
	id := "hidden.trailer"
	switch {
	case isMotionPhoto(tail, head, end):
		id = "hidden.trailer_video"
	case bytes.HasPrefix(tail, []byte{0xFF, 0xD8, 0xFF}):
		id = "hidden.trailer_jpeg"
	case containsEither(head, end, "SEFH") || containsEither(head, end, "SEFT"):
		id = "hidden.trailer_samsung"
	}
	return say(HiddenPictures, id, where, size)
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
