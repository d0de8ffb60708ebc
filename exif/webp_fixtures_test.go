package exif

import (
	"bytes"
	"encoding/binary"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// updateWebP regenerates testdata/webp. The flag has its own name so it
// cannot clash with another handler's -update in the same test binary.
var updateWebP = flag.Bool("update-webp", false, "regenerate testdata/webp with cwebp, webpmux and img2webp")

const webpMarker = "VEIL-MARKER"

// TestUpdateWebPFixtures writes the fixtures of testdata/webp: base images
// from cwebp/img2webp (Debian package webp), metadata added with webpmux,
// and everything odd or broken built here with the small RIFF writer below.
func TestUpdateWebPFixtures(t *testing.T) {
	if !*updateWebP {
		t.Skip("run with -update-webp to regenerate testdata/webp")
	}
	tmp := t.TempDir()
	in := func(name string) string { return filepath.Join(tmp, name) }
	webpWritePNG(t, in("opaque.png"), webpPicture(32, 24, 0, false))
	webpWritePNG(t, in("alpha.png"), webpPicture(32, 24, 0, true))
	webpWritePNG(t, in("second.png"), webpPicture(32, 24, 90, false))
	webpWriteFile(t, in("marker.exif"), webpEXIF(1, webpMarker))
	webpWriteFile(t, in("orient8.exif"), webpEXIF(8, webpMarker))
	webpWriteFile(t, in("marker.xmp"), []byte(webpXMP))
	// The profile is kept by default, so it carries no marker: it stands
	// for a standard profile that says nothing about the person.
	webpWriteFile(t, in("test.icc"), webpICC("Veil test display"))

	webpRun(t, "cwebp", "-quiet", "-q", "80", in("opaque.png"), "-o", in("lossy.webp"))
	webpRun(t, "cwebp", "-quiet", "-lossless", in("opaque.png"), "-o", in("lossless.webp"))
	webpRun(t, "cwebp", "-quiet", "-q", "80", in("alpha.png"), "-o", in("alpha.webp"))
	webpRun(t, "img2webp", "-loop", "0", "-lossy", "-d", "100", in("opaque.png"), "-d", "100", in("second.png"), "-o", in("anim.webp"))
	webpRun(t, "webpmux", "-set", "exif", in("marker.exif"), in("lossy.webp"), "-o", in("lossy-exif.webp"))
	webpRun(t, "webpmux", "-set", "xmp", in("marker.xmp"), in("lossy-exif.webp"), "-o", in("lossy-exif-xmp.webp"))
	webpRun(t, "webpmux", "-set", "icc", in("test.icc"), in("lossless.webp"), "-o", in("lossless-icc.webp"))
	webpRun(t, "webpmux", "-set", "xmp", in("marker.xmp"), in("alpha.webp"), "-o", in("alpha-xmp.webp"))
	webpRun(t, "webpmux", "-set", "exif", in("marker.exif"), in("anim.webp"), "-o", in("anim-exif.webp"))
	webpRun(t, "webpmux", "-set", "exif", in("orient8.exif"), in("lossy.webp"), "-o", in("orient8.webp"))

	read := func(name string) []byte { b, err := os.ReadFile(in(name)); webpMust(t, err); return b }
	lossy := read("lossy.webp")
	vp8 := webpChunks(t, lossy)[0] // simple lossy: the VP8 chunk alone
	alpha := webpChunks(t, read("alpha.webp"))
	anim := webpChunks(t, read("anim.webp"))
	canvas := webpVP8X(0, 32, 24) // VP8X without any flag, 32×24 canvas

	fixtures := map[string][]byte{
		"simple-lossy.webp":        lossy,
		"lossy-exif-xmp.webp":      read("lossy-exif-xmp.webp"),
		"lossless-icc.webp":        read("lossless-icc.webp"),
		"alpha-vp8x.webp":          read("alpha-xmp.webp"),
		"animated-two-frames.webp": read("anim-exif.webp"),
		"exif-orientation-8.webp":  read("orient8.webp"),
		// An unknown chunk before and one after the image; odd length, so padded.
		"unknown-chunk.webp": webpRIFF(alpha[0], webpChunkOf("VEIL", webpMarker+" before"), alpha[1], alpha[2], webpChunkOf("ZZZZ", webpMarker+" after!")),
		// The first ANMF frame gains an unknown sub-chunk after its bitstream.
		"unknown-chunk-inside-anmf.webp": webpRIFF(append(anim[:2:2], webpWithSubChunk(t, anim[2], webpChunkOf("VEIL", webpMarker+" in frame")), anim[3])...),
		"trailer-after-riff.webp":        append(append([]byte{}, lossy...), webpMarker+" trailing bytes"...),
		// A writer that kept the JPEG-style "Exif\0\0" prefix in the chunk.
		"exif-with-jpeg-prefix.webp": webpRIFF(webpVP8X(webpEXIFBit, 32, 24), vp8, webpChunkOf("EXIF", "Exif\x00\x00"+string(webpEXIF(6, webpMarker)))),
		// A simple file with an EXIF chunk (orientation 6) after its image:
		// decoders ignore it, so the orientation stays 1.
		"simple-with-stray-exif.webp": webpRIFF(vp8, webpChunkOf("EXIF", string(webpEXIF(6, webpMarker)))),
		// EXIF (orientation 3) before the image: allowed, moved after it.
		"exif-before-image.webp": webpRIFF(webpVP8X(webpEXIFBit, 32, 24), webpChunkOf("EXIF", string(webpEXIF(3, webpMarker))), vp8),

		"bad-riff-size.webp":                webpPatch32(lossy, 4, uint32(len(lossy))+100),
		"bad-odd-riff-size.webp":            webpPatch32(lossy, 4, uint32(len(lossy))-9),
		"bad-chunk-length.webp":             webpPatch32(lossy, 16, uint32(len(lossy))),
		"bad-truncated.webp":                read("lossy-exif-xmp.webp")[:len(lossy)/2],
		"bad-vp8x-flags-no-image.webp":      webpRIFF(webpVP8X(webpEXIFBit, 32, 24), webpChunkOf("EXIF", string(webpEXIF(1, webpMarker)))),
		"bad-canvas-size-mismatch.webp":     webpRIFF(webpVP8X(0, 33, 24), vp8),
		"bad-alph-without-alpha-flag.webp":  webpRIFF(canvas, alpha[1], alpha[2]),
		"bad-second-vp8x.webp":              webpRIFF(canvas, canvas, vp8),
		"bad-two-images.webp":               webpRIFF(canvas, vp8, vp8),
		"bad-first-chunk-unknown.webp":      webpRIFF(webpChunkOf("VEIL", webpMarker), vp8),
		"bad-anim-flag-without-frames.webp": webpRIFF(webpVP8X(webpAnimBit, 32, 24), anim[1]),
		"bad-anmf-without-anim.webp":        webpRIFF(anim[0], anim[2], anim[3]),
		"bad-anmf-outside-canvas.webp":      webpRIFF(webpVP8X(webpAnimBit, 16, 24), anim[1], anim[2], anim[3]),
		"bad-not-keyframe.webp":             webpRIFF(webpTestChunk{"VP8 ", append([]byte{1}, vp8.data[1:]...)}),
		"bad-huge-canvas.webp":              webpRIFF(webpVP8X(0, 1<<24, 1<<24), vp8),
	}
	dir := filepath.Join("testdata", "webp")
	webpMust(t, os.MkdirAll(dir, 0o755))
	for name, b := range fixtures {
		webpWriteFile(t, filepath.Join(dir, name), b)
	}
}

// webpTestChunk is a RIFF chunk for building fixtures (container spec, "RIFF File Format").
type webpTestChunk struct {
	id   string
	data []byte
}

func webpChunkOf(id, data string) webpTestChunk { return webpTestChunk{id, []byte(data)} }

// webpRIFF writes "RIFF", the size of what follows, "WEBP", then each chunk:
// FourCC, 32-bit little-endian payload size, payload, zero pad to even.
func webpRIFF(chunks ...webpTestChunk) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBP")
	for _, c := range chunks {
		b = append(b, c.id...)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(c.data)))
		b = append(b, c.data...)
		if len(c.data)%2 == 1 {
			b = append(b, 0)
		}
	}
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	return b
}

// webpChunks splits a well-formed WebP file into its top-level chunks.
func webpChunks(t testing.TB, b []byte) []webpTestChunk {
	t.Helper()
	if len(b) < 12 {
		t.Fatalf("%d bytes is no WebP file", len(b))
	}
	return webpSubChunks(t, b[12:])
}

// webpSubChunks splits a sequence of well-formed chunks.
func webpSubChunks(t testing.TB, b []byte) []webpTestChunk {
	t.Helper()
	var cs []webpTestChunk
	for len(b) > 0 {
		if len(b) < 8 {
			t.Fatalf("%d stray bytes", len(b))
		}
		n := int(binary.LittleEndian.Uint32(b[4:8]))
		if 8+n > len(b) {
			t.Fatalf("chunk %q of %d bytes runs past the end", b[:4], n)
		}
		cs = append(cs, webpTestChunk{string(b[:4]), b[8 : 8+n]})
		b = b[min(len(b), 8+n+n%2):]
	}
	return cs
}

// webpVP8X is a VP8X chunk ("Extended File Format"): flags, three reserved zero bytes, canvas
// width minus one and height minus one as 24-bit little-endian numbers.
func webpVP8X(flags byte, w, h int) webpTestChunk {
	d := []byte{flags, 0, 0, 0}
	d = append(d, byte(w-1), byte((w-1)>>8), byte((w-1)>>16))
	d = append(d, byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	return webpTestChunk{"VP8X", d}
}

// webpWithSubChunk appends a sub-chunk to an ANMF frame's payload.
func webpWithSubChunk(t testing.TB, anmf, sub webpTestChunk) webpTestChunk {
	if anmf.id != "ANMF" {
		t.Fatalf("want an ANMF chunk, got %q", anmf.id)
	}
	s := webpRIFF(sub)[12:]
	return webpTestChunk{"ANMF", append(append([]byte{}, anmf.data...), s...)}
}

func webpPatch32(b []byte, at int, v uint32) []byte {
	b = append([]byte{}, b...)
	binary.LittleEndian.PutUint32(b[at:], v)
	return b
}

// webpEXIF is a little-endian TIFF-structured EXIF block (CIPA DC-008, TIFF structure)
// whose IFD0 holds ImageDescription, Orientation and Artist.
func webpEXIF(orientation uint16, text string) []byte {
	desc, artist := text+" description\x00", text+" artist\x00"
	const ifdLen = 2 + 3*12 + 4
	b := []byte("II")                           // byte order: little-endian
	b = binary.LittleEndian.AppendUint16(b, 42) // TIFF magic
	b = binary.LittleEndian.AppendUint32(b, 8)  // offset of IFD0
	b = binary.LittleEndian.AppendUint16(b, 3)  // IFD0: three entries
	entry := func(tag, typ uint16, count, value uint32) {
		b = binary.LittleEndian.AppendUint16(b, tag)   // tag
		b = binary.LittleEndian.AppendUint16(b, typ)   // type: 2 ASCII, 3 SHORT
		b = binary.LittleEndian.AppendUint32(b, count) // count
		b = binary.LittleEndian.AppendUint32(b, value) // value or offset
	}
	entry(0x010E, 2, uint32(len(desc)), 8+ifdLen)                     // ImageDescription, after the IFD
	entry(0x0112, 3, 1, uint32(orientation))                          // Orientation, inline
	entry(0x013B, 2, uint32(len(artist)), uint32(8+ifdLen+len(desc))) // Artist, after the description
	b = binary.LittleEndian.AppendUint32(b, 0)                        // no next IFD
	return append(append(b, desc...), artist...)
}

const webpXMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>VEIL-MARKER creator</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

// webpICC is a minimal ICC v2 display profile (ICC.1:2001-04) with one
// tag, a textDescriptionType 'desc'.
func webpICC(desc string) []byte {
	tag := []byte("desc\x00\x00\x00\x00")                         // type signature, reserved
	tag = binary.BigEndian.AppendUint32(tag, uint32(len(desc)+1)) // ASCII count with NUL
	tag = append(append(tag, desc...), 0)                         // ASCII description
	tag = append(tag, make([]byte, 4+4+2+1+67)...)                // no Unicode, no ScriptCode
	h := make([]byte, 128)
	binary.BigEndian.PutUint32(h[0:], uint32(128+4+12+len(tag))) // profile size
	binary.BigEndian.PutUint32(h[8:], 0x02100000)                // version 2.1
	copy(h[12:], "mntrRGB XYZ ")                                 // class, colour space, PCS
	copy(h[36:], "acsp")                                         // profile file signature
	b := binary.BigEndian.AppendUint32(h, 1)                     // tag count
	b = append(b, "desc"...)                                     // tag signature
	b = binary.BigEndian.AppendUint32(b, 128+4+12)               // tag offset
	b = binary.BigEndian.AppendUint32(b, uint32(len(tag)))       // tag size
	return append(b, tag...)
}

// webpPicture is a w×h gradient; shift moves it, so frames differ.
func webpPicture(w, h, shift int, alpha bool) image.Image {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			a := uint8(255)
			if alpha {
				a = uint8(x * 255 / w)
			}
			m.Set(x, y, color.NRGBA{uint8(x*8 + shift), uint8(y * 10), uint8(128 + shift), a})
		}
	}
	return m
}

func webpWritePNG(t testing.TB, name string, m image.Image) {
	var buf bytes.Buffer
	webpMust(t, png.Encode(&buf, m))
	webpWriteFile(t, name, buf.Bytes())
}

func webpWriteFile(t testing.TB, name string, b []byte) { webpMust(t, os.WriteFile(name, b, 0o644)) }

func webpRun(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

func webpMust(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
