//go:build !amd64 || purego

package face

// haveAVX2 is false off amd64: the pure-Go loops run everywhere.
const haveAVX2 = false

func gemm6x16AVX(out *float32, os int, w *float32, kn int, in *float32, is int, n int, bias *float32, res *float32, rs int, relu bool) {
	panic("face: no assembly kernels on this platform")
}

func dw3x3AVX(dst *float32, r0, r1, r2 *float32, w *float32, bias float32, n int) {
	panic("face: no assembly kernels on this platform")
}

func dw3x3s2AVX(dst *float32, r0, r1, r2 *float32, w *float32, bias float32, n int) {
	panic("face: no assembly kernels on this platform")
}
