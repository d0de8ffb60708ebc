package exif

import (
	"bytes"
	"errors"
	"testing"
)

// heicCase is a hand-built file and what inspecting it must give: a
// finding (want), an error wrapping wantErr, or any FormatError (bad).
type heicCase struct {
	name    string
	data    []byte
	want    heicWant
	wantErr error
	bad     bool
}

// auxItem declares image item 3 with an auxC property (index 3) of the
// given type, auxiliary to the primary picture (ISO/IEC 23008-12 §6.6.1).
func auxItem(urn string) heicHandmade {
	return heicHandmade{width: 64, height: 48, exif: orientationEXIF(1),
		extraInfe:     [][]byte{hfull("infe", 2, 1, be16(3), be16(0), []byte("hvc1"), cstr(""))}, // item 3, hidden, HEVC
		extraProps:    [][]byte{hfull("auxC", 0, 0, cstr(urn))},                                  // 3: aux_type
		extraIpma:     [][]byte{{0, 3, 2, 0x02, 0x83}},                                           // item 3: ispe, auxC (essential)
		extraRefs:     [][]byte{hbox("auxl", be16(3), be16(1), be16(1))},                         // item 3 is auxiliary to item 1
		extraItemData: [][]byte{[]byte("AUX-PICTURE")},
	}
}

func heicHandmadeCases() []heicCase {
	minimal := heicHandmade{width: 64, height: 48, exif: orientationEXIF(6)}
	thumb := heicHandmade{width: 64, height: 48,
		extraInfe:     [][]byte{hfull("infe", 2, 0, be16(3), be16(0), []byte("hvc1"), cstr(""))}, // item 3, HEVC
		extraRefs:     [][]byte{hbox("thmb", be16(3), be16(1), be16(1))},                         // item 3 is a thumbnail of item 1
		extraIpma:     [][]byte{{0, 3, 1, 0x02}},                                                 // item 3: ispe (64×48 here)
		extraItemData: [][]byte{[]byte("THUMB")},
	}
	xmp := heicHandmade{width: 64, height: 48,
		extraInfe: [][]byte{hfull("infe", 2, 1, be16(3), be16(0), []byte("mime"), cstr(""), // item 3, hidden, mime, no name
			cstr("application/rdf+xml"))}, // content_type: XMP
		extraItemData: [][]byte{[]byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
			`<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>VEIL-MARKER</rdf:li></rdf:Seq></dc:creator>` +
			`</rdf:Description></rdf:RDF></x:xmpmeta>`)},
	}
	udes := heicHandmade{width: 64, height: 48,
		extraProps:   [][]byte{hfull("udes", 0, 0, cstr("en"), cstr("VEIL-MARKER name"), cstr("at home"), cstr(""))}, // lang, name, description, tags
		primaryProps: []byte{0x03},
	}
	icc := heicHandmade{width: 64, height: 48,
		extraProps:   [][]byte{hbox("colr", []byte("prof"), []byte("not really a profile"))}, // colour_type prof, then the ICC bytes
		primaryProps: []byte{0x03},
	}
	junk := heicHandmade{width: 64, height: 48, mdatJunk: []byte("VEIL-MARKER left in the mdat")}
	unknownProp := heicHandmade{width: 64, height: 48, extraProps: [][]byte{hbox("zzzz", []byte{1, 2})}}
	big := heicHandmade{width: 100_000, height: 100_000}
	badIndex := heicHandmade{width: 64, height: 48, primaryProps: []byte{0x09}} // property 9 of 2
	selfGrid := heicHandmade{width: 64, height: 48,
		extraRefs: [][]byte{hbox("dimg", be16(1), be16(1), be16(1))}, // item 1 is derived from item 1
	}
	selfGridData := bytes.Replace(selfGrid.build(), []byte("hvc1"), []byte("grid"), 1) // item 1 becomes a grid
	avifPrimary := bytes.Replace(minimal.build(), []byte("hvc1"), []byte("av01"), 1)
	return []heicCase{
		{name: "a minimal file lists its EXIF", data: minimal.build(), want: heicWant{Other, "Camera data (EXIF)", "26 bytes"}},
		{name: "a thumbnail item is a hidden picture", data: thumb.build(), want: heicWant{HiddenPictures, "Thumbnail", "64×48"}},
		{name: "an Apple depth map is a hidden picture", data: auxItem("urn:mpeg:hevc:2015:auxid:2").build(), want: heicWant{HiddenPictures, "Depth map", ""}},
		{name: "an HDR gain map is a hidden picture", data: auxItem("urn:com:apple:photo:2020:aux:hdrgainmap").build(), want: heicWant{HiddenPictures, "HDR gain map", ""}},
		{name: "a portrait matte is a hidden picture", data: auxItem("urn:com:apple:photo:2018:aux:portraiteffectsmatte").build(), want: heicWant{HiddenPictures, "matte", ""}},
		{name: "an XMP item is read", data: xmp.build(), want: heicWant{People, "Creator", "VEIL-MARKER"}},
		{name: "a user description is text", data: udes.build(), want: heicWant{Text, "Caption", "VEIL-MARKER name at home"}},
		{name: "an ICC colour profile is listed", data: icc.build(), want: heicWant{Other, "Colour profile", ""}},
		{name: "bytes no item uses are leftover data", data: junk.build(), want: heicWant{Other, "Leftover data", "28 bytes"}},
		{name: "an unknown property is summarised", data: unknownProp.build(), want: heicWant{Other, "Unknown data", `"zzzz"`}},
		{name: "a size over the limits is refused", data: big.build(), wantErr: ErrTooLarge},
		{name: "a property index beyond ipco is refused", data: badIndex.build(), bad: true},
		{name: "an AVIF primary picture is refused by name", data: avifPrimary, wantErr: ErrUnsupported},
		{name: "a grid made of itself is refused", data: selfGridData, wantErr: ErrUnsupported},
	}
}

func TestHEICHandmadeFiles(t *testing.T) {
	for _, tc := range heicHandmadeCases() {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			var fe FormatError
			switch {
			case tc.wantErr != nil:
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("error %v, want %v", err, tc.wantErr)
				}
			case tc.bad:
				if !errors.As(err, &fe) {
					t.Fatalf("error %v, want a FormatError", err)
				}
			case err != nil:
				t.Fatal(err)
			case !hasHEICFinding(info.Findings, tc.want):
				t.Errorf("no finding %+v in %+v", tc.want, info.Findings)
			case info.Width != 64 || info.Height != 48 || info.Orientation != 1:
				t.Errorf("got %dx%d orientation %d", info.Width, info.Height, info.Orientation)
			}
		})
	}
}

func TestHEICAlphaIsNotAHiddenPicture(t *testing.T) {
	info, err := Inspect(auxItem("urn:mpeg:mpegB:cicp:systems:auxiliary:alpha").build())
	if err != nil {
		t.Fatal(err)
	}
	if hasHEICFinding(info.Findings, heicWant{HiddenPictures, "", ""}) {
		t.Errorf("the alpha plane is listed: %+v", info.Findings)
	}
}

func TestNextHEICBox(t *testing.T) {
	tests := []struct {
		name  string
		b     []byte
		toEnd bool
		typ   string
		n     int // payload length; -1 for an error
	}{
		{"a plain box", []byte("\x00\x00\x00\x0Afree\x01\x02"), false, "free", 2},                              // size 10, type, 2 bytes
		{"a largesize box", []byte("\x00\x00\x00\x01mdat\x00\x00\x00\x00\x00\x00\x00\x11X"), false, "mdat", 1}, // size 1, type, largesize 17, 1 byte
		{"size 0 runs to the end at the top", []byte("\x00\x00\x00\x00mdatXYZ"), true, "mdat", 3},              // size 0, type, 3 bytes
		{"size 0 inside a box is refused", []byte("\x00\x00\x00\x00mdatXYZ"), false, "", -1},
		{"a uuid box skips its extended type", append([]byte("\x00\x00\x00\x19uuid"), make([]byte, 17)...), false, "uuid", 1}, // size 25, uuid, 16-byte type, 1 byte
		{"a size below the header is refused", []byte("\x00\x00\x00\x04free"), false, "", -1},
		{"a largesize past the end is refused", []byte("\x00\x00\x00\x01mdat\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"), false, "", -1},
		{"a largesize cut short is refused", []byte("\x00\x00\x00\x01mdat\x00"), false, "", -1},
		{"a size past the end is refused", []byte("\x00\x00\x01\x00free"), false, "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, err := nextHEICBox(tt.b, 0, tt.toEnd)
			if tt.n < 0 {
				if err == nil {
					t.Fatalf("read a %q box of %d bytes", b.typ, len(b.data))
				}
				return
			}
			if err != nil || b.typ != tt.typ || len(b.data) != tt.n {
				t.Errorf("got %q, %d bytes, %v", b.typ, len(b.data), err)
			}
		})
	}
}

func TestHEICIlocVersionsAndSizes(t *testing.T) {
	idat := []byte("0123456789")
	tests := []struct {
		name string
		iloc []byte
		want string // the item's bytes
	}{
		{"version 0 with 4-byte offset and length", hfull("iloc", 0, 0,
			[]byte{0x44, 0x00}, be16(1), // offset_size 4, length_size 4, base_offset_size 0; item_count 1
			be16(1), be16(0), be16(1), // item_ID 1, data_reference_index 0, extent_count 1
			be32(100), be32(4)), // extent_offset 100, extent_length 4
			"file"},
		{"version 1 in idat with a base offset", hfull("iloc", 1, 0,
			[]byte{0x44, 0x40}, be16(1), // offset_size 4, length_size 4, base_offset_size 4, index_size 0; item_count 1
			be16(1), be16(1), be16(0), // item_ID 1, construction_method 1 (idat), data_reference_index 0
			be32(2), be16(1), be32(3), be32(4)), // base_offset 2, extent_count 1, extent_offset 3, extent_length 4
			"5678"},
		{"version 2 with 8-byte fields, an index, two extents and a zero length", hfull("iloc", 2, 0,
			[]byte{0x88, 0x04}, be32(1), // offset_size 8, length_size 8, base_offset_size 0, index_size 4; item_count 1
			be32(1), be16(1), be16(0), be16(2), // item_ID 1 (32 bits), construction_method 1, data_reference_index 0, extent_count 2
			be32(0), be32(0), be32(1), be32(0), be32(2), // extent_index 0, extent_offset 1, extent_length 2
			be32(0), be32(0), be32(8), be32(0), be32(0)), // extent_index 0, extent_offset 8, extent_length 0 = to the end
			"1289"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			box, _, err := nextHEICBox(tt.iloc, 0, false)
			if err != nil {
				t.Fatal(err)
			}
			m := &heicMeta{items: map[uint32]*heicItem{1: {id: 1}}, idat: idat, handler: "pict", hasPrimary: true, primary: 1}
			if err := m.parseIloc(box); err != nil {
				t.Fatal(err)
			}
			if err := m.resolve(); err != nil {
				t.Fatal(err)
			}
			f := &heicFile{data: make([]byte, 200), meta: m}
			copy(f.data[100:], "file")
			got, err := f.itemData(m.items[1])
			if err != nil || string(got[:min(len(got), len(tt.want))]) != tt.want {
				t.Errorf("item bytes %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
