//go:build unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le)

package app

import (
	"github.com/tetratelabs/wazero/experimental"
	"golang.org/x/sys/unix"
)

// wasmMemory backs each decoder instance's memory with address space
// reserved up to the module's limit and handed back to the system when the
// instance closes. wazero's own memory grows by copying into a larger Go
// slice, so a 12-megapixel HEIC decode allocated about five times its
// working set and kept it until the next garbage collection; here growing
// costs nothing (the system maps a page when it is first touched), the
// memory never moves, and closing returns it at once. Where the
// reservation fails, the instance gets wazero's own memory.
func wasmMemory() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(capacity, max uint64) experimental.LinearMemory {
		buf, err := unix.Mmap(-1, 0, int(max), unix.PROT_READ|unix.PROT_WRITE,
			unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
		if err != nil {
			return &sliceMemory{buf: make([]byte, 0, capacity)}
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

// sliceMemory is a linear memory in a Go slice that grows as append does.
type sliceMemory struct{ buf []byte }

// Reallocate implements experimental.LinearMemory.
func (m *sliceMemory) Reallocate(size uint64) []byte {
	if size > uint64(cap(m.buf)) {
		grown := make([]byte, size, size+size/2)
		copy(grown, m.buf)
		m.buf = grown
	}
	m.buf = m.buf[:size]
	return m.buf
}

// Free implements experimental.LinearMemory.
func (m *sliceMemory) Free() { m.buf = nil }
