package exif

import (
	"encoding/binary"
	"slices"
)

// The movie box of the clean copy, built from the keep-lists below: at
// each level only the boxes a player needs to show the pictures and play
// the sound (ISO/IEC 14496-12 §8.2–8.7, the QuickTime File Format's movie
// atoms), with the header times zeroed, the handler names blanked and the
// chunk offsets rewritten. Everything else, known or not, is dropped.

// stblKeep are the sample-table boxes kept as they are: descriptions,
// timing, sync samples, sample-to-chunk, sizes and sample groups. stco and
// co64 are rewritten; saio and saiz (offsets of encryption data) and the
// rest are dropped.
var stblKeep = map[string]bool{
	"stsd": true, "stts": true, "ctts": true, "cslg": true, "stss": true, "stps": true, "stsh": true,
	"sdtp": true, "stsc": true, "stsz": true, "stz2": true, "sgpd": true, "sbgp": true, "padb": true,
}

// moovBuilder builds one clean movie box.
type moovBuilder struct {
	m     *movie
	kept  map[uint32]bool // IDs of the tracks kept
	wide  map[int]bool    // tracks, by index, whose offsets are written as co64
	shift func(int64) int64
	over  []int // tracks whose 32-bit offsets overflowed
	track int   // index of the track being built
}

// build writes the clean movie box and lists the tracks whose stco could
// not hold their new offsets.
func (m *movie) build(wide map[int]bool, shift func(int64) int64) ([]byte, []int, error) {
	b := &moovBuilder{m: m, kept: map[uint32]bool{}, wide: wide, shift: shift}
	for _, t := range m.tracks {
		if t.keep() {
			b.kept[t.id] = true
		}
	}
	ti := 0
	payload, err := rebuild(m.raw, func(c bmffChild) ([]byte, error) {
		switch c.typ {
		case "mvhd":
			return headerBox(c, 0)
		case "trak":
			b.track, ti = ti, ti+1
			if !m.tracks[b.track].keep() {
				return nil, nil
			}
			return rebuildBox("trak", c.payload, b.trak)
		}
		return nil, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return appendBox(nil, "moov", payload), b.over, nil
}

// rebuild runs keep on each child of a container and joins what it
// returns (nil drops the child).
func rebuild(p []byte, keep func(bmffChild) ([]byte, error)) ([]byte, error) {
	kids, err := bmffChildren(p)
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, c := range kids {
		b, err := keep(c)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

// rebuildBox is a container of type typ holding what rebuild keeps of p.
func rebuildBox(typ string, p []byte, keep func(bmffChild) ([]byte, error)) ([]byte, error) {
	payload, err := rebuild(p, keep)
	if err != nil {
		return nil, err
	}
	return appendBox(nil, typ, payload), nil
}

func (b *moovBuilder) trak(c bmffChild) ([]byte, error) {
	switch c.typ {
	case "tkhd":
		return headerBox(c, 0)
	case "tref":
		return b.tref(c.payload)
	case "edts":
		return rebuildBox("edts", c.payload, keepOnly("elst"))
	case "tapt":
		return c.box, nil // clean, production and encoded aperture sizes
	case "mdia":
		return rebuildBox("mdia", c.payload, b.mdia)
	}
	return nil, nil
}

func (b *moovBuilder) mdia(c bmffChild) ([]byte, error) {
	switch c.typ {
	case "mdhd":
		return headerBox(c, 1)
	case "hdlr":
		return blankHandler(c)
	case "minf":
		return rebuildBox("minf", c.payload, b.minf)
	}
	return nil, nil
}

func (b *moovBuilder) minf(c bmffChild) ([]byte, error) {
	switch c.typ {
	case "vmhd", "smhd":
		return c.box, nil
	case "hdlr":
		return blankHandler(c)
	case "dinf":
		return rebuildBox("dinf", c.payload, func(c bmffChild) ([]byte, error) {
			if c.typ == "dref" {
				return cleanDref(c.payload)
			}
			return nil, nil
		})
	case "stbl":
		return rebuildBox("stbl", c.payload, b.stbl)
	}
	return nil, nil
}

func (b *moovBuilder) stbl(c bmffChild) ([]byte, error) {
	switch {
	case stblKeep[c.typ]:
		return c.box, nil
	case c.typ == "stco" || c.typ == "co64":
		return b.offsets(c)
	}
	return nil, nil
}

// keepOnly keeps the children of the given type as they are.
func keepOnly(typ string) func(bmffChild) ([]byte, error) {
	return func(c bmffChild) ([]byte, error) {
		if c.typ == typ {
			return c.box, nil
		}
		return nil, nil
	}
}

// headerBox copies mvhd, tkhd or mdhd with its creation and modification
// times zeroed (§8.2.2, 8.3.2, 8.4.2: 32 bits each in version 0, 64 in
// version 1). For mdhd (lang 1) the language becomes "und" (ISO 639-2/T
// packed in 15 bits): the language of the recording hints at the person's.
func headerBox(c bmffChild, lang int) ([]byte, error) {
	p := slices.Clone(c.payload)
	times, at := 12, 20 // end of the times; where mdhd's language is
	if len(p) > 0 && p[0] == 1 {
		times, at = 20, 32
	}
	if len(p) < times || (lang == 1 && len(p) < at+2) {
		return nil, formatError("", Truncated, "video "+c.typ+" box too short")
	}
	clear(p[4:times])
	if lang == 1 {
		binary.BigEndian.PutUint16(p[at:], 0x55C4) // 'und'
	}
	return appendBox(nil, c.typ, p), nil
}

// blankHandler copies hdlr (§8.4.3: version/flags, pre_defined, handler
// type, three reserved words, name) with an empty name and zero reserved
// words. QuickTime keeps its component type (mhlr, dhlr) in pre_defined
// and the manufacturer ("appl") in the first reserved word; the type is
// kept, since readers tell QuickTime from ISO files by it. One zero byte
// is both an empty C string (ISO) and an empty Pascal string (QuickTime).
func blankHandler(c bmffChild) ([]byte, error) {
	p := c.payload
	if len(p) < 12 {
		return nil, formatError("", Truncated, "video handler box too short")
	}
	out := append([]byte{}, p[:4]...)
	switch string(p[4:8]) {
	case "mhlr", "dhlr":
		out = append(out, p[4:8]...)
	default:
		out = append(out, 0, 0, 0, 0)
	}
	out = append(out, p[8:12]...)
	out = append(out, make([]byte, 13)...)
	return appendBox(nil, "hdlr", out), nil
}

// cleanDref rebuilds a data reference box (§8.7.2) with as many entries,
// each saying "the media is in this file" (flags 1) and nothing else: a
// QuickTime alias or a URL could name a path on the person's computer. A
// track whose media is in another file is refused.
func cleanDref(p []byte) ([]byte, error) {
	if len(p) < 8 {
		return nil, formatError("", Truncated, "video dref box too short")
	}
	kids, err := bmffChildren(p[8:])
	if err != nil {
		return nil, err
	}
	out := append(append([]byte{}, p[:4]...), 0, 0, 0, 0)
	binary.BigEndian.PutUint32(out[4:], uint32(len(kids)))
	for _, k := range kids {
		if len(k.payload) < 4 || k.payload[3]&1 == 0 {
			return nil, errExternalMedia
		}
		typ := "url "
		if k.typ == "alis" {
			typ = "alis"
		}
		out = appendBox(out, typ, []byte{0, 0, 0, 1})
	}
	return appendBox(nil, "dref", out), nil
}

// tref keeps the track references (§8.3.3: boxes of a reference type
// holding track IDs) that point to kept tracks; a type left with none,
// and a tref left empty, are dropped.
func (b *moovBuilder) tref(p []byte) ([]byte, error) {
	payload, err := rebuild(p, func(c bmffChild) ([]byte, error) {
		var ids []byte
		for i := 0; i+4 <= len(c.payload); i += 4 {
			if b.kept[binary.BigEndian.Uint32(c.payload[i:])] {
				ids = append(ids, c.payload[i:i+4]...)
			}
		}
		if len(ids) == 0 {
			return nil, nil
		}
		return appendBox(nil, c.typ, ids), nil
	})
	if err != nil || len(payload) == 0 {
		return nil, err
	}
	return appendBox(nil, "tref", payload), nil
}

// offsets rewrites a chunk offset box for where the media data now lies,
// as co64 when it was one or when 32 bits no longer hold the offsets.
func (b *moovBuilder) offsets(c bmffChild) ([]byte, error) {
	offs, err := readChunkOffsets(c)
	if err != nil {
		return nil, err
	}
	wide := c.typ == "co64" || b.wide[b.track]
	typ := "stco"
	if wide {
		typ = "co64"
	}
	out := binary.BigEndian.AppendUint32(nil, 0) // version, flags
	out = binary.BigEndian.AppendUint32(out, uint32(len(offs)))
	over := false
	for _, o := range offs {
		n := b.shift(int64(o))
		if wide {
			out = binary.BigEndian.AppendUint64(out, uint64(n))
			continue
		}
		over = over || n > 0xFFFFFFFF
		out = binary.BigEndian.AppendUint32(out, uint32(n))
	}
	if over {
		b.over = append(b.over, b.track)
	}
	return appendBox(nil, typ, out), nil
}
