package exif

import (
	"encoding/binary"
	"unicode/utf16"
)

// maxICCDescription bounds the description read from a profile: real ones
// are a few dozen characters.
const maxICCDescription = 1024

// iccDescription returns the profile description of an ICC profile (the
// 'desc' tag), or "" when there is none or anything about it is odd. Both
// forms are read: ICC.1:2001-04 (v2) textDescriptionType, whose ASCII part
// is used, and ICC.1:2010 (v4) multiLocalizedUnicodeType ('mluc'), whose
// en-US record (or else the first record) is used. Every offset and length
// is checked against the profile; nothing is allocated beyond
// maxICCDescription.
func iccDescription(icc []byte) string {
	tag := iccTag(icc, "desc")
	if len(tag) < 12 {
		return ""
	}
	var s string
	switch string(tag[:4]) {
	case "desc":
		s = iccTextDescription(tag)
	case "mluc":
		s = iccMLUC(tag)
	}
	return cleanText(s)
}

// iccTag returns the data of the tag with signature sig: ICC.1 §7.3 — a
// 128-byte header, a uint32 tag count, then 12-byte entries of signature,
// offset from the profile start, and size.
func iccTag(icc []byte, sig string) []byte {
	if len(icc) < 132 || string(icc[36:40]) != "acsp" {
		return nil
	}
	count := binary.BigEndian.Uint32(icc[128:132])
	if uint64(count)*12 > uint64(len(icc)-132) {
		return nil
	}
	for i := range int(count) {
		e := icc[132+12*i:]
		if string(e[:4]) != sig {
			continue
		}
		off, size := uint64(binary.BigEndian.Uint32(e[4:8])), uint64(binary.BigEndian.Uint32(e[8:12]))
		if off+size > uint64(len(icc)) {
			return nil
		}
		return icc[off : off+size]
	}
	return nil
}

// iccTextDescription reads a v2 textDescriptionType (ICC.1:2001-04 §6.5.17):
// "desc", 4 reserved bytes, uint32 ASCII count including the final NUL,
// then the ASCII text.
func iccTextDescription(tag []byte) string {
	n := uint64(binary.BigEndian.Uint32(tag[8:12]))
	if n == 0 || n > maxICCDescription || 12+n > uint64(len(tag)) {
		return ""
	}
	s := tag[12 : 12+n]
	for i, c := range s {
		if c == 0 {
			s = s[:i]
			break
		}
	}
	return string(s)
}

// iccMLUC reads a v4 multiLocalizedUnicodeType (ICC.1:2010 §10.13):
// "mluc", 4 reserved bytes, uint32 record count, uint32 record size (12),
// then records of language (2), country (2), length and offset (from the
// tag start) of big-endian UTF-16 text.
func iccMLUC(tag []byte) string {
	if len(tag) < 16 {
		return ""
	}
	count := uint64(binary.BigEndian.Uint32(tag[8:12]))
	recSize := uint64(binary.BigEndian.Uint32(tag[12:16]))
	if count == 0 || recSize < 12 || 16+count*recSize > uint64(len(tag)) {
		return ""
	}
	pick := uint64(0)
	for i := range count {
		if string(tag[16+i*recSize:16+i*recSize+4]) == "enUS" {
			pick = i
			break
		}
	}
	rec := tag[16+pick*recSize:]
	n := uint64(binary.BigEndian.Uint32(rec[4:8]))
	off := uint64(binary.BigEndian.Uint32(rec[8:12]))
	if n%2 != 0 || n > 2*maxICCDescription || off+n > uint64(len(tag)) {
		return ""
	}
	u := make([]uint16, n/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(tag[off+uint64(2*i):])
	}
	return string(utf16.Decode(u))
}
