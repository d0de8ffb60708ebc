package app

import (
	"bytes"
	"testing"
)

// TestUpsampleIsBilinear checks each position HEVC gives a chroma sample
// (ITU-T H.265 Annex E, type 0): horizontally on even columns, for 4:2:0
// vertically halfway between two rows. Two chroma samples 0 and 200 side
// by side give 0 on their own column, 100 halfway, and a quarter of the
// way for the rows a quarter away.
func TestUpsampleIsBilinear(t *testing.T) {
	tests := []struct {
		name         string
		c            []byte
		stride       int
		cw, ch, w, h int
		want         []byte
	}{
		{"4:2:2 mixes columns halfway", []byte{0, 200}, 2, 2, 1, 4, 1, []byte{0, 100, 200, 200}},
		{"4:2:0 mixes rows three to one", []byte{0, 200}, 1, 1, 2, 2, 4, []byte{0, 0, 50, 50, 150, 150, 200, 200}},
		{"4:4:4 copies without the stride padding", []byte{1, 2, 9, 3, 4, 9}, 3, 2, 2, 2, 2, []byte{1, 2, 3, 4}},
		{"a flat plane stays flat", bytes.Repeat([]byte{77}, 6), 3, 3, 2, 6, 4, bytes.Repeat([]byte{77}, 24)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := upsample(tt.c, tt.stride, tt.cw, tt.ch, tt.w, tt.h)
			if !bytes.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLibheifStride follows libheif's ImagePlane::alloc: at least 64
// samples, an even count, rounded up to 16 bytes.
func TestLibheifStride(t *testing.T) {
	tests := []struct{ w, bpp, want int }{
		{1, 1, 64}, {32, 1, 64}, {64, 1, 64}, {65, 1, 80}, {96, 1, 96}, {97, 1, 112},
		{101, 1, 112}, {192, 1, 192}, {4032, 1, 4032}, {10, 4, 256}, {100, 4, 400},
	}
	for _, tt := range tests {
		if got := libheifStride(tt.w, tt.bpp); got != tt.want {
			t.Errorf("libheifStride(%d, %d) = %d, want %d", tt.w, tt.bpp, got, tt.want)
		}
	}
}
