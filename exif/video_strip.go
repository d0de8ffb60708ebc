package exif

import (
	"io"
	"slices"
)

// A clean video keeps ftyp (with the brands Veil knows), the movie box
// with its picture and sound tracks only, and the media data, copied byte
// for byte, in the order of the original, so a file that starts to play
// before it is fully loaded (moov first) still does. Dropped at every
// level: udta, meta, uuid, XMP_, free and skip, and every box not on the
// keep-lists below; the timed-metadata, timecode, text and other tracks,
// with their samples overwritten by zeros in the media data (they are
// interleaved with the pictures), and the track references to them. The
// times of the movie, track and media headers are zeroed, the media
// language set to "und", and the handler names blanked. Every chunk
// offset (stco, co64) is rewritten for where the media data now lies.

// VideoPiece is one piece of a clean video, written in order: Data as it
// is when it is not nil; otherwise N bytes copied from the original at
// Off, or, when Zero is set, N zero bytes in place of the original's at
// Off.
type VideoPiece struct {
	Data []byte
	Off  int64
	N    int64
	Zero bool
}

// VideoPlan is a clean copy of a video as pieces: new headers, ranges of
// the original to copy and ranges to write as zeros. The caller streams
// it from the original file (the media data is never held in memory) and
// must then VerifyVideo what it wrote.
type VideoPlan struct {
	Pieces []VideoPiece
	Size   int64 // the size of the clean copy
}

// WriteTo writes the clean copy to w, reading the copied ranges from src.
func (p *VideoPlan) WriteTo(w io.Writer, src io.ReaderAt) (int64, error) {
	var total int64
	zeros := make([]byte, 32<<10)
	for _, pc := range p.Pieces {
		var n int64
		var err error
		switch {
		case pc.Data != nil:
			var k int
			k, err = w.Write(pc.Data)
			n = int64(k)
		case pc.Zero:
			for left := pc.N; left > 0 && err == nil; left -= int64(len(zeros)) {
				var k int
				k, err = w.Write(zeros[:min(left, int64(len(zeros)))])
				n += int64(k)
			}
		default:
			n, err = io.Copy(w, io.NewSectionReader(src, pc.Off, pc.N))
		}
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// StripVideo plans the clean copy of the video in r, which InspectVideo
// has just read: info must be what it returned for r (with an info of
// another kind, or for a file of another size, r is parsed again).
func StripVideo(r io.ReaderAt, size int64, info *Info, opt Options) (*VideoPlan, error) {
	v, ok := info.parsedVideo()
	if !ok || v.size != size {
		var err error
		if v, err = parseVideo(r, size); err != nil {
			return nil, err
		}
	}
	return v.plan()
}

func (info *Info) parsedVideo() (*videoFile, bool) {
	if info == nil {
		return nil, false
	}
	v, ok := info.parsed.(*videoFile)
	return v, ok
}

// plan lays out the clean copy. The movie box is built twice: once to
// learn its size, which moves the media data when it comes first, and
// again with the chunk offsets of the final layout; a 32-bit offset table
// that no longer fits becomes a 64-bit one, and the layout is redone.
func (v *videoFile) plan() (*VideoPlan, error) {
	wide := map[int]bool{}
	var ftyp []byte
	if v.ftyp != nil {
		ftyp = cleanFtyp(v.ftyp)
	}
	for range 3 {
		moov, _, err := v.m.build(wide, func(o int64) int64 { return o })
		if err != nil {
			return nil, err
		}
		starts := v.layout(int64(len(ftyp)), int64(len(moov)))
		moov, over, err := v.m.build(wide, v.shifter(starts))
		if err != nil {
			return nil, err
		}
		if len(over) == 0 {
			return v.pieces(ftyp, moov), nil
		}
		for _, i := range over {
			wide[i] = true
		}
	}
	return nil, formatError("", Malformed, "video chunk offsets do not settle")
}

// order lists the kept top-level boxes after ftyp in the order of the
// original: -1 for the movie box, i for media data box i.
func (v *videoFile) order() []int {
	var out []int
	moov := false
	for i, b := range v.mdat {
		if !moov && v.moov.off < b.off {
			out, moov = append(out, -1), true
		}
		out = append(out, i)
	}
	if !moov {
		out = append(out, -1)
	}
	return out
}

// layout is where each media data box's payload starts in the copy.
func (v *videoFile) layout(ftyp, moov int64) []int64 {
	pos := ftyp
	starts := make([]int64, len(v.mdat))
	for _, i := range v.order() {
		if i < 0 {
			pos += moov
			continue
		}
		_, n := v.mdat[i].payload()
		starts[i] = pos + v.mdat[i].hdr
		pos += v.mdat[i].hdr + n
	}
	return starts
}

// shifter maps an offset in the original's media data to the copy's.
// Offsets outside it (only a dropped track's) are kept as they are.
func (v *videoFile) shifter(starts []int64) func(int64) int64 {
	return func(o int64) int64 {
		for i, b := range v.mdat {
			off, n := b.payload()
			if o >= off && o <= off+n {
				return o - off + starts[i]
			}
		}
		return o
	}
}

// pieces writes the plan: ftyp, then the movie box and media data boxes
// in the order of the original.
func (v *videoFile) pieces(ftyp, moov []byte) *VideoPlan {
	p := &VideoPlan{}
	add := func(pc VideoPiece) {
		if pc.Data != nil {
			p.Size += int64(len(pc.Data))
		} else {
			p.Size += pc.N
		}
		k := len(p.Pieces) - 1
		switch {
		case pc.Data == nil && pc.N == 0:
		case k >= 0 && pc.Data == nil && p.Pieces[k].Data == nil && pc.Zero == p.Pieces[k].Zero &&
			p.Pieces[k].Off+p.Pieces[k].N == pc.Off:
			p.Pieces[k].N += pc.N // one range of the original, or of zeros
		default:
			p.Pieces = append(p.Pieces, pc)
		}
	}
	if ftyp != nil {
		add(VideoPiece{Data: ftyp})
	}
	zeros := v.m.zeroRanges()
	for _, i := range v.order() {
		if i < 0 {
			add(VideoPiece{Data: moov})
			continue
		}
		b := v.mdat[i]
		add(VideoPiece{Off: b.off, N: b.hdr})
		off, n := b.payload()
		for _, pc := range mdatPieces(off, n, zeros) {
			add(pc)
		}
	}
	return p
}

// mdatPieces copies the payload [off, off+n), with zeros where it meets
// the sorted, merged ranges zeros.
func mdatPieces(off, n int64, zeros []fileRange) []VideoPiece {
	var out []VideoPiece
	pos, end := off, off+n
	for _, z := range zeros {
		lo, hi := max(z.off, pos), min(z.off+z.n, end)
		if lo >= hi {
			continue
		}
		out = append(out, VideoPiece{Off: pos, N: lo - pos}, VideoPiece{Zero: true, Off: lo, N: hi - lo})
		pos = hi
	}
	return append(out, VideoPiece{Off: pos, N: end - pos})
}

// zeroRanges are the bytes of dropped tracks' samples that no kept track
// uses, sorted and merged.
func (m *movie) zeroRanges() []fileRange {
	var drop, keep []fileRange
	for _, t := range m.tracks {
		if t.keep() {
			keep = append(keep, t.chunks...)
		} else {
			drop = append(drop, t.chunks...)
		}
	}
	return subtractRanges(mergeRanges(drop), mergeRanges(keep))
}

// mergeRanges sorts rs and joins those that overlap or touch.
func mergeRanges(rs []fileRange) []fileRange {
	rs = slices.DeleteFunc(slices.Clone(rs), func(r fileRange) bool { return r.n <= 0 })
	slices.SortFunc(rs, func(a, b fileRange) int { return int(min(max(a.off-b.off, -1), 1)) })
	var out []fileRange
	for _, r := range rs {
		if k := len(out) - 1; k >= 0 && r.off <= out[k].off+out[k].n {
			out[k].n = max(out[k].n, r.off+r.n-out[k].off)
			continue
		}
		out = append(out, r)
	}
	return out
}

// subtractRanges is a without b, both sorted and merged.
func subtractRanges(a, b []fileRange) []fileRange {
	var out []fileRange
	j := 0
	for _, r := range a {
		lo, hi := r.off, r.off+r.n
		for j < len(b) && b[j].off+b[j].n <= lo {
			j++
		}
		for k := j; k < len(b) && b[k].off < hi; k++ {
			if b[k].off > lo {
				out = append(out, fileRange{lo, b[k].off - lo})
			}
			lo = max(lo, b[k].off+b[k].n)
		}
		if lo < hi {
			out = append(out, fileRange{lo, hi - lo})
		}
	}
	return out
}

// cleanFtyp rebuilds ftyp (§4.3) with the brands Veil knows only and a
// zero minor version: a brand list is four-letter codes, but an unknown
// one could be anything.
func cleanFtyp(p []byte) []byte {
	major := string(p[:4])
	var compat []string
	for i := 8; i+4 <= len(p); i += 4 {
		if b := string(p[i : i+4]); videoBrands[b] && !slices.Contains(compat, b) {
			compat = append(compat, b)
		}
	}
	if !videoBrands[major] {
		major = "isom"
		if len(compat) > 0 {
			major = compat[0]
		}
	}
	payload := append([]byte(major), 0, 0, 0, 0)
	for _, b := range compat {
		payload = append(payload, b...)
	}
	return appendBox(nil, "ftyp", payload)
}

// errExternalMedia refuses a track whose samples are in another file.
var errExternalMedia = refuse(ErrUnsupported, "refused.video_external_media")
