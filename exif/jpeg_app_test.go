package exif

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

func TestJPEGMPFIndexSaysHowManyPicturesHide(t *testing.T) {
	le := func(v ...uint32) []byte { // little-endian uint32 values
		var b []byte
		for _, x := range v {
			b = binary.LittleEndian.AppendUint32(b, x)
		}
		return b
	}
	tests := []struct {
		name   string
		in     []byte
		extra  int
		wantOK bool
	}{
		{"NumberOfImages 2 means one extra picture", jpegMPF(2), 1, true},
		{"NumberOfImages 4 means three extra pictures", jpegMPF(4), 3, true},
		{"a little-endian index with only MPEntry is counted from its size",
			bytes.Join([][]byte{[]byte("MPF\x00II*\x00"), le(8), // byte order, 42, IFD at 8
				{1, 0},             // one entry
				{0x02, 0xB0, 7, 0}, // MPEntry, UNDEFINED
				le(48, 26),         // 48 bytes = 3 images, at offset 26
				le(0), make([]byte, 48)}, nil), 2, true},
		{"a header cut after the byte order is unreadable", []byte("MPF\x00II*\x00"), 0, false},
		{"an IFD offset past the end is unreadable", []byte("MPF\x00MM\x00*\x00\x00\x10\x00"), 0, false},
		{"an entry count past the end is unreadable", []byte("MPF\x00MM\x00*\x00\x00\x00\x08\x00\x09"), 0, false},
		{"an index without a count is unreadable", []byte("MPF\x00MM\x00*\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00"), 0, false},
		{"no byte order is unreadable", []byte("MPF\x00XX\x00*\x00\x00\x00\x08"), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := mpfExtraImages(tt.in)
			if n != tt.extra || ok != tt.wantOK {
				t.Errorf("got %d, %v; want %d, %v", n, ok, tt.extra, tt.wantOK)
			}
			if v := mpfFinding(tt.in).Value; !strings.Contains(v, "picture") {
				t.Errorf("value %q does not speak of pictures", v)
			}
		})
	}
}

func TestJPEGExtendedXMPIsReassembled(t *testing.T) {
	ext := []byte(strings.Repeat("0123456789", 30))
	_, segs := jpegExtendedXMP(ext, 64)
	scan := func(segs ...[]byte) []jpegSeg {
		f, err := scanJPEG(jpegSplice(jpegRestartFixture(), segs...))
		if err != nil {
			t.Fatal(err)
		}
		return f.segs
	}
	tests := []struct {
		name     string
		segs     []jpegSeg
		budget   int
		packets  int
		complete bool
	}{
		{"chunks in order", scan(segs...), 1000, 1, true},
		{"chunks in reverse order", scan(segs[4], segs[3], segs[2], segs[1], segs[0]), 1000, 1, true},
		{"a missing chunk leaves a gap", scan(segs[0], segs[1], segs[3], segs[4]), 1000, 1, false},
		{"a chunk sent twice does not fill a gap", scan(segs[0], segs[1], segs[1], segs[3], segs[4]), 1000, 1, false},
		{"a chunk sent twice is harmless", scan(segs[0], segs[1], segs[1], segs[2], segs[3], segs[4]), 1000, 1, true},
		{"a full length over the file size is not allocated", scan(segs...), 100, 0, false},
		{"a chunk too short for its header is damage", scan(jpegSegment(mAPP0+1, sigExtXMP, []byte("short"))), 1000, 0, false},
		{"a chunk past the full length is damage", scan(segs[0], jpegSegment(mAPP0+1,
			segs[1][4:4+len(sigExtXMP)+32+4], // identifier, GUID, full length 300
			[]byte{0, 0, 1, 0},               // offset 256
			ext[:100])), 1000, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, complete := extendedXMP(tt.segs, tt.budget)
			if len(ps) != tt.packets || complete != tt.complete {
				t.Fatalf("got %d packets, complete %v; want %d, %v", len(ps), complete, tt.packets, tt.complete)
			}
			if tt.complete && !bytes.Equal(ps[0], ext) {
				t.Error("the packet was not put back together")
			}
		})
	}
}

func TestJPEGUnknownBlocksShowOnlyASafeIdentifier(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ducky\x00\x01", "Ducky"},
		{"Ocad$Rev: 14797 $\x00", "Ocad$Rev: 14797 $"},
		{"<script>alert(1)</script>", ""},
		{"A\x00", ""},
		{"\x01\x02text", ""},
		{strings.Repeat("x", 40), strings.Repeat("x", 32)},
	}
	for _, tt := range tests {
		if got := appIdentifier([]byte(tt.in)); got != tt.want {
			t.Errorf("appIdentifier(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
