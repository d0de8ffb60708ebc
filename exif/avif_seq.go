package exif

import (
	"fmt"
)

// The AV1 sequence header (AV1 Bitstream & Decoding Process Specification
// §5.5), read as far as the largest frame size: for a still picture what
// the decoder outputs. AVIF §2.2.1 requires it in each av1C property.

// av1OBUsSize reads the max frame size of the first sequence header among
// low-overhead OBUs (AV1 §5.3: obu_header — forbidden bit, obu_type(4),
// extension flag, has_size_field, reserved bit — an extension byte when
// flagged, then obu_size as LEB128).
func av1OBUsSize(obus []byte) (uint32, uint32, error) {
	for i := 0; len(obus) > 0 && i < 16; i++ { // a sequence header comes first or nearly
		hdr := obus[0]
		typ, ext, sized := hdr>>3&15, hdr>>2&1 == 1, hdr>>1&1 == 1
		rest := obus[1:]
		if ext {
			if len(rest) == 0 {
				break
			}
			rest = rest[1:]
		}
		n := uint64(len(rest))
		if sized {
			var k int
			if n, k = leb128(rest); k == 0 || n > uint64(len(rest)-k) {
				break
			}
			rest = rest[k:]
		}
		if typ == 1 { // OBU_SEQUENCE_HEADER
			return av1SequenceSize(rest[:n])
		}
		obus = rest[n:]
	}
	return 0, 0, formatError(AVIF, Malformed, "AVIF picture without an AV1 sequence header")
}

// leb128 reads an unsigned LEB128 value of at most 8 bytes (AV1 §4.10.5)
// and returns it with the bytes it took, or 0 bytes when malformed.
func leb128(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 8 && i < len(b); i++ {
		v |= uint64(b[i]&0x7F) << (7 * i)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

// av1SequenceSize skips the sequence header's timing and operating points
// (§5.5.1–5.5.5) to max_frame_width_minus_1 and max_frame_height_minus_1.
func av1SequenceSize(b []byte) (uint32, uint32, error) {
	s := &spsBits{b: b}
	s.u(3)           // seq_profile
	s.u(1)           // still_picture
	if s.u(1) == 1 { // reduced_still_picture_header
		s.u(5) // seq_level_idx[0]
	} else {
		s.skipAV1OperatingPoints()
	}
	wBits, hBits := int(s.u(4))+1, int(s.u(4))+1
	w, h := s.u(wBits), s.u(hBits)
	if s.short {
		return 0, 0, formatError(AVIF, Malformed, "AV1 sequence header malformed")
	}
	if w >= 1<<30 || h >= 1<<30 {
		return 0, 0, formatError(AVIF, Malformed, fmt.Sprintf("AV1 sequence header of %d×%d", uint64(w)+1, uint64(h)+1))
	}
	return w + 1, h + 1, nil
}

// skipAV1OperatingPoints skips timing_info, decoder_model_info and the
// operating points of a full sequence header.
func (s *spsBits) skipAV1OperatingPoints() {
	model, delayLen := false, 0
	if s.u(1) == 1 { // timing_info_present_flag
		s.u(32)
		s.u(32)
		if s.u(1) == 1 { // equal_picture_interval
			s.uvlc()
		}
		if model = s.u(1) == 1; model { // decoder_model_info_present_flag
			delayLen = int(s.u(5)) + 1
			s.u(32)
			s.u(10) // buffer_removal_time_length_minus_1, frame_presentation_time_length_minus_1
		}
	}
	initialDelay := s.u(1) == 1
	points := int(s.u(5)) + 1
	for range points {
		s.u(12)         // operating_point_idc
		if s.u(5) > 7 { // seq_level_idx
			s.u(1) // seq_tier
		}
		if model && s.u(1) == 1 { // decoder_model_present_for_this_op
			s.u(delayLen)
			s.u(delayLen)
			s.u(1)
		}
		if initialDelay && s.u(1) == 1 {
			s.u(4)
		}
	}
}

// uvlc reads a variable length unsigned code (AV1 §4.10.3).
func (s *spsBits) uvlc() uint32 {
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
