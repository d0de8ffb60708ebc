package exif

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/rwcarlsen/goexif/tiff"
)

// How a text tag's bytes are read.
const (
	asciiText   = iota // ASCII (often Latin-1 or UTF-8 in practice)
	commentText        // 8-byte character code, then text (Exif 2.32 §4.6.5, UserComment)
	xpText             // UTF-16LE, Windows "XP" tags
)

// exifTextTags are the tags whose value is shown as it is, by tag number
// (Exif 2.32 §4.6.4–4.6.5 and Table 4, plus the DNG, Windows and
// Photoshop tags cameras and editors write).
var exifTextTags = map[uint16]struct {
	cat  Category
	id   string
	kind int
}{
	0x010E: {Text, "text.caption", asciiText},
	0x013B: {People, "people.artist", asciiText},
	0x8298: {People, "people.copyright", asciiText},
	0xA430: {People, "people.camera_owner", asciiText},
	0xFDE8: {People, "people.owner_name", asciiText},
	0xA431: {Device, "device.serial", asciiText},
	0xC62F: {Device, "device.serial", asciiText},
	0xFDE9: {Device, "device.serial", asciiText},
	0xA435: {Device, "device.lens_serial", asciiText},
	0xFDEA: {Device, "device.lens", asciiText},
	0xA420: {Device, "device.image_id", asciiText},
	0x0131: {EditHistory, "edit.software", asciiText},
	0x000B: {EditHistory, "edit.processing_software", asciiText},
	0x013C: {EditHistory, "edit.computer", asciiText},
	0x9286: {Text, "text.comment", commentText},
	0x9C9B: {Text, "text.title", xpText},
	0x9C9C: {Text, "text.comment", xpText},
	0x9C9D: {People, "people.author", xpText},
	0x9C9E: {Text, "text.keywords", xpText},
	0x9C9F: {Text, "text.subject", xpText},
}

// exifTimes are the date tags (Exif 2.32 §4.6.5 G) with their time-zone
// offset tag; the sub-second tags are folded into them.
var exifTimes = []struct {
	tag, offset, subsec uint16
	id                  string
}{
	{0x9003, 0x9011, 0x9291, "time.taken"},
	{0x9004, 0x9012, 0x9292, "time.digitized"},
	{0x0132, 0x9010, 0x9290, "time.changed"},
}

// exifQuiet are structural tags that say nothing about the person and are
// not counted among "other" tags.
var exifQuiet = map[uint16]bool{tagOrientation: true, tagExifIFD: true, tagGPSIFD: true, tagInteropIFD: true}

// findings turns the decoded tags into findings, in the order of the
// categories, and counts what is left as "other EXIF tags".
func (d exifDirs) findings(where string) []Finding {
	main := map[uint16]*tiff.Tag{}
	for _, t := range append(append([]*tiff.Tag{}, d.ifd0...), d.exif...) {
		if _, dup := main[t.Id]; !dup {
			main[t.Id] = t
		}
	}
	fs, other := d.gpsFindings(where)
	fs = append(fs, d.deviceFindings(main, where)...)
	fs = append(fs, d.timeFindings(main, where)...)
	for id, t := range main {
		rule, ok := exifTextTags[id]
		if !ok {
			continue
		}
		if v := d.text(t, rule.kind); v != "" {
			fs = append(fs, textFinding(rule.cat, rule.id, v, where))
		}
		delete(main, id)
	}
	fs = append(fs, d.thumbnailFindings(where)...)
	for id := range main {
		if !exifQuiet[id] {
			other++
		}
	}
	if other > 0 {
		fs = append(fs, otherExifTags(other, where))
	}
	return cleanFindings(fs)
}

// otherExifTags counts the EXIF tags not shown one by one (n > 0), in
// words that agree with the number.
func otherExifTags(n int, where string) Finding {
	if n == 1 {
		return say(Other, "other.exif_tag", where)
	}
	return say(Other, "other.exif_tags", where, argCount("count", n))
}

// deviceFindings lists the camera, the lens and the maker note, and removes
// the tags it used from main.
func (d exifDirs) deviceFindings(main map[uint16]*tiff.Tag, where string) []Finding {
	var fs []Finding
	pair := func(a, b uint16, id string) {
		mk, model := d.text(main[a], asciiText), d.text(main[b], asciiText)
		if !strings.HasPrefix(strings.ToLower(model), strings.ToLower(mk)) {
			model = strings.TrimSpace(mk + " " + model)
		}
		if model != "" {
			fs = append(fs, textFinding(Device, id, model, where))
		}
		delete(main, a)
		delete(main, b)
	}
	pair(0x010F, 0x0110, "device.camera")
	pair(0xA433, 0xA434, "device.lens")
	if t := main[0x927C]; t != nil {
		fs = append(fs, say(Device, "device.maker_note", where, argSize("size", len(t.Val))))
		delete(main, 0x927C)
	}
	return fs
}

// timeFindings lists the dates, with their time-zone offset when present.
func (d exifDirs) timeFindings(main map[uint16]*tiff.Tag, where string) []Finding {
	var fs []Finding
	for _, tt := range exifTimes {
		v := exifTime(d.text(main[tt.tag], asciiText))
		if off := d.text(main[tt.offset], asciiText); v != "" && off != "" {
			v += " " + off
		}
		if v != "" {
			fs = append(fs, textFinding(Time, tt.id, v, where))
		}
		delete(main, tt.tag)
		delete(main, tt.offset)
		delete(main, tt.subsec)
	}
	return fs
}

// thumbnailFindings reports image data in the IFDs after IFD0: IFD1 holds
// the thumbnail (Exif 2.32 §4.5.5), as JPEG (0x0201/0x0202) or strips
// (0x0111/0x0117).
func (d exifDirs) thumbnailFindings(where string) []Finding {
	var fs []Finding
	for _, dir := range d.later {
		size, found := 0, false
		for _, t := range dir {
			switch t.Id {
			case 0x0201, 0x0111:
				found = true
			case 0x0202, 0x0117:
				if n, ok := d.uint(t); ok {
					size = int(min(n, math.MaxInt32))
				}
			}
		}
		switch {
		case found && size > 0:
			fs = append(fs, say(HiddenPictures, "hidden.thumbnail", where, argSize("size", size)))
		case found:
			fs = append(fs, say(HiddenPictures, "hidden.thumbnail_unsized", where))
		}
	}
	return fs
}

// exifTime writes "2024:05:01 14:03:22" as "2024-05-01 14:03:22"; a blank
// or all-zero date is no date.
func exifTime(s string) string {
	if strings.Trim(s, "0: ") == "" {
		return ""
	}
	if len(s) >= 10 && s[4] == ':' && s[7] == ':' {
		s = s[:4] + "-" + s[5:7] + "-" + s[8:]
	}
	return s
}

// text reads a tag as text of the given kind; "" when it is not text.
func (d exifDirs) text(t *tiff.Tag, kind int) string {
	if t == nil || (t.Type != 1 && t.Type != 2 && t.Type != 7) {
		return ""
	}
	v := t.Val
	switch kind {
	case xpText:
		return strings.TrimSpace(utf16Text(v, false))
	case commentText:
		if len(v) < 8 {
			return ""
		}
		code, body := string(v[:8]), v[8:]
		if code == "UNICODE\x00" {
			return strings.TrimSpace(utf16Text(body, d.order == binary.BigEndian))
		}
		v = body
	}
	if i := strings.IndexByte(string(v), 0); i >= 0 && kind == asciiText {
		v = v[:i]
	}
	return strings.TrimSpace(strings.Trim(string(v), "\x00"))
}

// utf16Text decodes UTF-16 bytes up to the first NUL character.
func utf16Text(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := uint16(b[i]) | uint16(b[i+1])<<8
		if bigEndian {
			c = uint16(b[i])<<8 | uint16(b[i+1])
		}
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

// uint reads the first value of a BYTE, SHORT or LONG tag.
func (d exifDirs) uint(t *tiff.Tag) (uint64, bool) {
	switch {
	case t == nil:
	case t.Type == 1 && len(t.Val) >= 1:
		return uint64(t.Val[0]), true
	case t.Type == 3 && len(t.Val) >= 2:
		return uint64(d.order.Uint16(t.Val)), true
	case t.Type == 4 && len(t.Val) >= 4:
		return uint64(d.order.Uint32(t.Val)), true
	}
	return 0, false
}

// rationals reads up to n unsigned RATIONAL values; nil when the tag is
// not RATIONAL, too short, or a denominator is zero.
func (d exifDirs) rationals(t *tiff.Tag, n int) []float64 {
	if t == nil || t.Type != 5 || len(t.Val) < 8*n {
		return nil
	}
	v := make([]float64, n)
	for i := range v {
		num, den := d.order.Uint32(t.Val[8*i:]), d.order.Uint32(t.Val[8*i+4:])
		if den == 0 {
			return nil
		}
		v[i] = float64(num) / float64(den)
	}
	return v
}

// GPS tags (Exif 2.32 §4.6.6, Table 15).
const (
	gpsLatRef, gpsLat, gpsLonRef, gpsLon = 0x01, 0x02, 0x03, 0x04
	gpsAltRef, gpsAlt, gpsTime           = 0x05, 0x06, 0x07
	gpsSpeedRef, gpsSpeed                = 0x0C, 0x0D
	gpsDirRef, gpsDir                    = 0x10, 0x11
	gpsDestLatRef, gpsDestLat            = 0x13, 0x14
	gpsDestLonRef, gpsDestLon            = 0x15, 0x16
	gpsArea, gpsDate                     = 0x1C, 0x1D
)

// gpsFindings lists the position, altitude, time, direction, speed and
// destination of the GPS IFD, and counts its other tags.
func (d exifDirs) gpsFindings(where string) ([]Finding, int) {
	g := map[uint16]*tiff.Tag{}
	for _, t := range d.gps {
		g[t.Id] = t
	}
	var fs []Finding
	add := func(c Category, id string, args ...Arg) {
		fs = append(fs, say(c, id, where, args...))
	}
	used := func(ids ...uint16) {
		for _, id := range ids {
			delete(g, id)
		}
	}
	if p := d.gpsPoint(g[gpsLat], g[gpsLatRef], g[gpsLon], g[gpsLonRef]); p != nil {
		add(Location, "gps.position", p...)
	}
	if p := d.gpsPoint(g[gpsDestLat], g[gpsDestLatRef], g[gpsDestLon], g[gpsDestLonRef]); p != nil {
		add(Location, "gps.destination", p...)
	}
	if a := d.rationals(g[gpsAlt], 1); a != nil {
		ref, _ := d.uint(g[gpsAltRef])
		add(Location, map[bool]string{false: "gps.altitude_above", true: "gps.altitude_below"}[ref == 1], argNumber("metres", a[0]))
	}
	if dir := d.rationals(g[gpsDir], 1); dir != nil {
		id := map[string]string{"M": "gps.direction_magnetic"}[d.text(g[gpsDirRef], asciiText)]
		add(Location, cmp.Or(id, "gps.direction_true"), argNumber("degrees", dir[0]))
	}
	if sp := d.rationals(g[gpsSpeed], 1); sp != nil {
		id := map[string]string{"M": "gps.speed_mph", "N": "gps.speed_knots"}[d.text(g[gpsSpeedRef], asciiText)]
		add(Location, cmp.Or(id, "gps.speed_kmh"), argNumber("speed", sp[0]))
	}
	if a := d.text(g[gpsArea], commentText); a != "" {
		fs = append(fs, textFinding(Location, "gps.area", a, where))
	}
	if f, ok := d.gpsTime(g[gpsDate], g[gpsTime], where); ok {
		fs = append(fs, f)
	}
	used(gpsLat, gpsLatRef, gpsLon, gpsLonRef, gpsDestLat, gpsDestLatRef, gpsDestLon, gpsDestLonRef,
		gpsAlt, gpsAltRef, gpsDir, gpsDirRef, gpsSpeed, gpsSpeedRef, gpsArea, gpsDate, gpsTime, 0x00)
	return fs, len(g)
}

// gpsPoint reads a latitude and longitude (three RATIONALs each: degrees,
// minutes, seconds) as the arguments "lat" and "lon" in decimal degrees,
// "48.8584 N, 2.2945 E"; nil when either is missing or out of range.
func (d exifDirs) gpsPoint(lat, latRef, lon, lonRef *tiff.Tag) []Arg {
	la, lo := d.rationals(lat, 3), d.rationals(lon, 3)
	if la == nil || lo == nil {
		return nil
	}
	y, x := la[0]+la[1]/60+la[2]/3600, lo[0]+lo[1]/60+lo[2]/3600
	if y > 90 || x > 180 {
		return nil
	}
	ns, ew := "N", "E"
	if strings.HasPrefix(d.text(latRef, asciiText), "S") {
		ns = "S"
	}
	if strings.HasPrefix(d.text(lonRef, asciiText), "W") {
		ew = "W"
	}
	return []Arg{argCoordinate("lat", y, ns), argCoordinate("lon", x, ew)}
}

// gpsTime is the GPS date and UTC time of day, "2024-05-01 12:03:22 UTC",
// or the date alone; false when there is neither.
func (d exifDirs) gpsTime(date, clock *tiff.Tag, where string) (Finding, bool) {
	day := exifTime(d.text(date, asciiText))
	hms := d.rationals(clock, 3)
	if hms == nil || hms[0] >= 24 || hms[1] >= 60 || hms[2] >= 61 {
		if day == "" {
			return Finding{}, false
		}
		return textFinding(Time, "gps.date", day, where), true
	}
	t := strings.TrimSpace(fmt.Sprintf("%s %02d:%02d:%02d", day, int(hms[0]), int(hms[1]), int(hms[2])))
	return textFinding(Time, "gps.time", t, where), true
}
