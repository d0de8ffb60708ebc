package app

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"github.com/HugoSmits86/nativewebp"
	"golang.org/x/image/webp"

	"veil/exif"
	"veil/redact"
)

// stillWebP is a still WebP to cut frames from: its chunks after the
// RIFF header, and its picture as x/image/webp decodes it.
type stillWebP struct {
	chunks []webpChunk
	img    image.Image
}

func readStill(t testing.TB, data []byte) stillWebP {
	t.Helper()
	cs, err := webpChunks(data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := webp.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return stillWebP{cs, img}
}

// lossless is a still VP8L WebP of w×h: a red field with a translucent
// blue square in its middle.
func lossless(t testing.TB, w, h int) stillWebP {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{255, 0, 0, 255}
			if x > w/3 && x < 2*w/3 && y > h/3 && y < 2*h/3 {
				c = color.NRGBA{0, 0, 255, 128}
			}
			m.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := nativewebp.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	return readStill(t, buf.Bytes())
}

func fixtureStill(t testing.TB, name string) stillWebP {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "exif", "testdata", "webp", name))
	if err != nil {
		t.Fatal(err)
	}
	return readStill(t, data)
}

// frameChunks are the still's ALPH, VP8 and VP8L chunks, in order.
func (s stillWebP) frameChunks() []webpChunk {
	var out []webpChunk
	for _, c := range s.chunks {
		if c.id == "ALPH" || c.id == "VP8 " || c.id == "VP8L" {
			out = append(out, c)
		}
	}
	return out
}

// animation builds an animated WebP ("Animation"): a VP8X with the
// animation and alpha flags and the canvas size, an ANIM (white
// background, endless loop), then one ANMF per frame, each at its point.
func animation(canvas image.Point, frames []stillWebP, at []image.Point) []byte {
	var body bytes.Buffer
	body.WriteString("WEBP")
	x := make([]byte, 10)
	x[0] = webpAnimBit | 1<<4
	putU24(x[4:7], canvas.X-1)
	putU24(x[7:10], canvas.Y-1)
	writeWebPChunk(&body, "VP8X", x)
	writeWebPChunk(&body, "ANIM", []byte{255, 255, 255, 255, 0, 0})
	for i, f := range frames {
		writeWebPChunk(&body, "ANMF", anmf(f, at[i]))
	}
	return riff(body.Bytes())
}

// anmf is an ANMF payload: X/2, Y/2, width-1, height-1, duration 100 ms,
// flags 0 (alpha-blend, no disposal), then the frame's chunks.
func anmf(f stillWebP, at image.Point) []byte {
	p := make([]byte, 16)
	b := f.img.Bounds()
	putU24(p[0:3], at.X/2)
	putU24(p[3:6], at.Y/2)
	putU24(p[6:9], b.Dx()-1)
	putU24(p[9:12], b.Dy()-1)
	putU24(p[12:15], 100)
	var sub bytes.Buffer
	for _, c := range f.frameChunks() {
		writeWebPChunk(&sub, c.id, c.data)
	}
	return append(p, sub.Bytes()...)
}

func riff(body []byte) []byte {
	out := []byte("RIFF\x00\x00\x00\x00")
	binary.LittleEndian.PutUint32(out[4:], uint32(len(body)))
	return append(out, body...)
}

// placed is the still on a transparent canvas at a point.
func placed(s stillWebP, at, canvas image.Point) *image.NRGBA {
	want := image.NewNRGBA(image.Rectangle{Max: canvas})
	b := s.img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			want.Set(at.X+x-b.Min.X, at.Y+y-b.Min.Y, s.img.At(x, y))
		}
	}
	return want
}

func TestTheFirstFrameOfAnAnimatedWebPIsShownOnItsCanvas(t *testing.T) {
	tests := []struct {
		name   string
		first  stillWebP
		at     image.Point
		canvas image.Point
	}{
		{"a lossless frame that fills the canvas", lossless(t, 20, 16), image.Pt(0, 0), image.Pt(20, 16)},
		{"a lossless frame at an offset", lossless(t, 10, 8), image.Pt(6, 4), image.Pt(20, 16)},
		{"a lossy frame with alpha at an offset", fixtureStill(t, "alpha-vp8x.webp"), image.Pt(4, 2), image.Pt(48, 40)},
		{"a lossy frame without alpha in a corner", fixtureStill(t, "simple-lossy.webp"), image.Pt(8, 8), image.Pt(40, 32)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			second := lossless(t, tt.canvas.X, tt.canvas.Y)
			data := animation(tt.canvas, []stillWebP{tt.first, second}, []image.Point{tt.at, {}})
			if _, err := exif.Inspect(data); err != nil {
				t.Fatalf("the test animation is not valid: %v", err)
			}
			img, err := decodeWebP(data)
			if err != nil {
				t.Fatal(err)
			}
			sameImage(t, img, placed(tt.first, tt.at, tt.canvas))
		})
	}
}

func TestAMalformedAnimatedWebPIsRefused(t *testing.T) {
	good := animation(image.Pt(20, 16), []stillWebP{lossless(t, 10, 8)}, []image.Point{{6, 4}})
	anmfAt := bytes.Index(good, []byte("ANMF"))
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	tests := []struct {
		name string
		data []byte
	}{
		{"a RIFF size beyond the file", edit(func(b []byte) []byte { b[4] = 0xff; b[5] = 0xff; return b })},
		{"an ANMF length beyond the file", edit(func(b []byte) []byte { b[anmfAt+7] = 0x7f; return b })},
		{"an ANMF header cut short", riff(append(good[12:anmfAt], "ANMF\x04\x00\x00\x00\x00\x00\x00\x00"...))},
		{"a frame outside the canvas", edit(func(b []byte) []byte { b[anmfAt+8] = 8; return b })},
		{"a frame wider than the canvas", edit(func(b []byte) []byte { b[anmfAt+14] = 30; return b })},
		{"a frame whose bitstream disagrees with its header", edit(func(b []byte) []byte { b[anmfAt+14] = 7; return b })},
		{"an animation without frames", riff(good[12:anmfAt])},
		{"a frame without a bitstream", riff(append(good[12:anmfAt], "ANMF\x10\x00\x00\x00"+string(make([]byte, 16))...))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if img, err := decodeWebP(tt.data); err == nil {
				t.Errorf("decoded %v, want an error", img.Bounds())
			}
		})
	}
}

func TestEveryTruncationOfAnAnimatedWebPIsRefusedOrDecodedWhole(t *testing.T) {
	canvas := image.Pt(20, 16)
	data := animation(canvas, []stillWebP{lossless(t, 10, 8), lossless(t, 20, 16)}, []image.Point{{6, 4}, {}})
	for n := range len(data) {
		cuts := [][]byte{data[:n]}
		if n >= 12 { // and with a RIFF size that follows the cut
			cuts = append(cuts, riff(data[12:n:n]))
		}
		for _, cut := range cuts {
			if img, err := decodeWebP(cut); err == nil && img.Bounds() != (image.Rectangle{Max: canvas}) {
				t.Fatalf("cut at %d: decoded %v", n, img.Bounds())
			}
		}
	}
}

func TestAnAnimatedWebPWithCoversIsSavedAsAStillWebP(t *testing.T) {
	canvas := image.Pt(40, 32)
	first, second := lossless(t, 30, 24), lossless(t, 40, 32)
	data := animation(canvas, []stillWebP{first, second}, []image.Point{{4, 4}, {}})
	p, err := Open(writeFile(t, t.TempDir(), "anim.webp", data))
	if err != nil {
		t.Fatal(err)
	}
	cover := image.Rect(16, 14, 24, 22) // over the blue square
	r := p.Save(Edits{Regions: []redact.Region{{Rect: cover, Style: redact.Pixelate}}}, Settings{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	out, _ := os.ReadFile(r.Output)
	info, err := exif.Inspect(out)
	if err != nil || info.Format != exif.WebP || info.Animated || !r.Still {
		t.Fatalf("copy: %v, %+v, Still %v", err, info, r.Still)
	}
	got, err := webp.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := placed(first, image.Pt(4, 4), canvas)
	if got.Bounds() != want.Bounds() || same(got, want, cover) {
		t.Errorf("copy %v: the cover is missing", got.Bounds())
	}
	if !same(got, want, image.Rect(0, 0, canvas.X, 8)) {
		t.Error("the pixels away from the cover changed")
	}
	if r := p.Save(Edits{}, Settings{}); r.Err != nil || r.Still || !r.Lossless {
		t.Errorf("without edits: %v, Still %v, Lossless %v", r.Err, r.Still, r.Lossless)
	}
}

func FuzzDecodeWebP(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "exif", "testdata", "webp", "*.webp"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add(animation(image.Pt(20, 16), []stillWebP{lossless(f, 10, 8)}, []image.Point{{6, 4}}))
	f.Add(animation(image.Pt(48, 40), []stillWebP{fixtureStill(f, "alpha-vp8x.webp")}, []image.Point{{2, 2}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		canvas, _, animated, err := parseWebPAnimation(data)
		if err != nil || !animated || canvas.X*canvas.Y > 1<<20 {
			return // still pictures are x/image/webp's; keep each run small
		}
		img, err := decodeWebP(data)
		if err == nil && img.Bounds() != (image.Rectangle{Max: canvas}) {
			t.Fatalf("decoded %v on a canvas of %v", img.Bounds(), canvas)
		}
	})
}

func TestAnAnimatedWebPWhoseRIFFSizeEndsBeforeItsFirstChunkIsRefused(t *testing.T) {
	data := animation(image.Pt(20, 16), []stillWebP{lossless(t, 10, 8)}, []image.Point{{6, 4}})
	binary.LittleEndian.PutUint32(data[4:8], 4) // "WEBP" alone
	if _, err := decodeWebP(data); err == nil {
		t.Error("decoded, want an error")
	}
}
