package exif

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"testing"
)

// iccFixture builds a small profile: a 128-byte header (size, a CMM at 4,
// a creation date at 24, 'acsp' at 36, a platform at 40,
// device manufacturer 'APPL' and model 'VEIL' at 48, creator 'VEIL' at 80,
// a profile ID at 84), a tag table, and tags: desc (v2 textDescription),
// cprt (text), rXYZ (XYZ, colour data) and a private 'mmod' tag.
func iccFixture(desc string) []byte {
	type tag struct {
		sig  string
		data []byte
	}
	descData := append([]byte("desc\x00\x00\x00\x00"), iccBE32(uint32(len(desc)+1))...) // type, reserved, ASCII count with NUL
	descData = append(append(descData, desc...), make([]byte, 1+12+67)...)              // NUL, empty Unicode and ScriptCode parts
	tags := []tag{
		{"desc", descData},
		{"cprt", append([]byte("text\x00\x00\x00\x00"), "Copyright VEIL-MARKER owner\x00"...)},
		{"rXYZ", append([]byte("XYZ \x00\x00\x00\x00"), iccBE32(0x6fa2)[0:4]...)},
		{"mmod", append([]byte("mmod\x00\x00\x00\x00"), "VEIL-MARKER serial"...)},
	}
	n := 128 + 4 + 12*len(tags)
	var body []byte
	var table []byte
	for _, t := range tags {
		off := n + len(body)
		table = append(table, t.sig...)
		table = append(table, iccBE32(uint32(off))...)
		table = append(table, iccBE32(uint32(len(t.data)))...)
		body = append(body, t.data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	h := make([]byte, 128)
	binary.BigEndian.PutUint32(h[0:], uint32(n+len(body)))           // profile size
	copy(h[4:], "VCMM")                                              // preferred CMM
	copy(h[24:], []byte{0x07, 0xe9, 0, 3, 0, 14, 0, 9, 0, 41, 0, 7}) // created 2025-03-14 09:41:07
	copy(h[40:], "VPLT")                                             // primary platform
	copy(h[36:], "acsp")                                             // file signature
	h[47] = 1                                                        // profile flags: embedded
	h[67] = 1                                                        // rendering intent: relative colorimetric
	copy(h[48:], "APPLVEIL")                                         // device manufacturer and model
	copy(h[80:], "VEIL")                                             // profile creator
	copy(h[84:], "0123456789abcdef")                                 // profile ID
	out := append(h, iccBE32(uint32(len(tags)))...)
	return append(append(out, table...), body...)
}

func iccBE32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func TestNeutralICCBlanksWordsAndKeepsColour(t *testing.T) {
	in := iccFixture("Jane's calibrated VEIL-MARKER display")
	out, err := neutralICC(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("size changed %d -> %d", len(in), len(out))
	}
	for _, word := range []string{"VEIL-MARKER", "Jane", "APPL", "0123456789"} {
		if bytes.Contains(out, []byte(word)) {
			t.Errorf("%q survives", word)
		}
	}
	if got, want := iccTag(out, "rXYZ"), iccTag(in, "rXYZ"); !bytes.Equal(got, want) {
		t.Error("colour data changed")
	}
	if iccDescription(out) != "" {
		t.Errorf("description %q survives", iccDescription(out))
	}
	if !iccNeutral(out) || iccNeutral(in) {
		t.Error("iccNeutral disagrees with neutralICC")
	}
	if &in[0] == &out[0] || !bytes.Contains(in, []byte("Jane")) {
		t.Error("the input was modified")
	}
}

func TestNeutralICCKeepsAStandardDescription(t *testing.T) {
	out, err := neutralICC(iccFixture("Display P3"))
	if err != nil {
		t.Fatal(err)
	}
	if got := iccDescription(out); got != "Display P3" {
		t.Errorf("description %q, want Display P3", got)
	}
	if bytes.Contains(out, []byte("VEIL-MARKER")) {
		t.Error("a marker survives beside a standard description")
	}
}

func TestNeutralICCRefusesBrokenProfiles(t *testing.T) {
	good := iccFixture("x")
	tests := []struct {
		name string
		edit func(b []byte) []byte
	}{
		{"too short", func(b []byte) []byte { return b[:100] }},
		{"no acsp signature", func(b []byte) []byte { b[36] = 'x'; return b }},
		{"size field disagrees", func(b []byte) []byte { return b[:len(b)-4] }},
		{"tag count past the end", func(b []byte) []byte { binary.BigEndian.PutUint32(b[128:], 1<<30); return b }},
		{"tag offset past the end", func(b []byte) []byte { binary.BigEndian.PutUint32(b[136:], 1<<30); return b }},
		{"tag inside the header", func(b []byte) []byte { binary.BigEndian.PutUint32(b[136:], 4); return b }},
		{"tag inside the tag table", func(b []byte) []byte { binary.BigEndian.PutUint32(b[136:], 140); return b }},
		{"tags that partly overlap", func(b []byte) []byte {
			off := binary.BigEndian.Uint32(b[136:])    // desc's data
			binary.BigEndian.PutUint32(b[148:], off+4) // cprt starts inside it
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := neutralICC(tt.edit(bytes.Clone(good))); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestNeutralICCAllowsSharedTagData(t *testing.T) {
	in := iccFixture("Display P3")
	copy(in[172:180], in[148:156]) // mmod now points at cprt's data, as TRCs often share theirs
	out, err := neutralICC(in)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := neutralICC(out); err != nil || !bytes.Equal(again, out) {
		t.Errorf("not stable: %v", err)
	}
}

func FuzzNeutralICC(f *testing.F) {
	f.Add(iccFixture("Display P3"))
	f.Add(iccFixture("someone's"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := neutralICC(b)
		if err == nil && (len(out) != len(b) || !iccNeutral(out)) {
			t.Fatal("neutral profile is not stable")
		}
	})
}

func TestNeutralICCClearsTheHeaderThatDatesAndNamesAProfile(t *testing.T) {
	in := iccFixture("Display P3")
	out, err := neutralICC(in)
	if err != nil {
		t.Fatal(err)
	}
	fields := []struct {
		name   string
		lo, hi int
	}{
		{"preferred CMM", 4, 8},
		{"creation date", 24, 36},
		{"primary platform", 40, 44},
		{"device manufacturer and model", 48, 56},
		{"profile creator", 80, 84},
	}
	for _, f := range fields {
		if !allZero(out[f.lo:f.hi]) {
			t.Errorf("%s survives: % x", f.name, out[f.lo:f.hi])
		}
	}
	if out[47] != 1 || out[67] != 1 || string(out[36:40]) != "acsp" {
		t.Error("flags, rendering intent or signature changed")
	}
}

func TestNeutralICCRecomputesAProfileID(t *testing.T) {
	out, err := neutralICC(iccFixture("Display P3"))
	if err != nil {
		t.Fatal(err)
	}
	// ICC.1:2022 §7.2.18: MD5 of the profile with flags, rendering intent
	// and the ID itself zeroed.
	z := bytes.Clone(out)
	clear(z[44:48])
	clear(z[64:68])
	clear(z[84:100])
	if want := md5.Sum(z); !bytes.Equal(out[84:100], want[:]) {
		t.Errorf("profile ID % x, want % x", out[84:100], want)
	}
}

func TestNeutralICCLeavesAnUncomputedIDZero(t *testing.T) {
	in := iccFixture("Display P3")
	clear(in[84:100])
	out, err := neutralICC(in)
	if err != nil {
		t.Fatal(err)
	}
	if !allZero(out[84:100]) {
		t.Errorf("profile ID % x, want zero", out[84:100])
	}
}

func TestNeutralICCReplacesAnIDOnAnOtherwiseNeutralProfile(t *testing.T) {
	out, err := neutralICC(iccFixture("Display P3"))
	if err != nil {
		t.Fatal(err)
	}
	forged := bytes.Clone(out)
	copy(forged[84:100], "VEIL-MARKER-0001") // 16 chosen bytes in the ID field
	if iccNeutral(forged) {
		t.Error("a chosen profile ID counts as neutral")
	}
	again, err := neutralICC(forged)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("the chosen ID is not replaced by the computed one: %v", err)
	}
}
