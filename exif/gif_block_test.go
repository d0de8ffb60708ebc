package exif

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Hand-built GIF byte fixtures for the block walker.

// gifTinyImage is one 1×1 image: descriptor, LZW data, terminator.
var gifTinyImage = []byte{
	0x2C,       // image separator
	0, 0, 0, 0, // left, top
	1, 0, 1, 0, // width 1, height 1
	0x00,       // packed: no local colour table, not interlaced
	2,          // LZW minimum code size
	2,          // sub-block of 2 bytes:
	0x44, 0x01, // clear code, index 0, end of information
	0, // block terminator
}

// gifTiny is a 1×1 GIF89a with a two-colour global table and the given
// blocks before its image.
func gifTiny(version string, blocks ...[]byte) []byte {
	g := []byte(version)            // "GIF87a" or "GIF89a"
	g = append(g, 1, 0, 1, 0)       // logical screen width 1, height 1
	g = append(g, 0x80, 0, 0)       // packed: global table of 2 entries; background, aspect
	g = append(g, 0, 0, 0, 9, 9, 9) // global colour table: black, grey
	for _, b := range blocks {
		g = append(g, b...)
	}
	g = append(g, gifTinyImage...)
	return append(g, 0x3B) // trailer
}

func TestGIFBlockWalkerRefusesMalformedBlocks(t *testing.T) {
	lzw := gifTiny("GIF89a")
	lzw[len(lzw)-6] = 12 // LZW minimum code size 12
	huge := gifTiny("GIF89a")
	copy(huge[24:], []byte{0xFF, 0xFF, 0xFF, 0xFF}) // frame 65535×65535 (descriptor at 19)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"an LZW code size over 8 is refused", lzw, "LZW code size 12"},
		{"an extension cut after its label is refused", append(gifTiny("GIF89a")[:19], 0x21, 0xFE), "sub-blocks run past the end"},
		{"a file without its trailer is refused", bytes.TrimSuffix(gifTiny("GIF89a"), []byte{0x3B}), "ends before its trailer"},
		{"a sub-block running past the end is refused", append(gifTiny("GIF89a")[:19], 0x21, 0xFE, 9, 'a'), "runs past the end"},
		{"a global table past the end is refused", []byte("GIF89a\x01\x00\x01\x00\x87\x00\x00"), "global colour table"},
		{"a header alone is refused", []byte("GIF89a"), "logical screen descriptor"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseGIF(tc.data)
			var fe FormatError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("parseGIF = %v, want a FormatError about %q", err, tc.want)
			}
		})
	}
	t.Run("a frame over the pixel limit is refused", func(t *testing.T) {
		if _, err := parseGIF(huge); !errors.Is(err, ErrTooLarge) {
			t.Errorf("parseGIF = %v, want ErrTooLarge", err)
		}
	})
}

func TestGIFStripKeepsOnlyTheKeepList(t *testing.T) {
	control := []byte{0x21, 0xF9, 4, 0x01, 10, 0, 1, 0}           // GCE: transparent, delay 10, index 1
	loop := []byte("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x05\x00\x00") // loop 5 times
	anim := []byte("\x21\xFF\x0BANIMEXTS1.0\x03\x01\x05\x00\x00") // the same, by another name
	comment := []byte("\x21\xFE\x04VEIL\x00")
	text := append([]byte{0x21, 0x01, 12}, make([]byte, 12)...) // plain text header
	text = append(text, 4, 'V', 'E', 'I', 'L', 0)
	for _, tc := range []struct {
		name   string
		in     []byte
		want   []byte
		labels []string
	}{
		{"a clean GIF87a is copied as it is", gifTiny("GIF87a"), gifTiny("GIF87a"), nil},
		{"a comment is dropped", gifTiny("GIF89a", comment), gifTiny("GIF89a"), []string{"Comment"}},
		{"controls and the loop stay in place", gifTiny("GIF89a", loop, control), gifTiny("GIF89a", loop, control), nil},
		{"ANIMEXTS1.0 becomes NETSCAPE2.0", gifTiny("GIF89a", anim), gifTiny("GIF89a", loop), nil},
		{"a second loop extension is dropped", gifTiny("GIF89a", loop, loop), gifTiny("GIF89a", loop), []string{"Extra data in the animation loop block"}},
		// image/gif refuses such a file; Veil drops the block.
		{"an extension label GIF89a does not define is dropped", gifTiny("GIF89a", []byte("\x21\x7F\x01V\x00")), gifTiny("GIF89a"), []string{"Unrecognised GIF extension"}},
		{"a control before plain text is kept for the image", gifTiny("GIF89a", control, text), gifTiny("GIF89a", control), []string{"Text drawn on the picture"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, f := range info.Findings {
				labels = append(labels, f.Label)
			}
			if strings.Join(labels, ",") != strings.Join(tc.labels, ",") {
				t.Errorf("findings %q, want %q", labels, tc.labels)
			}
			out, err := Strip(tc.in, Options{})
			if err != nil || !bytes.Equal(out, tc.want) {
				t.Errorf("Strip = % x, %v\nwant   % x", out, err, tc.want)
			}
		})
	}
}

func TestGIFXMPIsReadThroughTheMagicTrailer(t *testing.T) {
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"/>`
	ext := append([]byte("\x21\xFF\x0BXMP DataXMP"), xmp...) // the packet, raw
	ext = append(ext, gifXMPTrailer...)                      // 0x01, 0xFF … 0x00, terminator
	f, err := parseGIF(gifTiny("GIF89a", ext))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.blocks) != 2 || f.blocks[0].app != "XMP DataXMP" || string(gifXMP(f.blocks[0])) != xmp {
		t.Fatalf("blocks = %+v", f.blocks)
	}
	plain := gifAppExt("XMP DataXMP", []byte(xmp)) // ordinary sub-blocks instead
	f, err = parseGIF(gifTiny("GIF89a", plain))
	if err != nil || string(gifXMP(f.blocks[0])) != xmp {
		t.Errorf("XMP in ordinary sub-blocks = %q, %v", gifXMP(f.blocks[0]), err)
	}
	if len(gifXMPTrailer) != 258 {
		t.Errorf("magic trailer is %d bytes, want 258", len(gifXMPTrailer))
	}
}

func TestGIFVerifyIsStrict(t *testing.T) {
	loopWithExtra := []byte("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x01V\x00")
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a comment is not clean", gifTiny("GIF89a", []byte("\x21\xFE\x01V\x00"))},
		{"a loop extension with extra sub-blocks is not clean", gifTiny("GIF89a", loopWithExtra)},
		{"bytes after the trailer are not clean", append(gifTiny("GIF89a"), 'V')},
		{"an unknown extension label is not clean", gifTiny("GIF89a", []byte("\x21\x7F\x01V\x00"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := Verify(tc.data, Options{}); !errors.Is(err, ErrNotClean) {
				t.Errorf("Verify = %v, want ErrNotClean", err)
			}
		})
	}
}
