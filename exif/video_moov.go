package exif

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// The movie box (ISO/IEC 14496-12 §8.2) in memory: its header (mvhd), its
// tracks, and the metadata boxes it and its tracks carry. Only the boxes
// the clean copy keeps, and the metadata boxes the findings read, are
// parsed; everything else is named for the findings and dropped.

// movie is a parsed movie box.
type movie struct {
	raw    []byte // the moov payload
	mvhd   []byte // the mvhd payload
	tracks []*track
	meta   []metaBox // udta, meta, uuid and unknown boxes, for the findings
}

// metaBox is a box the clean copy drops, with where it was found.
type metaBox struct {
	typ   string
	box   []byte
	where string
}

// track is one trak box.
type track struct {
	id      uint32
	handler string // the media handler type: vide, soun, meta, tmcd, text, …
	tkhd    []byte // payload
	mdhd    []byte // payload
	stsd    []byte // payload
	chunks  []fileRange
	samples uint64
}

// fileRange is a run of bytes in the file.
type fileRange struct{ off, n int64 }

// keep reports whether the clean copy keeps the track: pictures and sound.
func (t *track) keep() bool { return t.handler == "vide" || t.handler == "soun" }

// parseMovie parses the moov payload: one mvhd, its tracks, and nothing
// that makes it a fragmented file.
func parseMovie(p []byte) (*movie, error) {
	kids, err := bmffChildren(p)
	if err != nil {
		return nil, err
	}
	m := &movie{raw: p}
	for _, c := range kids {
		switch c.typ {
		case "mvhd":
			m.mvhd = c.payload
		case "trak":
			t, err := m.parseTrack(c.payload)
			if err != nil {
				return nil, err
			}
			m.tracks = append(m.tracks, t)
		case "mvex":
			return nil, errFragmented
		case "cmov":
			return nil, refuse(ErrUnsupported, "refused.video_compressed_moov")
		default:
			m.meta = append(m.meta, metaBox{c.typ, c.box, "video"})
		}
	}
	if len(m.mvhd) < 4 {
		return nil, formatError("", Malformed, "video without a movie header")
	}
	if !slices.ContainsFunc(m.tracks, func(t *track) bool { return t.handler == "vide" }) {
		return nil, refuse(ErrUnsupported, "refused.video_sound_only")
	}
	return m, nil
}

// parseTrack parses one trak payload: tkhd, mdia (mdhd, hdlr, minf with
// its sample table), and the metadata boxes a track may carry.
func (m *movie) parseTrack(p []byte) (*track, error) {
	kids, err := bmffChildren(p)
	if err != nil {
		return nil, err
	}
	t := &track{}
	for _, c := range kids {
		switch c.typ {
		case "tkhd":
			t.tkhd = c.payload
		case "mdia":
			if err := t.parseMedia(c.payload); err != nil {
				return nil, err
			}
		case "tref", "edts", "tapt":
		default:
			m.meta = append(m.meta, metaBox{c.typ, c.box, "video track"})
		}
	}
	if len(t.tkhd) < 24 || len(t.mdhd) < 4 || t.handler == "" {
		return nil, formatError("", Malformed, "video track without its header, media header or handler")
	}
	if t.tkhd[0] == 1 {
		t.id = binary.BigEndian.Uint32(t.tkhd[20:])
	} else {
		t.id = binary.BigEndian.Uint32(t.tkhd[12:])
	}
	return t, nil
}

// parseMedia parses an mdia payload.
func (t *track) parseMedia(p []byte) error {
	kids, err := bmffChildren(p)
	if err != nil {
		return err
	}
	for _, c := range kids {
		switch c.typ {
		case "mdhd":
			t.mdhd = c.payload
		case "hdlr":
			if len(c.payload) < 12 {
				return formatError("", Truncated, "video handler box too short")
			}
			t.handler = string(c.payload[8:12])
		case "minf":
			if err := t.parseMinf(c.payload); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseMinf finds the sample table inside minf.
func (t *track) parseMinf(p []byte) error {
	kids, err := bmffChildren(p)
	if err != nil {
		return err
	}
	for _, c := range kids {
		if c.typ == "stbl" {
			return t.parseStbl(c.payload)
		}
	}
	return formatError("", Malformed, "video track without a sample table")
}

// parseStbl reads the sample description and works out where the track's
// chunks lie in the file (§8.7: stsc, stsz or stz2, stco or co64).
func (t *track) parseStbl(p []byte) error {
	kids, err := bmffChildren(p)
	if err != nil {
		return err
	}
	var stsc, sizes, offsets bmffChild
	for _, c := range kids {
		switch c.typ {
		case "stsd":
			t.stsd = c.payload
		case "stsc":
			stsc = c
		case "stsz", "stz2":
			sizes = c
		case "stco", "co64":
			offsets = c
		}
	}
	if stsc.typ == "" || sizes.typ == "" || offsets.typ == "" {
		return formatError("", Malformed, "video sample table without sample-to-chunk, size or chunk offset box")
	}
	sz, err := readSampleSizes(sizes)
	if err != nil {
		return err
	}
	offs, err := readChunkOffsets(offsets)
	if err != nil {
		return err
	}
	t.samples = sz.count
	t.chunks, err = chunkRanges(stsc.payload, sz, offs)
	return err
}

// sampleSizes is a stsz or stz2 box: one size for all, or a table.
type sampleSizes struct {
	fixed uint64
	count uint64
	table []uint32
}

// size is the size of sample i (0-based, below count).
func (s *sampleSizes) size(i uint64) uint64 {
	if s.table == nil {
		return s.fixed
	}
	return uint64(s.table[i])
}

// readSampleSizes reads stsz (§8.7.3.2: version/flags, sample_size,
// sample_count, then a table when sample_size is 0) or stz2 (§8.7.3.3:
// version/flags, 24 reserved bits, field_size 4, 8 or 16, sample_count,
// packed table).
func readSampleSizes(c bmffChild) (*sampleSizes, error) {
	r := &heicReader{b: c.payload, box: "video " + c.typ}
	r.fullBox()
	s := &sampleSizes{}
	if c.typ == "stsz" {
		s.fixed = uint64(r.u32())
		s.count = uint64(r.u32())
		if s.fixed == 0 {
			raw := r.take(int(min(s.count, 1<<40)) * 4)
			s.table = make([]uint32, 0, len(raw)/4)
			for i := 0; i+4 <= len(raw); i += 4 {
				s.table = append(s.table, binary.BigEndian.Uint32(raw[i:]))
			}
		}
		return s, r.err
	}
	field := int(r.u32() & 0xFF)
	s.count = uint64(r.u32())
	if field != 4 && field != 8 && field != 16 {
		return nil, formatError("", Malformed, "video stz2 box: field size "+fmt.Sprint(field))
	}
	raw := r.take(int((min(s.count, 1<<40)*uint64(field) + 7) / 8))
	if r.err != nil {
		return nil, r.err
	}
	s.table = make([]uint32, 0, s.count)
	for i := uint64(0); i < s.count; i++ {
		s.table = append(s.table, stz2Entry(raw, field, i))
	}
	return s, r.err
}

// stz2Entry reads entry i of a packed stz2 table (high nibble first).
func stz2Entry(raw []byte, field int, i uint64) uint32 {
	switch field {
	case 4:
		b := raw[i/2]
		if i%2 == 0 {
			return uint32(b >> 4)
		}
		return uint32(b & 0xF)
	case 8:
		return uint32(raw[i])
	}
	return uint32(binary.BigEndian.Uint16(raw[2*i:]))
}

// readChunkOffsets reads stco (§8.7.5: 32-bit offsets) or co64 (64-bit).
func readChunkOffsets(c bmffChild) ([]uint64, error) {
	r := &heicReader{b: c.payload, box: "video " + c.typ}
	r.fullBox()
	n := uint64(r.u32())
	w := 4
	if c.typ == "co64" {
		w = 8
	}
	if n*uint64(w) > uint64(len(r.b)) {
		return nil, formatError("", Malformed, "video "+c.typ+" box: more chunks than it holds")
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = r.uint(w)
	}
	return out, r.err
}

// chunkRanges works out the bytes of each chunk: its offset, and the sizes
// of the samples stsc (§8.7.4: runs of first_chunk, samples_per_chunk,
// sample_description_index) puts in it. A table that names more samples
// than stsz holds is refused.
func chunkRanges(stsc []byte, sz *sampleSizes, offs []uint64) ([]fileRange, error) {
	r := &heicReader{b: stsc, box: "video stsc"}
	r.fullBox()
	n := uint64(r.u32())
	if n*12 > uint64(len(r.b)) || (n == 0 && len(offs) > 0) {
		return nil, formatError("", Malformed, "video stsc box: entry count does not fit")
	}
	runs := make([][2]uint64, n) // first chunk (1-based), samples per chunk
	for i := range runs {
		runs[i] = [2]uint64{uint64(r.u32()), uint64(r.u32())}
		r.u32()
		if runs[i][0] == 0 || (i == 0 && runs[i][0] != 1) || (i > 0 && runs[i][0] <= runs[i-1][0]) {
			return nil, formatError("", Malformed, "video stsc box: chunks out of order")
		}
	}
	out := make([]fileRange, 0, len(offs))
	var sample uint64
	run := 0
	for c := range offs {
		for run+1 < len(runs) && runs[run+1][0] <= uint64(c+1) {
			run++
		}
		per := runs[run][1]
		if per > sz.count-sample {
			return nil, formatError("", Malformed, "video sample table: chunks hold more samples than there are")
		}
		var n uint64
		if sz.table == nil {
			n = per * sz.fixed // both below 2^32
		} else {
			for i := sample; i < sample+per; i++ {
				n += sz.size(i)
			}
		}
		if offs[c] > 1<<62 || n > 1<<62 {
			return nil, formatError("", Truncated, "video chunk outside the file")
		}
		out = append(out, fileRange{int64(offs[c]), int64(n)})
		sample += per
	}
	return out, r.err
}

// checkChunks refuses a file whose kept tracks have chunks outside its
// media data boxes: their offsets could not be rewritten.
func (m *movie) checkChunks(mdat []bmffBox) error {
	for _, t := range m.tracks {
		if !t.keep() {
			continue
		}
		for _, c := range t.chunks {
			if mdatOf(mdat, c) < 0 {
				return formatError("", Truncated, "video damaged or cut short: samples lie outside its media data")
			}
		}
	}
	return nil
}

// mdatOf is the index of the media data box that holds all of c, or -1.
func mdatOf(mdat []bmffBox, c fileRange) int {
	for i, b := range mdat {
		off, n := b.payload()
		if c.off >= off && c.n <= off+n-c.off {
			return i
		}
	}
	return -1
}

// uprightSize is the size of the first picture track as it is shown: its
// tkhd width and height (16.16 fixed point, §8.3.2), swapped when the
// track's matrix turns it a quarter turn.
func (m *movie) uprightSize() (int, int) {
	for _, t := range m.tracks {
		if t.handler != "vide" {
			continue
		}
		b := t.tkhd
		at := 4 + 20 // version/flags, then the v0 fields up to the duration
		if b[0] == 1 {
			at = 4 + 32
		}
		at += 8 + 2 + 2 + 2 + 2 // reserved, layer, alternate group, volume, reserved
		if len(b) < at+36+8 {
			return 0, 0
		}
		a, d := int32(binary.BigEndian.Uint32(b[at:])), int32(binary.BigEndian.Uint32(b[at+16:]))
		w, h := int(binary.BigEndian.Uint32(b[at+36:])>>16), int(binary.BigEndian.Uint32(b[at+40:])>>16)
		if a == 0 && d == 0 {
			w, h = h, w
		}
		return w, h
	}
	return 0, 0
}
