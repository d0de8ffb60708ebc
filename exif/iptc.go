package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
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
			fs = append(fs, Finding{Category: Other, Label: "Photoshop data", Value: "unreadable Photoshop data (" + sizeWords(len(b)) + ")", Where: where})
			break
		}
		id, data, rest, ok := irbResource(b)
		if !ok {
			fs = append(fs, Finding{Category: Other, Label: "Photoshop data", Value: "unreadable Photoshop data (" + sizeWords(len(b)) + ")", Where: where})
			break
		}
		b = rest
		switch id {
		case irbIPTC:
			fs = append(fs, iptcFindings(data, where+", IPTC")...)
		case irbThumb, irbThumbOld:
			fs = append(fs, Finding{Category: HiddenPictures, Label: "Thumbnail", Value: "a small copy of the photo (" + sizeWords(len(data)) + ")", Where: where})
		case irbEXIF, irbEXIF3:
			efs, _, err := exifFindings(data, where+", EXIF")
			if err != nil {
				efs = []Finding{{Category: Other, Label: "EXIF data", Value: "unreadable EXIF data (" + sizeWords(len(data)) + ")", Where: where + ", EXIF"}}
			}
			fs = append(fs, efs...)
		case irbXMP:
			fs = append(fs, xmpFindings(data, where+", XMP")...)
		default:
			other++
		}
	}
	if other > 0 {
		fs = append(fs, Finding{Category: Other, Label: "Other Photoshop data", Value: fmt.Sprintf("%d other Photoshop resources", other), Where: where})
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
	5:   {Text, "Title"},
	25:  {Text, "Keywords"},
	40:  {Text, "Instructions"},
	55:  {Time, "Created"},
	60:  {Time, "Created (time)"},
	62:  {Time, "Digitized"},
	65:  {EditHistory, "Software"},
	80:  {People, "Creator"},
	85:  {People, "Creator's job title"},
	90:  {Location, "City"},
	92:  {Location, "Area"},
	95:  {Location, "State or region"},
	100: {Location, "Country code"},
	101: {Location, "Country"},
	103: {Other, "Job reference"},
	105: {Text, "Headline"},
	110: {People, "Credit"},
	115: {People, "Source"},
	116: {People, "Copyright"},
	118: {People, "Contact"},
	120: {Text, "Caption"},
	122: {People, "Caption writer"},
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
			fs = append(fs, textFinding(r.cat, r.label, strings.Join(vals[ds], ", "), where))
		}
	}
	if other > 0 {
		fs = append(fs, Finding{Category: Other, Label: "Other IPTC data", Value: fmt.Sprintf("%d other IPTC fields", other), Where: where})
	}
	if broken {
		fs = append(fs, Finding{Category: Other, Label: "IPTC data", Value: "unreadable IPTC data", Where: where})
	}
	return fs
}
