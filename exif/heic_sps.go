package exif

import (
	"fmt"
)

// The HEVC sequence parameter set (ISO/IEC 23008-2 §7.3.2.2), read as far
// as the picture size and its conformance window: what a decoder will
// output.

// spsBits reads an RBSP bit by bit, most significant first. The first read
// past the end sets short, and every later read returns zero.
type spsBits struct {
	b     []byte
	pos   int // in bits
	short bool
}

// unescapeRBSP removes the emulation prevention bytes (§7.4.2: a 0x03
// after two zero bytes) from a NAL unit payload, up to heicMaxSPS bytes.
func unescapeRBSP(nal []byte) []byte {
	out := make([]byte, 0, min(len(nal), heicMaxSPS))
	zeros := 0
	for _, c := range nal {
		if len(out) == heicMaxSPS {
			break
		}
		if zeros >= 2 && c == 3 {
			zeros = 0
			continue
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
		out = append(out, c)
	}
	return out
}

// u reads n ≤ 32 bits.
func (s *spsBits) u(n int) uint32 {
	var v uint32
	for range n {
		if s.pos >= 8*len(s.b) {
			s.short = true
			return 0
		}
		bit := s.b[s.pos/8] >> (7 - s.pos%8) & 1
		v = v<<1 | uint32(bit)
		s.pos++
	}
	return v
}

// ue reads an Exp-Golomb code (§9.2). Codes longer than 31 bits are
// refused: no field read here needs them.
func (s *spsBits) ue() uint32 {
	zeros := 0
	for s.u(1) == 0 {
		if s.short || zeros == 31 {
			s.short = true
			return 0
		}
		zeros++
	}
	return (1<<zeros - 1) + s.u(zeros)
}

// skipProfileTierLevel skips profile_tier_level(1, maxSubLayersMinus1)
// (§7.3.3): 88 bits of general profile, 8 of general level, two flags per
// sub-layer padded to eight, then each sub-layer's profile (88) and level
// (8) when its flag says so.
func (s *spsBits) skipProfileTierLevel(maxSubLayersMinus1 int) {
	s.u(32)
	s.u(32)
	s.u(32) // 96 bits: general profile (88) and general_level_idc (8)
	profile := make([]bool, maxSubLayersMinus1)
	level := make([]bool, maxSubLayersMinus1)
	for i := range maxSubLayersMinus1 {
		profile[i], level[i] = s.u(1) == 1, s.u(1) == 1
	}
	if maxSubLayersMinus1 > 0 {
		s.u(2 * (8 - maxSubLayersMinus1)) // reserved_zero_2bits
	}
	for i := range maxSubLayersMinus1 {
		if profile[i] {
			s.u(32)
			s.u(32)
			s.u(24)
		}
		if level[i] {
			s.u(8)
		}
	}
}

// spsSize returns the size of the pictures an SPS describes: the luma
// size less the conformance window, whose offsets count chroma samples
// (§7.4.3.2.1, Table 6-1: SubWidthC and SubHeightC).
func spsSize(nal []byte) (uint32, uint32, error) {
	s := &spsBits{b: unescapeRBSP(nal)}
	s.u(4) // sps_video_parameter_set_id
	maxSubLayersMinus1 := int(s.u(3))
	s.u(1) // sps_temporal_id_nesting_flag
	if maxSubLayersMinus1 > 6 {
		return 0, 0, formatError(HEIC, OverLimit, "HEVC SPS with more than seven sub-layers")
	}
	s.skipProfileTierLevel(maxSubLayersMinus1)
	s.ue() // sps_seq_parameter_set_id
	chroma := s.ue()
	separate := chroma == 3 && s.u(1) == 1
	w, h := uint64(s.ue()), uint64(s.ue())
	var left, right, top, bottom uint64
	if s.u(1) == 1 { // conformance_window_flag
		left, right, top, bottom = uint64(s.ue()), uint64(s.ue()), uint64(s.ue()), uint64(s.ue())
	}
	if s.short || chroma > 3 {
		return 0, 0, formatError(HEIC, Malformed, "HEVC SPS malformed")
	}
	subW, subH := uint64(1), uint64(1)
	if !separate && (chroma == 1 || chroma == 2) {
		subW = 2
	}
	if !separate && chroma == 1 {
		subH = 2
	}
	cropW, cropH := subW*(left+right), subH*(top+bottom)
	if w == 0 || h == 0 || cropW >= w || cropH >= h {
		return 0, 0, formatError(HEIC, Malformed, fmt.Sprintf("HEVC SPS picture %dx%d with a window of %dx%d", w, h, cropW, cropH))
	}
	return uint32(w - cropW), uint32(h - cropH), nil
}
