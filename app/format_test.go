package app

import (
	"errors"
	"image"
	"image/color"
	"io"
	"maps"
	"testing"

	"veil/exif"
)

// A container app decodes is one entry of codecs. This test registers a
// made-up one, "fake", whose file is one grey byte per pixel of a 2×1
// picture, and whose edited pictures are written as PNG, or as "fake"
// itself when they have transparency.

const fakeFormat exif.Format = "fake"

var errFake = errors.New("fake: no picture")

func decodeFake(data []byte) (image.Image, error) {
	if len(data) != 2 {
		return nil, errFake
	}
	img := image.NewGray(image.Rect(0, 0, 2, 1))
	copy(img.Pix, data)
	return img, nil
}

func encodeFake(w io.Writer, img image.Image, _ int) error {
	_, err := w.Write([]byte{color.GrayModel.Convert(img.At(0, 0)).(color.Gray).Y})
	return err
}

// withFakeCodec registers the fake codec for the length of a test: the one
// line a real container adds to codecs.
func withFakeCodec(t *testing.T) {
	saved := codecs
	codecs = maps.Clone(codecs)
	codecs[fakeFormat] = codec{decode: decodeFake, writeAs: exif.PNG, clearAs: fakeFormat, encode: encodeFake}
	t.Cleanup(func() { codecs = saved })
}

func TestAFakeCodecIsOneEntry(t *testing.T) {
	withFakeCodec(t)
	img, err := decode(fakeFormat, []byte{10, 20})
	if err != nil || img.At(1, 0) != (color.Gray{Y: 20}) {
		t.Fatalf("decode: %v, %v", img, err)
	}
	if _, err := decode(fakeFormat, []byte{1}); !errors.Is(err, errFake) {
		t.Errorf("decode of a bad file: %v, want the codec's error", err)
	}
	if f := outputFormat(fakeFormat); f != exif.PNG {
		t.Errorf("written as %s, want png", f)
	}
	out, f, err := encode(img, fakeFormat, 90)
	if err != nil || f != fakeFormat || string(out) != "\x0a" {
		t.Errorf("encode: %q as %s, %v", out, f, err)
	}
}

func TestEveryContainerHasItsCodec(t *testing.T) {
	tests := []struct {
		name    string
		f       exif.Format
		writeAs exif.Format
	}{
		{"a JPEG is written as JPEG", exif.JPEG, exif.JPEG},
		{"a PNG is written as PNG", exif.PNG, exif.PNG},
		{"a WebP is written as WebP", exif.WebP, exif.WebP},
		{"a GIF is written as PNG", exif.GIF, exif.PNG},
		{"a HEIC is written as JPEG", exif.HEIC, exif.JPEG},
		{"an AVIF is written as JPEG", exif.AVIF, exif.JPEG},
		{"a format without a codec is written as PNG", exif.TIFF, exif.PNG},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := outputFormat(tc.f); got != tc.writeAs {
				t.Errorf("outputFormat(%s) = %s, want %s", tc.f, got, tc.writeAs)
			}
		})
	}
	if _, err := decode(exif.TIFF, nil); !errors.Is(err, exif.ErrUnsupported) {
		t.Errorf("decode of a TIFF: %v, want ErrUnsupported", err)
	}
}
