//go:build !(unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le))

package app

import "github.com/tetratelabs/wazero/experimental"

// libheifMemory is wazero's way of growing a memory, by copying into a
// larger slice, on systems without a reservation of address space here
// (Windows, 32-bit).
func libheifMemory() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(_, _ uint64) experimental.LinearMemory {
		return &sliceMemory{}
	})
}
