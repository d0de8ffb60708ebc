package app

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"sync"
	_ "unsafe" // for go:linkname

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	_ "github.com/gen2brain/avif" // links the module bytes below
)

// github.com/gen2brain/avif v0.5.3 embeds libavif 1.4.2 with dav1d 1.5.3
// (AV1 decoding), libaom 3.14.1 (encoding, unused here) and libyuv,
// compiled to WebAssembly (its lib/Makefile and lib/avif.c). As with
// libheif (heic_libheif.go), Veil runs the module itself: the package's
// Decode returns the pixels as a view of memory it frees before returning
// and prints libavif's diagnostics on the terminal.
//
// The module's decode(in, len, configOnly, decodeAll, *w, *h, *depth,
// *count, delay, out) first reports the primary image's declared size
// (ispe) and bit depth; called again with out, it decodes the first frame,
// converts it to RGBA with premultiplied alpha (8 bits, or 16 bits little
// endian above a depth of 8) at the declared size, and copies w×h pixels
// into out. libavif applies none of the transforms (clap, irot, imir):
// decodeAVIF does.

// avifWasmGz is the gzipped WebAssembly module embedded in
// github.com/gen2brain/avif v0.5.3 (go.sum pins its bytes).
//
//go:linkname avifWasmGz github.com/gen2brain/avif.avifWasm
var avifWasmGz []byte

// libavifCompiled compiles the module once per process. The module uses
// the threads proposal's instructions (dav1d's atomics), run single-threaded.
var libavifCompiled = sync.OnceValues(func() (*wasmEngine, error) {
	return compileWasm(avifWasmGz, api.CoreFeaturesV2|experimental.CoreFeaturesThreads, nil)
})

// runLibavif decodes the first frame of an AVIF file whose primary picture
// is stored at want (ispe); the module must declare that size.
func runLibavif(data []byte, want image.Point) (image.Image, error) {
	// width, height, depth, count; then one frame's delay (a double)
	r, err := startDecoder(libavifCompiled, data, 4*4+8)
	if err != nil {
		return nil, err
	}
	defer r.close()
	in, n, a := r.in, r.n, r.answers
	if err := r.call("decode", in, n, 1, 0, a, a+4, a+8, a+12, 0, 0); err != nil {
		return nil, err
	}
	w, h, depth := int(r.u32(a)), int(r.u32(a+4)), r.u32(a+8)
	if w != want.X || h != want.Y {
		return nil, fmt.Errorf("libavif declares %dx%d, the file %v", w, h, want)
	}
	bpp := 4
	if depth > 8 {
		bpp = 8
	}
	pix, err := r.decodeInto(w*h*bpp, in, n, 0, 0, a, a+4, a+8, a+12, a+16)
	if err != nil {
		return nil, err
	}
	// A copy owned by Go: the module's memory goes when it closes.
	return avifPixels(bytes.Clone(pix), w, h, bpp), nil
}

// avifPixels wraps the module's RGBA output, premultiplied: 8 bits per
// sample as it is, 16 bits turned from little to big endian.
func avifPixels(pix []byte, w, h, bpp int) image.Image {
	r := image.Rect(0, 0, w, h)
	if bpp == 4 {
		return &image.RGBA{Pix: pix, Stride: 4 * w, Rect: r}
	}
	for i := 0; i+1 < len(pix); i += 2 {
		binary.BigEndian.PutUint16(pix[i:], binary.LittleEndian.Uint16(pix[i:]))
	}
	return &image.RGBA64{Pix: pix, Stride: 8 * w, Rect: r}
}
