package exif

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// heicDecodable are the fixtures whose primary picture is HEVC, with the
// size they decode to. heif-enc stores narrow.heic and odd-size.heic as a
// grid of one padded tile.
var heicDecodable = []struct {
	file string
	w, h uint32
}{
	{"plain.heic", 192, 128},
	{"metadata.heic", 192, 128},
	{"iphone-style.heic", 192, 128}, // irot turns it; the coded picture is as stored
	{"narrow.heic", 64, 48},
	{"grey.heic", 256, 192},
	{"odd-size.heic", 201, 151},
}

// primaryISPE returns the offset of the primary item's ispe payload.
func primaryISPE(t testing.TB, data []byte) int {
	t.Helper()
	f, err := parseHEIC(data)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := f.meta.prop(f.meta.items[f.meta.primary], "ispe")
	if !ok {
		t.Fatal("no ispe on the primary item")
	}
	return b.off + 4 // after version and flags
}

func TestCheckHEIFCodingAcceptsTrueSizes(t *testing.T) {
	for _, tt := range heicDecodable {
		t.Run(tt.file, func(t *testing.T) {
			data := readHEIC(t, tt.file)
			if err := CheckHEIFCoding(data); err != nil {
				t.Fatal(err)
			}
			f, _ := parseHEIC(data)
			p := f.meta.items[f.meta.primary]
			if p.typ != "hvc1" {
				return
			}
			b, _ := f.meta.prop(p, "hvcC")
			if w, h, err := hvcCSize(b.data); err != nil || w != tt.w || h != tt.h {
				t.Errorf("SPS says %dx%d (%v), want %dx%d", w, h, err, tt.w, tt.h)
			}
		})
	}
}

func TestCheckHEIFCodingRefusesLyingSizes(t *testing.T) {
	tests := []struct {
		name string
		w, h uint32
	}{
		{"a huge size on a small picture", 4000, 3000},
		{"a wide flat size", 16000, 16},
		{"a smaller size", 100, 100},
		{"one pixel wider", 193, 128},
		{"one pixel taller", 192, 129},
		{"the size turned a quarter", 128, 192},
	}
	data := readHEIC(t, "plain.heic")
	at := primaryISPE(t, data)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := bytes.Clone(data)
			binary.BigEndian.PutUint32(d[at:], tt.w)
			binary.BigEndian.PutUint32(d[at+4:], tt.h)
			var fe FormatError
			if err := CheckHEIFCoding(d); !errors.As(err, &fe) {
				t.Errorf("error %v, want a FormatError", err)
			}
		})
	}
}

func TestUnescapeRBSPDropsEmulationPrevention(t *testing.T) {
	got := unescapeRBSP([]byte{0, 0, 3, 1, 0, 0, 3, 0, 0, 3, 3, 7})
	want := []byte{0, 0, 1, 0, 0, 0, 0, 3, 7}
	if !bytes.Equal(got, want) {
		t.Errorf("got % x, want % x", got, want)
	}
}

func TestSPSSizeRefusesMalformedSets(t *testing.T) {
	tests := []struct {
		name string
		sps  []byte
	}{
		{"an empty set", nil},
		{"a set cut inside its profile", []byte{0x01, 0x01, 0x60}},
		{"too many sub-layers", []byte{0x0F}},
		{"an endless Exp-Golomb prefix", append([]byte{0x01}, make([]byte, 20)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if w, h, err := spsSize(tt.sps); err == nil {
				t.Errorf("got %dx%d", w, h)
			}
		})
	}
}

// FuzzHEICCodingLyingSizes rewrites the primary ispe of each decodable
// fixture to any size and mutates a byte of the file: a lying size must
// never pass, and nothing may panic or hang.
func FuzzHEICCodingLyingSizes(f *testing.F) {
	for i, d := range heicDecodable {
		f.Add(uint8(i), d.w, d.h, uint32(0), uint8(0))
		f.Add(uint8(i), uint32(4000), uint32(3000), uint32(0), uint8(0))
		f.Add(uint8(i), uint32(16000), uint32(16), uint32(40), uint8(0x80))
	}
	files := make([][]byte, len(heicDecodable))
	for i, d := range heicDecodable {
		files[i] = readHEIC(f, d.file)
	}
	f.Fuzz(func(t *testing.T, which uint8, w, h, flipAt uint32, flip uint8) {
		i := int(which) % len(files)
		d := bytes.Clone(files[i])
		at := primaryISPE(t, d)
		binary.BigEndian.PutUint32(d[at:], w)
		binary.BigEndian.PutUint32(d[at+4:], h)
		d[int(flipAt)%len(d)] ^= flip
		if _, err := Inspect(d); err != nil {
			return
		}
		err := CheckHEIFCoding(d)
		lying := w != heicDecodable[i].w || h != heicDecodable[i].h
		if err == nil && lying && flip == 0 {
			t.Fatalf("%s declared %dx%d and passed", heicDecodable[i].file, w, h)
		}
	})
}

// gridData returns the grid description of a file whose primary item is a
// grid, as a slice of data (so that a test can rewrite it in place).
func gridData(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := parseHEIC(data)
	if err != nil {
		t.Fatal(err)
	}
	g := f.meta.items[f.meta.primary]
	if g.typ != "grid" {
		t.Fatalf("primary item is %s", g.typ)
	}
	d, err := f.itemData(g)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCheckHEIFCodingRefusesLyingGrids rewrites the grid description of
// odd-size.heic (one 208×152 tile cropped to 201×151; version, flags,
// rows-1, columns-1, then 16-bit output width and height).
func TestCheckHEIFCodingRefusesLyingGrids(t *testing.T) {
	tests := []struct {
		name string
		edit func(g, ispe []byte)
	}{
		{"an output wider than its tiles, ispe agreeing", func(g, ispe []byte) {
			binary.BigEndian.PutUint16(g[4:], 300)
			binary.BigEndian.PutUint32(ispe, 300)
		}},
		{"two columns of one tile", func(g, ispe []byte) { g[3] = 1 }},
		{"an output other than its ispe", func(g, ispe []byte) { binary.BigEndian.PutUint16(g[6:], 100) }},
		{"two rows of one tile", func(g, ispe []byte) { g[2] = 1 }},
		{"a description of another version", func(g, ispe []byte) { g[0] = 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := bytes.Clone(readHEIC(t, "odd-size.heic"))
			if err := CheckHEIFCoding(d); err != nil {
				t.Fatalf("the fixture itself: %v", err)
			}
			tt.edit(gridData(t, d), d[primaryISPE(t, d):])
			var fe FormatError
			if err := CheckHEIFCoding(d); !errors.As(err, &fe) {
				t.Errorf("error %v, want a FormatError", err)
			}
		})
	}
}
