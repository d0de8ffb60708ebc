package app

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// jpegWithMetadata builds a small JPEG carrying a comment and an XMP packet,
// both holding the marker string, spliced in after SOI.
func jpegWithMetadata(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 32, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 32; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 8), uint8(y * 10), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	enc := buf.Bytes()
	xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"),
		[]byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>VEIL-MARKER</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`)...)
	var out bytes.Buffer
	out.Write(enc[:2])                                      // SOI
	writeSegment(&out, 0xE1, xmp)                           // APP1 XMP
	writeSegment(&out, 0xFE, []byte("VEIL-MARKER comment")) // COM
	out.Write(enc[2:])                                      // the encoder's own segments, scan and EOI
	return out.Bytes()
}

// writeSegment writes a marker and its payload with the 2-byte big-endian
// length that counts itself (ITU-T T.81 B.1.1.4).
func writeSegment(b *bytes.Buffer, marker byte, payload []byte) {
	n := len(payload) + 2
	b.Write([]byte{0xFF, marker, byte(n >> 8), byte(n)})
	b.Write(payload)
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
