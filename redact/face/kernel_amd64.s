//go:build !purego

#include "textflag.h"

// func gemm4x16AVX(out *float32, os int, w *float32, kn int, in *float32, is int, n int, bias *float32, res *float32, rs int, relu bool)
//
// For o in 0..3 and p in [0, n) (n a positive multiple of 16):
//   out[o*os+p] = act(bias[o] + res[o*rs+p] + Σk w[o*kn+k]·in[k*is+p])
// res may be nil (0). Strides are in elements. Accumulators Y0–Y7 hold
// four output rows of sixteen pixels; Y8–Y9 the input row, Y10–Y13 the
// broadcast weights.
TEXT ·gemm4x16AVX(SB), NOSPLIT, $0-81
	MOVQ out+0(FP), DI
	MOVQ os+8(FP), R8
	SHLQ $2, R8
	LEAQ (R8)(R8*2), AX          // 3·os bytes
	MOVQ w+16(FP), SI
	MOVQ kn+24(FP), R9
	SHLQ $2, R9
	LEAQ (R9)(R9*2), BX          // 3·kn bytes
	MOVQ in+32(FP), DX
	MOVQ is+40(FP), R10
	SHLQ $2, R10
	MOVQ n+48(FP), CX
	SHRQ $4, CX
	MOVQ res+64(FP), R14
	MOVQ rs+72(FP), R15
	SHLQ $2, R15
	MOVQ bias+56(FP), R12
	VBROADCASTSS 0(R12), Y12
	VBROADCASTSS 4(R12), Y13
	VBROADCASTSS 8(R12), Y14
	VBROADCASTSS 12(R12), Y15

block:
	VMOVAPS Y12, Y0
	VMOVAPS Y12, Y1
	VMOVAPS Y13, Y2
	VMOVAPS Y13, Y3
	VMOVAPS Y14, Y4
	VMOVAPS Y14, Y5
	VMOVAPS Y15, Y6
	VMOVAPS Y15, Y7
	TESTQ R14, R14
	JZ   nores
	MOVQ R14, R11
	VADDPS (R11), Y0, Y0
	VADDPS 32(R11), Y1, Y1
	ADDQ R15, R11
	VADDPS (R11), Y2, Y2
	VADDPS 32(R11), Y3, Y3
	ADDQ R15, R11
	VADDPS (R11), Y4, Y4
	VADDPS 32(R11), Y5, Y5
	ADDQ R15, R11
	VADDPS (R11), Y6, Y6
	VADDPS 32(R11), Y7, Y7
	ADDQ $64, R14

nores:
	MOVQ DX, R11
	MOVQ SI, R12
	MOVQ kn+24(FP), R13

kloop:
	VMOVUPS (R11), Y8
	VMOVUPS 32(R11), Y9
	VBROADCASTSS (R12), Y10
	VFMADD231PS Y8, Y10, Y0
	VFMADD231PS Y9, Y10, Y1
	VBROADCASTSS (R12)(R9*1), Y11
	VFMADD231PS Y8, Y11, Y2
	VFMADD231PS Y9, Y11, Y3
	VBROADCASTSS (R12)(R9*2), Y10
	VFMADD231PS Y8, Y10, Y4
	VFMADD231PS Y9, Y10, Y5
	VBROADCASTSS (R12)(BX*1), Y11
	VFMADD231PS Y8, Y11, Y6
	VFMADD231PS Y9, Y11, Y7
	ADDQ R10, R11
	ADDQ $4, R12
	DECQ R13
	JNZ  kloop

	CMPB relu+80(FP), $0
	JE   store
	VXORPS Y8, Y8, Y8
	VMAXPS Y8, Y0, Y0
	VMAXPS Y8, Y1, Y1
	VMAXPS Y8, Y2, Y2
	VMAXPS Y8, Y3, Y3
	VMAXPS Y8, Y4, Y4
	VMAXPS Y8, Y5, Y5
	VMAXPS Y8, Y6, Y6
	VMAXPS Y8, Y7, Y7

store:
	VMOVUPS Y0, (DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, (DI)(R8*1)
	VMOVUPS Y3, 32(DI)(R8*1)
	VMOVUPS Y4, (DI)(R8*2)
	VMOVUPS Y5, 32(DI)(R8*2)
	VMOVUPS Y6, (DI)(AX*1)
	VMOVUPS Y7, 32(DI)(AX*1)
	ADDQ $64, DI
	ADDQ $64, DX
	DECQ CX
	JNZ  block

	VZEROUPPER
	RET

// func dw3x3AVX(dst *float32, r0, r1, r2 *float32, w *float32, bias float32, n int)
//
// For i in [0, n) (n a positive multiple of 8):
//   dst[i] = bias + Σky Σkx w[ky*3+kx]·r_ky[i+kx]
// the interior of a 3×3 stride-1 depthwise convolution row; r0–r2 point at
// the input rows one column left of the first output pixel.
TEXT ·dw3x3AVX(SB), NOSPLIT, $0-56
	MOVQ dst+0(FP), DI
	MOVQ r0+8(FP), R8
	MOVQ r1+16(FP), R9
	MOVQ r2+24(FP), R10
	MOVQ w+32(FP), SI
	VBROADCASTSS bias+40(FP), Y15
	MOVQ n+48(FP), CX
	SHRQ $3, CX
	VBROADCASTSS 0(SI), Y0
	VBROADCASTSS 4(SI), Y1
	VBROADCASTSS 8(SI), Y2
	VBROADCASTSS 12(SI), Y3
	VBROADCASTSS 16(SI), Y4
	VBROADCASTSS 20(SI), Y5
	VBROADCASTSS 24(SI), Y6
	VBROADCASTSS 28(SI), Y7
	VBROADCASTSS 32(SI), Y8

loop:
	VMOVAPS Y15, Y9
	VXORPS Y10, Y10, Y10
	VFMADD231PS (R8), Y0, Y9
	VFMADD231PS 4(R8), Y1, Y10
	VFMADD231PS 8(R8), Y2, Y9
	VFMADD231PS (R9), Y3, Y10
	VFMADD231PS 4(R9), Y4, Y9
	VFMADD231PS 8(R9), Y5, Y10
	VFMADD231PS (R10), Y6, Y9
	VFMADD231PS 4(R10), Y7, Y10
	VFMADD231PS 8(R10), Y8, Y9
	VADDPS Y10, Y9, Y9
	VMOVUPS Y9, (DI)
	ADDQ $32, DI
	ADDQ $32, R8
	ADDQ $32, R9
	ADDQ $32, R10
	DECQ CX
	JNZ  loop

	VZEROUPPER
	RET
