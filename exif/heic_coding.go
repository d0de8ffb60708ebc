package exif

import (
	"fmt"
)

// What the HEVC bitstream of a HEIC picture, or the AV1 bitstream of an
// AVIF one, will decode to, read without decoding: the sequence parameter
// set inside each hvcC property, the sequence header inside each av1C. A file's
// ispe boxes only declare a size; a decoder that trusts them copies the
// declared number of rows and columns out of planes of another size. The
// app asks CheckHEIFCoding before it lets libheif or libavif run.

// heicMaxSPS bounds the bytes of one SPS read (a real one is under 100).
const heicMaxSPS = 4096

// CheckHEIFCoding checks that the primary picture of a HEIF file (HEIC or
// AVIF) decodes to the size its boxes declare: an HEVC picture's sequence
// parameter set (ISO/IEC 23008-2 §7.3.2.2), or an AV1 picture's sequence
// header (AV1 §5.5), gives the ispe size of its item, and a grid's
// tiles, all of one size, fill its declared output size and no more than
// one tile beyond it (ISO/IEC 23008-12 §6.6.2.3). It assumes data passed
// Inspect.
func CheckHEIFCoding(data []byte) error {
	f, err := parseHEIC(data)
	if err != nil {
		return err
	}
	m := f.meta
	p := m.items[m.primary]
	if p == nil {
		return formatError(HEIC, Malformed, "HEIC file without a primary image")
	}
	if p.typ == "grid" {
		return f.checkGrid(p)
	}
	_, err = f.checkCoded(p)
	return err
}

// checkCoded checks one coded item against its ispe and returns its size.
func (f *heicFile) checkCoded(it *heicItem) ([2]uint32, error) {
	w, h, err := f.codedSize(it)
	if err != nil {
		return [2]uint32{}, err
	}
	iw, ih, ok := f.meta.ispe(it)
	if !ok || iw != w || ih != h {
		return [2]uint32{}, formatError(HEIC, Malformed, fmt.Sprintf("HEIC item %d declares %dx%d but its bitstream is %dx%d", it.id, iw, ih, w, h))
	}
	return [2]uint32{w, h}, nil
}

// checkGrid checks a grid item (ImageGrid, §6.6.2.3.2: version(8),
// flags(8), rows_minus_one(8), columns_minus_one(8), output_width and
// output_height of 16 bits, or 32 when flags bit 0 is set) against its
// tiles, its dimg references in order.
func (f *heicFile) checkGrid(g *heicItem) error {
	data, err := f.itemData(g)
	if err != nil {
		return err
	}
	r := heicReader{b: data, box: "grid"}
	version, flags := r.u8(), r.u8()
	rows, cols := int(r.u8())+1, int(r.u8())+1
	fieldSize := 2
	if flags&1 != 0 {
		fieldSize = 4
	}
	ow, oh := r.uint(fieldSize), r.uint(fieldSize)
	if r.err != nil || version != 0 {
		return formatError(HEIC, Malformed, "HEIC grid description is malformed")
	}
	if iw, ih, ok := f.meta.ispe(g); !ok || uint64(iw) != ow || uint64(ih) != oh {
		return formatError(HEIC, Malformed, fmt.Sprintf("HEIC grid declares %dx%d but describes %dx%d", iw, ih, ow, oh))
	}
	tiles := f.gridTiles(g)
	if len(tiles) != rows*cols {
		return formatError(HEIC, Malformed, fmt.Sprintf("HEIC grid of %dx%d tiles has %d", cols, rows, len(tiles)))
	}
	size, err := f.tileSize(tiles)
	if err != nil {
		return err
	}
	tw, th := uint64(size[0]), uint64(size[1])
	if tw*uint64(cols) < ow || th*uint64(rows) < oh || tw*uint64(cols-1) >= ow || th*uint64(rows-1) >= oh {
		return formatError(HEIC, Malformed, fmt.Sprintf("HEIC grid of %dx%d tiles of %dx%d does not make %dx%d", cols, rows, tw, th, ow, oh))
	}
	return nil
}

// gridTiles lists the items a grid refers to (dimg), in order.
func (f *heicFile) gridTiles(g *heicItem) []*heicItem {
	var tiles []*heicItem
	for _, r := range f.meta.refs {
		if r.typ != "dimg" || r.from != g.id {
			continue
		}
		for _, id := range r.to {
			tiles = append(tiles, f.meta.items[id])
		}
	}
	return tiles
}

// tileSize checks every tile and that all have one size.
func (f *heicFile) tileSize(tiles []*heicItem) ([2]uint32, error) {
	var size [2]uint32
	for i, t := range tiles {
		if t == nil {
			return size, formatError(HEIC, Malformed, "HEIC grid refers to an undeclared item")
		}
		s, err := f.checkCoded(t)
		if err != nil {
			return size, err
		}
		if i > 0 && s != size {
			return size, formatError(HEIC, Malformed, "HEIC grid tiles differ in size")
		}
		size = s
	}
	return size, nil
}

// hvcCSize reads the output size of the first SPS in an hvcC box
// (ISO/IEC 14496-15 §8.3.3.1: 22 bytes of configuration, numOfArrays(8),
// then arrays of NAL_unit_type(low 6 bits of 8), numNalus(16), and
// nalUnitLength(16) + nalUnit each).
func hvcCSize(b []byte) (uint32, uint32, error) {
	r := heicReader{b: b, box: "hvcC"}
	r.take(22)
	arrays := int(r.u8())
	for range arrays {
		typ := r.u8() & 0x3F
		n := int(r.u16())
		for range n {
			nal := r.take(int(r.u16()))
			if r.err == nil && typ == 33 && len(nal) > 2 { // SPS_NUT (ISO/IEC 23008-2 Table 7-1)
				return spsSize(nal[2:]) // after the two-byte NAL unit header
			}
		}
	}
	if r.err != nil {
		return 0, 0, r.err
	}
	return 0, 0, formatError(HEIC, Malformed, "HEIC hvcC box holds no sequence parameter set")
}

// codedSize reads the size an item's bitstream decodes to: from the SPS in
// its hvcC property (HEVC), or from the sequence header that AVIF §2.1
// requires at the start of an AV1 item's data (writers may leave av1C's
// configOBUs empty).
func (f *heicFile) codedSize(it *heicItem) (uint32, uint32, error) {
	switch it.typ {
	case "hvc1":
		b, ok := f.meta.prop(it, "hvcC")
		if !ok {
			return 0, 0, formatError(HEIC, Malformed, fmt.Sprintf("HEIC image item %d has no decoder configuration (hvcC)", it.id))
		}
		return hvcCSize(b.data)
	case "av01":
		data, err := f.itemData(it)
		if err != nil {
			return 0, 0, err
		}
		return av1OBUsSize(data)
	}
	return 0, 0, refuse(ErrUnsupported, "refused.heif_picture_type", argText("type", fourCC(it.typ)))
}
