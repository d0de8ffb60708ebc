package exif

import (
	"cmp"
	"crypto/md5"
	"encoding/binary"
	"slices"
)

// A colour profile is kept by default (people ask for faithful colour), but
// a profile is also a place where words hide: its description, copyright,
// device manufacturer and model, a display calibration's name, private
// tags. neutralICC keeps what colour management reads and blanks the rest,
// in place, so that offsets and sizes stay valid (ICC.1:2022 §7).

// iccColourTags are the tag signatures whose data colour management uses;
// their data is kept as it is. Every other tag's data is blanked.
var iccColourTags = map[string]bool{
	"A2B0": true, "A2B1": true, "A2B2": true, "B2A0": true, "B2A1": true, "B2A2": true,
	"D2B0": true, "D2B1": true, "D2B2": true, "D2B3": true, "B2D0": true, "B2D1": true, "B2D2": true, "B2D3": true,
	"rXYZ": true, "gXYZ": true, "bXYZ": true, "rTRC": true, "gTRC": true, "bTRC": true, "kTRC": true,
	"wtpt": true, "bkpt": true, "chad": true, "chrm": true, "cicp": true, "clro": true, "clrt": true,
	"clot": true, "lumi": true, "meas": true, "gamt": true, "pre0": true, "pre1": true, "pre2": true,
	"ncl2": true, "tech": true, "view": true, "rig0": true, "rig2": true, "ciis": true,
}

// iccStandardNames are descriptions of widely shipped profiles: they say
// nothing about a person and are kept, so the profile stays recognisable.
var iccStandardNames = []string{
	"sRGB IEC61966-2.1", "sRGB IEC61966-2-1 black scaled", "sRGB IEC61966-2.1 (Equivalent)", "sRGB",
	"sRGB built-in", "Display P3", "Adobe RGB (1998)", "ProPhoto RGB", "Generic RGB Profile",
	"Generic Gray Profile", "Generic Gray Gamma 2.2 Profile", "Generic CMYK Profile", "Dot Gain 20%",
	"U.S. Web Coated (SWOP) v2", "Coated FOGRA39 (ISO 12647-2:2004)", "c2", "c2ci", "Rec. 2020",
	"ITU-R BT.2020", "DCI-P3", "Linear sRGB", "Gray Gamma 2.2", "GIMP built-in sRGB", "Apple RGB",
}

// neutralICC returns a copy of icc with every tag outside iccColourTags
// zeroed (type signature and all), the description blanked unless it is a
// standard name, and the header's creation date, device manufacturer,
// device model and creator zeroed (iccNeutralHeader). None of these is
// read by colour management, so colour does not change. It fails on a profile whose header or tag table
// does not fit: such a profile is dropped, not kept.
func neutralICC(icc []byte) ([]byte, error) {
	if len(icc) < 132 || string(icc[36:40]) != "acsp" || uint64(binary.BigEndian.Uint32(icc[0:4])) != uint64(len(icc)) {
		return nil, formatError("", Malformed, "colour profile header")
	}
	count := binary.BigEndian.Uint32(icc[128:132])
	if uint64(count)*12 > uint64(len(icc)-132) {
		return nil, formatError("", Malformed, "colour profile tag table")
	}
	out := slices.Clone(icc)
	type tag struct {
		sig       string
		off, size uint64
		data      []byte
	}
	tags := make([]tag, 0, count)
	for i := range int(count) {
		e := out[132+12*i:]
		sig := string(e[:4])
		off, size := uint64(binary.BigEndian.Uint32(e[4:8])), uint64(binary.BigEndian.Uint32(e[8:12]))
		// A tag's data lies after the tag table (ICC.1 §7.3.1) and inside
		// the profile; one that overlaps the header or the table is refused.
		if off < 132+12*uint64(count) || off+size > uint64(len(out)) {
			return nil, formatError("", Malformed, "colour profile tag "+printable(sig)+" outside the profile")
		}
		tags = append(tags, tag{sig, off, size, out[off : off+size]})
	}
	// Tags may share their data (rTRC, gTRC and bTRC often do), but data
	// that partly overlaps another tag's is malformed: refused, not guessed.
	sorted := slices.Clone(tags)
	slices.SortFunc(sorted, func(a, b tag) int {
		if a.off != b.off {
			return cmp.Compare(a.off, b.off)
		}
		return cmp.Compare(a.size, b.size)
	})
	for i := 1; i < len(sorted); i++ {
		p, t := sorted[i-1], sorted[i]
		if (t.off != p.off || t.size != p.size) && t.off < p.off+p.size {
			return nil, formatError("", Malformed, "colour profile tags "+printable(p.sig)+" and "+printable(t.sig)+" overlap")
		}
	}
	// Words first; the description is judged after, on what is left of it
	// (tags may share data), so that a second pass finds nothing to do.
	for _, t := range tags {
		if !iccColourTags[t.sig] && t.sig != "desc" {
			blankTag(t.data)
		}
	}
	if !slices.Contains(iccStandardNames, iccDescription(out)) {
		for _, t := range tags {
			if t.sig == "desc" {
				blankTag(t.data)
			}
		}
	}
	iccNeutralHeader(out)
	return out, nil
}

// iccNeutralHeader zeroes the header fields that date a profile or name
// who made it, with what and for which device (ICC.1:2022 §7.2): the
// preferred CMM (bytes 4–7, the software that made it), the creation date
// and time (24–35), the primary platform (40–43), the device manufacturer
// and model (48–55) and the profile creator (80–83). Zero is a valid value
// of each ("none"), and none of them is read to convert colour. The profile ID (84–99) is an MD5 of the
// profile, so it changes with them: it stays zero ("not computed",
// §7.2.18) when it was, and is otherwise computed again from the neutral
// bytes, so that 16 bytes a maker chose never survive as an "ID".
func iccNeutralHeader(p []byte) {
	clear(p[4:8])   // preferred CMM
	clear(p[24:36]) // date and time created
	clear(p[40:44]) // primary platform
	clear(p[48:56]) // device manufacturer and model
	clear(p[80:84]) // profile creator
	if allZero(p[84:100]) {
		return
	}
	id := iccProfileID(p)
	copy(p[84:100], id[:])
}

// iccProfileID computes a profile ID as ICC.1:2022 §7.2.18 defines it: the
// MD5 of the whole profile with the profile flags (bytes 44–47), the
// rendering intent (64–67) and the profile ID itself (84–99) taken as zero.
func iccProfileID(p []byte) [md5.Size]byte {
	h := md5.New()
	var zero [16]byte
	h.Write(p[:44])
	h.Write(zero[:4])
	h.Write(p[48:64])
	h.Write(zero[:4])
	h.Write(p[68:84])
	h.Write(zero[:16])
	h.Write(p[100:])
	var id [md5.Size]byte
	h.Sum(id[:0])
	return id
}

// allZero reports whether b holds only zero bytes.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// blankTag zeroes a tag's data but keeps its type signature for text types
// a reader may look for, so the profile stays well-formed where readers
// are strict about 'desc'.
func blankTag(data []byte) {
	if len(data) >= 4 {
		switch string(data[:4]) {
		case "desc", "text":
			clear(data[4:])
			return
		case "mluc":
			clear(data[4:])
			if len(data) >= 16 {
				data[15] = 12 // record size, fixed at 12 (ICC.1 §10.15); count 0
			}
			return
		}
	}
	clear(data)
}

// iccNeutral reports whether a kept profile is already neutral.
func iccNeutral(icc []byte) bool {
	n, err := neutralICC(icc)
	return err == nil && slices.Equal(n, icc)
}

func printable(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			b[i] = '?'
		}
	}
	return string(b)
}
