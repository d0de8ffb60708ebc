package exif

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// iptcSet encodes one IPTC-IIM dataset: tag marker, record, dataset, size.
func iptcSet(rec, ds byte, v string) []byte {
	b := []byte{0x1C, rec, ds} // tag marker, record number, dataset number
	b = binary.BigEndian.AppendUint16(b, uint16(len(v)))
	return append(b, v...)
}

// irbResourceBytes encodes one Photoshop image resource.
func irbResourceBytes(id uint16, name string, data []byte) []byte {
	b := []byte("8BIM")                      // signature
	b = binary.BigEndian.AppendUint16(b, id) // resource ID
	b = append(b, byte(len(name)))           // Pascal name: length byte
	b = append(b, name...)                   // name
	if (1+len(name))%2 == 1 {                //
		b = append(b, 0) // name padded to even
	}
	b = binary.BigEndian.AppendUint32(b, uint32(len(data))) // data size
	b = append(b, data...)                                  // data
	if len(data)%2 == 1 {
		b = append(b, 0) // data padded to even
	}
	return b
}

// photoshopIRB is an APP13 payload as Photoshop writes it: IPTC, a
// thumbnail, resolution info, XMP and EXIF.
func photoshopIRB() []byte {
	var iptc []byte
	iptc = append(iptc, iptcSet(1, 90, "\x1b%G")...)       // coded character set: UTF-8 (envelope)
	iptc = append(iptc, iptcSet(2, 0, "\x00\x04")...)      // record version
	iptc = append(iptc, iptcSet(2, 5, "Holiday")...)       // object name (title)
	iptc = append(iptc, iptcSet(2, 25, "beach")...)        // keyword
	iptc = append(iptc, iptcSet(2, 25, "family")...)       // keyword
	iptc = append(iptc, iptcSet(2, 55, "20240501")...)     // date created
	iptc = append(iptc, iptcSet(2, 80, "Jane Doe")...)     // by-line
	iptc = append(iptc, iptcSet(2, 90, "Zürich")...)       // city
	iptc = append(iptc, iptcSet(2, 95, "ZH")...)           // province/state
	iptc = append(iptc, iptcSet(2, 101, "Switzerland")...) // country
	iptc = append(iptc, iptcSet(2, 116, "© Jane Doe")...)  // copyright notice
	iptc = append(iptc, iptcSet(2, 120, "At the lake")...) // caption
	iptc = append(iptc, iptcSet(2, 200, "x")...)           // unknown dataset
	var b []byte
	b = append(b, irbResourceBytes(0x03ED, "", make([]byte, 16))...)                                                            // resolution info
	b = append(b, irbResourceBytes(irbIPTC, "", iptc)...)                                                                       // IPTC-IIM
	b = append(b, irbResourceBytes(irbThumb, "thumb", make([]byte, 2001))...)                                                   // thumbnail, odd size
	b = append(b, irbResourceBytes(irbXMP, "", []byte(`<x xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Model="X100"/>`))...) // XMP
	b = append(b, irbResourceBytes(irbEXIF, "", orientationEXIF(3))...)                                                         // EXIF, nothing but orientation
	b = append(b, irbResourceBytes(irbIPTCDigest, "", make([]byte, 16))...)                                                     // IPTC digest
	return b
}

func TestIRBFindingsListsWhatPhotoshopDataGivesAway(t *testing.T) {
	got := irbFindings(photoshopIRB(), "APP13")
	want := []Finding{
		{Category: Location, Label: "City", Value: "Zürich", Where: "APP13, IPTC"},
		{Category: Location, Label: "State or region", Value: "ZH", Where: "APP13, IPTC"},
		{Category: Location, Label: "Country", Value: "Switzerland", Where: "APP13, IPTC"},
		{Category: Device, Label: "Camera model", Value: "X100", Where: "APP13, XMP"},
		{Category: Time, Label: "Created", Value: "2024-05-01", Where: "APP13, IPTC"},
		{Category: People, Label: "Creator", Value: "Jane Doe", Where: "APP13, IPTC"},
		{Category: People, Label: "Copyright", Value: "© Jane Doe", Where: "APP13, IPTC"},
		{Category: HiddenPictures, Label: "Thumbnail", Value: "a small copy of the photo (2 KB)", Where: "APP13"},
		{Category: Text, Label: "Title", Value: "Holiday", Where: "APP13, IPTC"},
		{Category: Text, Label: "Keywords", Value: "beach, family", Where: "APP13, IPTC"},
		{Category: Text, Label: "Caption", Value: "At the lake", Where: "APP13, IPTC"},
		{Category: Other, Label: "Other IPTC data", Value: "1 other IPTC fields", Where: "APP13, IPTC"},
		{Category: Other, Label: "Other Photoshop data", Value: "2 other Photoshop resources", Where: "APP13"},
	}
	for _, w := range want {
		if !containsFinding(got, w) {
			t.Errorf("missing %+v", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d findings, want %d: %v", len(got), len(want), got)
	}
}

func TestIRBFindings(t *testing.T) {
	unreadable := func(v string) []Finding {
		return []Finding{{Category: Other, Label: "Photoshop data", Value: v, Where: "APP13"}}
	}
	huge := irbResourceBytes(irbIPTC, "", nil)
	binary.BigEndian.PutUint32(huge[8:], 0xFFFFFFF0) // data size far past the end
	cases := []struct {
		name string
		irb  []byte
		want []Finding
	}{
		{"lists nothing for an empty block", nil, nil},
		{"reports a block without the 8BIM signature", []byte("8BPS\x04\x04"), unreadable("unreadable Photoshop data (6 bytes)")},
		{"reports a data size past the end", huge, unreadable("unreadable Photoshop data (12 bytes)")},
		{"reports a name past the end", []byte("8BIM\x04\x04\x20ab"), unreadable("unreadable Photoshop data (9 bytes)")},
		{"reports EXIF it cannot read", irbResourceBytes(irbEXIF, "", []byte("MM\x00*junk")),
			[]Finding{{Category: Other, Label: "EXIF data", Value: "unreadable EXIF data (8 bytes)", Where: "APP13, EXIF"}}},
		{"reports an IPTC size past the end", irbResourceBytes(irbIPTC, "", []byte{0x1C, 2, 80, 0x00, 0x40, 'a'}),
			[]Finding{{Category: Other, Label: "IPTC data", Value: "unreadable IPTC data", Where: "APP13, IPTC"}}},
		{"accepts zero padding after IPTC", irbResourceBytes(irbIPTC, "", append(iptcSet(2, 80, "Ann"), 0, 0, 0)),
			[]Finding{{Category: People, Label: "Creator", Value: "Ann", Where: "APP13, IPTC"}}},
		{"names a value of nothing but control characters (found by fuzzing)", irbResourceBytes(irbIPTC, "", iptcSet(2, 90, "\x7f")),
			[]Finding{{Category: Location, Label: "City", Value: "unreadable text (1 byte)", Where: "APP13, IPTC"}}},
		{"reads Latin-1 IPTC text", irbResourceBytes(irbIPTC, "", iptcSet(2, 90, "Z\xfcrich")),
			[]Finding{{Category: Location, Label: "City", Value: "Zürich", Where: "APP13, IPTC"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := irbFindings(c.irb, "APP13")
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i := range got {
				if !sameSaid(got[i], c.want[i]) {
					t.Errorf("got %+v, want %+v", got[i], c.want[i])
				}
			}
		})
	}
}

func TestIRBFindingsSurvivesEveryTruncation(t *testing.T) {
	full := photoshopIRB()
	for n := range len(full) {
		for _, f := range irbFindings(full[:n], "APP13") {
			if f.Value == "" {
				t.Fatalf("cut at %d: %+v", n, f)
			}
		}
	}
}

func FuzzIRBFindings(f *testing.F) {
	f.Add(photoshopIRB())
	payloadSeeds(f, ".irb")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, fd := range irbFindings(b, "APP13") {
			if fd.Value != cleanText(fd.Value) || fd.Value == "" {
				t.Fatalf("unsafe value %q", fd.Value)
			}
		}
	})
}

// TestIRBFindingsReadsWhatExiftoolWrote reads the APP13 payload exiftool
// 12.57 wrote for IPTC tags (testdata/payload/exiftool-iptc.irb, after the
// "Photoshop 3.0\0" signature).
func TestIRBFindingsReadsWhatExiftoolWrote(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "payload", "exiftool-iptc.irb"))
	if err != nil {
		t.Fatal(err)
	}
	got := irbFindings(b, "APP13")
	want := []Finding{
		{Category: Location, Label: "City", Value: "Paris", Where: "APP13, IPTC"},
		{Category: Location, Label: "Country", Value: "France", Where: "APP13, IPTC"},
		{Category: People, Label: "Creator", Value: "Jane Doe", Where: "APP13, IPTC"},
		{Category: Text, Label: "Caption", Value: "Eiffel tower", Where: "APP13, IPTC"},
		{Category: Text, Label: "Keywords", Value: "holiday, paris", Where: "APP13, IPTC"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if !sameSaid(got[i], want[i]) {
			t.Errorf("got %+v, want %+v", got[i], want[i])
		}
	}
}
