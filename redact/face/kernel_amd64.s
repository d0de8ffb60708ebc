//go:build !purego

#include "textflag.h"

// DW3X3ARGS loads the arguments of dw3x3AVX and dw3x3s2AVX, which share
// one signature: dst in DI, the rows r0–r2 in R8–R10, the bias broadcast
// in Y15, n/8 blocks in CX, and the nine weights w[0]…w[8] broadcast in
// Y0–Y8.
#define DW3X3ARGS \
	MOVQ dst+0(FP), DI; \
	MOVQ r0+8(FP), R8; \
	MOVQ r1+16(FP), R9; \
	MOVQ r2+24(FP), R10; \
	MOVQ w+32(FP), SI; \
	VBROADCASTSS bias+40(FP), Y15; \
	MOVQ n+48(FP), CX; \
	SHRQ $3, CX; \
	VBROADCASTSS 0(SI), Y0; \
	VBROADCASTSS 4(SI), Y1; \
	VBROADCASTSS 8(SI), Y2; \
	VBROADCASTSS 12(SI), Y3; \
	VBROADCASTSS 16(SI), Y4; \
	VBROADCASTSS 20(SI), Y5; \
	VBROADCASTSS 24(SI), Y6; \
	VBROADCASTSS 28(SI), Y7; \
	VBROADCASTSS 32(SI), Y8

// func gemm6x16AVX(out *float32, os int, w *float32, kn int, in *float32, is int, n int, bias *float32, res *float32, rs int, relu bool)
//
// For o in 0..5 and p in [0, n) (n a positive multiple of 16, kn ≥ 1):
//   out[o*os+p] = act(bias[o] + res[o*rs+p] + Σk w[o*kn+k]·in[k*is+p])
// res may be nil (0). Strides are in elements. Accumulators Y0–Y11 hold
// six output rows of sixteen pixels; Y12–Y13 the input row, Y14–Y15 the
// broadcast weights (twelve independent FMA chains hide the latency).
TEXT ·gemm6x16AVX(SB), NOSPLIT, $0-81
	MOVQ out+0(FP), DI
	MOVQ os+8(FP), R8
	SHLQ $2, R8
	MOVQ w+16(FP), SI
	MOVQ kn+24(FP), R9
	SHLQ $2, R9
	MOVQ in+32(FP), DX
	MOVQ is+40(FP), R10
	SHLQ $2, R10
	MOVQ n+48(FP), CX
	SHRQ $4, CX
	MOVQ res+64(FP), R14
	MOVQ rs+72(FP), R15
	SHLQ $2, R15

block:
	MOVQ bias+56(FP), R12
	VBROADCASTSS 0(R12), Y0
	VBROADCASTSS 4(R12), Y2
	VBROADCASTSS 8(R12), Y4
	VBROADCASTSS 12(R12), Y6
	VBROADCASTSS 16(R12), Y8
	VBROADCASTSS 20(R12), Y10
	VMOVAPS Y0, Y1
	VMOVAPS Y2, Y3
	VMOVAPS Y4, Y5
	VMOVAPS Y6, Y7
	VMOVAPS Y8, Y9
	VMOVAPS Y10, Y11
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
	ADDQ R15, R11
	VADDPS (R11), Y8, Y8
	VADDPS 32(R11), Y9, Y9
	ADDQ R15, R11
	VADDPS (R11), Y10, Y10
	VADDPS 32(R11), Y11, Y11
	ADDQ $64, R14

nores:
	MOVQ DX, AX                  // input row k
	MOVQ SI, R12                 // weights of rows 0–2 at column k
	LEAQ (R9)(R9*2), BX
	ADDQ SI, BX                  // weights of rows 3–5 at column k
	MOVQ kn+24(FP), R13

kloop:
	VMOVUPS (AX), Y12
	VMOVUPS 32(AX), Y13
	VBROADCASTSS (R12), Y14
	VFMADD231PS Y12, Y14, Y0
	VFMADD231PS Y13, Y14, Y1
	VBROADCASTSS (R12)(R9*1), Y15
	VFMADD231PS Y12, Y15, Y2
	VFMADD231PS Y13, Y15, Y3
	VBROADCASTSS (R12)(R9*2), Y14
	VFMADD231PS Y12, Y14, Y4
	VFMADD231PS Y13, Y14, Y5
	VBROADCASTSS (BX), Y15
	VFMADD231PS Y12, Y15, Y6
	VFMADD231PS Y13, Y15, Y7
	VBROADCASTSS (BX)(R9*1), Y14
	VFMADD231PS Y12, Y14, Y8
	VFMADD231PS Y13, Y14, Y9
	VBROADCASTSS (BX)(R9*2), Y15
	VFMADD231PS Y12, Y15, Y10
	VFMADD231PS Y13, Y15, Y11
	ADDQ R10, AX
	ADDQ $4, R12
	ADDQ $4, BX
	DECQ R13
	JNZ  kloop

	CMPB relu+80(FP), $0
	JE   store
	VXORPS Y12, Y12, Y12
	VMAXPS Y12, Y0, Y0
	VMAXPS Y12, Y1, Y1
	VMAXPS Y12, Y2, Y2
	VMAXPS Y12, Y3, Y3
	VMAXPS Y12, Y4, Y4
	VMAXPS Y12, Y5, Y5
	VMAXPS Y12, Y6, Y6
	VMAXPS Y12, Y7, Y7
	VMAXPS Y12, Y8, Y8
	VMAXPS Y12, Y9, Y9
	VMAXPS Y12, Y10, Y10
	VMAXPS Y12, Y11, Y11

store:
	MOVQ DI, R11
	VMOVUPS Y0, (R11)
	VMOVUPS Y1, 32(R11)
	ADDQ R8, R11
	VMOVUPS Y2, (R11)
	VMOVUPS Y3, 32(R11)
	ADDQ R8, R11
	VMOVUPS Y4, (R11)
	VMOVUPS Y5, 32(R11)
	ADDQ R8, R11
	VMOVUPS Y6, (R11)
	VMOVUPS Y7, 32(R11)
	ADDQ R8, R11
	VMOVUPS Y8, (R11)
	VMOVUPS Y9, 32(R11)
	ADDQ R8, R11
	VMOVUPS Y10, (R11)
	VMOVUPS Y11, 32(R11)
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
	DW3X3ARGS

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

// EVENS loads sixteen floats at off(R) and leaves their even-indexed
// elements, in order, in dst (VSHUFPS picks within 128-bit lanes, VPERMPD
// restores the order of the 64-bit pairs).
#define EVENS(off, R, dst) \
	VMOVUPS off(R), Y12; \
	VMOVUPS off+32(R), Y13; \
	VSHUFPS $0x88, Y13, Y12, dst; \
	VPERMPD $0xD8, dst, dst

#define ODDS(off, R, dst) \
	VMOVUPS off(R), Y12; \
	VMOVUPS off+32(R), Y13; \
	VSHUFPS $0xDD, Y13, Y12, dst; \
	VPERMPD $0xD8, dst, dst

// func dw3x3s2AVX(dst *float32, r0, r1, r2 *float32, w *float32, bias float32, n int)
//
// For i in [0, n) (n a positive multiple of 8):
//   dst[i] = bias + Σky Σkx w[ky*3+kx]·r_ky[2i+kx]
// a 3×3 stride-2 depthwise convolution row; each row must hold 2n+2 values.
TEXT ·dw3x3s2AVX(SB), NOSPLIT, $0-56
	DW3X3ARGS

loop2:
	VMOVAPS Y15, Y9
	VXORPS Y10, Y10, Y10
	EVENS(0, R8, Y11)
	VFMADD231PS Y11, Y0, Y9
	ODDS(0, R8, Y11)
	VFMADD231PS Y11, Y1, Y10
	EVENS(8, R8, Y11)
	VFMADD231PS Y11, Y2, Y9
	EVENS(0, R9, Y11)
	VFMADD231PS Y11, Y3, Y10
	ODDS(0, R9, Y11)
	VFMADD231PS Y11, Y4, Y9
	EVENS(8, R9, Y11)
	VFMADD231PS Y11, Y5, Y10
	EVENS(0, R10, Y11)
	VFMADD231PS Y11, Y6, Y9
	ODDS(0, R10, Y11)
	VFMADD231PS Y11, Y7, Y10
	EVENS(8, R10, Y11)
	VFMADD231PS Y11, Y8, Y9
	VADDPS Y10, Y9, Y9
	VMOVUPS Y9, (DI)
	ADDQ $32, DI
	ADDQ $64, R8
	ADDQ $64, R9
	ADDQ $64, R10
	DECQ CX
	JNZ  loop2

	VZEROUPPER
	RET
