package exif

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// phoneXMP is the XMP of an edited phone photo: attribute and element
// properties, lists, a face region, edit history and a motion photo.
const phoneXMP = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>" + `
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 6.0.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
    xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"
    xmlns:mm="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmp:CreatorTool="Adobe Lightroom 7.0"
    photoshop:City="Paris"
    photoshop:Country="France"
    exif:GPSLatitude="48,51.505N"
    exif:GPSLongitude="2,17.67E"
    tiff:Make="Google"
    tiff:Model="Pixel 8"
    GCamera:MotionPhoto="1"
    mm:DocumentID="xmp.did:1234abcd"
    exif:ExposureTime="1/120">
   <dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Our &lt;b&gt;flat&lt;/b&gt;</rdf:li></rdf:Alt></dc:description>
   <mm:History><rdf:Seq>
     <rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop 25.0"/>
     <rdf:li rdf:parseType="Resource"><stEvt:action>converted</stEvt:action></rdf:li>
   </rdf:Seq></mm:History>
   <mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>
     <rdf:li><rdf:Description mwg-rs:Name="John Smith" mwg-rs:Type="Face"/></rdf:li>
   </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>` + "\x00\x00"

func TestXMPFindingsListsWhatAnEditedPhotoGivesAway(t *testing.T) {
	got := xmpFindings([]byte(phoneXMP), "XMP")
	want := []Finding{
		{Category: Location, Label: "GPS position", Value: "48.8584 N, 2.2945 E — this shows where the photo was taken", Where: "XMP"},
		{Category: Location, Label: "City", Value: "Paris", Where: "XMP"},
		{Category: Location, Label: "Country", Value: "France", Where: "XMP"},
		{Category: Device, Label: "Camera maker", Value: "Google", Where: "XMP"},
		{Category: Device, Label: "Camera model", Value: "Pixel 8", Where: "XMP"},
		{Category: People, Label: "Creator", Value: "Jane Doe", Where: "XMP"},
		{Category: People, Label: "Names of people tagged in the photo", Value: "John Smith", Where: "XMP"},
		{Category: HiddenPictures, Label: "Video", Value: "a video is attached (motion photo)", Where: "XMP"},
		{Category: EditHistory, Label: "Software", Value: "Adobe Lightroom 7.0", Where: "XMP"},
		{Category: EditHistory, Label: "Edited with", Value: "Adobe Photoshop 25.0", Where: "XMP"},
		{Category: EditHistory, Label: "Edit steps", Value: "saved, converted", Where: "XMP"},
		{Category: Text, Label: "Caption", Value: "Our <b>flat</b>", Where: "XMP"},
		{Category: Other, Label: "Document ID", Value: "xmp.did:1234abcd (an ID that can link copies of this photo)", Where: "XMP"},
		{Category: Other, Label: "Other XMP data", Value: "2 other XMP properties", Where: "XMP"}, // exif:ExposureTime, mwg-rs:Type
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

func TestXMPFindings(t *testing.T) {
	cases := []struct {
		name, xmp string
		want      []Finding
	}{
		{"finds a property whatever prefix the file chose",
			`<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><r:Description xmlns:p="http://ns.adobe.com/photoshop/1.0/" p:City="Lyon"/></r:RDF>`,
			[]Finding{{Category: Location, Label: "City", Value: "Lyon", Where: "XMP"}}},
		{"reads Microsoft face names",
			`<x xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#"><MPReg:PersonDisplayName>Ann</MPReg:PersonDisplayName></x>`,
			[]Finding{{Category: People, Label: "Names of people tagged in the photo", Value: "Ann", Where: "XMP"}}},
		{"says a Google container holds other files",
			`<x xmlns:Container="http://ns.google.com/photos/1.0/container/" xmlns:Item="http://ns.google.com/photos/1.0/container/item/"><Container:Directory><Item:Item Item:Mime="video/mp4"/></Container:Directory></x>`,
			[]Finding{{Category: HiddenPictures, Label: "Attached files", Value: "other pictures or a video are attached: video/mp4", Where: "XMP"}}},
		{"gives no position for an unreadable coordinate",
			`<x xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="north" exif:GPSLongitude="2,17E"/>`,
			nil},
		{"lists nothing for an empty packet", ``, nil},
		{"names a value of nothing but control characters (found by fuzzing)",
			"<x xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>\x7f</dc:creator></x>",
			[]Finding{{Category: People, Label: "Creator", Value: "unreadable text (1 byte)", Where: "XMP"}}},
		{"reports a packet that is not XML",
			`<x:xmpmeta><rdf:RDF><<<`,
			[]Finding{{Category: Other, Label: "XMP metadata", Value: "unreadable XMP metadata", Where: "XMP"}}},
		{"keeps what was read before a fault",
			`<x xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights>© Ann</dc:rights><y z=">`,
			[]Finding{{Category: People, Label: "Copyright", Value: "© Ann", Where: "XMP"}, {Category: Other, Label: "XMP metadata", Value: "unreadable XMP metadata", Where: "XMP"}}},
		{"removes control characters from values",
			`<x xmlns:dc="http://purl.org/dc/elements/1.1/" dc:title="a&#x9;b&#x202E;c"/>`,
			[]Finding{{Category: Text, Label: "Title", Value: "a bc", Where: "XMP"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := xmpFindings([]byte(c.xmp), "XMP")
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

func TestXMPFindingsRefusesAHugePacket(t *testing.T) {
	got := xmpFindings([]byte("<x>"+strings.Repeat("a", maxXMP)+"</x>"), "XMP")
	if len(got) != 1 || got[0].Category != Other || !strings.HasPrefix(got[0].Value, "unreadable XMP metadata") {
		t.Errorf("got %v", got)
	}
}

func TestXMPFindingsSurvivesEveryTruncation(t *testing.T) {
	for n := range len(phoneXMP) {
		for _, f := range xmpFindings([]byte(phoneXMP[:n]), "XMP") {
			if f.Value == "" || f.Where != "XMP" {
				t.Fatalf("cut at %d: %+v", n, f)
			}
		}
	}
}

// payloadSeeds returns the fixture files of testdata/payload whose names
// end in ext, for fuzz seeds.
func payloadSeeds(f *testing.F, ext string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "payload", "*"+ext))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzXMPFindings(f *testing.F) {
	f.Add([]byte(phoneXMP))
	payloadSeeds(f, ".xmp")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, fd := range xmpFindings(b, "XMP") {
			if fd.Value != cleanText(fd.Value) || fd.Value == "" {
				t.Fatalf("unsafe value %q", fd.Value)
			}
		}
	})
}

// TestXMPFindingsReadsWhatExiftoolWrote reads an XMP packet written by
// exiftool 12.57 (testdata/payload/exiftool-creator-city.xmp).
func TestXMPFindingsReadsWhatExiftoolWrote(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "payload", "exiftool-creator-city.xmp"))
	if err != nil {
		t.Fatal(err)
	}
	got := xmpFindings(b, "XMP")
	want := []Finding{
		{Category: Location, Label: "City", Value: "Paris", Where: "XMP"},
		{Category: People, Label: "Creator", Value: "Jane Doe", Where: "XMP"},
		{Category: Text, Label: "Caption", Value: "Our flat", Where: "XMP"},
		{Category: Other, Label: "Document ID", Value: "xmp.did:42 (an ID that can link copies of this photo)", Where: "XMP"},
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
