package exif

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestWebPVerifyRejectsAnythingOutsideTheKeepList starts from a clean
// extended file and breaks it one field at a time.
func TestWebPVerifyRejectsAnythingOutsideTheKeepList(t *testing.T) {
	vp8 := webpChunks(t, readWebP(t, "simple-lossy.webp"))[0]
	anim := webpChunks(t, readWebP(t, "animated-two-frames.webp")) // VP8X ANIM ANMF ANMF EXIF
	icc := webpTestChunk{"ICCP", webpICC("sRGB")}
	oddICC := webpTestChunk{"ICCP", webpICC("sRGB")}
	if len(oddICC.data)%2 == 0 {
		oddICC.data = append(oddICC.data, 0) // odd length, so the chunk is padded
	}
	badPad := webpRIFF(webpVP8X(webpICCBit, 32, 24), oddICC, vp8)
	badPad[12+18+8+len(oddICC.data)] = 1 // the ICCP padding byte
	frame := anim[2].data
	reservedFrame := webpTestChunk{"ANMF", append(append([]byte{}, frame[:15]...), append([]byte{frame[15] | 0x80}, frame[16:]...)...)}
	for _, tc := range []struct {
		name    string
		file    []byte
		dropICC bool
		clean   bool
	}{
		{"a VP8X file holding only its image passes", webpRIFF(webpVP8X(0, 32, 24), vp8), false, true},
		{"a simple file passes", webpRIFF(vp8), false, true},
		{"a kept colour profile passes", webpRIFF(webpVP8X(webpICCBit, 32, 24), icc, vp8), false, true},
		{"an animation passes", webpRIFF(webpVP8X(webpAnimBit, 32, 24), anim[1], anim[2], anim[3]), false, true},
		{"the XMP flag fails", webpRIFF(webpVP8X(webpXMPBit, 32, 24), vp8), false, false},
		{"the low reserved flag bit fails", webpRIFF(webpVP8X(0x01, 32, 24), vp8), false, false},
		{"a high reserved flag bit fails", webpRIFF(webpVP8X(0x80, 32, 24), vp8), false, false},
		{"a reserved VP8X byte fails", webpPatch32(webpRIFF(webpVP8X(0, 32, 24), vp8), 20, 0x100), false, false},
		{"the ICC flag without a profile fails", webpRIFF(webpVP8X(webpICCBit, 32, 24), vp8), false, false},
		{"a profile without the ICC flag fails", webpRIFF(webpVP8X(0, 32, 24), icc, vp8), false, false},
		{"a profile that was to be dropped fails", webpRIFF(webpVP8X(webpICCBit, 32, 24), icc, vp8), true, false},
		{"the EXIF flag without EXIF fails", webpRIFF(webpVP8X(webpEXIFBit, 32, 24), vp8), false, false},
		{"an EXIF chunk with more than the orientation fails", webpRIFF(webpVP8X(webpEXIFBit, 32, 24), vp8, webpTestChunk{"EXIF", webpEXIF(6, webpMarker)}), false, false},
		{"an XMP chunk fails", webpRIFF(webpVP8X(0, 32, 24), vp8, webpChunkOf("XMP ", webpXMP)), false, false},
		{"an unknown chunk fails", webpRIFF(webpVP8X(0, 32, 24), vp8, webpChunkOf("VEIL", webpMarker)), false, false},
		{"a chunk after a simple image fails", webpRIFF(vp8, webpChunkOf("VEIL", webpMarker)), false, false},
		{"a nonzero padding byte fails", badPad, false, false},
		{"a byte after the RIFF data fails", append(webpRIFF(vp8), 0), false, false},
		{"reserved bits in an animation frame fail", webpRIFF(webpVP8X(webpAnimBit, 32, 24), anim[1], reservedFrame), false, false},
		{"an unknown chunk in an animation frame fails", webpRIFF(webpVP8X(webpAnimBit, 32, 24), anim[1], webpWithSubChunk(t, anim[2], webpChunkOf("VEIL", "x"))), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := webpHandler{}.verify(tc.file, Options{DropICC: tc.dropICC})
			if tc.clean && err != nil || !tc.clean && !errors.Is(err, ErrNotClean) {
				t.Errorf("verify: %v", err)
			}
		})
	}
}

func TestWebPListsAtMostAFewUnknownChunksOneByOne(t *testing.T) {
	vp8 := webpChunks(t, readWebP(t, "simple-lossy.webp"))[0]
	chunks := []webpTestChunk{webpVP8X(0, 32, 24), vp8}
	for i := range 100 {
		chunks = append(chunks, webpChunkOf(fmt.Sprintf("U%03d", i), ""))
	}
	chunks = append(chunks, webpChunkOf("\x00\x01\xff\"", "")) // a name that is not text
	info, err := webpHandler{}.inspect(webpRIFF(chunks...))
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Findings) != webpMaxListed+1 {
		t.Fatalf("%d findings, want %d", len(info.Findings), webpMaxListed+1)
	}
	if last := info.Findings[webpMaxListed]; !strings.Contains(last.Value, "69 more") {
		t.Errorf("last finding %+v, want a count of the 69 others", last)
	}
	if got := fourCC("\x00\x01\xff\""); got != `"\x00\x01\xff\""` {
		t.Errorf("fourCC of a binary name = %s", got)
	}
}

func TestWebPDropsAProfileWithoutItsFlag(t *testing.T) {
	vp8 := webpChunks(t, readWebP(t, "simple-lossy.webp"))[0]
	in := webpRIFF(webpVP8X(0, 32, 24), webpTestChunk{"ICCP", webpICC("sRGB")}, vp8)
	out, err := Strip(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := webpLayout(t, out); got != "VP8X,VP8 " {
		t.Errorf("clean copy holds %q: a profile that decoders ignore must go", got)
	}
}

// FuzzWebP checks that any input either fails or cleans into a file that
// verifies, cleans to itself and keeps its size.
func FuzzWebP(f *testing.F) {
	for _, b := range webpFixtures(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		h := webpHandler{}
		info, err := h.inspect(b)
		if err != nil {
			return
		}
		for _, opt := range []Options{{}, {DropICC: true}} {
			out, err := h.strip(b, opt)
			if err != nil {
				t.Fatalf("inspect passed, strip failed: %v", err)
			}
			if err := h.verify(out, opt); err != nil {
				t.Fatalf("clean copy fails: %v", err)
			}
			again, err := h.strip(out, opt)
			if err != nil || string(again) != string(out) {
				t.Fatalf("cleaning twice changed the file: %v", err)
			}
			got, err := h.inspect(out)
			if err != nil || got.Width != info.Width || got.Height != info.Height || got.Orientation != info.Orientation {
				t.Fatalf("clean copy inspects as %+v, %v; input %+v", got, err, info)
			}
		}
	})
}

func BenchmarkWebPStrip(b *testing.B) {
	in := readWebP(b, "lossy-exif-xmp.webp")
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Strip(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
