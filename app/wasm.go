package app

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"veil/exif"
)

// The HEIC and AVIF decoders are C libraries compiled to WebAssembly and
// run with wazero: no cgo, the same code on every platform, and a decoder
// fault stays inside its module. Each photo gets a fresh instance of the
// compiled module, so nothing of one file can reach the next; wazero's
// default module configuration has no files and no environment and drops
// what the module writes to stdout and stderr.

// wasmMemoryPages caps each instance's memory (64 KiB pages): 3 GiB, room
// for a picture at exif.MaxPixels and the decoder's working copies, below
// the 4 GiB a 32-bit module could otherwise ask for.
const wasmMemoryPages = 3 << 30 >> 16

// WarmUp starts compiling, in the background, the decoder each of paths
// will need (HEIC or AVIF, told by the file's extension), so that the
// photo does not wait for the WebAssembly to compile when it is decoded.
// The window calls it as photos are added, not when it opens: a compiled
// decoder holds some 40–90 MB, which a window with no such photo should
// not carry. Each decoder compiles once per process; the memory the
// compiler used is handed back to the system when it is done. Paths of
// other kinds are ignored.
func WarmUp(paths ...string) {
	heif, avif := decodersFor(paths)
	if !heif && !avif {
		return
	}
	go func() {
		if heif {
			_, _ = libheifCompiled()
		}
		if avif {
			_, _ = libavifCompiled()
		}
		debug.FreeOSMemory()
	}()
}

// decodersFor tells which WebAssembly decoders paths need, by extension.
func decodersFor(paths []string) (heif, avif bool) {
	for _, p := range paths {
		ext := filepath.Ext(p)
		heif = heif || exif.ExtensionFits(ext, exif.HEIC)
		avif = avif || exif.ExtensionFits(ext, exif.AVIF)
	}
	return heif, avif
}

// wasmEngine is a compiled module and the runtime that runs it.
type wasmEngine struct {
	rt  wazero.Runtime
	mod wazero.CompiledModule
}

// compileWasm compiles a gzipped module, with a compilation cache or none.
func compileWasm(gz []byte, features api.CoreFeatures, cache wazero.CompilationCache) (*wasmEngine, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	wasm, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	cfg := wazero.NewRuntimeConfig().WithMemoryLimitPages(wasmMemoryPages).WithCoreFeatures(features)
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
	return &wasmEngine{rt: rt, mod: mod}, nil
}

// wasmRun is one instance of a module, for one photo.
type wasmRun struct {
	ctx    context.Context
	mod    api.Module
	malloc api.Function
}

// instantiate makes a fresh instance whose memory is reserved address space
// where the system allows (see wasmMemory). A decoder's memory is large
// (about 150 MB for a 12-megapixel HEIC) and comes from the system, not
// from Go's heap: the garbage of the photo before (its pictures, its
// encoded copy) is collected and given back to the system first, so that
// the two do not add up in a batch or a window that opens photo after
// photo. It costs a few milliseconds against a decode of a second.
func (e *wasmEngine) instantiate() (*wasmRun, error) {
	debug.FreeOSMemory()
	ctx := context.Background()
	if a := wasmMemory(); a != nil {
		ctx = experimental.WithMemoryAllocator(ctx, a)
	}
	mod, err := e.rt.InstantiateModule(ctx, e.mod, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		return nil, err
	}
	r := &wasmRun{ctx: ctx, mod: mod, malloc: mod.ExportedFunction("malloc")}
	if r.malloc == nil {
		r.close()
		return nil, errors.New("the module exports no malloc")
	}
	return r, nil
}

func (r *wasmRun) close() { r.mod.Close(context.Background()) }

// alloc allocates n bytes in the module.
func (r *wasmRun) alloc(n int) (uint64, error) {
	res, err := r.malloc.Call(r.ctx, uint64(n))
	if err != nil || res[0] == 0 {
		return 0, fmt.Errorf("the module has no memory for %d bytes", n)
	}
	return res[0], nil
}

// put copies data into fresh module memory.
func (r *wasmRun) put(data []byte) (uint64, error) {
	p, err := r.alloc(len(data))
	if err != nil {
		return 0, err
	}
	if !r.mod.Memory().Write(uint32(p), data) {
		return 0, errors.New("the data does not fit in the module")
	}
	return p, nil
}

// u32 reads a little-endian uint32 the module wrote.
func (r *wasmRun) u32(p uint64) uint32 {
	v, _ := r.mod.Memory().ReadUint32Le(uint32(p))
	return v
}

// call calls an exported function that returns 0 on failure.
func (r *wasmRun) call(name string, args ...uint64) error {
	f := r.mod.ExportedFunction(name)
	if f == nil {
		return fmt.Errorf("the module exports no %s", name)
	}
	res, err := f.Call(r.ctx, args...)
	if err != nil {
		return err
	}
	if len(res) == 0 || res[0] == 0 {
		return fmt.Errorf("%s failed", name)
	}
	return nil
}

// canary follows an output buffer: a decoder that copies more than the
// caller expects overwrites it. Varied bytes, so that no flat picture
// repeats them.
var canary = func() string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = byte(i*37 + 11)
	}
	return string(b)
}()

// output allocates size bytes followed by the canary.
func (r *wasmRun) output(size int) (uint64, error) {
	out, err := r.alloc(size + len(canary))
	if err != nil {
		return 0, err
	}
	if !r.mod.Memory().WriteString(uint32(out)+uint32(size), canary) {
		return 0, errors.New("the canary does not fit")
	}
	return out, nil
}

// decoderRun is a fresh instance of a decoder module (libheif, libavif)
// holding one file: in is where the file lies in the module's memory, n
// its length, and answers the memory where the module's decode function
// reports what it found (sizes, depth, …).
type decoderRun struct {
	*wasmRun
	in, n, answers uint64
}

// startDecoder makes a fresh instance of the module engine compiles, with
// data in its memory and room for answers bytes of reports. The caller
// closes it.
func startDecoder(engine func() (*wasmEngine, error), data []byte, answers int) (*decoderRun, error) {
	e, err := engine()
	if err != nil {
		return nil, err
	}
	r, err := e.instantiate()
	if err != nil {
		return nil, err
	}
	d := &decoderRun{wasmRun: r, n: uint64(len(data))}
	if d.in, err = r.put(data); err == nil {
		d.answers, err = r.alloc(answers)
	}
	if err != nil {
		r.close()
		return nil, err
	}
	return d, nil
}

// decodeInto allocates size bytes of output followed by the canary, calls
// the module's decode with args and the output last, and returns the
// output as it lies in the module's memory (see view).
func (r *wasmRun) decodeInto(size int, args ...uint64) ([]byte, error) {
	out, err := r.output(size)
	if err != nil {
		return nil, err
	}
	if err := r.call("decode", append(args, out)...); err != nil {
		return nil, err
	}
	return r.view(out, size)
}

// view checks the canary after an output buffer and returns the buffer as
// it lies in the module's memory: valid until the instance closes.
func (r *wasmRun) view(out uint64, size int) ([]byte, error) {
	got, ok := r.mod.Memory().Read(uint32(out), uint32(size+len(canary)))
	if !ok {
		return nil, errors.New("the output lies outside the module's memory")
	}
	if string(got[size:]) != canary {
		return nil, errors.New("the decoder wrote more than the declared picture")
	}
	return got[:size], nil
}
