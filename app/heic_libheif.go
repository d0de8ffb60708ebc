package app

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	_ "unsafe" // for go:linkname

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	_ "github.com/gen2brain/heic" // links the module bytes below
)

// libheif runs under Veil's own control. github.com/gen2brain/heic v0.4.5
// embeds libheif 1.18.2 and libde265 1.0.15 compiled to WebAssembly (its
// lib/Makefile and lib/heif.c), run with wazero: no cgo, the same code on
// every platform. Its Decode wrapper is not used: it returns the picture
// as a view of memory it has already freed (the allocator then writes its
// bookkeeping over the first 24 luma bytes), prints libheif's warnings on
// the terminal, and compiles the module on the first photo. Veil takes the
// module's bytes, compiles them once (in the background when the window
// opens, see WarmUp), instantiates a fresh module for every photo, and
// copies the planes out before the module is closed.
//
// The module's decode(in, len, configOnly, *w, *h, *colourspace, *chroma,
// *premultiplied, out) first reports the primary image's declared size and
// colourspace; called again with out, it decodes and copies the planes
// into out (see heicLayout), rows × libheif's stride, with the declared
// height. libheif 1.18 does not compare the decoded size with the declared
// one, so a file whose declaration lies would make it copy from outside
// its planes: exif.CheckHEICCoding compares the two before the decoder
// runs, and a canary after out catches a plane wider than declared.

// heifWasmGz is the gzipped WebAssembly module embedded in
// github.com/gen2brain/heic v0.4.5 (go.sum pins its bytes). The package
// has no exported way to run it except its own Decode.
//
//go:linkname heifWasmGz github.com/gen2brain/heic.heifWasm
var heifWasmGz []byte

// libheifMemoryPages caps the module's memory (64 KiB pages): 3 GiB, room
// for a picture at exif.MaxPixels and the decoder's working copies, far
// below the 4 GiB a 32-bit module could otherwise ask for.
const libheifMemoryPages = 3 << 30 >> 16

// libheifEngine is the compiled module and the runtime that runs it.
type libheifEngine struct {
	rt  wazero.Runtime
	mod wazero.CompiledModule
}

// libheifCompiled compiles the module once per process.
var libheifCompiled = sync.OnceValues(compileLibheif)

func compileLibheif() (*libheifEngine, error) { return compileLibheifWith(nil) }

// compileLibheifWith compiles with a compilation cache, or none. Veil uses
// none: a cache on disk would leave a trace of Veil on the computer, and
// the window compiles in the background when it opens (WarmUp), while the
// person picks a photo. BenchmarkCompileLibheif measures both.
func compileLibheifWith(cache wazero.CompilationCache) (*libheifEngine, error) {
	zr, err := gzip.NewReader(bytes.NewReader(heifWasmGz))
	if err != nil {
		return nil, err
	}
	wasm, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	cfg := wazero.NewRuntimeConfig().WithMemoryLimitPages(libheifMemoryPages)
	if cache != nil {
		cfg = cfg.WithCompilationCache(cache)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		return nil, err
	}
	mod, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		return nil, err
	}
	return &libheifEngine{rt: rt, mod: mod}, nil
}

// WarmUp prepares the decoders in the background, so that the first HEIC
// photo opened does not wait for the WebAssembly to compile. The window
// calls it when it opens; the command line does not need it.
func WarmUp() {
	go libheifCompiled()
}

// heifDeclared is what the module's first call reports.
type heifDeclared struct {
	w, h, colourspace, chroma, premultiplied uint32
}

// libheifRun is one decode in a fresh module instance: nothing of one file
// can reach the next. wazero's default module configuration has no files,
// no environment, and drops what the module writes to stdout and stderr.
type libheifRun struct {
	ctx        context.Context
	mod        api.Module
	malloc     api.Function
	in, n      uint64
	args       uint64 // five uint32 results: width, height, colourspace, chroma, premultiplied
	decodeFunc api.Function
}

func newLibheifRun(e *libheifEngine, data []byte) (*libheifRun, error) {
	ctx := experimental.WithMemoryAllocator(context.Background(), libheifMemory())
	mod, err := e.rt.InstantiateModule(ctx, e.mod, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		return nil, err
	}
	r := &libheifRun{ctx: ctx, mod: mod, malloc: mod.ExportedFunction("malloc"),
		decodeFunc: mod.ExportedFunction("decode"), n: uint64(len(data))}
	if r.malloc == nil || r.decodeFunc == nil {
		return r, errors.New("the module lacks malloc or decode")
	}
	if r.in, err = r.alloc(len(data)); err != nil {
		return r, err
	}
	if !mod.Memory().Write(uint32(r.in), data) {
		return r, errors.New("the file does not fit in the module")
	}
	r.args, err = r.alloc(5 * 4)
	return r, err
}

func (r *libheifRun) alloc(n int) (uint64, error) {
	res, err := r.malloc.Call(r.ctx, uint64(n))
	if err != nil || res[0] == 0 {
		return 0, fmt.Errorf("the module has no memory for %d bytes", n)
	}
	return res[0], nil
}

func (r *libheifRun) call(configOnly, out uint64) error {
	a := r.args
	res, err := r.decodeFunc.Call(r.ctx, r.in, r.n, configOnly, a, a+4, a+8, a+12, a+16, out)
	if err != nil {
		return err
	}
	if res[0] == 0 {
		return errors.New("libheif refused the file")
	}
	return nil
}

func (r *libheifRun) u32(i uint64) uint32 {
	v, _ := r.mod.Memory().ReadUint32Le(uint32(r.args + 4*i))
	return v
}

// declared asks for the primary image's size and colourspace.
func (r *libheifRun) declared() (heifDeclared, error) {
	if err := r.call(1, 0); err != nil {
		return heifDeclared{}, err
	}
	return heifDeclared{r.u32(0), r.u32(1), r.u32(2), r.u32(3), r.u32(4)}, nil
}

// decode decodes into a fresh buffer of size bytes followed by a canary,
// and returns a copy of the buffer.
func (r *libheifRun) decode(size int) ([]byte, error) {
	out, err := r.alloc(size + len(heicCanary))
	if err != nil {
		return nil, err
	}
	mem := r.mod.Memory()
	if !mem.WriteString(uint32(out)+uint32(size), heicCanary) {
		return nil, errors.New("the canary does not fit")
	}
	if err := r.call(0, out); err != nil {
		return nil, err
	}
	got, ok := mem.Read(uint32(out), uint32(size+len(heicCanary)))
	if !ok {
		return nil, errors.New("the planes lie outside the module's memory")
	}
	if string(got[size:]) != heicCanary {
		return nil, errors.New("libheif wrote more than the declared picture")
	}
	return bytes.Clone(got[:size]), nil
}

// heicCanary follows the output buffer: libheif copies its planes with its
// own row lengths, and a plane wider than declared would overwrite it.
// Varied bytes, so that no flat picture repeats them.
var heicCanary = func() string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = byte(i*37 + 11)
	}
	return string(b)
}()

// runLibheif declares, checks and decodes in one fresh module instance;
// check sees the declared size before any picture memory is allocated.
func runLibheif(data []byte, check func(heifDeclared) (heicLayout, error)) ([]byte, heicLayout, error) {
	e, err := libheifCompiled()
	if err != nil {
		return nil, heicLayout{}, err
	}
	r, err := newLibheifRun(e, data)
	if r != nil {
		defer r.mod.Close(context.Background())
	}
	if err != nil {
		return nil, heicLayout{}, err
	}
	d, err := r.declared()
	if err != nil {
		return nil, heicLayout{}, err
	}
	l, err := check(d)
	if err != nil {
		return nil, l, err
	}
	planes, err := r.decode(l.size())
	return planes, l, err
}
