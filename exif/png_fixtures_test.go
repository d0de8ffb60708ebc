package exif

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files in testdata/png are written by the generators below:
//
//	go test -run TestGeneratePNGFixtures -update-png ./exif/
//
// Each starts from an image/png encoding and splices chunks in with the
// small writers here. Every metadata payload carries pngMarker.
var updatePNG = flag.Bool("update-png", false, "rewrite testdata/png from its generators")

// pngMarker is planted in every metadata payload of the PNG fixtures.
const pngMarker = "VEIL-MARKER"

// pngTestChunk is a chunk as the fixture writers see it.
type pngTestChunk struct {
	typ  string
	data []byte
}

// pngFixtures maps each file name in testdata/png to its generator.
var pngFixtures = map[string]func() []byte{
	"clean-gradient.png":          func() []byte { return pngJoin(pngBase()) },
	"text-after-idat.png":         pngTextAfterIDAT,
	"itxt-xmp.png":                pngITXtXMP,
	"ztxt-comment.png":            pngZTXtComment,
	"exif-orientation-6.png":      pngEXIFOrientation6,
	"iccp.png":                    pngICCP,
	"time-and-phys.png":           pngTimeAndPhys,
	"apng-two-frames.png":         pngAPNG,
	"unknown-ancillary-chunk.png": pngUnknownAncillary,
	"trailer-after-iend.png":      pngTrailer,
	"palette-trns.png":            pngPaletteTRNS,
	"colour-chunks.png":           pngColourChunks,
	"gama-with-extra-bytes.png":   pngGAMAExtra,
	"c2pa-cabx.png":               pngCABX,
	"raw-profile-exif.png":        pngRawProfileEXIF,
	"imagemagick-notes.png":       pngImageMagickNotes,
	"bad-crc.png":                 pngBadCRC,
	"bad-chunk-length.png":        pngBadLength,
	"bad-no-iend.png":             pngBadNoIEND,
	"bad-unknown-critical.png":    pngBadUnknownCritical,
	"bad-ihdr-not-first.png":      pngBadIHDRNotFirst,
	"bad-idat-split-by-text.png":  pngBadIDATSplit,
	"bad-too-large.png":           pngBadTooLarge,
}

func TestGeneratePNGFixtures(t *testing.T) {
	if !*updatePNG {
		t.Skip("run with -update-png to rewrite testdata/png")
	}
	writePGFixtures(t, "png", pngFixtures)
}

// writePGFixtures writes every generated fixture into testdata/DIR.
func writePGFixtures(t *testing.T, dir string, gens map[string]func() []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join("testdata", dir), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, gen := range gens {
		b := gen()
		if len(b) >= 40<<10 {
			t.Fatalf("%s is %d bytes, over 40 KB", name, len(b))
		}
		if err := os.WriteFile(filepath.Join("testdata", dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pngGradient is the 16×12 picture of the fixtures, with some translucent
// pixels so image/png writes it as RGBA and an APNG frame can share IHDR.
func pngGradient(shift uint8) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, 16, 12))
	for y := 0; y < 12; y++ {
		for x := 0; x < 16; x++ {
			m.SetNRGBA(x, y, color.NRGBA{uint8(x*16) + shift, uint8(y * 20), 128 - shift, uint8(255 - x)})
		}
	}
	return m
}

// pngEncode encodes m with image/png and splits it into chunks.
func pngEncode(m image.Image) []pngTestChunk {
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		panic(err)
	}
	return pngSplit(buf.Bytes())
}

func pngBase() []pngTestChunk { return pngEncode(pngGradient(0)) }

// pngSplit cuts a well-formed PNG (from image/png) into its chunks.
func pngSplit(b []byte) []pngTestChunk {
	var cs []pngTestChunk
	for p := 8; p < len(b); { // skip the 8-byte signature
		n := int(binary.BigEndian.Uint32(b[p:]))                            // length
		cs = append(cs, pngTestChunk{string(b[p+4 : p+8]), b[p+8 : p+8+n]}) // type, data
		p += 12 + n                                                         // length, type, data, CRC
	}
	return cs
}

// pngJoin writes the signature and the chunks, each as length, type, data
// and a CRC over type and data.
func pngJoin(cs []pngTestChunk) []byte {
	out := []byte("\x89PNG\r\n\x1a\n")
	for _, c := range cs {
		out = binary.BigEndian.AppendUint32(out, uint32(len(c.data))) // length
		out = append(out, c.typ...)                                   // type
		out = append(out, c.data...)                                  // data
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(c.typ), c.data...)))
	}
	return out
}

// pngInsert puts cs before the first chunk of type at.
func pngInsert(chunks []pngTestChunk, at string, cs ...pngTestChunk) []pngTestChunk {
	for i, c := range chunks {
		if c.typ == at {
			out := append([]pngTestChunk{}, chunks[:i]...)
			out = append(out, cs...)
			return append(out, chunks[i:]...)
		}
	}
	panic("no chunk " + at)
}

func pngZlib(b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// tEXt: keyword, NUL, Latin-1 text.
func pngTEXt(key, text string) pngTestChunk {
	return pngTestChunk{"tEXt", []byte(key + "\x00" + text)}
}

// zTXt: keyword, NUL, compression method 0, zlib stream.
func pngZTXt(key, text string) pngTestChunk {
	return pngTestChunk{"zTXt", append([]byte(key+"\x00\x00"), pngZlib([]byte(text))...)}
}

// iTXt: keyword, NUL, compression flag, compression method, language tag,
// NUL, translated keyword, NUL, UTF-8 text (zlib stream when flagged).
func pngITXt(key, lang, tkey, text string, compressed bool) pngTestChunk {
	d := []byte(key + "\x00")
	if compressed {
		d = append(d, 1, 0)
		return pngTestChunk{"iTXt", append(append(d, lang+"\x00"+tkey+"\x00"...), pngZlib([]byte(text))...)}
	}
	d = append(d, 0, 0)
	return pngTestChunk{"iTXt", append(d, lang+"\x00"+tkey+"\x00"+text...)}
}

func pngTextAfterIDAT() []byte {
	cs := pngInsert(pngBase(), "IDAT", pngTEXt("Author", "Jane "+pngMarker))
	return pngJoin(pngInsert(cs, "IEND", pngTEXt("Comment", pngMarker+" written after the image data")))
}

// pngXMP is an XMP packet naming a creator and a place.
const pngXMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:creator><rdf:Seq><rdf:li>` + pngMarker + ` Creator</rdf:li></rdf:Seq></dc:creator>
<photoshop:City>` + pngMarker + ` City</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

func pngITXtXMP() []byte {
	return pngJoin(pngInsert(pngBase(), "IDAT",
		pngITXt("XML:com.adobe.xmp", "", "", pngXMP, false),
		pngITXt("Description", "de", "Beschreibung", pngMarker+" compressed iTXt", true)))
}

func pngZTXtComment() []byte {
	return pngJoin(pngInsert(pngBase(), "IDAT", pngZTXt("Comment", pngMarker+" in a zTXt comment")))
}

// pngTestTIFF is a little-endian TIFF structure with IFD0 holding
// Orientation and Artist, as an eXIf chunk or an APP1 carries it.
func pngTestTIFF(orientation uint16, artist string) []byte {
	a := append([]byte(artist), 0)
	t := []byte("II*\x00")                     // byte order, magic 42
	t = binary.LittleEndian.AppendUint32(t, 8) // offset of IFD0
	t = binary.LittleEndian.AppendUint16(t, 2) // two entries
	// 0x0112 Orientation, SHORT, count 1, value in the entry
	t = binary.LittleEndian.AppendUint16(t, 0x0112)
	t = binary.LittleEndian.AppendUint16(t, 3)
	t = binary.LittleEndian.AppendUint32(t, 1)
	t = binary.LittleEndian.AppendUint16(t, orientation)
	t = append(t, 0, 0)
	// 0x013B Artist, ASCII, count, offset just after the IFD
	t = binary.LittleEndian.AppendUint16(t, 0x013B)
	t = binary.LittleEndian.AppendUint16(t, 2)
	t = binary.LittleEndian.AppendUint32(t, uint32(len(a)))
	t = binary.LittleEndian.AppendUint32(t, 8+2+2*12+4)
	t = binary.LittleEndian.AppendUint32(t, 0) // no next IFD
	return append(t, a...)                     // Artist value
}

func pngEXIFOrientation6() []byte {
	return pngJoin(pngInsert(pngBase(), "IDAT", pngTestChunk{"eXIf", pngTestTIFF(6, pngMarker+" Artist")}))
}

// pngICC is a minimal ICC v2 profile: a 128-byte header, a tag table with
// one 'desc' tag, and the textDescriptionType holding desc.
func pngICC(desc string) []byte {
	text := append([]byte(desc), 0)
	tag := []byte("desc\x00\x00\x00\x00")                       // type signature, reserved
	tag = binary.BigEndian.AppendUint32(tag, uint32(len(text))) // ASCII count with NUL
	tag = append(tag, text...)                                  // ASCII description
	tag = append(tag, make([]byte, 4+4+2+1+67)...)              // Unicode and ScriptCode parts, empty
	size := 128 + 4 + 12 + len(tag)
	h := binary.BigEndian.AppendUint32(nil, uint32(size))  // profile size
	h = append(h, "none"...)                               // preferred CMM
	h = append(h, 0x02, 0x10, 0, 0)                        // version 2.1
	h = append(h, "mntrRGB XYZ "...)                       // class, colour space, PCS
	h = append(h, make([]byte, 12)...)                     // date and time
	h = append(h, "acsp"...)                               // file signature
	h = append(h, make([]byte, 128-len(h))...)             // the rest of the header
	h = binary.BigEndian.AppendUint32(h, 1)                // tag count
	h = append(h, "desc"...)                               // tag signature
	h = binary.BigEndian.AppendUint32(h, 128+4+12)         // offset
	h = binary.BigEndian.AppendUint32(h, uint32(len(tag))) // size
	return append(h, tag...)
}

// iCCP: profile name, NUL, compression method 0, zlib stream. The
// profile is kept by default, so only its free-text name, which Veil
// replaces, carries the marker.
func pngICCP() []byte {
	d := append([]byte(pngMarker+" profile\x00\x00"), pngZlib(pngICC("Veil Test Display"))...)
	return pngJoin(pngInsert(pngBase(), "IDAT", pngTestChunk{"iCCP", d}))
}

func pngTimeAndPhys() []byte {
	tm := []byte{0x07, 0xE8, 5, 1, 12, 34, 56}                  // 2024-05-01 12:34:56
	phys := binary.BigEndian.AppendUint32(nil, 2835)            // x: 2835 px/m = 72 dpi
	phys = append(binary.BigEndian.AppendUint32(phys, 2835), 1) // y, unit: metre
	return pngJoin(pngInsert(pngBase(), "IDAT", pngTestChunk{"pHYs", phys},
		pngTestChunk{"tIME", tm}, pngTEXt("Creation Time", "2024:05:01 "+pngMarker)))
}

// pngAPNG builds a two-frame APNG whose default image is frame 0.
func pngAPNG() []byte {
	cs := pngBase()
	second := pngEncode(pngGradient(40))
	actl := binary.BigEndian.AppendUint32(nil, 2) // num_frames
	actl = binary.BigEndian.AppendUint32(actl, 0) // num_plays: forever
	fctl := func(seq uint32) []byte {
		d := binary.BigEndian.AppendUint32(nil, seq) // sequence_number
		d = binary.BigEndian.AppendUint32(d, 16)     // width
		d = binary.BigEndian.AppendUint32(d, 12)     // height
		d = binary.BigEndian.AppendUint64(d, 0)      // x_offset, y_offset
		d = binary.BigEndian.AppendUint16(d, 1)      // delay_num
		d = binary.BigEndian.AppendUint16(d, 2)      // delay_den
		return append(d, 0, 0)                       // dispose_op, blend_op
	}
	var fdat []pngTestChunk
	for _, c := range second {
		if c.typ == "IDAT" { // fdAT: sequence number, then the frame's zlib data
			fdat = append(fdat, pngTestChunk{"fdAT", append(binary.BigEndian.AppendUint32(nil, 2), c.data...)})
		}
	}
	cs = pngInsert(cs, "IDAT", pngTestChunk{"acTL", actl}, pngTestChunk{"fcTL", fctl(0)})
	tail := append([]pngTestChunk{{"fcTL", fctl(1)}}, fdat...)
	tail = append(tail, pngTEXt("Title", pngMarker+" animation"))
	return pngJoin(pngInsert(cs, "IEND", tail...))
}

func pngUnknownAncillary() []byte {
	return pngJoin(pngInsert(pngBase(), "IDAT",
		pngTestChunk{"prVt", []byte(pngMarker + " private data")}, // private ancillary chunk
		pngTestChunk{"bKGD", []byte{0, 1, 0, 2, 0, 3}}))           // known, but not kept
}

func pngTrailer() []byte {
	return append(pngJoin(pngBase()), pngMarker+" bytes after IEND, like an aCropalypse leftover"...)
}

func pngPaletteTRNS() []byte {
	pal := color.Palette{color.NRGBA{0, 0, 0, 0}, color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 0, 255, 128}}
	m := image.NewPaletted(image.Rect(0, 0, 16, 12), pal)
	for i := range m.Pix {
		m.Pix[i] = uint8(i % 3)
	}
	return pngJoin(pngInsert(pngEncode(m), "IEND", pngTEXt("Comment", pngMarker)))
}

func pngColourChunks() []byte {
	chrm := make([]byte, 0, 32)
	for _, v := range []uint32{31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000} {
		chrm = binary.BigEndian.AppendUint32(chrm, v) // white point, red, green, blue x and y
	}
	return pngJoin(pngInsert(pngBase(), "IDAT",
		pngTestChunk{"cICP", []byte{1, 13, 0, 1}},                       // BT.709, sRGB, RGB, full range: dropped
		pngTestChunk{"sRGB", []byte{0}},                                 // perceptual
		pngTestChunk{"gAMA", binary.BigEndian.AppendUint32(nil, 45455)}, // 1/2.2
		pngTestChunk{"cHRM", chrm},
		pngTestChunk{"sBIT", []byte{8, 8, 8, 8}},
		pngTEXt("Software", pngMarker+" Editor")))
}

func pngGAMAExtra() []byte {
	g := append(binary.BigEndian.AppendUint32(nil, 45455), pngMarker...) // gAMA plus smuggled bytes
	return pngJoin(pngInsert(pngBase(), "IDAT", pngTestChunk{"gAMA", g}))
}

func pngCABX() []byte {
	jumbf := append([]byte("\x00\x00\x00\x20jumb\x00\x00\x00\x18jumdc2pa"), pngMarker...)
	return pngJoin(pngInsert(pngBase(), "IDAT", pngTestChunk{"caBX", jumbf}))
}

// pngRawProfileEXIF writes EXIF the way ImageMagick does: a zTXt keyword
// "Raw profile type exif", text "\nexif\n  LENGTH\n" then hex lines.
func pngRawProfileEXIF() []byte {
	p := append([]byte("Exif\x00\x00"), pngTestTIFF(1, pngMarker+" Artist")...)
	h := hex.EncodeToString(p)
	var lines []string
	for len(h) > 72 {
		lines, h = append(lines, h[:72]), h[72:]
	}
	lines = append(lines, h)
	text := fmt.Sprintf("\nexif\n%8d\n%s\n", len(p), strings.Join(lines, "\n"))
	return pngJoin(pngInsert(pngBase(), "IDAT", pngZTXt("Raw profile type exif", text)))
}

func pngBadCRC() []byte {
	b := pngJoin(pngInsert(pngBase(), "IDAT", pngTEXt("Comment", pngMarker)))
	i := bytes.Index(b, []byte("tEXt")) + 4 + len("Comment\x00"+pngMarker)
	b[i] ^= 0xFF // first CRC byte of the tEXt chunk
	return b
}

func pngBadLength() []byte {
	b := pngJoin(pngInsert(pngBase(), "IDAT", pngTEXt("Comment", pngMarker)))
	i := bytes.Index(b, []byte("tEXt")) - 4
	binary.BigEndian.PutUint32(b[i:], 0x7FFFFFF0) // length far past the end
	return b
}

func pngBadNoIEND() []byte {
	b := pngJoin(pngInsert(pngBase(), "IEND", pngTEXt("Comment", pngMarker)))
	return b[:len(b)-12] // drop IEND: length, type, CRC
}

func pngBadUnknownCritical() []byte {
	return pngJoin(pngInsert(pngBase(), "IDAT", pngTestChunk{"VEIL", []byte(pngMarker)}))
}

func pngBadIHDRNotFirst() []byte {
	return pngJoin(pngInsert(pngBase(), "IHDR", pngTEXt("Comment", pngMarker)))
}

func pngBadIDATSplit() []byte {
	cs := pngBase()
	for i, c := range cs {
		if c.typ == "IDAT" { // split the image data in two around a tEXt
			h := len(c.data) / 2
			split := []pngTestChunk{{"IDAT", c.data[:h]}, pngTEXt("Comment", pngMarker), {"IDAT", c.data[h:]}}
			return pngJoin(append(append(cs[:i:i], split...), cs[i+1:]...))
		}
	}
	panic("no IDAT")
}

func pngBadTooLarge() []byte {
	cs := pngBase()
	ihdr := append([]byte{}, cs[0].data...)
	binary.BigEndian.PutUint32(ihdr[0:], 100000) // width
	binary.BigEndian.PutUint32(ihdr[4:], 100000) // height: 10 gigapixels
	cs[0].data = ihdr
	return pngJoin(cs)
}

// pngImageMagickNotes holds the notes ImageMagick writes (coders/png.c: one
// tEXt per image property, profiles as "Raw profile type" hex text), and
// one of a name no writer Veil knows uses.
func pngImageMagickNotes() []byte {
	empty := `<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>` // an XMP packet that names nothing
	return pngJoin(pngInsert(pngBase(), "IEND",
		pngTEXt("date:create", "2026-12-04T23:29:00+00:00"),
		pngTEXt("date:modify", "2026-12-04T23:29:00+00:00"),
		pngTEXt("icc:description", pngMarker+" Display"),
		pngTEXt("icc:copyright", "Copyright "+pngMarker),
		pngTEXt("comment", pngMarker+" hello"),
		pngTEXt("exif:GPSLatitude", "48/1, 51/1, 2964/100"),
		pngTEXt("exif:GPSLatitudeRef", "N"),
		pngTEXt("exif:GPSLongitude", "2/1, 17/1, 4020/100"),
		pngTEXt("exif:GPSLongitudeRef", "E"),
		pngTEXt("exif:Make", pngMarker+" Camera"),
		pngTEXt("exif:ExifOffset", "162"),
		pngTEXt("exif:ExposureTime", "1/60"),
		pngTEXt("png:IHDR.bit-depth-orig", "8"),
		pngTEXt(pngMarker+":note", "a note"),
		pngZTXt("Raw profile type xmp", fmt.Sprintf("\nxmp\n%8d\n%s\n", len(empty), hex.EncodeToString([]byte(empty)))),
	))
}
