//go:build !(unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le))

package app

import "github.com/tetratelabs/wazero/experimental"

// wasmMemory is nil where Veil reserves no address space (Windows, 32-bit
// systems): the decoders then use wazero's own memory, which grows by
// copying into a larger slice.
func wasmMemory() experimental.MemoryAllocator { return nil }
