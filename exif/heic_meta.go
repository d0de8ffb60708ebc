package exif

import (
	"fmt"
)

// The HEIF meta box (ISO/IEC 23008-12 §9, ISO/IEC 14496-12 §8.11): the
// items of the file (images, EXIF, XMP), where their bytes are, how they
// refer to each other and their properties.

// Bounds on what a meta box may declare; a real iPhone photo has about
// fifty items (a grid of 512×512 tiles, a thumbnail, EXIF, XMP, auxiliary
// images) and a few hundred extents.
const (
	heicMaxItems   = 10_000
	heicMaxProps   = 10_000
	heicMaxExtents = 100_000
	heicMaxRefs    = 100_000
)

// heicItem is one item of iinf, with its iloc entry and ipma associations.
type heicItem struct {
	id       uint32
	typ      string // item_type; "mime" for infe versions 0 and 1
	hidden   bool   // infe flags bit 0
	content  string // content_type of a mime item, URI of a "uri " item
	encoding string // content_encoding of a mime item
	located  bool
	method   uint64 // iloc construction_method
	extents  []heicExtent
	props    []int // 1-based indices into ipco
}

// heicExtent is a byte range of an item, already offset by base_offset.
type heicExtent struct{ off, len uint64 }

// heicRef is one reference of iref: from refers to every item of to.
type heicRef struct {
	typ  string
	from uint32
	to   []uint32
}

// heicMeta is the parsed meta box.
type heicMeta struct {
	handler    string
	primary    uint32
	hasPrimary bool
	items      map[uint32]*heicItem
	order      []uint32 // item IDs in iinf order
	props      []heicBox
	refs       []heicRef
	idat       []byte
	idatOff    int
	unknown    []string
	locs       []heicLoc
	nExtents   int
	nRefs      int
	nAssoc     int
	assoc      map[uint32][]int // ipma, kept until iinf is known
}

// heicLoc is one iloc entry, kept until iinf is known (the boxes of meta
// come in any order).
type heicLoc struct {
	id      uint32
	method  uint64
	extents []heicExtent
}

// parseHEICMeta reads the meta full box (ISO/IEC 14496-12 §8.11.1) and the
// boxes HEIF puts in it.
func parseHEICMeta(m heicBox) (*heicMeta, error) {
	r := heicReader{b: m.data, box: "meta"}
	if v, _ := r.fullBox(); r.err != nil || v != 0 {
		return nil, formatError(HEIC, Malformed, "HEIC meta box is not a version 0 full box")
	}
	meta := &heicMeta{items: map[uint32]*heicItem{}, assoc: map[uint32][]int{}}
	seen := map[string]bool{}
	err := walkHEICBoxes(r.b, m.off+4, 1, func(b heicBox) error {
		if seen[b.typ] && b.typ != "free" && b.typ != "skip" {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC meta box holds two %q boxes", b.typ))
		}
		seen[b.typ] = true
		return meta.child(b)
	})
	if err != nil {
		return nil, err
	}
	return meta, meta.resolve()
}

// child reads one box of meta.
func (meta *heicMeta) child(b heicBox) error {
	switch b.typ {
	case "hdlr": // §8.4.3: pre_defined(32) handler_type(32) reserved(3×32) name
		r := heicReader{b: b.data, box: "hdlr"}
		r.fullBox()
		r.u32()
		meta.handler = string(r.take(4))
		return r.err
	case "pitm": // §8.11.4: item_ID, 16 bits in version 0, else 32
		r := heicReader{b: b.data, box: "pitm"}
		v, _ := r.fullBox()
		meta.primary, meta.hasPrimary = r.id(v == 0), true
		return r.err
	case "iinf":
		return meta.parseIinf(b)
	case "iloc":
		return meta.parseIloc(b)
	case "iref":
		return meta.parseIref(b)
	case "iprp":
		return meta.parseIprp(b)
	case "idat": // §8.11.11: the data of construction method 1
		meta.idat, meta.idatOff = b.data, b.off
	case "dinf", "free", "skip":
		// dinf names where data lives; iloc entries pointing elsewhere
		// than this file are refused in parseIloc.
	case "ipro", "sinf", "ipmc":
		return refuse(ErrUnsupported, "refused.heif_protected")
	default:
		meta.unknown = append(meta.unknown, b.typ)
	}
	return nil
}

// parseIinf reads the item information box (§8.11.6): entry_count, then
// one infe box per item.
func (meta *heicMeta) parseIinf(b heicBox) error {
	r := heicReader{b: b.data, box: "iinf"}
	v, _ := r.fullBox()
	r.id(v == 0) // entry_count; the infe boxes themselves are counted
	if r.err != nil {
		return r.err
	}
	return walkHEICBoxes(r.b, b.off+len(b.data)-len(r.b), 2, func(e heicBox) error {
		if e.typ != "infe" {
			return nil // §8.11.6 allows only infe; anything else is ignored
		}
		if len(meta.order) >= heicMaxItems {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC file declares over %d items", heicMaxItems))
		}
		it, err := parseInfe(e)
		if err != nil {
			return err
		}
		if meta.items[it.id] != nil {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC item %d is declared twice", it.id))
		}
		meta.items[it.id] = it
		meta.order = append(meta.order, it.id)
		return nil
	})
}

// parseInfe reads an item info entry (§8.11.6.2). Versions 0 and 1 carry
// item_ID(16) protection(16) name content_type [content_encoding];
// versions 2 and 3 carry item_ID (16 or 32 bits) protection(16)
// item_type(32) name, then content_type [content_encoding] for "mime"
// items and item_uri_type for "uri " items.
func parseInfe(e heicBox) (*heicItem, error) {
	r := heicReader{b: e.data, box: "infe"}
	v, flags := r.fullBox()
	it := &heicItem{hidden: flags&1 != 0, typ: "mime"}
	it.id = r.id(v < 3)
	protection := r.u16()
	if v >= 2 {
		it.typ = string(r.take(4))
	}
	r.cstring() // item_name
	switch it.typ {
	case "mime":
		it.content = r.cstring()
		if len(r.b) > 0 {
			it.encoding = r.cstring()
		}
	case "uri ":
		it.content = r.cstring()
	}
	if r.err != nil {
		return nil, r.err
	}
	if protection != 0 {
		return nil, refuse(ErrUnsupported, "refused.heif_protected")
	}
	return it, nil
}

// parseIloc reads the item location box (§8.11.3), versions 0 to 2:
// offset_size(4) length_size(4) base_offset_size(4) index_size(4, v1/v2),
// item_count, then per item: item_ID, construction_method (v1/v2),
// data_reference_index(16), base_offset, extent_count(16), extents of
// [extent_index] extent_offset extent_length.
func (meta *heicMeta) parseIloc(b heicBox) error {
	r := heicReader{b: b.data, box: "iloc"}
	v, _ := r.fullBox()
	if v > 2 {
		return formatError(HEIC, Malformed, fmt.Sprintf("HEIC iloc box version %d", v))
	}
	sizes := r.u16()
	offSize, lenSize := int(sizes>>12), int(sizes>>8&15)
	baseSize, idxSize := int(sizes>>4&15), int(sizes&15)
	if v == 0 {
		idxSize = 0
	}
	n := r.id(v < 2)
	if n > heicMaxItems {
		return formatError(HEIC, Malformed, fmt.Sprintf("HEIC iloc box declares %d items", n))
	}
	for i := uint32(0); i < n && r.err == nil; i++ {
		loc := heicLoc{id: r.id(v < 2)}
		if v >= 1 {
			loc.method = uint64(r.u16() & 15)
		}
		if dref := r.u16(); dref != 0 {
			return refuse(ErrUnsupported, "refused.heif_external")
		}
		base := r.uint(baseSize)
		count := int(r.u16())
		if meta.nExtents += count; meta.nExtents > heicMaxExtents {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC iloc box declares over %d extents", heicMaxExtents))
		}
		for j := 0; j < count && r.err == nil; j++ {
			r.uint(idxSize)
			off, l := r.uint(offSize), r.uint(lenSize)
			if off > ^uint64(0)-base {
				return formatError(HEIC, Malformed, "HEIC iloc extent offset overflows")
			}
			loc.extents = append(loc.extents, heicExtent{base + off, l})
		}
		meta.locs = append(meta.locs, loc)
	}
	return r.err
}

// parseIref reads the item reference box (§8.11.12): boxes named by the
// reference type, each from_item_ID, reference_count(16), to_item_IDs,
// IDs of 16 bits in version 0, else 32.
func (meta *heicMeta) parseIref(b heicBox) error {
	r := heicReader{b: b.data, box: "iref"}
	v, _ := r.fullBox()
	if r.err != nil {
		return r.err
	}
	return walkHEICBoxes(r.b, b.off+4, 2, func(e heicBox) error {
		er := heicReader{b: e.data, box: "iref " + e.typ}
		ref := heicRef{typ: e.typ, from: er.id(v == 0)}
		n := int(er.u16())
		if meta.nRefs += n; meta.nRefs > heicMaxRefs {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC iref box declares over %d references", heicMaxRefs))
		}
		for i := 0; i < n && er.err == nil; i++ {
			ref.to = append(ref.to, er.id(v == 0))
		}
		meta.refs = append(meta.refs, ref)
		return er.err
	})
}

// parseIprp reads the item properties box (ISO/IEC 23008-12 §9.3): one
// ipco holding the property boxes, and ipma boxes associating items with
// 1-based property indices (7 bits, or 15 when flags bit 0 is set, behind
// an essential bit).
func (meta *heicMeta) parseIprp(b heicBox) error {
	return walkHEICBoxes(b.data, b.off, 2, func(c heicBox) error {
		switch c.typ {
		case "ipco":
			if meta.props != nil {
				return formatError(HEIC, Malformed, "HEIC iprp box holds two ipco boxes")
			}
			meta.props = []heicBox{}
			return walkHEICBoxes(c.data, c.off, 3, func(p heicBox) error {
				if len(meta.props) >= heicMaxProps {
					return formatError(HEIC, Malformed, fmt.Sprintf("HEIC file declares over %d properties", heicMaxProps))
				}
				meta.props = append(meta.props, p)
				return nil
			})
		case "ipma":
			return meta.parseIpma(c)
		}
		meta.unknown = append(meta.unknown, c.typ)
		return nil
	})
}

func (meta *heicMeta) parseIpma(c heicBox) error {
	r := heicReader{b: c.data, box: "ipma"}
	v, flags := r.fullBox()
	n := r.u32()
	if n > heicMaxItems {
		return formatError(HEIC, Malformed, fmt.Sprintf("HEIC ipma box declares %d items", n))
	}
	for i := uint32(0); i < n && r.err == nil; i++ {
		id := r.id(v < 1)
		count := int(r.u8())
		var idx []int
		for j := 0; j < count && r.err == nil; j++ {
			if flags&1 != 0 {
				idx = append(idx, int(r.u16()&0x7FFF))
			} else {
				idx = append(idx, int(r.u8()&0x7F))
			}
		}
		if meta.nAssoc += count; meta.nAssoc > heicMaxRefs {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC ipma boxes declare over %d associations", heicMaxRefs))
		}
		meta.assoc[id] = append(meta.assoc[id], idx...)
	}
	return r.err
}

// resolve joins iloc entries to their items and checks the references.
func (meta *heicMeta) resolve() error {
	if meta.handler != "pict" {
		return refuse(ErrUnsupported, "refused.heif_handler", argText("handler", meta.handler))
	}
	for _, loc := range meta.locs {
		it := meta.items[loc.id]
		if it == nil {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC iloc box locates undeclared item %d", loc.id))
		}
		if it.located {
			return formatError(HEIC, Malformed, fmt.Sprintf("HEIC item %d is located twice", loc.id))
		}
		if loc.method > 1 {
			return refuse(ErrUnsupported, "refused.heif_constructed", argCount("item", int(loc.id)), argCount("method", int(loc.method)))
		}
		it.located, it.method, it.extents = true, loc.method, loc.extents
	}
	for id, idx := range meta.assoc {
		// Deliberate leniency: associations of undeclared items are
		// ignored, as libheif does; nothing of them is kept anyway.
		if it := meta.items[id]; it != nil {
			it.props = append(it.props, idx...)
		}
	}
	for _, it := range meta.items {
		for _, p := range it.props {
			if p > len(meta.props) {
				return formatError(HEIC, Malformed, fmt.Sprintf("HEIC item %d has property %d of %d", it.id, p, len(meta.props)))
			}
		}
	}
	if !meta.hasPrimary || meta.items[meta.primary] == nil {
		return formatError(HEIC, Malformed, "HEIC file has no primary item")
	}
	return nil
}
