package exif

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// notes reads the hand-built text chunks as inspect does: together.
func notes(cs ...pngTestChunk) []Finding {
	var ns []pngNote
	for _, c := range cs {
		ns = append(ns, readPNGNote(pngChunk{typ: c.typ, data: c.data}, "PNG "+c.typ+" chunk"))
	}
	return pngNoteFindings(ns)
}

// rawProfile is ImageMagick's hex text of a profile (coders/png.c): a
// newline, the name, the length in decimal, the hex digits.
func rawProfile(name string, b []byte) string {
	return fmt.Sprintf("\n%s\n%8d\n%s\n", name, len(b), hex.EncodeToString(b))
}

func TestPNGNoteKeywordsAreWordedByRule(t *testing.T) {
	emptyXMP := []byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>`)
	for _, tc := range []struct {
		name        string
		c           pngTestChunk
		id          string
		cat         Category
		label, text string
	}{
		// The predefined keywords of PNG §11.3.4.2, in any case.
		{"Title is a title", pngTEXt("Title", "At the beach"), "text.title", Text, "Title", "At the beach"},
		{"a lower-case title is a title too", pngTEXt("title", "At the beach"), "text.title", Text, "Title", "At the beach"},
		{"Author is a name", pngTEXt("AUTHOR", "Jane Roe"), "people.author", People, "Author", "Jane Roe"},
		{"Description is a description", pngZTXt("Description", "two people"), "text.description", Text, "Description", "two people"},
		{"Copyright is a name", pngTEXt("Copyright", "© Jane"), "people.copyright", People, "Copyright", "© Jane"},
		{"Creation Time in RFC 1123 is a date", pngTEXt("Creation Time", "Sat, 05 Dec 2026 01:35:14 +0100"),
			"time.created", Time, "Created", "2026-12-05 01:35:14 +01:00"},
		{"Creation Time in free form is shown as written", pngTEXt("Creation Time", "last summer"), "time.created", Time, "Created", "last summer"},
		{"Software is edit history", pngTEXt("Software", "GIMP 2.10"), "edit.software", EditHistory, "Software", "GIMP 2.10"},
		{"Disclaimer is a legal notice", pngTEXt("Disclaimer", "no rights"), "text.disclaimer", Text, "Legal notice", "no rights"},
		{"Warning warns about the content", pngTEXt("Warning", "nudity"), "text.warning", Text, "Warning about the content", "nudity"},
		{"Source is the device", pngTEXt("Source", "Canon EOS 5D"), "device.source", Device, "Device used", "Canon EOS 5D"},
		{"ImageMagick's comment is a comment", pngTEXt("comment", "hello"), "text.comment", Text, "Comment", "hello"},
		{"an iTXt comment is a comment", pngITXt("Comment", "de", "Kommentar", "hallo", false), "text.comment", Text, "Comment", "hallo"},
		// ImageMagick's dates and colour-profile details.
		{"date:create is the date created", pngTEXt("date:create", "2026-12-04T23:29:00+00:00"),
			"time.png_date_create", Time, "Date created", "2026-12-04 23:29:00 +00:00"},
		{"date:modify is the date modified", pngTEXt("date:modify", "2026-12-04T23:29:00Z"),
			"time.png_date_modify", Time, "Date modified", "2026-12-04 23:29:00 +00:00"},
		{"date:timestamp is a date and time", pngTEXt("date:timestamp", "2026-12-04T23:29:00.123+02:00"),
			"time.png_date_timestamp", Time, "Date and time", "2026-12-04 23:29:00 +02:00"},
		{"a date that does not parse is shown as written", pngTEXt("date:create", "yesterday"),
			"time.png_date_create", Time, "Date created", "yesterday"},
		{"another date: name is quoted", pngTEXt("date:exif", "2024-05-01"),
			"time.png_date_other", Time, "A date named “exif”", "2024-05-01"},
		{"icc:description names the colour profile", pngTEXt("icc:description", "sRGB IEC61966-2.1"),
			"other.icc_description", Other, "Colour profile name", "sRGB IEC61966-2.1"},
		{"icc:copyright is the profile's copyright", pngTEXt("icc:copyright", "Copyright Artifex Software 2018"),
			"other.icc_copyright", Other, "Colour profile copyright", "Copyright Artifex Software 2018"},
		{"icc:manufacturer is a device maker", pngTEXt("icc:manufacturer", "EPSON"),
			"device.icc_maker", Device, "Maker of the device the colour profile is for", "EPSON"},
		{"icc:model is a device model", pngTEXt("icc:model", "Stylus"),
			"device.icc_model", Device, "Model of the device the colour profile is for", "Stylus"},
		{"another icc: name is quoted", pngTEXt("icc:name", "x"), "other.icc_detail", Other, "Colour profile detail “name”", "x"},
		{"a png: name is a quoted technical detail", pngTEXt("png:IHDR.bit-depth-orig", "8"),
			"other.png_detail", Other, "Technical detail “IHDR.bit-depth-orig”", "8"},
		// Hidden metadata blocks.
		{"a Raw profile type xmp naming nothing is hidden XMP data", pngZTXt("Raw profile type xmp", rawProfile("xmp", emptyXMP)),
			"other.raw_xmp", Other, "Hidden XMP data", fmt.Sprint(len(emptyXMP), " bytes")},
		{"a Raw profile type exif that does not read is hidden EXIF data", pngZTXt("Raw profile type exif", rawProfile("exif", []byte("Exif\x00\x00junk"))),
			"other.raw_exif", Other, "Hidden EXIF data", "10 bytes"},
		{"a Raw profile type iptc naming nothing is hidden IPTC data", pngZTXt("Raw profile type iptc", rawProfile("iptc", nil)),
			"other.raw_iptc", Other, "Hidden IPTC data", "0 bytes"},
		{"a Raw profile type 8bim naming nothing is hidden Photoshop data", pngZTXt("raw profile type 8BIM", rawProfile("8bim", nil)),
			"other.raw_photoshop", Other, "Hidden Photoshop data", "0 bytes"},
		{"an APP1 profile holding XMP is read as XMP", pngZTXt("Raw profile type APP1",
			rawProfile("app1", append([]byte("http://ns.adobe.com/xap/1.0/\x00"), emptyXMP...))),
			"other.raw_xmp", Other, "Hidden XMP data", fmt.Sprint(len(emptyXMP), " bytes")},
		{"a raw profile of another name is quoted", pngZTXt("Raw profile type foo", rawProfile("foo", []byte{1, 2})),
			"other.raw_profile", Other, "Hidden data named “foo”", "2 bytes"},
		{"an unreadable raw profile is quoted", pngTEXt("Raw profile type exif", "zz"),
			"other.raw_profile_unreadable", Other, "Hidden data named “exif”", "2 characters"},
		{"XMP naming nothing is XMP metadata", pngITXt("XML:com.adobe.xmp", "", "", string(emptyXMP), false),
			"other.xmp_bytes", Other, "XMP metadata", "bytes"},
		// The file's own words.
		{"an unknown keyword is quoted as the file's", pngTEXt("foo:bar", "baz"), "text.png_keyword", Text, "A note named “foo:bar”", "baz"},
		{"an unknown keyword about time is listed with the times", pngTEXt("Shot time", "noon"),
			"text.png_keyword", Time, "A note named “Shot time”", "noon"},
		{"an unknown date keyword keeps its text as written", pngTEXt("MyDate", "2024-05-01T12:00:00Z"),
			"text.png_keyword", Time, "A note named “MyDate”", "2024-05-01T12:00:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := notes(tc.c)
			if len(fs) != 1 {
				t.Fatalf("findings = %+v, want one", fs)
			}
			f := fs[0]
			if f.ID != tc.id || f.Category != tc.cat || f.Label != tc.label || !strings.Contains(f.Value, tc.text) {
				t.Errorf("finding = %s %s %q: %q, want %s %s %q containing %q", f.ID, f.Category, f.Label, f.Value, tc.id, tc.cat, tc.label, tc.text)
			}
		})
	}
}

func TestImageMagicksEXIFNotesReadAsOneEXIFBlock(t *testing.T) {
	gps := []pngTestChunk{
		pngTEXt("exif:GPSLatitude", "48/1, 51/1, 2964/100"), pngTEXt("exif:GPSLatitudeRef", "N"),
		pngTEXt("exif:GPSLongitude", "70/1, 0/1, 0/1"), pngTEXt("exif:GPSLongitudeRef", "W"),
	}
	for _, tc := range []struct {
		name string
		cs   []pngTestChunk
		want []string // label: value, in order
	}{
		{"the four GPS notes make one position", gps,
			[]string{"GPS position: 48.8582 N, 70.0000 W — this shows where the photo was taken"}},
		{"a latitude without longitude is half a position", gps[:2],
			[]string{"GPS latitude: 48.8582 N — part of where the photo was taken"}},
		{"a longitude without latitude is half a position", gps[2:],
			[]string{"GPS longitude: 70.0000 W — part of where the photo was taken"}},
		{"a latitude past 90° is shown as written", []pngTestChunk{pngTEXt("exif:GPSLatitude", "91/1, 0/1, 0/1"), gps[2]},
			[]string{"GPS longitude: 70.0000 E — part of where the photo was taken", "GPS detail “GPSLatitude”: 91/1, 0/1, 0/1"}},
		{"a coordinate that does not read is shown as written", []pngTestChunk{pngTEXt("exif:GPSLatitude", "48.5"), gps[1]},
			[]string{"GPS detail “GPSLatitude”: 48.5", "GPS detail “GPSLatitudeRef”: N"}},
		{"the altitude reads in metres", []pngTestChunk{pngTEXt("exif:GPSAltitude", "35/1"), pngTEXt("exif:GPSAltitudeRef", "0")},
			[]string{"Altitude: 35 m above sea level"}},
		{"an altitude below sea level says so", []pngTestChunk{pngTEXt("exif:GPSAltitude", "5"), pngTEXt("exif:GPSAltitudeRef", "1")},
			[]string{"Altitude: 5 m below sea level"}},
		{"other GPS tags are shown by their own name", []pngTestChunk{pngTEXt("exif:GPSTimeStamp", "12/1, 3/1, 22/1"), pngTEXt("exif:GPSVersionID", "2, 3, 0, 0")},
			[]string{"GPS detail “GPSTimeStamp”: 12/1, 3/1, 22/1"}},
		{"named tags are worded as in EXIF", []pngTestChunk{pngTEXt("exif:Make", "Canon"), pngTEXt("exif:Artist", "Jane"),
			pngTEXt("exif:DateTimeOriginal", "2024:05:01 12:00:00")},
			[]string{"Camera maker: Canon", "Artist: Jane", "Taken: 2024-05-01 12:00:00"}},
		{"pointers are not counted and the rest is", []pngTestChunk{pngTEXt("exif:ExifOffset", "162"), pngTEXt("exif:GPSInfo", "248"),
			pngTEXt("exif:ExposureTime", "1/60"), pngTEXt("EXIF:FNumber", "4")},
			[]string{"Other EXIF data: 2 other EXIF tags (camera settings and technical details)"}},
		{"a name given twice counts once", []pngTestChunk{pngTEXt("exif:FNumber", "4"), pngTEXt("exif:FNumber", "5")},
			[]string{"Other EXIF data: 1 other EXIF tag (a camera setting or technical detail)"}},
		{"exif: alone is an unknown keyword", []pngTestChunk{pngTEXt("exif:", "x")}, []string{"A note named “exif:”: x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range notes(tc.cs...) {
				got = append(got, f.Label+": "+f.Value)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// FuzzPNGNote checks that any keyword and text make findings with words,
// and that a keyword Veil does not know is never shown as a label of its
// own: only quoted.
func FuzzPNGNote(f *testing.F) {
	for _, k := range []string{"Title", "date:create", "icc:model", "exif:GPSLatitude", "png:x", "Raw profile type exif", "XML:com.adobe.xmp", "foo"} {
		f.Add(k, "2024-05-01T12:00:00Z")
	}
	f.Add("exif:GPSLatitude", "NaN, Inf, 1/0")
	f.Fuzz(func(t *testing.T, key, text string) {
		if strings.ContainsRune(key, 0) {
			return
		}
		for _, fd := range notes(pngTEXt(key, text), pngTEXt("exif:GPSLongitude", text)) {
			if _, ok := English[fd.ID]; !ok || fd.Label == "" {
				t.Fatalf("finding %+v has no words", fd)
			}
			if fd.ID == "text.png_keyword" && !strings.HasPrefix(fd.Label, "A note named “") {
				t.Fatalf("unknown keyword %q shown as %q", key, fd.Label)
			}
		}
	})
}
