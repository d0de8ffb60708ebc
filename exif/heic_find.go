package exif

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// What a HEIC file gives away: EXIF and XMP items, extra pictures
// (thumbnails, depth maps, mattes, more than one picture), its colour
// profile, and anything unknown. Everything is dropped by the re-encode;
// the findings tell the person what that removed.

// heicMaxListed bounds how many metadata items are listed one by one.
const heicMaxListed = 16

// findings lists everything the file holds besides the primary picture.
func (f *heicFile) findings() []Finding {
	m := f.meta
	var fs []Finding
	listed, unlisted := 0, 0
	for _, id := range m.order {
		it := m.items[id]
		if heicImageTypes[it.typ] {
			continue
		}
		if listed >= heicMaxListed {
			unlisted++
			continue
		}
		listed++
		fs = append(fs, f.itemFindings(it)...)
	}
	if unlisted > 0 {
		fs = append(fs, say(Other, "other.more_items", f.where("file"), argCount("count", unlisted)))
	}
	fs = append(fs, f.pictureFindings()...)
	fs = append(fs, f.propertyFindings()...)
	if len(m.unknown) > 0 {
		fs = append(fs, unknownBoxes(f.where("meta box"), heicTypeList(m.unknown)))
	}
	fs = append(fs, f.extras...)
	if n := f.unreferenced(); n > 0 {
		fs = append(fs, say(Other, "other.leftover_mdat", f.where("mdat box"), argCount("count", n)))
	}
	if len(f.tail) > 0 {
		fs = append(fs, trailerFinding(f.tail, "after the last HEIC box"))
	}
	return fs
}

// itemFindings lists one metadata item: EXIF (ISO/IEC 23008-12 Annex A.2.1),
// XMP (a mime item of type application/rdf+xml, Annex A.2.2), other
// embedded files and links.
func (f *heicFile) itemFindings(it *heicItem) []Finding {
	data, err := f.itemData(it)
	if err != nil {
		data = nil // checkItems has checked the extents; only a join can fail
	}
	switch {
	case it.typ == "Exif":
		return heicExifFindings(data, f.where("Exif item"))
	case it.typ == "mime" && strings.EqualFold(it.content, "application/rdf+xml"):
		where := f.where("XMP item")
		if it.encoding != "" {
			if z, err := inflateBounded(data); err == nil {
				data = z
			}
		}
		return withFallback(xmpFindings(data, where), "other.xmp_bytes", len(data), where)
	case it.typ == "mime":
		return []Finding{textFinding(Other, "other.embedded_file", it.content, f.where("item"), argCount("count", len(data)))}
	case it.typ == "uri ":
		return []Finding{textFinding(Other, "other.embedded_link", it.content, f.where("item"))}
	}
	return []Finding{textFinding(Other, "other.unknown_item", fourCC(it.typ), f.where("item"), argCount("count", len(data)))}
}

// heicExifFindings reads an Exif item: exif_tiff_header_offset(32), the
// number of bytes before the TIFF header, then the EXIF block (ISO/IEC
// 23008-12 Annex A.2.1). Its Orientation tag is not used: irot and imir
// orient a HEIF picture. Deliberate leniency: unreadable EXIF is listed
// as such, not refused; it is dropped either way.
func heicExifFindings(data []byte, where string) []Finding {
	unreadable := []Finding{say(Other, "other.camera_exif_unreadable", where, argCount("count", len(data)))}
	if len(data) < 4 {
		return unreadable
	}
	skip := binary.BigEndian.Uint32(data)
	if uint64(skip) > uint64(len(data)-4) {
		return unreadable
	}
	tiff := bytes.TrimPrefix(data[4+skip:], []byte("Exif\x00\x00"))
	fs, _, err := exifFindings(tiff, where)
	if err != nil {
		return unreadable
	}
	return withFallback(fs, "other.camera_exif_bytes", len(tiff), where)
}

// pictureFindings lists every picture besides the primary one and the
// tiles it is made of, grouped by kind.
func (f *heicFile) pictureFindings() []Finding {
	m := f.meta
	tile, kind := map[uint32]bool{}, map[uint32]string{}
	for _, r := range m.refs {
		for _, id := range r.to {
			if r.typ == "dimg" {
				tile[id] = true
			}
		}
		switch r.typ {
		case "thmb": // §8.11.12: the thumbnail refers to its picture
			kind[r.from] = "preview"
		case "auxl": // ISO/IEC 23008-12 §6.6.1: auxiliary image of a picture
			kind[r.from] = heicAuxKind(m, m.items[r.from])
		}
	}
	sizes := map[string][]string{}
	var order []string
	for _, id := range m.order {
		it := m.items[id]
		if !heicImageTypes[it.typ] || id == m.primary || tile[id] || kind[id] == "-" {
			continue
		}
		k := kind[id]
		if k == "" {
			k = "picture"
		}
		if sizes[k] == nil {
			order = append(order, k)
		}
		sizes[k] = append(sizes[k], heicSizeText(m, it))
	}
	var fs []Finding
	for _, k := range order {
		fs = append(fs, heicPictures(k, sizes[k], f.where("image items")))
	}
	return fs
}

// heicAuxKind names an auxiliary image by its auxC type (ISO/IEC 23008-12
// §6.5.8: full box, aux_type as a NUL-terminated URN). Alpha planes are
// part of the picture: "-" leaves them out.
func heicAuxKind(m *heicMeta, it *heicItem) string {
	urn := ""
	if b, ok := m.prop(it, "auxC"); ok {
		r := heicReader{b: b.data, box: "auxC"}
		r.fullBox()
		urn = strings.ToLower(r.cstring())
	}
	switch {
	case strings.HasSuffix(urn, "auxid:1") || strings.HasSuffix(urn, ":alpha"):
		return "-"
	case strings.HasSuffix(urn, "auxid:2") || strings.HasSuffix(urn, ":depth"):
		return "depth_map"
	case strings.Contains(urn, "hdrgainmap"):
		return "gain_map"
	case strings.Contains(urn, "matte"):
		return "matte"
	}
	return "aux_picture"
}

func heicSizeText(m *heicMeta, it *heicItem) string {
	if w, h, ok := m.ispe(it); ok {
		return fmt.Sprintf("%d×%d", w, h)
	}
	return unknownSize
}

// heicPictures is the finding of the pictures of one kind ("preview",
// "depth_map", …): "hidden.<kind>" for one, "hidden.<kind>s" for more,
// with the sizes of the first four.
func heicPictures(kind string, sizes []string, where string) Finding {
	shown := sizes
	if len(shown) > 4 {
		shown = shown[:4]
	}
	list := strings.Join(shown, ", ")
	if len(sizes) > 4 {
		list += ", …"
	}
	if len(sizes) == 1 {
		return say(HiddenPictures, "hidden."+kind, where, Arg{Name: "sizes", Kind: ArgSizes, Text: list})
	}
	return say(HiddenPictures, "hidden."+kind+"s", where, argCount("count", len(sizes)), Arg{Name: "sizes", Kind: ArgSizes, Text: list})
}

// propertyFindings lists the primary picture's colour profile (colr of
// type prof or rICC, ISO/IEC 23008-12 §6.5.5), user descriptions (udes,
// §6.5.20: lang, name, description, tags) and unknown properties.
func (f *heicFile) propertyFindings() []Finding {
	m := f.meta
	var fs []Finding
	if b, ok := m.prop(m.items[m.primary], "colr"); ok && len(b.data) >= 4 {
		if t := string(b.data[:4]); t == "prof" || t == "rICC" {
			fs = append(fs, colourProfileFinding(b.data[4:], "", f.where("colour property (colr)")))
		}
	}
	var unknown []string
	for _, p := range m.props {
		switch p.typ {
		case "udes":
			r := heicReader{b: p.data, box: "udes"}
			r.fullBox()
			r.cstring() // lang
			text := strings.Join([]string{r.cstring(), r.cstring(), r.cstring()}, " ")
			fs = append(fs, textFinding(Text, "text.caption", strings.TrimSpace(text), f.where("udes property")))
		case "hvcC", "ispe", "colr", "pixi", "irot", "imir", "clap", "auxC", "av1C", "rloc",
			"lsel", "a1op", "a1lx", "pasp", "clli", "mdcv", "cclv", "amve", "free", "skip":
		default:
			unknown = append(unknown, p.typ)
		}
	}
	if len(unknown) > 0 {
		fs = append(fs, textFinding(Other, "other.unknown_properties", heicTypeList(unknown), f.where("item properties")))
	}
	return fs
}

// unreferenced counts the bytes of mdat boxes that no item's extents
// cover: leftovers of an earlier version of the picture, or hidden data.
// The extents are merged once, so the count is O(n log n) however many
// mdat boxes and extents there are.
func (f *heicFile) unreferenced() int {
	type span struct{ a, b uint64 }
	var used []span
	for _, it := range f.meta.items {
		if it.method != 0 {
			continue
		}
		for _, e := range it.extents {
			end := uint64(len(f.data)) // checkItems has checked e.off <= len
			if e.len != 0 && e.len <= end-e.off {
				end = e.off + e.len
			}
			used = append(used, span{e.off, end})
		}
	}
	slices.SortFunc(used, func(x, y span) int { return cmp.Compare(x.a, y.a) })
	merged := used[:0]
	for _, s := range used {
		if n := len(merged); n > 0 && s.a <= merged[n-1].b {
			merged[n-1].b = max(merged[n-1].b, s.b)
			continue
		}
		merged = append(merged, s)
	}
	n := 0
	for _, md := range f.mdat {
		pos, end := uint64(md.off), uint64(md.off+len(md.data))
		i, _ := slices.BinarySearchFunc(merged, pos, func(s span, p uint64) int { return cmp.Compare(s.b, p+1) })
		for ; i < len(merged) && merged[i].a < end && pos < end; i++ {
			if merged[i].a > pos {
				n += int(merged[i].a - pos)
			}
			pos = max(pos, merged[i].b)
		}
		if pos < end {
			n += int(end - pos)
		}
	}
	return n
}

// heicTypeList shows box types, distinct, at most eight.
func heicTypeList(types []string) string {
	seen := map[string]bool{}
	var out []string
	for _, t := range types {
		if !seen[t] && len(out) < 8 {
			seen[t] = true
			out = append(out, fourCC(t))
		}
	}
	if len(seen) < len(types) || len(out) == 8 {
		return strings.Join(out, ", ") + fmt.Sprintf(" (%d in all)", len(types))
	}
	return strings.Join(out, ", ")
}
