//go:build !purego

package face

import "golang.org/x/sys/cpu"

// haveAVX2 selects the assembly kernels of kernel_amd64.s; without AVX2 and
// FMA (or with the purego build tag) the pure-Go loops do the same work.
var haveAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

//go:noescape
func gemm6x16AVX(out *float32, os int, w *float32, kn int, in *float32, is int, n int, bias *float32, res *float32, rs int, relu bool)

//go:noescape
func dw3x3AVX(dst *float32, r0, r1, r2 *float32, w *float32, bias float32, n int)

//go:noescape
func dw3x3s2AVX(dst *float32, r0, r1, r2 *float32, w *float32, bias float32, n int)
