package redact

import (
	"bytes"
	"image"
	"testing"
)

// fuzzRegions decodes up to four regions from data, 5 bytes each: x, y,
// width, height (reaching 10 pixels past each edge of a w×h image), and a
// byte whose low bit picks the shape and whose next two bits the style
// (the fourth value being an unknown style).
func fuzzRegions(data []byte, w, h int) []Region {
	var rs []Region
	for len(data) >= 5 && len(rs) < 4 {
		x, y := int(data[0])%(w+20)-10, int(data[1])%(h+20)-10
		r := Region{
			Rect:  image.Rect(x, y, x+int(data[2])%(w+20), y+int(data[3])%(h+20)),
			Shape: Shape(data[4] & 1),
			Style: Style(data[4] >> 1 & 3),
		}
		rs = append(rs, r)
		data = data[5:]
	}
	return rs
}

// FuzzApplyIgnoresCoveredPixels checks the guarantee on arbitrary layouts:
// scrambling every covered pixel never changes a byte of the output.
func FuzzApplyIgnoresCoveredPixels(f *testing.F) {
	f.Add(uint8(40), uint8(30), []byte{10, 10, 20, 15, 2}, uint64(1))
	f.Add(uint8(8), uint8(8), []byte{0, 0, 200, 200, 5, 3, 3, 2, 2, 3}, uint64(2))
	f.Add(uint8(1), uint8(1), []byte{10, 10, 1, 1, 4}, uint64(3))
	f.Add(uint8(33), uint8(17), []byte{5, 5, 30, 12, 3, 20, 8, 10, 9, 4, 0, 0, 60, 60, 7}, uint64(4))
	f.Fuzz(func(t *testing.T, w8, h8 uint8, layout []byte, seed uint64) {
		w, h := 1+int(w8)%48, 1+int(h8)%48
		regions := fuzzRegions(layout, w, h)
		base := testPhoto(w, h, image.Pt(int(seed%7), int(seed%5)))
		regions = append([]Region(nil), regions...)
		for i := range regions {
			regions[i] = regions[i].Moved(base.Rect.Min.X, base.Rect.Min.Y)
		}
		opt := Options{Seed: seed}
		a := Apply(scrambled(base, regions, seed), regions, opt)
		b := Apply(scrambled(base, regions, seed+1), regions, opt)
		if !bytes.Equal(a.Pix, b.Pix) {
			p, _ := firstDiff(a, b)
			t.Fatalf("covered pixels reached the output at %v (regions %v)", p, regions)
		}
	})
}

// FuzzSuggestCrop checks that any suggestion is a valid crop.
func FuzzSuggestCrop(f *testing.F) {
	f.Add(uint16(400), uint16(300), []byte{10, 10, 20, 15, 2}, uint8(2))
	f.Add(uint16(16), uint16(16), []byte{0, 0, 200, 200, 5}, uint8(0))
	f.Fuzz(func(t *testing.T, w, h uint16, layout []byte, a uint8) {
		bounds := image.Rect(0, 0, int(w)%2000, int(h)%2000)
		var avoid []image.Rectangle
		for _, r := range fuzzRegions(layout, bounds.Dx(), bounds.Dy()) {
			avoid = append(avoid, r.Rect)
		}
		aspect := Aspects[int(a)%len(Aspects)]
		if c, ok := SuggestCrop(bounds, avoid, aspect); ok && !valid(c, bounds, avoid, aspect) {
			t.Fatalf("SuggestCrop(%v, %v, %v) = %v, not a valid crop", bounds, avoid, aspect, c)
		}
	})
}
