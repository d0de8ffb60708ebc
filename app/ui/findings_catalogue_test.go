package ui

import (
	"encoding/binary"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"veil/exif"
)

// Every language of the window must word every finding of package exif:
// these tests read each table of findingwords/ and the findings of every
// fixture of the core, and fail on any ID a language lacks or any
// argument a finding does not give.

var placeholder = regexp.MustCompile(`\{([a-z]+)\}`)

// placeholders are the argument names a template uses, sorted.
func placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// languageFiles reads each table file of findingwords/ as it is, by
// language code.
func languageFiles(t *testing.T) map[string]exif.Table {
	t.Helper()
	files, err := fs.Glob(findingFiles, "findingwords/*.json")
	if err != nil || len(files) < 2 {
		t.Fatalf("found %v (%v): the tables are not embedded", files, err)
	}
	out := map[string]exif.Table{}
	for _, f := range files {
		tb, err := readFindingTable(findingFiles, f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = tb
	}
	return out
}

// argsOf are the names of the arguments a finding of that ID has.
func argsOf(id string) []string {
	en := exif.English[id]
	return append(placeholders(en.Label+en.Value), exif.ArgsBeyondEnglish[id]...)
}

func isSubset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func TestEveryLanguageWordsEveryIDWithItsArguments(t *testing.T) {
	for code, tb := range languageFiles(t) {
		for id, m := range tb {
			_, ok := exif.English[id]
			switch {
			case !ok:
				t.Errorf("%s.json: %q is no ID of package exif", code, id)
			case !isSubset(placeholders(m.Label+m.Value), argsOf(id)):
				t.Errorf("%s.json: %q uses %v; the finding has only %v", code, id, placeholders(m.Label+m.Value), argsOf(id))
			}
		}
		if code == "en" {
			continue // the window's own English: only where it differs
		}
		for _, id := range slices.Sorted(maps.Keys(exif.English)) {
			m, en := tb[id], exif.English[id]
			if (m.Label == "") != (en.Label == "") || (m.Value == "") != (en.Value == "") {
				t.Errorf("%s.json lacks words for %q (English: %q, %q)", code, id, en.Label, en.Value)
			}
		}
	}
}

func TestEveryFindingOfTheCoreFixturesIsWordedInEveryLanguage(t *testing.T) {
	files := fixtureFiles()
	built := addBuiltFiles(t, files)
	tables := findingTables()
	checked := 0
	for name, data := range files {
		info, err := exif.Inspect(data)
		want, isBuilt := built[name]
		if err != nil {
			if isBuilt {
				t.Errorf("%s: %v", name, err)
			}
			continue // bad-*.jpg and the like: nothing is listed
		}
		if isBuilt && !slices.ContainsFunc(info.Findings, func(f exif.Finding) bool { return f.Label == want }) {
			t.Errorf("%s: no finding %q in %v: the file is built wrong", name, want, info.Findings)
		}
		for _, f := range info.Findings {
			checked++
			checkWorded(t, name, f, tables)
		}
	}
	if len(files) < 60 || checked < 150 {
		t.Fatalf("inspected %d files and checked %d findings: the fixtures were not found", len(files), checked)
	}
}

// checkWorded fails when a finding has no words in a language, or lacks
// an argument its words use.
func checkWorded(t *testing.T, name string, f exif.Finding, tables map[string]exif.Table) {
	t.Helper()
	_, ok := exif.English[f.ID]
	if !ok {
		t.Errorf("%s: finding %q (%s) has no ID of the English table", name, f.ID, f.Label)
		return
	}
	for _, p := range argsOf(f.ID) {
		if !slices.ContainsFunc(f.Args, func(a exif.Arg) bool { return a.Name == p }) {
			t.Errorf("%s: finding %s lacks the argument %q", name, f.ID, p)
		}
	}
	for code, tb := range tables {
		if label, value := tb.Finding(f); label == "" || value == "" && f.Value != "" {
			t.Errorf("%s: finding %s is %q, %q in %s", name, f.ID, label, value, code)
		}
	}
}

// TestFindingsCatalogueLoadsLikeTheApp loads the window's translations the
// way the window does, and checks that each names the findings table of
// its language.
func TestFindingsCatalogueLoadsLikeTheApp(t *testing.T) {
	if _, err := newLocalizer(translations, "translations"); err != nil {
		t.Errorf("the translations do not load: %v", err)
	}
	tables := findingTables()
	for _, f := range stringFiles() {
		code := readTranslations(t, f)["veil.language"]
		if code != strings.TrimSuffix(f, ".json") || tables[code] == nil {
			t.Errorf("%s names the findings language %q, tables %v", f, code, slices.Sorted(maps.Keys(tables)))
		}
	}
}

// fixtureFiles reads every image fixture of package exif.
func fixtureFiles() map[string][]byte {
	out := map[string][]byte{}
	for _, sub := range []string{"jpeg", "png", "webp", "gif", "heic", "video"} {
		paths, _ := filepath.Glob(filepath.Join("../../exif/testdata", sub, "*"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				out[sub+"/"+filepath.Base(p)] = data
			}
		}
	}
	return out
}

// withSegment is a copy of the JPEG image with one more segment after its
// SOI (ITU-T T.81 B.1.1.4).
func withSegment(image []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker}                                      // marker
	seg = binary.BigEndian.AppendUint16(seg, uint16(2+len(payload))) // length, itself included
	seg = append(seg, payload...)                                    // payload
	return append(append(append([]byte{}, image[:2]...), seg...), image[2:]...)
}

// addBuiltFiles adds to files the payloads of the core's tests and what the
// fixtures lack, each put into plain.jpg: GPS
// direction, speed and destination, every XMP property and IPTC dataset the
// core names, each kind of trailer in each unit of size, and a comment of
// nothing but control characters. It returns, per added file, a label the
// file must show.
func addBuiltFiles(t *testing.T, files map[string][]byte) map[string]string {
	t.Helper()
	plain := files["jpeg/plain.jpg"]
	if len(plain) < 4 {
		t.Fatal("plain.jpg is missing")
	}
	withTail := func(tail []byte) []byte { return append(append([]byte{}, plain...), tail...) }
	padded := func(head string, n int) []byte { return append([]byte(head), make([]byte, n-len(head))...) }
	type builtFile struct {
		data []byte
		want string // a label the file must show
	}
	built := map[string]builtFile{
		"built/gps-direction-speed.jpg": {withSegment(plain, 0xE1, append([]byte("Exif\x00\x00"), gpsTIFF()...)), "Speed"},
		"built/every-xmp-property.jpg":  {withSegment(plain, 0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), everyXMPProperty()...)), "Attached files"},
		"built/every-iptc-dataset.jpg":  {withSegment(plain, 0xED, append([]byte("Photoshop 3.0\x00"), everyIPTCDataset()...)), "Caption writer"},
		"built/control-comment.jpg":     {withSegment(plain, 0xFE, []byte("\x01\x02\x03")), "Comment"},
		"built/video-after.jpg":         {withTail(padded("\x00\x00\x00\x18ftypisom", 2_000)), "Video"},
		"built/jpeg-after.jpg":          {withTail(padded("\xFF\xD8\xFF\xE0", 1_500_000)), "Extra picture"},
		"built/samsung-after.jpg":       {withTail(padded("SEFH", 12_000_000)), "Samsung extra data"},
		"built/one-byte-after.jpg":      {withTail([]byte{0x42}), "Data after the image"},
	}
	// The payloads of the core's tests (bare EXIF, XMP and Photoshop
	// blocks), in the segments that carry them.
	for name, c := range map[string]struct {
		marker    byte
		sig, want string
	}{
		"exiftool-canon-gps.exif":   {0xE1, "Exif\x00\x00", "GPS position"},             // APP1, CIPA DC-008 §4.5.4
		"exiftool-creator-city.xmp": {0xE1, "http://ns.adobe.com/xap/1.0/\x00", "City"}, // APP1, XMP part 3 §1.1.3
		"exiftool-iptc.irb":         {0xED, "Photoshop 3.0\x00", "City"},                // APP13, Photoshop file formats
	} {
		data, err := os.ReadFile(filepath.Join("../../exif/testdata/payload", name))
		if err != nil {
			t.Fatal(err)
		}
		built["payload/"+name] = builtFile{withSegment(plain, c.marker, append([]byte(c.sig), data...)), c.want}
	}
	want := map[string]string{}
	for name, b := range built {
		files[name] = b.data
		want[name] = b.want
	}
	return want
}

// gpsTIFF is a big-endian EXIF block (TIFF 6.0 §2) whose IFD0 holds only
// the GPS IFD pointer, and whose GPS IFD (Exif 2.32 §4.6.6) holds a
// position, an altitude below sea level, a speed, a direction, a
// destination and a date. Values over four bytes follow the GPS IFD.
func gpsTIFF() []byte {
	ascii := func(s string) []byte { return append([]byte(s), 0) }
	rational := func(v ...uint32) []byte {
		var b []byte
		for _, n := range v {
			b = binary.BigEndian.AppendUint32(b, n) // numerator
			b = binary.BigEndian.AppendUint32(b, 1) // denominator
		}
		return b
	}
	entries := []struct {
		tag, typ uint16 // tag; type 1 BYTE, 2 ASCII, 5 RATIONAL
		val      []byte
	}{
		{0x01, 2, ascii("S")}, {0x02, 5, rational(33, 52, 0)}, // latitude
		{0x03, 2, ascii("W")}, {0x04, 5, rational(70, 0, 0)}, // longitude
		{0x05, 1, []byte{1}}, {0x06, 5, rational(5)}, // altitude, below sea level
		{0x07, 5, rational(12, 3, 22)},                 // time of day, UTC
		{0x0C, 2, ascii("K")}, {0x0D, 5, rational(30)}, // speed in km/h
		{0x10, 2, ascii("T")}, {0x11, 5, rational(90)}, // direction from true north
		{0x13, 2, ascii("N")}, {0x14, 5, rational(1, 0, 0)}, // destination latitude
		{0x15, 2, ascii("W")}, {0x16, 5, rational(2, 0, 0)}, // destination longitude
		{0x1D, 2, ascii("2024:05:01")}, // date, UTC
	}
	const gpsOff = 8 + 2 + 12 + 4
	b := []byte("MM\x00\x2A\x00\x00\x00\x08")                     // big-endian, 42, IFD0 at 8
	b = append(b, 0x00, 0x01)                                     // IFD0: one entry
	b = append(b, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01) // GPS IFD pointer, LONG, count 1
	b = binary.BigEndian.AppendUint32(b, gpsOff)                  // its offset
	b = append(b, 0x00, 0x00, 0x00, 0x00)                         // no next IFD
	b = binary.BigEndian.AppendUint16(b, uint16(len(entries)))
	var data []byte
	dataOff := gpsOff + 2 + 12*len(entries) + 4
	for _, e := range entries {
		size := map[uint16]int{1: 1, 2: 1, 5: 8}[e.typ]
		b = binary.BigEndian.AppendUint16(b, e.tag)                   // tag
		b = binary.BigEndian.AppendUint16(b, e.typ)                   // type
		b = binary.BigEndian.AppendUint32(b, uint32(len(e.val)/size)) // count
		if len(e.val) <= 4 {
			b = append(append(b, e.val...), make([]byte, 4-len(e.val))...) // the value itself, padded
		} else {
			b = binary.BigEndian.AppendUint32(b, uint32(dataOff+len(data))) // where the value is
			data = append(data, e.val...)
		}
	}
	b = append(b, 0x00, 0x00, 0x00, 0x00) // no next IFD
	return append(b, data...)
}

// everyXMPProperty is an XMP packet (ISO 16684-1) with one value for each
// property the core names, a motion photo flag, a container directory and
// a property it does not know.
func everyXMPProperty() []byte {
	props := map[string]string{
		"dc": "creator rights description title subject", "xmpRights": "Owner",
		"photoshop":   "Credit AuthorsPosition Headline Instructions City State Country DateCreated",
		"Iptc4xmpExt": "PersonInImage", "Iptc4xmpCore": "Location CountryCode", "tiff": "Make Model",
		"exifEX": "BodySerialNumber", "aux": "SerialNumber OwnerName Lens",
		"xmp": "CreatorTool CreateDate ModifyDate MetadataDate", "exif": "UserComment DateTimeOriginal",
		"xmpMM": "DocumentID OriginalDocumentID InstanceID", "stEvt": "softwareAgent action",
		"mwg-rs": "Name", "unknown": "Thing",
	}
	ns := map[string]string{
		"dc": "http://purl.org/dc/elements/1.1/", "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
		"photoshop": "http://ns.adobe.com/photoshop/1.0/", "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
		"Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "tiff": "http://ns.adobe.com/tiff/1.0/",
		"exifEX": "http://cipa.jp/exif/1.0/", "aux": "http://ns.adobe.com/exif/1.0/aux/",
		"xmp": "http://ns.adobe.com/xap/1.0/", "exif": "http://ns.adobe.com/exif/1.0/",
		"xmpMM": "http://ns.adobe.com/xap/1.0/mm/", "stEvt": "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#",
		"mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/", "unknown": "http://example.com/unknown/",
		"GCamera": "http://ns.google.com/photos/1.0/camera/", "Container": "http://ns.google.com/photos/1.0/container/",
		"Item": "http://ns.google.com/photos/1.0/container/item/",
	}
	var b strings.Builder
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description`)
	for p, uri := range ns {
		b.WriteString(` xmlns:` + p + `="` + uri + `"`)
	}
	b.WriteString(` exif:GPSLatitude="48,51.5N" exif:GPSLongitude="2,17.7E" exif:GPSAltitude="35/1" GCamera:MicroVideo="1">`)
	for p, names := range props {
		for _, n := range strings.Fields(names) {
			b.WriteString("<" + p + ":" + n + ">some text</" + p + ":" + n + ">")
		}
	}
	b.WriteString(`<Container:Directory><rdf:Seq><rdf:li Item:Mime="image/jpeg"/><rdf:li Item:Mime="video/mp4"/></rdf:Seq></Container:Directory>`)
	b.WriteString(`</rdf:Description></rdf:RDF></x:xmpmeta>`)
	return []byte(b.String())
}

// everyIPTCDataset is a Photoshop image resource block (Photoshop file
// formats, "Image resource blocks") holding IPTC-IIM record 2 with each
// dataset the core names and one it does not, a thumbnail resource and
// a resource the core does not name.
func everyIPTCDataset() []byte {
	var iptc []byte
	for _, ds := range []byte{5, 25, 40, 55, 60, 62, 65, 80, 85, 90, 92, 95, 100, 101, 103, 105, 110, 115, 116, 118, 120, 122, 10} {
		iptc = append(iptc, 0x1C, 2, ds)              // tag marker, record 2, dataset
		iptc = binary.BigEndian.AppendUint16(iptc, 9) // size
		iptc = append(iptc, "some text"...)           // value
	}
	resource := func(id uint16, data []byte) []byte {
		b := append([]byte("8BIM"), byte(id>>8), byte(id), 0, 0) // signature, ID, empty name padded to even
		b = binary.BigEndian.AppendUint32(b, uint32(len(data)))  // size
		b = append(b, data...)                                   // data
		if len(data)%2 == 1 {
			b = append(b, 0) // padded to even
		}
		return b
	}
	out := resource(0x0404, iptc)                            // IPTC-IIM
	out = append(out, resource(0x040C, make([]byte, 2))...)  // thumbnail
	return append(out, resource(0x03ED, make([]byte, 2))...) // resolution info
}
