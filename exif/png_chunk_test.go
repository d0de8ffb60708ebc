package exif

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"
)

// Hand-built PNG byte fixtures for the chunk walker and the payload readers.

// pngTiny is a 1×1 greyscale PNG written field by field.
func pngTiny(extra ...pngTestChunk) []byte {
	ihdr := []byte{
		0, 0, 0, 1, // width 1
		0, 0, 0, 1, // height 1
		8,       // bit depth
		0,       // colour type: greyscale
		0, 0, 0, // compression, filter, interlace methods
	}
	idat := pngZlib([]byte{0, 0x80}) // filter type None, one grey pixel
	cs := append([]pngTestChunk{{"IHDR", ihdr}}, extra...)
	return pngJoin(append(cs, pngTestChunk{"IDAT", idat}, pngTestChunk{"IEND", nil}))
}

func TestPNGChunkWalkerRefusesMalformedChunks(t *testing.T) {
	long := pngTiny()
	binary.BigEndian.PutUint32(long[33:], 0x80000000) // IDAT length over 2^31-1
	digit := pngTiny(pngTestChunk{"tE5t", []byte("x")})
	noIDAT := pngJoin([]pngTestChunk{{"IHDR", pngSplit(pngTiny())[0].data}, {"IEND", nil}})
	fullIEND := pngJoin(append(pngSplit(pngTiny())[:2], pngTestChunk{"IEND", []byte{1}}))
	plteAfter := pngJoin(append(pngSplit(pngTiny())[:2], pngTestChunk{"PLTE", []byte{1, 2, 3}}, pngTestChunk{"IEND", nil}))
	zero := pngTiny()
	binary.BigEndian.PutUint32(zero[16:], 0) // width 0
	binary.BigEndian.PutUint32(zero[29:], crcOf(zero[12:29]))
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a chunk length over 2^31-1 is refused", long, "runs past the end"},
		{"a chunk type with a digit is refused", digit, "four letters"},
		{"a file without IDAT is refused", noIDAT, "before IDAT"},
		{"an IEND with data is refused", fullIEND, "not empty"},
		{"a PLTE after IDAT is refused", plteAfter, "PLTE"},
		{"a zero width is refused", zero, "image size 0x1"},
		{"a file of the signature alone is refused", pngSignature, "ends before IEND"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parsePNG(tc.data)
			var fe FormatError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("parsePNG = %v, want a FormatError about %q", err, tc.want)
			}
		})
	}
}

func crcOf(b []byte) uint32 {
	c := pngJoin([]pngTestChunk{{string(b[:4]), b[4:]}})
	return binary.BigEndian.Uint32(c[len(c)-4:])
}

func TestAppendPNGChunkComputesTheCRC(t *testing.T) {
	got := appendPNGChunk(nil, "IEND", nil)
	want := []byte{0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82} // the IEND every PNG ends with
	if !bytes.Equal(got, want) {
		t.Errorf("appendPNGChunk = % x, want % x", got, want)
	}
}

func TestPNGKeepList(t *testing.T) {
	for _, tc := range []struct {
		name     string
		c        pngChunk
		animated bool
		opt      Options
		want     bool
	}{
		{"a 4-byte gAMA is kept", pngChunk{typ: "gAMA", data: make([]byte, 4)}, false, Options{}, true},
		{"a 5-byte gAMA is dropped", pngChunk{typ: "gAMA", data: make([]byte, 5)}, false, Options{}, false},
		{"an sRGB with extra bytes is dropped", pngChunk{typ: "sRGB", data: []byte("\x00VEIL")}, false, Options{}, false},
		{"a tRNS over 256 bytes is dropped", pngChunk{typ: "tRNS", data: make([]byte, 257)}, false, Options{}, false},
		{"fcTL is dropped from a still image", pngChunk{typ: "fcTL", data: make([]byte, 26)}, false, Options{}, false},
		{"fcTL is kept in an APNG", pngChunk{typ: "fcTL", data: make([]byte, 26)}, true, Options{}, true},
		{"an fdAT shorter than its sequence number is dropped", pngChunk{typ: "fdAT", data: make([]byte, 3)}, true, Options{}, false},
		{"a renamed iCCP with a neutral profile is kept", pngChunk{typ: "iCCP", data: neutralICCP()}, false, Options{}, true},
		{"a renamed iCCP with an unreadable profile is dropped", pngChunk{typ: "iCCP", data: append(pngICCName, 'x')}, false, Options{}, false},
		{"an iCCP with its original name is dropped", pngChunk{typ: "iCCP", data: []byte("Me\x00\x00x")}, false, Options{}, false},
		{"an iCCP is dropped on request", pngChunk{typ: "iCCP", data: neutralICCP()}, false, Options{DropICC: true}, false},
		{"cICP is dropped: the keep-list does not name it", pngChunk{typ: "cICP", data: []byte{1, 13, 0, 1}}, false, Options{}, false},
		{"tEXt is dropped", pngChunk{typ: "tEXt", data: []byte("a\x00b")}, false, Options{}, false},
		{"eXIf is never kept as it is", pngChunk{typ: "eXIf", data: []byte("II*\x00")}, false, Options{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := pngKeep(tc.c, tc.animated, tc.opt); got != tc.want {
				t.Errorf("pngKeep = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPNGTextChunks(t *testing.T) {
	bomb := pngZlib(make([]byte, pngMaxInflate+1)) // a few KB that inflate past the bound
	for _, tc := range []struct {
		name       string
		c          pngTestChunk
		label, val string
	}{
		{"tEXt Latin-1 becomes UTF-8", pngTestChunk{"tEXt", []byte("Comment\x00caf\xe9")}, "Comment", "café"},
		{"ImageMagick's date:create is a time", pngTEXt("date:create", "2024-05-01T12:00:00"), "Date created", "2024-05-01 12:00:00"},
		{"zTXt is inflated", pngZTXt("Comment", "hello"), "Comment", "hello"},
		{"iTXt is worded from its keyword, not its translation", pngITXt("Title", "fr", "Titre", "bonjour", true), "Title", "bonjour"},
		{"a keyword without terminator is reported", pngTestChunk{"tEXt", []byte("Comment")}, "Unreadable text", "keyword without terminator"},
		{"a zTXt bomb is refused past 8 MB", pngTestChunk{"zTXt", append([]byte("Comment\x00\x00"), bomb...)}, "Unreadable text", "8 MB"},
		{"a broken zlib stream is reported", pngTestChunk{"zTXt", []byte("Comment\x00\x00\x78\x9c\xff")}, "Unreadable text", "compressed PNG data"},
		{"an iTXt with an unknown flag is reported", pngTestChunk{"iTXt", []byte("K\x00\x02\x00\x00\x00t")}, "Unreadable text", "iTXt header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := pngFindings(pngChunk{typ: tc.c.typ, data: tc.c.data}, false)
			if strings.HasPrefix(tc.label, "Date") && (len(fs) != 1 || fs[0].Category != Time) {
				t.Errorf("category = %+v, want Time", fs)
			}
			if len(fs) != 1 || fs[0].Label != tc.label || !strings.Contains(fs[0].Value, tc.val) {
				t.Errorf("findings = %+v, want %q containing %q", fs, tc.label, tc.val)
			}
		})
	}
}

func TestDecodeRawProfile(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []byte
		ok         bool
	}{
		{"ImageMagick's layout decodes", "\nexif\n       3\nabcd\nef\n", []byte{0xab, 0xcd, 0xef}, true},
		{"a length past the digits is refused", "\nexif\n     300\nabcd\n", nil, false},
		{"a negative length is refused", "\nexif\n      -1\nabcd\n", nil, false},
		{"non-hex digits are refused", "\nexif\n       2\nzzzz\n", nil, false},
		{"a missing header is refused", "abcd", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeRawProfile(tc.text)
			if (err == nil) != tc.ok || !bytes.Equal(got, tc.want) {
				t.Errorf("decodeRawProfile = % x, %v", got, err)
			}
		})
	}
}

func TestPNGSmallChunksSpeakHuman(t *testing.T) {
	tm := pngFindings(pngChunk{typ: "tIME", data: []byte{0x07, 0xE8, 5, 1, 12, 34, 56}}, false)
	phys := pngFindings(pngChunk{typ: "pHYs", data: []byte{0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}}, false)
	aspect := pngFindings(pngChunk{typ: "pHYs", data: []byte{0, 0, 0, 2, 0, 0, 0, 1, 0}}, false)
	for _, tc := range []struct {
		name string
		fs   []Finding
		want string
	}{
		{"tIME reads as a UTC time", tm, "2024-05-01 12:34:56 UTC"},
		{"pHYs in metres reads as dots per inch", phys, "72 × 72 dots per inch"},
		{"pHYs without unit reads as an aspect", aspect, "aspect 2:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.fs) != 1 || tc.fs[0].Value != tc.want {
				t.Errorf("findings = %+v, want %q", tc.fs, tc.want)
			}
		})
	}
}

func TestPNGOrientationOnlyEXIFIsCleanAndStable(t *testing.T) {
	in := pngTiny(pngTestChunk{"eXIf", append([]byte("Exif\x00\x00"), pngTestTIFF(8, "")...)}) // with the forbidden prefix
	out, err := Strip(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(out)
	if err != nil || info.Orientation != 8 || len(info.Findings) != 0 {
		t.Fatalf("Inspect(clean) = %+v, %v; want orientation 8, no findings", info, err)
	}
	if got := pngChunkTypes(t, out); strings.Join(got, " ") != "IHDR eXIf IDAT IEND" {
		t.Errorf("clean chunks = %v, want the eXIf right after IHDR", got)
	}
	if err := Verify(out, Options{}); err != nil {
		t.Errorf("Verify(clean) = %v", err)
	}
	two := append(out[:len(out)-12:len(out)-12], pngJoin([]pngTestChunk{{"eXIf", orientationEXIF(8)}, {"IEND", nil}})[8:]...)
	if err := Verify(two, Options{}); !errors.Is(err, ErrNotClean) {
		t.Errorf("Verify accepted a second eXIf: %v", err)
	}
}

// neutralICCP is the data of a clean iCCP chunk: the neutral name, method
// 0, and a zlib-compressed profile without words.
func neutralICCP() []byte {
	icc, err := neutralICC(iccFixture("Display P3"))
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(icc)
	w.Close()
	return append(slices.Clone(pngICCName), buf.Bytes()...)
}
