package exif

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// Box writers for hand-built HEIC fixtures (ISO/IEC 14496-12 §4.2), and
// the derivation of the fixtures in testdata/heic that the command-line
// tools cannot make (see make.sh).

var updateHEIC = flag.Bool("update-heic", false, "rewrite the derived HEIC fixtures in testdata/heic")

// hbox is a box: size(32), type(32), payload.
func hbox(typ string, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	return append(binary.BigEndian.AppendUint32([]byte(nil), uint32(8+len(body))), append([]byte(typ), body...)...)
}

// hfull is a full box: a box whose payload starts with version(8) flags(24).
func hfull(typ string, version byte, flags uint32, parts ...[]byte) []byte {
	return hbox(typ, append([]byte{version, byte(flags >> 16), byte(flags >> 8), byte(flags)}, bytes.Join(parts, nil)...))
}

func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func cstr(s string) []byte { return append([]byte(s), 0) }

// heicHandmade builds a small HEIC file: one HEVC picture (item 1, its
// "bitstream" a marker, since inspect never decodes), an Exif item (2)
// describing it, and whatever extra items, properties and references a
// test adds. Offsets in iloc are computed from the finished meta box.
type heicHandmade struct {
	width, height uint32
	exif          []byte   // TIFF block of the Exif item; nil for none
	extraInfe     [][]byte // more infe boxes
	extraProps    [][]byte // more ipco properties, numbered from 3
	primaryProps  []byte   // more association indices of item 1
	extraRefs     [][]byte // more iref children
	extraItemData [][]byte // data of items 3, 4, … in the mdat, in order
	extraIpma     [][]byte // more ipma entries: item_ID(16), count(8), indices
	mdatJunk      []byte   // bytes in the mdat that no item uses
	tail          []byte   // bytes after the mdat
}

func (h heicHandmade) build() []byte {
	ftyp := hbox("ftyp", []byte("heic"), be32(0), []byte("mif1heic")) // major brand, minor version, compatible brands
	picture := []byte("HEVC-PICTURE")
	exifItem := append(be32(0), h.exif...) // exif_tiff_header_offset 0, then the TIFF block
	datas := append([][]byte{picture, exifItem}, h.extraItemData...)
	meta := func(mdatStart uint32) []byte {
		var locs [][]byte
		off := mdatStart
		for i, d := range datas {
			locs = append(locs,
				be16(uint16(i+1)),    // item_ID
				be16(0),              // data_reference_index: this file
				be16(1),              // extent_count
				be32(off),            // extent_offset (offset_size 4)
				be32(uint32(len(d))), // extent_length (length_size 4)
			)
			off += uint32(len(d))
		}
		infes := [][]byte{
			hfull("infe", 2, 0, be16(1), be16(0), []byte("hvc1"), cstr("")), // item_ID 1, no protection, HEVC, no name
			hfull("infe", 2, 1, be16(2), be16(0), []byte("Exif"), cstr("")), // item_ID 2, hidden, EXIF
		}
		infes = append(infes, h.extraInfe...)
		props := [][]byte{
			hbox("hvcC", []byte{1}),                            // 1: decoder configuration (a stub)
			hfull("ispe", 0, 0, be32(h.width), be32(h.height)), // 2: image_width, image_height
		}
		props = append(props, h.extraProps...)
		assoc := append([]byte{0x81, 0x02}, h.primaryProps...) // hvcC (essential), ispe
		refs := append([][]byte{
			hbox("cdsc", be16(2), be16(1), be16(1)), // item 2 describes item 1: from_item_ID, reference_count, to_item_ID
		}, h.extraRefs...)
		return hfull("meta", 0, 0,
			hfull("hdlr", 0, 0, be32(0), []byte("pict"), make([]byte, 12), cstr("")), // pre_defined, handler_type, reserved, name
			hfull("pitm", 0, 0, be16(1)), // primary item_ID 1
			hfull("iinf", 0, 0, be16(uint16(len(infes))), bytes.Join(infes, nil)),
			hfull("iloc", 0, 0, []byte{0x44, 0x00}, be16(uint16(len(datas))), bytes.Join(locs, nil)), // offset_size 4, length_size 4, base_offset_size 0; item_count
			hfull("iref", 0, 0, bytes.Join(refs, nil)),
			hbox("iprp",
				hbox("ipco", bytes.Join(props, nil)),
				hfull("ipma", 0, 0, be32(uint32(1+len(h.extraIpma))), // entry_count
					be16(1), []byte{byte(len(assoc))}, assoc, // item 1 and its associations
					bytes.Join(h.extraIpma, nil)),
			),
		)
	}
	size := len(ftyp) + len(meta(0)) + 8 // the meta box's size does not depend on the offsets
	mdat := hbox("mdat", bytes.Join(datas, nil), h.mdatJunk)
	out := append(append(ftyp, meta(uint32(size))...), mdat...)
	return append(out, h.tail...)
}

// rewriteMeta applies fn to the payload of the meta box's direct children
// of one type and fixes the sizes of the boxes around them; shift moves
// every construction-method-0 offset in iloc by how much the meta box grew.
func rewriteMeta(t *testing.T, data []byte, fn func(typ string, payload []byte) []byte) []byte {
	t.Helper()
	ftyp, rest, err := nextHEICBox(data, 0, false)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	out = append(out, data[:len(data)-len(rest)]...)
	_ = ftyp
	grow := 0
	var metaAt int
	for len(rest) > 0 {
		b, next, err := nextHEICBox(rest, len(data)-len(rest), true)
		if err != nil {
			t.Fatal(err)
		}
		if b.typ != "meta" {
			out = append(out, rest[:len(rest)-len(next)]...)
			rest = next
			continue
		}
		var kids [][]byte
		walkHEICBoxes(b.data[4:], 0, 1, func(c heicBox) error {
			kids = append(kids, hbox(c.typ, fn(c.typ, c.data)))
			return nil
		})
		meta := hbox("meta", b.data[:4], bytes.Join(kids, nil))
		grow = len(meta) - (len(rest) - len(next))
		metaAt = len(out)
		out = append(out, meta...)
		rest = next
	}
	if grow != 0 {
		shiftIloc(t, out[metaAt:], uint64(int64(grow)))
	}
	return out
}

// shiftIloc adds delta to the base_offset (or, without one, to every
// extent_offset) of each construction-method-0 item of the iloc box inside
// meta, in place (ISO/IEC 14496-12 §8.11.3).
func shiftIloc(t *testing.T, meta []byte, delta uint64) {
	t.Helper()
	i := bytes.Index(meta, []byte("iloc"))
	p := meta[i+4:]
	v := p[0]
	offSize, lenSize, baseSize, idxSize := int(p[4]>>4), int(p[4]&15), int(p[5]>>4), int(p[5]&15)
	if v == 0 {
		idxSize = 0
	}
	pos, n := 6, 0
	if v < 2 {
		n, pos = int(binary.BigEndian.Uint16(p[pos:])), pos+2
	} else {
		n, pos = int(binary.BigEndian.Uint32(p[pos:])), pos+4
	}
	add := func(at, size int) {
		switch size {
		case 4:
			binary.BigEndian.PutUint32(p[at:], binary.BigEndian.Uint32(p[at:])+uint32(delta))
		case 8:
			binary.BigEndian.PutUint64(p[at:], binary.BigEndian.Uint64(p[at:])+delta)
		}
	}
	for range n {
		pos += 2 + 2*boolInt(v == 2) // item_ID
		method := 0
		if v >= 1 {
			method, pos = int(p[pos+1]&15), pos+2
		}
		pos += 2 // data_reference_index
		if method == 0 && baseSize > 0 {
			add(pos, baseSize)
		}
		pos += baseSize
		count := int(binary.BigEndian.Uint16(p[pos:]))
		pos += 2
		for range count {
			pos += idxSize
			if method == 0 && baseSize == 0 {
				add(pos, offSize)
			}
			pos += offSize + lenSize
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addIrot associates an irot property (ISO/IEC 23008-12 §6.5.10: one byte,
// angle × 90° anticlockwise in the low two bits) with the primary item.
func addIrot(t *testing.T, data []byte, angle byte) []byte {
	f, err := parseHEIC(data)
	if err != nil {
		t.Fatal(err)
	}
	primary, index := f.meta.primary, len(f.meta.props)+1
	return rewriteMeta(t, data, func(typ string, p []byte) []byte {
		if typ != "iprp" {
			return p
		}
		var kids [][]byte
		walkHEICBoxes(p, 0, 2, func(c heicBox) error {
			switch c.typ {
			case "ipco":
				kids = append(kids, hbox("ipco", c.data, hbox("irot", []byte{angle})))
			case "ipma":
				kids = append(kids, hbox("ipma", ipmaWith(t, c.data, primary, byte(index))))
			default:
				kids = append(kids, hbox(c.typ, c.data))
			}
			return nil
		})
		return bytes.Join(kids, nil)
	})
}

// ipmaWith appends one essential 7-bit association to an item's entry of
// an ipma payload (version 0, flags 0: 16-bit IDs, 8-bit associations).
func ipmaWith(t *testing.T, p []byte, item uint32, index byte) []byte {
	if p[0] != 0 || p[3]&1 != 0 {
		t.Fatal("ipma is not version 0 with 7-bit indices")
	}
	out := append([]byte(nil), p[:8]...)
	pos := 8
	for range binary.BigEndian.Uint32(p[4:]) {
		id, n := binary.BigEndian.Uint16(p[pos:]), int(p[pos+2])
		assoc := p[pos+3 : pos+3+n]
		if uint32(id) == item {
			assoc = append(append([]byte(nil), assoc...), 0x80|index)
		}
		out = append(out, p[pos:pos+2]...)
		out = append(out, byte(len(assoc)))
		out = append(out, assoc...)
		pos += 3 + n
	}
	return out
}

// heicDerived are the fixtures made from the tool-made ones.
func heicDerived(t *testing.T) map[string][]byte {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "heic", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	meta, plain := read("metadata.heic"), read("plain.heic")
	cut := append([]byte(nil), plain[:len(plain)-40]...)
	hugeMeta := append([]byte(nil), plain...)
	m := bytes.Index(hugeMeta, []byte("meta"))
	binary.BigEndian.PutUint32(hugeMeta[m-4:], 0xFFFFFFF0) // meta box size far past the end
	outside := rewriteMeta(t, plain, func(typ string, p []byte) []byte { return p })
	shiftIloc(t, outside[bytes.Index(outside, []byte("meta"))-4:], 1<<20) // every extent 1 MB further than the file
	avif := bytes.ReplaceAll(plain, []byte("hvc1"), []byte("av01"))       // the tiles become AV1
	return map[string][]byte{
		"iphone-style.heic":       addIrot(t, meta, 3), // 270° anticlockwise: a quarter turn clockwise
		"trailer.heic":            append(append([]byte(nil), plain...), "VEIL-MARKER trailer after the last box"...),
		"bad-cut-mdat.heic":       cut,
		"bad-meta-size.heic":      hugeMeta,
		"bad-extent-outside.heic": outside,
		"bad-av1-tiles.heic":      avif,
		"bad-no-meta.heic":        append(hbox("ftyp", []byte("heic"), be32(0), []byte("mif1heic")), hbox("mdat", []byte("VEIL-MARKER"))...),
	}
}

// TestHEICMakeFixtures checks that the derived fixtures are what the
// derivation makes, and rewrites them with -update-heic.
func TestHEICMakeFixtures(t *testing.T) {
	for name, want := range heicDerived(t) {
		path := filepath.Join("testdata", "heic", name)
		if *updateHEIC {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what make.sh derives (run sh exif/testdata/heic/make.sh): %v", name, err)
		}
	}
}
