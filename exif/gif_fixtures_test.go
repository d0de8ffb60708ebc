package exif

import (
	"bytes"
	"encoding/binary"
	"flag"
	"image"
	"image/color"
	"image/gif"
	"testing"
)

// The files in testdata/gif are written by the generators below:
//
//	go test -run TestGenerateGIFFixtures ./exif/ -args -update-gif
//
// Each starts from an image/gif encoding and splices blocks in with the
// small writers here. Every metadata payload carries gifMarker.
var updateGIF = flag.Bool("update-gif", false, "rewrite testdata/gif from its generators")

// gifMarker is planted in every metadata payload of the GIF fixtures.
const gifMarker = "VEIL-MARKER"

// gifFixtures maps each file name in testdata/gif to its generator.
var gifFixtures = map[string]func() []byte{
	"clean-still.gif":              func() []byte { return gifEncode(gifPicture(0)) },
	"comment-extension.gif":        gifCommentFixture,
	"xmp-app-extension.gif":        gifXMPFixture,
	"animated-loop.gif":            gifAnimatedFixture,
	"plain-text-extension.gif":     gifPlainTextFixture,
	"trailer-after-end.gif":        gifTrailerFixture,
	"icc-app-extension.gif":        gifICCFixture,
	"unknown-app-extension.gif":    gifUnknownAppFixture,
	"loop-with-extra-data.gif":     gifLoopExtraFixture,
	"bad-truncated-subblock.gif":   gifBadTruncatedFixture,
	"bad-no-trailer.gif":           gifBadNoTrailerFixture,
	"bad-unknown-block.gif":        gifBadUnknownBlockFixture,
	"bad-graphic-control-size.gif": gifBadControlFixture,
	"bad-too-large.gif":            gifBadTooLargeFixture,
}

func TestGenerateGIFFixtures(t *testing.T) {
	if !*updateGIF {
		t.Skip("run with -update-gif to rewrite testdata/gif")
	}
	writePGFixtures(t, "gif", gifFixtures)
}

// gifPicture is a 16×12 picture over a 16-colour palette.
func gifPicture(shift int) *image.Paletted {
	pal := make(color.Palette, 16)
	for i := range pal {
		pal[i] = color.RGBA{uint8(i * 16), uint8(255 - i*16), uint8(i * 7), 255}
	}
	m := image.NewPaletted(image.Rect(0, 0, 16, 12), pal)
	for y := 0; y < 12; y++ {
		for x := 0; x < 16; x++ {
			m.SetColorIndex(x, y, uint8((x+y+shift)%16))
		}
	}
	return m
}

func gifEncode(m image.Image) []byte {
	var buf bytes.Buffer
	if err := gif.Encode(&buf, m, nil); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// gifSplice inserts blocks after the header, the logical screen
// descriptor and the global colour table, and others before the trailer.
func gifSplice(g []byte, first, last []byte) []byte {
	head := 13           // "GIF89a", width, height, packed, background, aspect
	if g[10]&0x80 != 0 { // global colour table flag
		head += 3 << (g[10]&7 + 1) // 2^(size+1) entries of 3 bytes
	}
	out := append([]byte{}, g[:head]...)
	out = append(out, first...)
	out = append(out, g[head:len(g)-1]...) // the blocks, without the trailer
	out = append(out, last...)
	return append(out, 0x3B) // trailer
}

// gifSubs cuts b into data sub-blocks (a size byte, up to 255 bytes) and
// ends them with the zero-length block terminator.
func gifSubs(b []byte) []byte {
	var out []byte
	for len(b) > 0 {
		n := min(len(b), 255)
		out = append(append(out, byte(n)), b[:n]...)
		b = b[n:]
	}
	return append(out, 0)
}

// gifExt writes an extension: introducer 0x21, label, data sub-blocks.
func gifExt(label byte, body []byte) []byte {
	return append([]byte{0x21, label}, gifSubs(body)...)
}

// gifAppExt writes an application extension: introducer, label 0xFF, an
// 11-byte sub-block with identifier and authentication code, data.
func gifAppExt(id string, body []byte) []byte {
	return append([]byte{0x21, 0xFF, 11}, append([]byte(id), gifSubs(body)...)...)
}

func gifCommentFixture() []byte {
	long := bytes.Repeat([]byte(gifMarker+" long comment "), 30) // spans two sub-blocks
	return gifSplice(gifEncode(gifPicture(0)), gifExt(0xFE, []byte(gifMarker+" comment")), gifExt(0xFE, long))
}

// gifXMPFixture writes XMP the way XMP Part 3 says: the packet raw after
// the application header, then the 258-byte magic trailer.
func gifXMPFixture() []byte {
	x := append([]byte{0x21, 0xFF, 11}, "XMP DataXMP"...)
	x = append(x, pngXMP...)
	x = append(x, 0x01)          // the trailer starts with 0x01 …
	for i := 0xFF; i >= 0; i-- { // … then 0xFF down to 0x00
		x = append(x, byte(i))
	}
	x = append(x, 0x00) // block terminator
	return gifSplice(gifEncode(gifPicture(0)), x, nil)
}

func gifAnimatedFixture() []byte {
	var buf bytes.Buffer
	a := &gif.GIF{LoopCount: 0}
	for i := range 3 {
		a.Image = append(a.Image, gifPicture(i*5))
		a.Delay = append(a.Delay, 10)
	}
	if err := gif.EncodeAll(&buf, a); err != nil {
		panic(err)
	}
	return gifSplice(buf.Bytes(), nil, gifExt(0xFE, []byte(gifMarker+" between frames")))
}

// gifPlainTextFixture puts a graphic control and a plain text extension
// (§25: 12-byte header of grid position, size, cell size and colours,
// then the text) before the image.
func gifPlainTextFixture() []byte {
	control := []byte{0x21, 0xF9, 4, 0x00, 5, 0, 0, 0}  // GCE: packed, delay 5, no transparency
	hdr := []byte{0, 0, 0, 0, 16, 0, 12, 0, 8, 8, 1, 0} // left, top, width, height, cell w/h, fg, bg
	pt := append([]byte{0x21, 0x01, 12}, hdr...)
	pt = append(pt, gifSubs([]byte(gifMarker+" drawn text"))...)
	return gifSplice(gifEncode(gifPicture(0)), append(control, pt...), nil)
}

func gifTrailerFixture() []byte {
	return append(gifEncode(gifPicture(0)), gifMarker+" after the trailer"...)
}

func gifICCFixture() []byte {
	return gifSplice(gifEncode(gifPicture(0)), gifAppExt("ICCRGBG1012", pngICC(gifMarker+" Display")), nil)
}

func gifUnknownAppFixture() []byte {
	return gifSplice(gifEncode(gifPicture(0)), gifAppExt("VEILAPPv1.0", []byte(gifMarker+" app data")), nil)
}

// gifLoopExtraFixture hides data in a second sub-block of the loop
// extension, after the loop count.
func gifLoopExtraFixture() []byte {
	loop := append([]byte{0x21, 0xFF, 11}, "NETSCAPE2.0"...)
	loop = append(loop, 3, 1, 0, 0)                    // sub-block 1: loop forever
	loop = append(loop, gifSubs([]byte(gifMarker))...) // extra sub-block, terminator
	return gifSplice(gifEncode(gifPicture(0)), loop, nil)
}

func gifBadTruncatedFixture() []byte {
	g := gifSplice(gifEncode(gifPicture(0)), gifExt(0xFE, []byte(gifMarker)), nil)
	i := bytes.Index(g, []byte(gifMarker)) - 1
	g[i] = 200       // the comment sub-block now claims 200 bytes …
	return g[:i+100] // … and the file ends 100 bytes later
}

func gifBadNoTrailerFixture() []byte {
	g := gifSplice(gifEncode(gifPicture(0)), gifExt(0xFE, []byte(gifMarker)), nil)
	return g[:len(g)-1]
}

func gifBadUnknownBlockFixture() []byte {
	return gifSplice(gifEncode(gifPicture(0)), nil, append([]byte{0x99}, gifMarker...))
}

func gifBadControlFixture() []byte {
	control := []byte{0x21, 0xF9, 5, 0, 5, 0, 0, 'V', 0} // block size 5 instead of 4
	return gifSplice(gifEncode(gifPicture(0)), control, nil)
}

func gifBadTooLargeFixture() []byte {
	g := gifEncode(gifPicture(0))
	binary.LittleEndian.PutUint16(g[6:], 65535) // screen width
	binary.LittleEndian.PutUint16(g[8:], 65535) // screen height: 4.3 gigapixels
	return g
}
