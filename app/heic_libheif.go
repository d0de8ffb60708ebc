package app

import (
	"image"
	"sync"
	_ "unsafe" // for go:linkname

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	_ "github.com/gen2brain/heic" // links the module bytes below
)

// github.com/gen2brain/heic v0.4.5 embeds libheif 1.18.2 and libde265
// 1.0.15 compiled to WebAssembly (its lib/Makefile and lib/heif.c). Its
// Decode wrapper is not used: it returns the picture as a view of memory it
// has already freed (the allocator then writes its bookkeeping over the
// first 24 luma bytes), prints libheif's warnings on the terminal, and
// compiles the module on the first photo. Veil takes the module's bytes,
// compiles them once (in the background as soon as a HEIC photo is added
// to the window, see WarmUp), and runs a fresh instance for every photo (see wasm.go).
//
// The module's decode(in, len, configOnly, *w, *h, *colourspace, *chroma,
// *premultiplied, out) first reports the primary image's declared size and
// colourspace; called again with out, it decodes and copies the planes
// into out (see heicLayout), rows × libheif's stride, with the declared
// height. libheif 1.18 does not compare the decoded size with the declared
// one, so a file whose declaration lies would make it copy from outside
// its planes: exif.CheckHEIFCoding compares the two before the decoder
// runs, and a canary after out catches a plane wider than declared.

// heifWasmGz is the gzipped WebAssembly module embedded in
// github.com/gen2brain/heic v0.4.5 (go.sum pins its bytes). The package
// has no exported way to run it except its own Decode.
//
//go:linkname heifWasmGz github.com/gen2brain/heic.heifWasm
var heifWasmGz []byte

// libheifCompiled compiles the module once per process.
var libheifCompiled = sync.OnceValues(func() (*wasmEngine, error) { return compileLibheifWith(nil) })

// compileLibheifWith compiles with a compilation cache, or none. Veil uses
// none: a cache on disk would leave a trace of Veil on the computer, and
// the window compiles in the background as HEIC photos are added
// (WarmUp), while the list fills. BenchmarkCompileLibheif measures both.
func compileLibheifWith(cache wazero.CompilationCache) (*wasmEngine, error) {
	return compileWasm(heifWasmGz, api.CoreFeaturesV2, cache)
}

// heifDeclared is what the module's first call reports.
type heifDeclared struct {
	w, h, colourspace, chroma, premultiplied uint32
}

// runLibheif declares, checks and decodes in one fresh instance; check
// sees the declared size before any picture memory is allocated, and
// returns the layout whose image copies the planes out of the instance
// before it closes.
func runLibheif(data []byte, check func(heifDeclared) (heicLayout, error)) (image.Image, error) {
	r, err := startDecoder(libheifCompiled, data, 5*4) // width, height, colourspace, chroma, premultiplied
	if err != nil {
		return nil, err
	}
	defer r.close()
	in, n, a := r.in, r.n, r.answers
	if err := r.call("decode", in, n, 1, a, a+4, a+8, a+12, a+16, 0); err != nil {
		return nil, err
	}
	l, err := check(heifDeclared{r.u32(a), r.u32(a + 4), r.u32(a + 8), r.u32(a + 12), r.u32(a + 16)})
	if err != nil {
		return nil, err
	}
	planes, err := r.decodeInto(l.size(), in, n, 0, a, a+4, a+8, a+12, a+16)
	if err != nil {
		return nil, err
	}
	return l.image(planes), nil
}
