package exif

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"time"
)

// What a video gives away, in the words used for photos: the position
// (QuickTime keys, udta ©xyz, 3GPP loci, XMP), the device, the times of
// the movie, track and media headers, the Live Photo pairing ID, a timed
// metadata track that follows the camera frame by frame, XMP, vendor boxes
// and bytes after the last box. Everything listed is dropped by the strip.

// videoMaxRead bounds how much of a dropped top-level box is read to list
// what it holds.
const videoMaxRead = 1 << 20

// xmpUUID is the extended type of the box that holds XMP in ISO files
// (XMP Specification Part 3 §1.2.7).
var xmpUUID = []byte{0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC}

// videoLabel is what a metadata item or key means.
type videoLabel struct {
	cat Category
	id  string
}

// videoKeys are the QuickTime metadata keys (QuickTime File Format,
// "Metadata": mdta keys) phones write, by name.
var videoKeys = map[string]videoLabel{
	"com.apple.quicktime.location.ISO6709":             {Location, "gps.position"},
	"com.apple.quicktime.location.accuracy.horizontal": {Location, "location.accuracy"},
	"com.apple.quicktime.make":                         {Device, "device.maker"},
	"com.apple.quicktime.model":                        {Device, "device.model"},
	"com.apple.quicktime.software":                     {Device, "edit.software"},
	"com.apple.quicktime.camera.lens_model":            {Device, "device.lens"},
	"com.apple.quicktime.creationdate":                 {Time, "time.taken"},
	"com.apple.quicktime.content.identifier":           {Other, "other.live_photo_id"},
	"com.apple.quicktime.author":                       {People, "people.author"},
	"com.apple.quicktime.artist":                       {People, "people.artist"},
	"com.apple.quicktime.displayname":                  {Text, "text.title"},
	"com.apple.quicktime.title":                        {Text, "text.title"},
	"com.apple.quicktime.description":                  {Text, "text.caption"},
	"com.apple.quicktime.comment":                      {Text, "text.comment"},
	"com.apple.quicktime.keywords":                     {Text, "text.keywords"},
	"com.android.version":                              {Device, "device.android_version"},
	"com.android.manufacturer":                         {Device, "device.maker"},
	"com.android.model":                                {Device, "device.model"},
}

// videoItems are the user-data and item-list boxes (QuickTime "User Data
// Atoms", iTunes-style ilst items, 3GPP TS 26.244 §8 asset boxes, Samsung's
// manu and modl), by type.
var videoItems = map[string]videoLabel{
	"\xa9xyz": {Location, "gps.position"}, "loci": {Location, "gps.position"},
	"\xa9mak": {Device, "device.maker"}, "manu": {Device, "device.maker"},
	"\xa9mod": {Device, "device.model"}, "modl": {Device, "device.model"},
	"\xa9swr": {Device, "edit.software"}, "\xa9too": {EditHistory, "edit.software"}, "\xa9enc": {EditHistory, "edit.software"},
	"\xa9day": {Time, "time.created"}, "yrrc": {Time, "time.created"},
	"\xa9nam": {Text, "text.title"}, "titl": {Text, "text.title"}, "\xa9cmt": {Text, "text.comment"},
	"\xa9des": {Text, "text.caption"}, "\xa9inf": {Text, "text.caption"}, "dscp": {Text, "text.caption"}, "desc": {Text, "text.caption"},
	"\xa9aut": {People, "people.author"}, "auth": {People, "people.author"}, "\xa9ART": {People, "people.artist"}, "perf": {People, "people.artist"},
	"\xa9cpy": {People, "people.copyright"}, "cprt": {People, "people.copyright"}, "kywd": {Text, "text.keywords"},
}

// findings lists everything the video holds besides its pictures and sound.
func (v *videoFile) findings() []Finding {
	var fs []Finding
	fs = append(fs, v.m.timeFindings()...)
	for _, mb := range v.m.meta {
		fs = append(fs, boxFindings(mb.typ, mb.box, mb.where)...)
	}
	for _, t := range v.m.tracks {
		if !t.keep() {
			fs = append(fs, t.finding())
		}
	}
	for _, b := range v.dropped {
		fs = append(fs, v.topFindings(b)...)
	}
	if v.tail < v.size {
		fs = append(fs, v.tailFinding())
	}
	for i, f := range fs { // XMP's words are a photo's
		if f.ID == "gps.position" {
			fs[i] = say(f.Category, "gps.video_position", f.Where, f.Args...)
		}
	}
	return fs
}

// topFindings lists a dropped top-level box.
func (v *videoFile) topFindings(b bmffBox) []Finding {
	switch b.typ {
	case "free", "skip", "wide", "junk", "pnot":
		if p := readHead(v.r, b, 64<<10); !allZero(p) {
			_, n := b.payload()
			return []Finding{say(Other, "other.leftover_space", "video "+fourCC(b.typ)+" box", argSize("size", int(min(n, 1<<40))))}
		}
		return nil
	}
	head := make([]byte, 0, b.hdr)
	var h [32]byte
	k, _ := v.r.ReadAt(h[:b.hdr], b.off)
	head = append(head, h[:k]...)
	return boxFindings(b.typ, append(head, readHead(v.r, b, videoMaxRead)...), "video")
}

// boxFindings lists a box the clean copy drops: user data, metadata, XMP,
// vendor boxes. box is the whole box, header included.
func boxFindings(typ string, box []byte, where string) []Finding {
	c, _, err := nextBMFF(box)
	if err != nil {
		c = bmffChild{typ: typ, box: box, payload: box[min(len(box), 8):]}
	}
	switch typ {
	case "udta":
		return userData(c.payload, where+" user data")
	case "meta":
		return metaFindings(c.payload, where+" metadata")
	case "XMP_":
		return xmpFindings(c.payload, "video XMP")
	case "uuid":
		if len(c.box) >= 24 && bytes.Equal(c.box[8:24], xmpUUID) {
			return xmpFindings(c.payload, "video XMP")
		}
	case "smta", "sefd":
		return []Finding{say(Device, "device.samsung", "video "+typ+" box", argSize("size", len(c.payload)))}
	}
	return []Finding{unknownBoxes(where, fourCC(typ), argSize("size", len(c.box)))}
}

// userData lists the items of a udta box.
func userData(p []byte, where string) []Finding {
	kids, _ := bmffChildren(p) // what was read before a fault is listed
	var fs []Finding
	for _, c := range kids {
		l, ok := videoItems[c.typ]
		switch {
		case ok:
			fs = append(fs, itemFinding(l, itemText(c.typ, c.payload), where))
		case c.typ == "meta" || c.typ == "XMP_" || c.typ == "uuid" || c.typ == "smta" || c.typ == "sefd":
			fs = append(fs, boxFindings(c.typ, c.box, where)...)
		default:
			fs = append(fs, unknownBoxes(where, fourCC(c.typ), argSize("size", len(c.box))))
		}
	}
	return fs
}

// itemFinding makes a finding of an item's text: positions become
// decimal coordinates.
func itemFinding(l videoLabel, text, where string) Finding {
	if l.id == "gps.position" {
		if p := iso6709(text); p != nil {
			return say(Location, "gps.video_position", where, p...)
		}
		return textFinding(l.cat, "gps.position_text", text, where)
	}
	return textFinding(l.cat, l.id, text, where)
}

// metaFindings lists a meta box: QuickTime keys with their values (keys,
// ilst) or iTunes-style items (ilst), XMP and anything else.
func metaFindings(p []byte, where string) []Finding {
	if len(p) >= 8 && string(p[4:8]) != "hdlr" {
		p = p[4:] // an ISO meta is a full box; QuickTime's is not
	}
	kids, _ := bmffChildren(p)
	var keys []string
	var fs []Finding
	for _, c := range kids {
		switch c.typ {
		case "keys":
			keys = readKeys(c.payload)
		case "ilst":
			fs = append(fs, itemList(c.payload, keys, where)...)
		case "hdlr", "free":
		case "xml ", "XMP_", "uuid":
			fs = append(fs, xmpFindings(c.payload, "video XMP")...)
		default:
			fs = append(fs, unknownBoxes(where, fourCC(c.typ)))
		}
	}
	return fs
}

// readKeys reads a keys box: version/flags, entry count, then entries of
// key_size(32) key_namespace(32) key_value.
func readKeys(p []byte) []string {
	var keys []string
	if len(p) < 8 {
		return nil
	}
	for p = p[8:]; len(p) >= 8; {
		n := int(binary.BigEndian.Uint32(p))
		if n < 8 || n > len(p) {
			break
		}
		keys = append(keys, string(p[8:n]))
		p = p[n:]
	}
	return keys
}

// itemList lists an ilst box: each item is named by its type, or, with
// keys, by the 1-based key index its type holds.
func itemList(p []byte, keys []string, where string) []Finding {
	kids, _ := bmffChildren(p)
	var fs []Finding
	for _, c := range kids {
		text := itemText("", c.payload)
		if keys == nil {
			if l, ok := videoItems[c.typ]; ok {
				fs = append(fs, itemFinding(l, text, where))
			} else {
				fs = append(fs, textFinding(Other, "other.metadata_item", text, where, fileText("key", fourCC(c.typ))))
			}
			continue
		}
		i := int(binary.BigEndian.Uint32([]byte(c.typ))) - 1
		if i < 0 || i >= len(keys) {
			continue
		}
		l, ok := videoKeys[keys[i]]
		switch {
		case ok:
			fs = append(fs, itemFinding(l, text, where))
		default:
			fs = append(fs, textFinding(Other, "other.metadata_item", text, where, fileText("key", keys[i])))
		}
	}
	return fs
}

// itemText reads the text of an item in whichever form it comes: a data
// box (type(32) locale(32) value), a 3GPP asset box (TS 26.244 §8:
// version/flags, language(16), text), or a QuickTime international text
// (size(16) language(16) text).
func itemText(typ string, p []byte) string {
	switch {
	case len(p) >= 16 && string(p[4:8]) == "data":
		n := min(int(binary.BigEndian.Uint32(p)), len(p))
		if n >= 16 {
			return dataValue(p[8:12], p[16:n])
		}
	case typ == "loci":
		return loci(p)
	case len(typ) == 4 && typ[0] != 0xa9 && len(p) >= 6 && binary.BigEndian.Uint32(p) == 0:
		return string(bytes.TrimRight(p[6:], "\x00"))
	case len(p) >= 4 && int(binary.BigEndian.Uint16(p)) <= len(p)-4:
		return string(p[4 : 4+int(binary.BigEndian.Uint16(p))])
	}
	return string(bytes.TrimRight(p, "\x00"))
}

// dataValue is the value of a data box by its well-known type (QuickTime
// File Format, "Well-Known Types"): text, or a number.
func dataValue(kind, v []byte) string {
	switch kind[3] {
	case 21, 22: // signed or unsigned big-endian integer
		if len(v) <= 8 {
			var n uint64
			for _, b := range v {
				n = n<<8 | uint64(b)
			}
			return fmt.Sprint(n)
		}
	case 23: // 32-bit float
		if len(v) == 4 {
			return fmt.Sprintf("%g", math.Float32frombits(binary.BigEndian.Uint32(v)))
		}
	}
	return string(bytes.TrimRight(v, "\x00"))
}

// loci reads a 3GPP location box (TS 26.244 §8.1.3: version/flags,
// language(16), name, role(8), longitude, latitude, altitude as signed
// 16.16 fixed point) as an ISO 6709 string.
func loci(p []byte) string {
	if len(p) < 6 {
		return ""
	}
	i := bytes.IndexByte(p[6:], 0)
	if i < 0 || len(p) < 6+i+1+1+12 {
		return ""
	}
	q := p[6+i+2:]
	lon := float64(int32(binary.BigEndian.Uint32(q))) / 65536
	lat := float64(int32(binary.BigEndian.Uint32(q[4:]))) / 65536
	return fmt.Sprintf("%+.5f%+.5f/", lat, lon)
}

// timeFindings lists the creation and modification times of the movie,
// track and media headers (seconds since 1904-01-01 UTC, §8.2.2), each
// distinct time once.
func (m *movie) timeFindings() []Finding {
	seen := map[string]bool{}
	var fs []Finding
	add := func(p []byte, where string) {
		c, mod := headerTimes(p)
		for _, t := range []struct {
			id string
			v  uint64
		}{{"time.created", c}, {"time.changed", mod}} {
			if s := macTime(t.v); s != "" && !seen[t.id+s] {
				seen[t.id+s] = true
				fs = append(fs, textFinding(Time, t.id, s, where))
			}
		}
	}
	add(m.mvhd, "video movie header")
	for _, t := range m.tracks {
		add(t.tkhd, "video track header")
		add(t.mdhd, "video media header")
	}
	return fs
}

// headerTimes reads the creation and modification times that open mvhd,
// tkhd and mdhd: 32 bits each in version 0, 64 in version 1.
func headerTimes(p []byte) (created, modified uint64) {
	if len(p) >= 20 && p[0] == 1 {
		return binary.BigEndian.Uint64(p[4:]), binary.BigEndian.Uint64(p[12:])
	}
	if len(p) >= 12 {
		return uint64(binary.BigEndian.Uint32(p[4:])), uint64(binary.BigEndian.Uint32(p[8:]))
	}
	return 0, 0
}

// macTime writes seconds since 1904 as a date; "" for zero (unset) or a
// time past the year 9999.
func macTime(s uint64) string {
	const to1970 = 2082844800
	if s == 0 || s > 253402300799+to1970 {
		return ""
	}
	return time.Unix(int64(s)-to1970, 0).UTC().Format("2006-01-02 15:04:05 UTC")
}

// finding describes a track the clean copy drops.
func (t *track) finding() Finding {
	where := "video track"
	switch t.handler {
	case "meta", "mdta":
		loc := bytes.Contains(t.stsd, []byte("location")) || bytes.Contains(t.stsd, []byte("ISO6709"))
		face := bytes.Contains(t.stsd, []byte("face"))
		switch {
		case loc && face:
			return say(Location, "location.track_positions_faces", where)
		case loc:
			return say(Location, "location.track_positions", where)
		case face:
			return say(People, "people.track_faces", where)
		}
		return say(Other, "other.track_samples", where, argCount("count", int(min(t.samples, math.MaxInt32))))
	case "tmcd":
		return say(Time, "time.timecode_track", where)
	case "text", "sbtl", "subt", "clcp":
		return say(Text, "text.text_track", where)
	}
	return textFinding(Other, "other.other_track", fourCC(t.handler), where)
}

// tailFinding describes the bytes after the last box, from their first
// and last 64 KB: a Samsung SEF trailer, or unknown data.
func (v *videoFile) tailFinding() Finding {
	n := v.size - v.tail
	head := make([]byte, min(n, trailerScan))
	v.r.ReadAt(head, v.tail)
	end := make([]byte, min(n, trailerScan))
	v.r.ReadAt(end, v.size-int64(len(end)))
	size := argSize("size", int(min(n, 1<<40)))
	if containsEither(head, end, "SEFH") || containsEither(head, end, "SEFT") {
		return say(HiddenPictures, "hidden.samsung_after_video", "after the last video box", size)
	}
	return say(HiddenPictures, "hidden.after_video", "after the last video box", size)
}

// unknownBoxes is the finding of boxes of unknown types: their names, and
// the size when given.
func unknownBoxes(where, types string, size ...Arg) Finding {
	if len(size) > 0 {
		return textFinding(Other, "other.unknown_box_size", types, where, size...)
	}
	return textFinding(Other, "other.unknown_boxes", types, where)
}
