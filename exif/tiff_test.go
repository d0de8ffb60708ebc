package exif

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"

	goexif "github.com/rwcarlsen/goexif/exif"
)

// tEntry is one IFD entry for the test TIFF writer: tag, field type, count
// and the value bytes already in the writer's byte order.
type tEntry struct {
	id, typ uint16
	count   uint32
	val     []byte
}

// tiffWriter lays out a TIFF block bottom-up: values and sub-IFDs first, so
// their offsets are known when the IFDs pointing at them are written; IFD0
// last, with the header patched to point at it.
type tiffWriter struct {
	o interface {
		binary.ByteOrder
		binary.AppendByteOrder
	}
	buf []byte
}

func newTIFF(o binary.ByteOrder) *tiffWriter {
	w := &tiffWriter{o: o.(interface {
		binary.ByteOrder
		binary.AppendByteOrder
	}), buf: []byte("MM\x00*\x00\x00\x00\x00")} // header; IFD0 offset patched by root
	if o == binary.LittleEndian {
		copy(w.buf, "II*\x00")
	}
	return w
}

// blob appends raw bytes (a thumbnail) and returns their offset.
func (w *tiffWriter) blob(b []byte) uint32 {
	off := uint32(len(w.buf))
	w.buf = append(w.buf, b...)
	return off
}

// ifd appends an IFD and its out-of-line values and returns its offset.
func (w *tiffWriter) ifd(next uint32, es ...tEntry) uint32 {
	off := uint32(len(w.buf))
	valAt := off + 2 + 12*uint32(len(es)) + 4
	var vals []byte
	w.buf = w.o.AppendUint16(w.buf, uint16(len(es))) // entry count
	for _, e := range es {
		w.buf = w.o.AppendUint16(w.buf, e.id)    // tag
		w.buf = w.o.AppendUint16(w.buf, e.typ)   // type
		w.buf = w.o.AppendUint32(w.buf, e.count) // count
		if len(e.val) <= 4 {
			w.buf = append(w.buf, append(append([]byte{}, e.val...), make([]byte, 4-len(e.val))...)...) // inline, padded
		} else {
			w.buf = w.o.AppendUint32(w.buf, valAt+uint32(len(vals))) // value offset
			vals = append(vals, e.val...)
		}
	}
	w.buf = w.o.AppendUint32(w.buf, next) // next IFD
	w.buf = append(w.buf, vals...)
	return off
}

// root writes IFD0 and returns the finished block.
func (w *tiffWriter) root(next uint32, es ...tEntry) []byte {
	off := w.ifd(next, es...)
	w.o.PutUint32(w.buf[4:], off)
	return w.buf
}

func (w *tiffWriter) ascii(id uint16, s string) tEntry {
	return tEntry{id, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}
func (w *tiffWriter) short(id uint16, v uint16) tEntry {
	return tEntry{id, 3, 1, w.o.AppendUint16(nil, v)}
}
func (w *tiffWriter) long(id uint16, v uint32) tEntry {
	return tEntry{id, 4, 1, w.o.AppendUint32(nil, v)}
}
func (w *tiffWriter) undef(id uint16, b []byte) tEntry { return tEntry{id, 7, uint32(len(b)), b} }
func (w *tiffWriter) rat(id uint16, nd ...uint32) tEntry {
	var b []byte
	for _, v := range nd {
		b = w.o.AppendUint32(b, v)
	}
	return tEntry{id, 5, uint32(len(nd) / 2), b}
}

// phoneEXIF builds the EXIF of a typical phone photo in byte order o.
func phoneEXIF(o binary.ByteOrder) []byte {
	w := newTIFF(o)
	thumb := w.blob(append([]byte{0xFF, 0xD8, 0xFF, 0xDB}, make([]byte, 1496)...)) // a 1500-byte "JPEG"
	gps := w.ifd(0,
		tEntry{0x00, 1, 4, []byte{2, 3, 0, 0}}, // GPSVersionID 2.3.0.0
		w.ascii(0x01, "N"),                     // GPSLatitudeRef
		w.rat(0x02, 48, 1, 51, 1, 3030, 100),   // GPSLatitude 48° 51' 30.30"
		w.ascii(0x03, "E"),                     // GPSLongitudeRef
		w.rat(0x04, 2, 1, 17, 1, 4020, 100),    // GPSLongitude 2° 17' 40.20"
		tEntry{0x05, 1, 1, []byte{0}},          // GPSAltitudeRef above sea level
		w.rat(0x06, 35, 1),                     // GPSAltitude 35 m
		w.rat(0x07, 12, 1, 3, 1, 22, 1),        // GPSTimeStamp 12:03:22
		w.ascii(0x10, "T"),                     // GPSImgDirectionRef true north
		w.rat(0x11, 12350, 100),                // GPSImgDirection 123.5°
		w.ascii(0x12, "WGS-84"),                // GPSMapDatum (other)
		w.ascii(0x1D, "2024:05:01"),            // GPSDateStamp
	)
	exifIFD := w.ifd(0,
		w.rat(0x829A, 1, 120),                               // ExposureTime (other)
		w.rat(0x829D, 18, 10),                               // FNumber (other)
		w.ascii(0x9003, "2024:05:01 14:03:22"),              // DateTimeOriginal
		w.ascii(0x9011, "+02:00"),                           // OffsetTimeOriginal
		w.undef(0x9286, []byte("ASCII\x00\x00\x00at home")), // UserComment
		w.undef(0x927C, []byte("Apple iOS\x00\x00\x01MM"+strings.Repeat("x", 40))), // MakerNote
		w.ascii(0xA420, "5F0C1A2B3C4D"),                                            // ImageUniqueID
		w.ascii(0xA430, "Jane Doe"),                                                // CameraOwnerName
		w.ascii(0xA431, "SN-0042"),                                                 // BodySerialNumber
		w.ascii(0xA434, "iPhone 15 Pro back camera 6.86mm f/1.78"),                 // LensModel
	)
	ifd1 := w.ifd(0,
		w.short(0x0103, 6),    // Compression JPEG
		w.long(0x0201, thumb), // JPEGInterchangeFormat
		w.long(0x0202, 1500),  // JPEGInterchangeFormatLength
	)
	return w.root(ifd1,
		w.ascii(0x010F, "Apple"),                           // Make
		w.ascii(0x0110, "iPhone 15 Pro"),                   // Model
		w.short(0x0112, 6),                                 // Orientation: rotate 90° CW
		w.ascii(0x0131, "17.4.1"),                          // Software
		w.ascii(0x0132, "2024:05:01 14:03:22"),             // DateTime
		w.ascii(0x013C, "iPhone 15 Pro"),                   // HostComputer
		w.long(0x8769, exifIFD),                            // ExifIFDPointer
		w.long(0x8825, gps),                                // GPSInfoIFDPointer
		w.undef(0x9C9D, []byte("J\x00a\x00n\x00\x00\x00")), // XPAuthor "Jan", UTF-16LE
	)
}

// hostileEXIF are blocks the walk must refuse before goexif sees them.
func hostileEXIF() map[string][]byte {
	be := binary.BigEndian
	w := newTIFF(be)
	loop := w.root(8, w.short(0x0112, 1)) // IFD0 whose next IFD is itself
	w = newTIFF(be)
	a := uint32(len(w.buf))
	b := a + 2 + 12 + 4
	w.ifd(b, w.short(0x0112, 1)) // IFD A → B
	w.ifd(a, w.short(0x0112, 1)) // IFD B → A
	be.PutUint32(w.buf[4:], a)
	twoLoop := w.buf
	w = newTIFF(be)
	overflow := w.root(0, tEntry{0x0100, 4, 0x40000001, []byte{0, 0, 0, 1}}) // LONG × 2^30+1: 4 bytes in 32 bits
	w = newTIFF(be)
	ratOverflow := w.root(0, tEntry{0x0100, 5, 0x20000001, []byte{0, 0, 0, 8}}) // RATIONAL × 2^29+1
	w = newTIFF(be)
	unknownType := w.root(0, tEntry{0x0100, 13, 1, []byte{0, 0, 0, 1}}) // type 13 (IFD) is not TIFF 6.0
	w = newTIFF(be)
	zeroCount := w.root(0, tEntry{0x0100, 3, 0, nil})
	w = newTIFF(be)
	farValue := w.root(0, tEntry{0x010F, 2, 100, []byte{0, 0, 0xFF, 0}}) // 100 bytes at offset 65280
	w = newTIFF(be)
	negPointer := w.root(0, tEntry{0x8769, 9, 1, []byte{0xFF, 0xFF, 0xFF, 0xF0}}) // SLONG −16
	w = newTIFF(be)
	farPointer := w.root(0, w.long(0x8825, 1<<30))
	w = newTIFF(be)
	selfPointer := w.root(0, w.long(0x8769, 8)) // Exif IFD is IFD0 itself
	w = newTIFF(be)
	farNext := w.root(0xFFFFFFF0, w.short(0x0112, 1))
	w = newTIFF(be)
	var chain uint32
	for range maxIFDs + 1 {
		chain = w.ifd(chain, w.short(0x0112, 1))
	}
	be.PutUint32(w.buf[4:], chain)
	longChain := w.buf
	return map[string][]byte{
		"an empty block":                       nil,
		"a header without an IFD":              []byte("MM\x00*"),
		"a JPEG instead of TIFF":               {0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 0, 0},
		"an IFD0 offset past the end":          []byte("II*\x00\xFF\x00\x00\x00"),
		"an IFD0 offset inside the header":     []byte("II*\x00\x02\x00\x00\x00\x00\x00\x00\x00"),
		"an IFD whose next IFD is itself":      loop,
		"two IFDs pointing at each other":      twoLoop,
		"a LONG count overflowing 32 bits":     overflow,
		"a RATIONAL count overflowing 32 bits": ratOverflow,
		"an unknown field type":                unknownType,
		"a count of zero":                      zeroCount,
		"a value offset past the end":          farValue,
		"a negative sub-IFD pointer":           negPointer,
		"a sub-IFD pointer past the end":       farPointer,
		"a sub-IFD pointer back to IFD0":       selfPointer,
		"a next IFD offset past the end":       farNext,
		"a chain of more IFDs than allowed":    longChain,
		"an IFD entry count with the high bit": []byte("MM\x00*\x00\x00\x00\x08\xFF\xFF\x00\x00\x00\x00"),
		"an IFD cut in the middle of an entry": []byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03"),
		"a sub-IFD pointer to the last byte":   newTIFFWith(be, func(w *tiffWriter) []byte { return w.root(0, w.long(0x8769, 25)) }),
	}
}

func newTIFFWith(o binary.ByteOrder, f func(*tiffWriter) []byte) []byte { return f(newTIFF(o)) }

func TestExifFindingsRefusesHostileBlocks(t *testing.T) {
	for name, b := range hostileEXIF() {
		t.Run("refuses "+name, func(t *testing.T) {
			fs, o, err := exifFindings(b, "EXIF")
			var fe FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, %d, %v; want a FormatError", fs, o, err)
			}
			if !strings.HasPrefix(err.Error(), "exif: ") || o != ifd0Orientation(b) || fs != nil {
				t.Errorf("got %v, %d, %q", fs, o, err)
			}
		})
	}
}

func TestExifFindingsContainsAPanicInGoexif(t *testing.T) {
	defer func(d func(io.Reader) (*goexif.Exif, error)) { goexifDecode = d }(goexifDecode)
	goexifDecode = func(io.Reader) (*goexif.Exif, error) { panic("index out of range [3] with length 2") }
	fs, o, err := exifFindings(phoneEXIF(binary.BigEndian), "EXIF")
	var fe FormatError
	if !errors.As(err, &fe) || fs != nil || o != 6 {
		t.Fatalf("got %v, %d, %v; want a FormatError, no findings and IFD0's orientation 6", fs, o, err)
	}
	if want := "exif: invalid file: EXIF could not be decoded (index out of range [3] with length 2)"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

// TestExifFindingsIgnoresTheNextOffsetOfASubIFD: Exif and GPS IFDs stand
// alone; goexif and exiftool ignore their next-IFD field, and so does the
// walk (a JPEG fixture of the project carries garbage there).
func TestExifFindingsIgnoresTheNextOffsetOfASubIFD(t *testing.T) {
	w := newTIFF(binary.BigEndian)
	gps := w.ifd(0x00025300, w.ascii(0x1D, "2024:05:01")) // next offset far past the end
	b := w.root(0, w.long(0x8825, gps))
	fs, _, err := exifFindings(b, "EXIF")
	want := Finding{Category: Time, Label: "GPS time", Value: "2024-05-01 (UTC date)", Where: "EXIF"}
	if err != nil || len(fs) != 1 || !sameSaid(fs[0], want) {
		t.Errorf("got %v, %v; want %v", fs, err, want)
	}
}

func TestExifFindingsSurvivesEveryTruncation(t *testing.T) {
	for _, o := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
		full := phoneEXIF(o)
		for n := range len(full) {
			fs, orientation, err := exifFindings(full[:n], "EXIF")
			if err == nil && (orientation < 1 || orientation > 8) {
				t.Fatalf("%s cut at %d: orientation %d", o, n, orientation)
			}
			if err != nil && (fs != nil || orientation != 1 && orientation != 6) {
				t.Fatalf("%s cut at %d: findings %v with error %v", o, n, fs, err)
			}
		}
	}
}

// A block that cannot be read still gives the Orientation entry of IFD0,
// whatever else is wrong with it, as viewers read it.
func TestADamagedBlockKeepsTheOrientationOfIFD0(t *testing.T) {
	tests := []struct {
		name  string
		block func(w *tiffWriter) []byte
		want  int
	}{
		{"a GPS pointer past the end", func(w *tiffWriter) []byte {
			return w.root(0, w.short(0x0112, 6), w.long(0x8825, 1<<20))
		}, 6},
		{"an entry of unknown type before the orientation", func(w *tiffWriter) []byte {
			bad := w.short(0x0110, 1)
			bad.typ = 99
			return w.root(0, bad, w.short(0x0112, 8))
		}, 8},
		{"an orientation out of range", func(w *tiffWriter) []byte {
			return w.root(0, w.short(0x0112, 9), w.long(0x8825, 1<<20))
		}, 1},
		{"no orientation at all", func(w *tiffWriter) []byte {
			return w.root(0, w.long(0x8825, 1<<20))
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, o := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
				b := tt.block(newTIFF(o))
				fs, got, err := exifFindings(b, "EXIF")
				if err == nil || fs != nil || got != tt.want {
					t.Errorf("%s: got %v, %d, %v; want an error, no findings, orientation %d", o, fs, got, err, tt.want)
				}
				if got := exifOrientation(b); got != tt.want {
					t.Errorf("%s: exifOrientation %d, want %d", o, got, tt.want)
				}
			}
		})
	}
}

func TestExifFindingsReadsAMinimalBlock(t *testing.T) {
	fs, o, err := exifFindings(orientationEXIF(8), "EXIF")
	if err != nil || o != 8 || len(fs) != 0 {
		t.Fatalf("got %v, %d, %v; want no findings and orientation 8", fs, o, err)
	}
}

func TestExifFindingsTreatsAnInvalidOrientationAsNormal(t *testing.T) {
	for _, v := range []uint16{0, 9, 0xFFFF} {
		b := orientationEXIF(1)
		b[18], b[19] = byte(v>>8), byte(v)
		if _, o, err := exifFindings(b, "EXIF"); err != nil || o != 1 {
			t.Errorf("orientation %d: got %d, %v; want 1", v, o, err)
		}
	}
}

func TestOrientationEXIFRoundTrips(t *testing.T) {
	for o := 1; o <= 8; o++ {
		b := orientationEXIF(o)
		if got, ok := orientationOnly(b); !ok || got != o {
			t.Errorf("orientation %d: got %d, %v", o, got, ok)
		}
		if len(b) != 26 {
			t.Errorf("orientation %d: %d bytes, want 26", o, len(b))
		}
	}
	if got, _ := orientationOnly(orientationEXIF(42)); got != 1 {
		t.Errorf("orientation 42 written as %d, want 1", got)
	}
}

func TestOrientationOnly(t *testing.T) {
	le := newTIFFWith(binary.LittleEndian, func(w *tiffWriter) []byte { return w.root(0, w.short(0x0112, 3)) })
	mod := func(f func(b []byte) []byte) []byte { return f(orientationEXIF(6)) }
	cases := []struct {
		name string
		b    []byte
		want int
		ok   bool
	}{
		{"accepts the block orientationEXIF writes", orientationEXIF(6), 6, true},
		{"accepts the same block in little-endian order", le, 3, true},
		{"accepts four zero bytes of padding", append(orientationEXIF(6), 0, 0, 0, 0), 6, true},
		{"refuses five bytes of padding", append(orientationEXIF(6), 0, 0, 0, 0, 0), 0, false},
		{"refuses a non-zero byte after the block", append(orientationEXIF(6), 'x'), 0, false},
		{"refuses a cut block", orientationEXIF(6)[:25], 0, false},
		{"refuses a second IFD", mod(func(b []byte) []byte { b[25] = 26; return append(b, 0, 0, 0, 0, 0, 0) }), 0, false},
		{"refuses two entries", mod(func(b []byte) []byte { b[9] = 2; return b }), 0, false},
		{"refuses another tag", mod(func(b []byte) []byte { b[11] = 0x10; return b }), 0, false},
		{"refuses a LONG orientation", mod(func(b []byte) []byte { b[13] = 4; return b }), 0, false},
		{"refuses a count of two", mod(func(b []byte) []byte { b[17] = 2; return b }), 0, false},
		{"refuses orientation 0", mod(func(b []byte) []byte { b[19] = 0; return b }), 0, false},
		{"refuses orientation 9", mod(func(b []byte) []byte { b[19] = 9; return b }), 0, false},
		{"refuses data in the padding", mod(func(b []byte) []byte { b[21] = 1; return b }), 0, false},
		{"refuses IFD0 elsewhere", mod(func(b []byte) []byte { b[7] = 10; return b }), 0, false},
		{"refuses a phone's full EXIF", phoneEXIF(binary.BigEndian), 0, false},
		{"refuses nothing at all", nil, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := orientationOnly(c.b)
			if got != c.want || ok != c.ok {
				t.Errorf("got %d, %v; want %d, %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func FuzzExifFindings(f *testing.F) {
	f.Add(phoneEXIF(binary.BigEndian))
	f.Add(phoneEXIF(binary.LittleEndian))
	f.Add(orientationEXIF(6))
	payloadSeeds(f, ".exif")
	for _, b := range hostileEXIF() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fs, o, err := exifFindings(b, "EXIF")
		if o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
		if q := exifOrientation(b); q != o {
			t.Fatalf("exifOrientation says %d, exifFindings %d", q, o)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "exif: ") {
			t.Fatalf("error without the package prefix: %v", err)
		}
		for _, f := range fs {
			if len([]rune(f.Value)) > maxTextRunes+1 || !bytes.Equal([]byte(f.Value), []byte(cleanText(f.Value))) {
				t.Fatalf("unsafe value %q", f.Value)
			}
		}
	})
}
