package exif

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// maxIRBResources bounds how many resources one Photoshop block may list
// before the rest is only counted as unreadable.
const maxIRBResources = 4096

// Photoshop image resource IDs (Adobe Photoshop File Formats Specification,
// "Image Resource IDs").
const (
	irbIPTC       = 0x0404
	irbThumbOld   = 0x0409
	irbThumb      = 0x040C
	irbEXIF       = 0x0422
	irbEXIF3      = 0x0423
	irbXMP        = 0x0424
	irbIPTCDigest = 0x0425
)

// irbFindings lists what a Photoshop image resource block (APP13
// "Photoshop 3.0\0" payload, after the signature) gives away, IPTC
// included. Each resource is "8BIM", a uint16 ID, a Pascal name padded to
// an even length, a uint32 data size and the data padded to an even length
// (Photoshop File Formats, "Image Resource Blocks"). IPTC-IIM, EXIF and XMP
// inside are read with their own decoders; thumbnails are reported; the
// rest is counted. It never fails: a block that runs past its end gives
// what was read plus an Other finding.
func irbFindings(irb []byte, where string) []Finding {
	var fs []Finding
	other := 0
	b := irb
	for n := 0; len(b) > 0; n++ {
		if n == maxIRBResources || len(b) < 4 || !bytes.HasPrefix(b, []byte("8BIM")) {
			fs = append(fs, say(Other, "other.photoshop_unreadable", where, argSize("size", len(b))))
			break
		}
		id, data, rest, ok := irbResource(b)
		if !ok {
			fs = append(fs, say(Other, "other.photoshop_unreadable", where, argSize("size", len(b))))
			break
		}
		b = rest
		switch id {
		case irbIPTC:
			fs = append(fs, iptcFindings(data, where+", IPTC")...)
		case irbThumb, irbThumbOld:
			fs = append(fs, say(HiddenPictures, "hidden.thumbnail", where, argSize("size", len(data))))
		case irbEXIF, irbEXIF3:
			efs, _, err := exifFindings(data, where+", EXIF")
			if err != nil {
				efs = []Finding{say(Other, "other.exif_unreadable", where+", EXIF", argSize("size", len(data)))}
			}
			fs = append(fs, efs...)
		case irbXMP:
			fs = append(fs, xmpFindings(data, where+", XMP")...)
		default:
			other++
		}
	}
	if other > 0 {
		fs = append(fs, say(Other, "other.photoshop_resources", where, argCount("count", other)))
	}
	return cleanFindings(fs)
}

// irbResource splits the first resource off b, checking every length.
func irbResource(b []byte) (id uint16, data, rest []byte, ok bool) {
	if len(b) < 7 {
		return 0, nil, nil, false
	}
	id = binary.BigEndian.Uint16(b[4:6])
	nameLen := 1 + int(b[6]) // length byte and name
	nameLen += nameLen & 1   // padded to even
	p := 6 + nameLen
	if len(b) < p+4 {
		return 0, nil, nil, false
	}
	size := uint64(binary.BigEndian.Uint32(b[p:]))
	p += 4
	if size > uint64(len(b)-p) {
		return 0, nil, nil, false
	}
	data = b[p : p+int(size)]
	p += int(size)
	if size&1 == 1 && p < len(b) {
		p++ // data padded to even
	}
	return id, data, b[p:], true
}

// iptcRule says how one IPTC-IIM dataset of record 2 is shown (IPTC-IIM
// 4.2, chapter 6, "Application Record").
var iptcRules = map[byte]xmpRule{
	5:   {Text, "text.title"},
	25:  {Text, "text.keywords"},
	40:  {Text, "text.instructions"},
	55:  {Time, "time.created"},
	60:  {Time, "time.created_time"},
	62:  {Time, "time.digitized"},
	65:  {EditHistory, "edit.software"},
	80:  {People, "people.creator"},
	85:  {People, "people.creator_title"},
	90:  {Location, "location.city"},
	92:  {Location, "location.area"},
	95:  {Location, "location.state"},
	100: {Location, "location.country_code"},
	101: {Location, "location.country"},
	103: {Other, "other.job_reference"},
	105: {Text, "text.headline"},
	110: {People, "people.credit"},
	115: {People, "people.source"},
	116: {People, "people.copyright"},
	118: {People, "people.contact"},
	120: {Text, "text.caption"},
	122: {People, "people.caption_writer"},
}

// iptcFindings lists the datasets of an IPTC-IIM stream (IPTC-IIM 4.2,
// chapter 1.5: tag marker 0x1C, record, dataset, uint16 size). Extended
// sizes (high bit set) are not used for text and end the scan, as does
// anything that does not start with the tag marker.
func iptcFindings(b []byte, where string) []Finding {
	vals := map[byte][]string{}
	var order []byte
	other, broken := 0, false
	for len(b) > 0 {
		if len(b) < 5 || b[0] != 0x1C || b[3]&0x80 != 0 {
			broken = len(bytes.Trim(b, "\x00")) > 0 // zero padding at the end is normal
			break
		}
		rec, ds, size := b[1], b[2], int(binary.BigEndian.Uint16(b[3:5]))
		if size > len(b)-5 {
			broken = true
			break
		}
		v := string(b[5 : 5+size])
		b = b[5+size:]
		if _, ok := iptcRules[ds]; rec != 2 || !ok {
			if rec != 1 && !(rec == 2 && ds == 0) { // envelope and record version say nothing
				other++
			}
			continue
		}
		if _, seen := vals[ds]; !seen {
			order = append(order, ds)
		}
		if v = strings.TrimSpace(v); ds == 55 && len(v) == 8 && strings.Trim(v, "0123456789") == "" {
			v = v[:4] + "-" + v[4:6] + "-" + v[6:] // CCYYMMDD
		}
		if v != "" && len(vals[ds]) < maxXMPValues {
			vals[ds] = append(vals[ds], v)
		}
	}
	var fs []Finding
	for _, ds := range order {
		if len(vals[ds]) > 0 {
			r := iptcRules[ds]
			fs = append(fs, textFinding(r.cat, r.id, strings.Join(vals[ds], ", "), where))
		}
	}
	if other > 0 {
		fs = append(fs, say(Other, "other.iptc_fields", where, argCount("count", other)))
	}
	if broken {
		fs = append(fs, say(Other, "other.iptc_unreadable", where))
	}
	return fs
}
