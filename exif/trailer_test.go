package exif

import (
	"bytes"
	"testing"
)

func TestTrailerFinding(t *testing.T) {
	mp4 := append([]byte("\x00\x00\x00\x18ftypmp42"), make([]byte, 2_500_000)...) // box size, "ftyp", brand, then 2.5 MB
	googleMarker := append(make([]byte, 100_000), []byte("MotionPhoto_Data")...)
	samsung := append(make([]byte, 300), []byte("\x00\x00\x00\x00SEFT")...) // Samsung's directory trailer
	cases := []struct {
		name, label, value string
		tail               []byte
	}{
		{"names a motion-photo video by its ftyp box", "Video", "a video (motion photo) is attached, 2.5 MB", mp4},
		{"names a motion-photo video by Google's marker", "Video", "a video (motion photo) is attached, 100 KB", googleMarker},
		{"names a second JPEG", "Extra picture", "another JPEG image is attached, 4 bytes", []byte{0xFF, 0xD8, 0xFF, 0xE1}},
		{"names Samsung's trailer", "Samsung extra data", "Samsung extra data (may hold a video, edit history or other pictures), 308 bytes", samsung},
		{"counts unknown bytes", "Data after the image", "1 byte of unknown data after the image", []byte{0}},
		{"counts many unknown bytes", "Data after the image", "12 MB of unknown data after the image", bytes.Repeat([]byte{7}, 12_345_678)},
		{"does not take ftyp at the very start for a box", "Data after the image", "4 bytes of unknown data after the image", []byte("ftyp")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := trailerFinding(c.tail, "after EOI")
			want := Finding{Category: HiddenPictures, Label: c.label, Value: c.value, Where: "after EOI"}
			if !sameSaid(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestSizeWords(t *testing.T) {
	cases := map[int]string{0: "0 bytes", 1: "1 byte", 999: "999 bytes", 1000: "1 KB", 1499: "1 KB",
		999_499: "999 KB", 999_500: "1.0 MB", 3_210_000: "3.2 MB", 10_000_000: "10 MB", 524_288_000: "524 MB"}
	for n, want := range cases {
		if got := sizeWords(n); got != want {
			t.Errorf("sizeWords(%d) = %q, want %q", n, got, want)
		}
	}
}
