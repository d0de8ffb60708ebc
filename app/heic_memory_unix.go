//go:build unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le)

package app

import (
	"github.com/tetratelabs/wazero/experimental"
	"golang.org/x/sys/unix"
)

// libheifMemory backs each decoder instance's memory with address space
// reserved up to the module's limit and handed back to the system when the
// instance closes. wazero's own memory grows by copying into a larger Go
// slice, so a 12-megapixel decode allocated about five times its working
// set and kept it until the next garbage collection; here growing is free
// (the system maps a page when it is first touched) and closing returns it
// at once. A reservation that fails falls back to wazero's memory.
func libheifMemory() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(_, max uint64) experimental.LinearMemory {
		buf, err := unix.Mmap(-1, 0, int(max), unix.PROT_READ|unix.PROT_WRITE,
			unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
		if err != nil {
			return &sliceMemory{}
		}
		return &mappedMemory{buf: buf}
	})
}

// mappedMemory is a reservation of address space.
type mappedMemory struct{ buf []byte }

// Reallocate implements experimental.LinearMemory: the memory never moves.
func (m *mappedMemory) Reallocate(size uint64) []byte {
	if m.buf == nil || size > uint64(len(m.buf)) {
		return nil
	}
	return m.buf[:size]
}

// Free implements experimental.LinearMemory.
func (m *mappedMemory) Free() {
	if m.buf != nil {
		_ = unix.Munmap(m.buf)
		m.buf = nil
	}
}
