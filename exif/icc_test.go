package exif

import (
	"encoding/binary"
	"testing"
	"unicode/utf16"
)

// iccProfile builds a profile with one tag: a 128-byte header ("acsp" at
// 36), the tag count, one tag-table entry and the tag data.
func iccProfile(sig string, tag []byte) []byte {
	b := make([]byte, 128)                                       // header
	binary.BigEndian.PutUint32(b[0:], uint32(128+4+12+len(tag))) // profile size
	copy(b[36:], "acsp")                                         // profile file signature
	b = binary.BigEndian.AppendUint32(b, 1)                      // tag count
	b = append(b, sig...)                                        // tag signature
	b = binary.BigEndian.AppendUint32(b, 128+4+12)               // tag offset
	b = binary.BigEndian.AppendUint32(b, uint32(len(tag)))       // tag size
	return append(b, tag...)
}

// v2Desc builds a textDescriptionType: type, reserved, ASCII count with
// the NUL, ASCII, then empty Unicode and ScriptCode parts.
func v2Desc(s string) []byte {
	b := []byte("desc\x00\x00\x00\x00")                    // type signature, reserved
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)+1)) // ASCII count
	b = append(b, s...)                                    // ASCII
	b = append(b, 0)                                       // NUL
	return append(b, make([]byte, 4+4+2+1+67)...)          // Unicode code and count, ScriptCode code, count, text
}

// mluc builds a multiLocalizedUnicodeType with one record per language.
func mluc(recs ...[2]string) []byte {
	b := []byte("mluc\x00\x00\x00\x00")                     // type signature, reserved
	b = binary.BigEndian.AppendUint32(b, uint32(len(recs))) // record count
	b = binary.BigEndian.AppendUint32(b, 12)                // record size
	var text []byte
	for _, r := range recs {
		u := utf16.Encode([]rune(r[1]))
		b = append(b, r[0]...)                                                  // language and country, "enUS"
		b = binary.BigEndian.AppendUint32(b, uint32(2*len(u)))                  // length in bytes
		b = binary.BigEndian.AppendUint32(b, uint32(16+12*len(recs)+len(text))) // offset from the tag start
		for _, c := range u {
			text = binary.BigEndian.AppendUint16(text, c)
		}
	}
	return append(b, text...)
}

func TestICCDescription(t *testing.T) {
	noAcsp := iccProfile("desc", v2Desc("sRGB"))
	copy(noAcsp[36:], "xxxx")
	farTag := iccProfile("desc", v2Desc("sRGB"))
	binary.BigEndian.PutUint32(farTag[136:], 0xFFFFFFF0) // tag offset past the end
	manyTags := iccProfile("desc", v2Desc("sRGB"))
	binary.BigEndian.PutUint32(manyTags[128:], 0x7FFFFFFF) // tag count past the end
	cases := []struct {
		name string
		icc  []byte
		want string
	}{
		{"reads a v2 description", iccProfile("desc", v2Desc("sRGB IEC61966-2.1")), "sRGB IEC61966-2.1"},
		{"reads a v4 description in English", iccProfile("desc", mluc([2]string{"deDE", "Farbprofil"}, [2]string{"enUS", "Display P3"})), "Display P3"},
		{"reads the first v4 record without English", iccProfile("desc", mluc([2]string{"frFR", "Écran"})), "Écran"},
		{"cleans control characters", iccProfile("desc", v2Desc("My\x07 profile\r\n")), "My profile"},
		{"gives nothing without a desc tag", iccProfile("cprt", v2Desc("sRGB")), ""},
		{"gives nothing without the acsp signature", noAcsp, ""},
		{"gives nothing for a tag past the end", farTag, ""},
		{"gives nothing for a tag count past the end", manyTags, ""},
		{"gives nothing for an ASCII count past the tag", iccProfile("desc", []byte("desc\x00\x00\x00\x00\x00\x00\x10\x00ab")), ""},
		{"gives nothing for a v4 record past the tag", iccProfile("desc", []byte("mluc\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x0cenUS\x00\x00\x00\x10\x00\x00\x00\x1c")), ""},
		{"gives nothing for an odd v4 length", iccProfile("desc", []byte("mluc\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x0cenUS\x00\x00\x00\x01\x00\x00\x00\x1cA")), ""},
		{"gives nothing for an unknown type", iccProfile("desc", []byte("text\x00\x00\x00\x00sRGB")), ""},
		{"gives nothing for nothing", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := iccDescription(c.icc); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestICCDescriptionSurvivesEveryTruncation(t *testing.T) {
	for _, p := range [][]byte{iccProfile("desc", v2Desc("sRGB")), iccProfile("desc", mluc([2]string{"enUS", "Display P3"}))} {
		for n := range len(p) {
			if got := iccDescription(p[:n]); got != "" {
				t.Fatalf("cut at %d of %d: got %q from a profile whose tag is cut", n, len(p), got)
			}
		}
	}
}

func FuzzICCDescription(f *testing.F) {
	f.Add(iccProfile("desc", v2Desc("sRGB IEC61966-2.1")))
	f.Add(iccProfile("desc", mluc([2]string{"deDE", "Farbprofil"}, [2]string{"enUS", "Display P3"})))
	payloadSeeds(f, ".icc")
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := iccDescription(b); s != cleanText(s) {
			t.Fatalf("unsafe description %q", s)
		}
	})
}
