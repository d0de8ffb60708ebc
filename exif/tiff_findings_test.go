package exif

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func TestExifFindingsListsWhatAPhonePhotoGivesAway(t *testing.T) {
	want := []Finding{
		{Category: Location, Label: "GPS position", Value: "48.8584 N, 2.2945 E — this shows where the photo was taken", Where: "EXIF"},
		{Category: Location, Label: "Altitude", Value: "35 m above sea level", Where: "EXIF"},
		{Category: Location, Label: "Direction", Value: "the camera faced 124° (from true north)", Where: "EXIF"},
		{Category: Device, Label: "Camera", Value: "Apple iPhone 15 Pro", Where: "EXIF"},
		{Category: Device, Label: "Lens", Value: "iPhone 15 Pro back camera 6.86mm f/1.78", Where: "EXIF"},
		{Category: Device, Label: "Camera serial number", Value: "SN-0042", Where: "EXIF"},
		{Category: Device, Label: "Unique image ID", Value: "5F0C1A2B3C4D (an ID that can link copies of this photo)", Where: "EXIF"},
		{Category: Device, Label: "Manufacturer data", Value: "54 bytes of manufacturer data, may hold serial numbers", Where: "EXIF"},
		{Category: Time, Label: "Taken", Value: "2024-05-01 14:03:22 +02:00", Where: "EXIF"},
		{Category: Time, Label: "Last changed", Value: "2024-05-01 14:03:22", Where: "EXIF"},
		{Category: Time, Label: "GPS time", Value: "2024-05-01 12:03:22 UTC", Where: "EXIF"},
		{Category: People, Label: "Camera owner", Value: "Jane Doe", Where: "EXIF"},
		{Category: People, Label: "Author", Value: "Jan", Where: "EXIF"},
		{Category: HiddenPictures, Label: "Thumbnail", Value: "a small copy of the photo (2 KB)", Where: "EXIF"},
		{Category: EditHistory, Label: "Software", Value: "17.4.1", Where: "EXIF"},
		{Category: EditHistory, Label: "Computer", Value: "iPhone 15 Pro", Where: "EXIF"},
		{Category: Text, Label: "Comment", Value: "at home", Where: "EXIF"},
		{Category: Other, Label: "Other EXIF data", Value: "3 other EXIF tags (camera settings and technical details)", Where: "EXIF"},
	}
	for _, o := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
		t.Run("in "+o.String(), func(t *testing.T) {
			got, orientation, err := exifFindings(phoneEXIF(o), "EXIF")
			if err != nil {
				t.Fatal(err)
			}
			if orientation != 6 {
				t.Errorf("orientation %d, want 6", orientation)
			}
			for _, w := range want {
				if !containsFinding(got, w) {
					t.Errorf("missing %+v", w)
				}
			}
			if len(got) != len(want) {
				t.Errorf("got %d findings, want %d:\n%v", len(got), len(want), got)
			}
		})
	}
}

func containsFinding(fs []Finding, f Finding) bool {
	for _, g := range fs {
		if g.Category == f.Category && g.Label == f.Label && g.Value == f.Value && g.Where == f.Where {
			return true
		}
	}
	return false
}

// TestExifFindingsCleansValuesBuiltFromFileText holds an input the fuzzer
// found: a GPS date with a stray byte reached the value without cleaning.
func TestExifFindingsCleansValuesBuiltFromFileText(t *testing.T) {
	w := newTIFF(binary.BigEndian)
	gps := w.ifd(0, w.ascii(0x1D, "2024\xca05:01")) // GPSDateStamp with a Latin-1 byte
	b := w.root(0, w.long(0x8825, gps))
	fs, _, err := exifFindings(b, "EXIF")
	want := Finding{Category: Time, Label: "GPS time", Value: "2024Ê05:01 (UTC date)", Where: "EXIF"}
	if err != nil || len(fs) != 1 || !sameSaid(fs[0], want) {
		t.Errorf("got %v, %v; want %v", fs, err, want)
	}
}

// TestExifFindingsReadsWhatExiftoolWrote reads EXIF written by exiftool
// 12.57 into an ImageMagick JPEG (testdata/payload/exiftool-canon-gps.exif,
// extracted with exiftool -b -EXIF): a real writer's layout, not ours.
func TestExifFindingsReadsWhatExiftoolWrote(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "payload", "exiftool-canon-gps.exif"))
	if err != nil {
		t.Fatal(err)
	}
	fs, o, err := exifFindings(b, "EXIF")
	if err != nil || o != 6 {
		t.Fatalf("orientation %d, error %v; want 6, nil", o, err)
	}
	for _, w := range []Finding{
		{Category: Location, Label: "GPS position", Value: "48.8584 N, 2.2945 E — this shows where the photo was taken", Where: "EXIF"},
		{Category: Location, Label: "Altitude", Value: "35 m above sea level", Where: "EXIF"},
		{Category: Device, Label: "Camera", Value: "Canon EOS R5", Where: "EXIF"},
		{Category: Device, Label: "Camera serial number", Value: "012345678901", Where: "EXIF"},
		{Category: Device, Label: "Lens serial number", Value: "LS42", Where: "EXIF"},
		{Category: Time, Label: "Taken", Value: "2024-05-01 14:03:22 +02:00", Where: "EXIF"},
		{Category: People, Label: "Artist", Value: "Jane Doe", Where: "EXIF"},
		{Category: People, Label: "Camera owner", Value: "Jane Doe", Where: "EXIF"},
		{Category: People, Label: "Copyright", Value: "(c) Jane", Where: "EXIF"},
		{Category: EditHistory, Label: "Software", Value: "GIMP 2.10", Where: "EXIF"},
		{Category: Text, Label: "Comment", Value: "at home", Where: "EXIF"},
	} {
		if !containsFinding(fs, w) {
			t.Errorf("missing %+v in %v", w, fs)
		}
	}
}

// sameSaid reports findings with the same words in the same place,
// whatever their IDs and arguments.
func sameSaid(a, b Finding) bool {
	return a.Category == b.Category && a.Label == b.Label && a.Value == b.Value && a.Where == b.Where
}
