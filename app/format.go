package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"github.com/HugoSmits86/nativewebp"

	"veil/exif"
)

// What app does with the pixels of each container is one entry of codecs;
// what exif knows of it (sniffing, findings, the keep-list, its colour
// profile, its file extensions) is one handler there. Videos have no
// entry: they are never decoded (video.go).

// codec is what app does with the pixels of one container.
type codec struct {
	// decode reads the first frame with the pure-Go decoders (or the
	// bundled libraries for HEIC and AVIF); it need not turn it upright.
	decode func(data []byte) (image.Image, error)
	// writeAs is the format an edited picture of this container is
	// written in; clearAs, when set, replaces it for a picture with
	// transparency.
	writeAs, clearAs exif.Format
	// encode writes a picture in this format; nil for a container Veil
	// never writes (an edited picture is never written in it).
	encode func(w io.Writer, img image.Image, quality int) error
	// reencoded is set for a container exif never strips in place
	// (exif.ErrReencode): even a copy without edits is decoded.
	reencoded bool
}

// codecs is the table of the containers app decodes and writes.
var codecs = map[exif.Format]codec{
	exif.JPEG: {decode: decodeWith(jpeg.Decode), writeAs: exif.JPEG, encode: encodeJPEG},
	exif.PNG:  {decode: decodeWith(png.Decode), writeAs: exif.PNG, encode: encodePNG},
	exif.WebP: {decode: decodeWebP, writeAs: exif.WebP, encode: encodeWebP},
	exif.GIF:  {decode: decodeGIF, writeAs: exif.PNG},
	exif.HEIC: {decode: decodeHEIC, writeAs: exif.JPEG, reencoded: true},
	exif.AVIF: {decode: decodeAVIF, writeAs: exif.JPEG, clearAs: exif.PNG, reencoded: true}, // an AVIF sticker keeps its transparency
}

// decodeWith adapts a standard decoder to codec.decode.
func decodeWith(d func(io.Reader) (image.Image, error)) func([]byte) (image.Image, error) {
	return func(data []byte) (image.Image, error) { return d(bytes.NewReader(data)) }
}

func encodeJPEG(w io.Writer, img image.Image, quality int) error {
	return jpeg.Encode(w, opaqueRGBA(img), &jpeg.Options{Quality: quality})
}

func encodePNG(w io.Writer, img image.Image, _ int) error {
	return (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(w, img)
}

func encodeWebP(w io.Writer, img image.Image, _ int) error { return nativewebp.Encode(w, img, nil) }
