package exif

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func TestExifFindingsListsWhatAPhonePhotoGivesAway(t *testing.T) {
	want := []Finding{
		{Location, "GPS position", "48.8584 N, 2.2945 E — this shows where the photo was taken", "EXIF"},
		{Location, "Altitude", "35 m above sea level", "EXIF"},
		{Location, "Direction", "the camera faced 124° (from true north)", "EXIF"},
		{Device, "Camera", "Apple iPhone 15 Pro", "EXIF"},
		{Device, "Lens", "iPhone 15 Pro back camera 6.86mm f/1.78", "EXIF"},
		{Device, "Camera serial number", "SN-0042", "EXIF"},
		{Device, "Unique image ID", "5F0C1A2B3C4D (an ID that can link copies of this photo)", "EXIF"},
		{Device, "Manufacturer data", "54 bytes of manufacturer data, may hold serial numbers", "EXIF"},
		{Time, "Taken", "2024-05-01 14:03:22 +02:00", "EXIF"},
		{Time, "Last changed", "2024-05-01 14:03:22", "EXIF"},
		{Time, "GPS time", "2024-05-01 12:03:22 UTC", "EXIF"},
		{People, "Camera owner", "Jane Doe", "EXIF"},
		{People, "Author", "Jan", "EXIF"},
		{HiddenPictures, "Thumbnail", "a small copy of the photo (2 KB)", "EXIF"},
		{EditHistory, "Software", "17.4.1", "EXIF"},
		{EditHistory, "Computer", "iPhone 15 Pro", "EXIF"},
		{Text, "Comment", "at home", "EXIF"},
		{Other, "Other EXIF data", "3 other EXIF tags (camera settings and technical details)", "EXIF"},
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
		if g == f {
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
	want := Finding{Time, "GPS time", "2024Ê05:01 (UTC date)", "EXIF"}
	if err != nil || len(fs) != 1 || fs[0] != want {
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
		{Location, "GPS position", "48.8584 N, 2.2945 E — this shows where the photo was taken", "EXIF"},
		{Location, "Altitude", "35 m above sea level", "EXIF"},
		{Device, "Camera", "Canon EOS R5", "EXIF"},
		{Device, "Camera serial number", "012345678901", "EXIF"},
		{Device, "Lens serial number", "LS42", "EXIF"},
		{Time, "Taken", "2024-05-01 14:03:22 +02:00", "EXIF"},
		{People, "Artist", "Jane Doe", "EXIF"},
		{People, "Camera owner", "Jane Doe", "EXIF"},
		{People, "Copyright", "(c) Jane", "EXIF"},
		{EditHistory, "Software", "GIMP 2.10", "EXIF"},
		{Text, "Comment", "at home", "EXIF"},
	} {
		if !containsFinding(fs, w) {
			t.Errorf("missing %+v in %v", w, fs)
		}
	}
}
