package exif

import (
	"fmt"
)

// What the items of a HEIF file are (ISO/IEC 23008-12): the primary
// picture, its size and transforms, and the checks every item passes.

// heicImageTypes are the item types that hold a picture (ISO/IEC 23008-12
// §6.6 derived images, Annex B HEVC, ISO/IEC 23000-22 and others).
var heicImageTypes = map[string]bool{
	"hvc1": true, "grid": true, "iden": true, "iovl": true, "av01": true, "jpeg": true,
	"unci": true, "j2k1": true, "vvc1": true, "avc1": true, "tmap": true, "mski": true,
}

// prop returns the first property of type typ associated with an item.
func (m *heicMeta) prop(it *heicItem, typ string) (heicBox, bool) {
	for _, p := range it.props {
		if p > 0 && m.props[p-1].typ == typ {
			return m.props[p-1], true
		}
	}
	return heicBox{}, false
}

// ispe reads an item's image spatial extents (ISO/IEC 23008-12 §6.5.3:
// full box, image_width(32), image_height(32)).
func (m *heicMeta) ispe(it *heicItem) (w, h uint32, ok bool) {
	b, ok := m.prop(it, "ispe")
	if !ok {
		return 0, 0, false
	}
	r := heicReader{b: b.data, box: "ispe"}
	r.fullBox()
	w, h = r.u32(), r.u32()
	return w, h, r.err == nil
}

// uprightSize checks that the primary item is a picture Veil can decode
// (HEVC, or a grid of HEVC tiles) and returns the size it is shown at:
// ispe, cropped by clap, then turned by irot. HEIF requires that order
// (ISO/IEC 23008-12 §6.5.1: clap, then irot, then imir).
func (f *heicFile) uprightSize() (int, int, error) {
	m := f.meta
	p := m.items[m.primary]
	if err := f.decodable(p); err != nil {
		return 0, 0, err
	}
	w32, h32, ok := m.ispe(p)
	if !ok {
		return 0, 0, formatError(HEIC, Malformed, "HEIC primary image has no size (ispe)")
	}
	if w32 > 1<<30 || h32 > 1<<30 {
		return 0, 0, checkLimits(1<<30, 1<<30, len(f.data))
	}
	w, h := int(w32), int(h32)
	if b, ok := m.prop(p, "clap"); ok {
		w, h = clapSize(b, w, h)
	}
	if b, ok := m.prop(p, "irot"); ok && len(b.data) > 0 && b.data[0]&1 != 0 {
		w, h = h, w // irot (§6.5.10): angle × 90° anticlockwise in the low 2 bits
	}
	return w, h, nil
}

// decodable refuses primary items the app's decoders cannot show: a
// picture coded with the file's codec (hvc1 for HEIC, av01 for AVIF), or
// a grid of such tiles.
func (f *heicFile) decodable(p *heicItem) error {
	switch p.typ {
	case f.codec:
		return nil
	case "grid":
		tiles := 0
		for _, r := range f.meta.refs {
			if r.typ != "dimg" || r.from != p.id {
				continue
			}
			for _, id := range r.to {
				t := f.meta.items[id]
				if t == nil {
					return formatError(HEIC, Malformed, fmt.Sprintf("HEIC grid refers to undeclared item %d", id))
				}
				if t.typ != f.codec {
					return refuse(ErrUnsupported, "refused.heif_grid_tiles", argText("format", string(f.format())), argText("tiles", string(t.typ)))
				}
				tiles++
			}
		}
		if tiles == 0 {
			return formatError(HEIC, Malformed, "HEIC grid image without tiles")
		}
		return nil
	case "av01":
		return refuse(ErrUnsupported, "refused.av1_in_heic")
	case "hvc1":
		return refuse(ErrUnsupported, "refused.hevc_in_avif")
	}
	return refuse(ErrUnsupported, "refused.heif_primary_type", argText("type", fourCC(p.typ)))
}

// clapSize crops w×h to a clean aperture (ISO/IEC 14496-12 §12.1.4:
// widthN, widthD, heightN, heightD, then offsets). Each side is rounded
// to the nearest pixel and never exceeds the image; a malformed box
// leaves the size as it is, which the decoder then checks.
func clapSize(b heicBox, w, h int) (int, int) {
	r := heicReader{b: b.data, box: "clap"}
	wn, wd, hn, hd := r.u32(), r.u32(), r.u32(), r.u32()
	if r.err != nil || wd == 0 || hd == 0 {
		return w, h
	}
	cw := int((uint64(wn) + uint64(wd)/2) / uint64(wd))
	ch := int((uint64(hn) + uint64(hd)/2) / uint64(hd))
	if cw >= 1 && cw <= w {
		w = cw
	}
	if ch >= 1 && ch <= h {
		h = ch
	}
	return w, h
}

// checkItems checks that every item's bytes lie inside the file or idat,
// that every reference names declared items, and that no picture in the
// file is over the limits.
func (f *heicFile) checkItems() error {
	m := f.meta
	for _, id := range m.order {
		it := m.items[id]
		src := f.data
		if it.method == 1 {
			src = m.idat
		}
		for _, e := range it.extents {
			if _, err := heicExtentBytes(src, e); err != nil {
				return formatError(HEIC, Truncated, fmt.Sprintf("HEIC item %d: %v outside the file", id, err))
			}
		}
		if heicImageTypes[it.typ] && !it.located && it.typ != "grid" && it.typ != "iden" {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC image item %d has no data", id))
		}
		if w, h, ok := m.ispe(it); ok && uint64(w)*uint64(h) > MaxPixels {
			return checkLimits(int(min(w, 1<<30)), int(min(h, 1<<30)), len(f.data))
		}
	}
	for _, r := range m.refs {
		if m.items[r.from] == nil {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC %s reference from undeclared item %d", fourCC(r.typ), r.from))
		}
		for _, id := range r.to {
			if m.items[id] == nil {
				return formatError(HEIC, Malformed, fmt.Sprintf("HEIC %s reference to undeclared item %d", fourCC(r.typ), id))
			}
		}
	}
	return nil
}
