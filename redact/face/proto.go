package face

import (
	"encoding/binary"
	"fmt"
	"math"
)

// ModelError reports weights that cannot be used: a truncated or corrupt
// ONNX file, or a graph this interpreter does not implement.
type ModelError string

func (e ModelError) Error() string { return "face: model: " + string(e) }

var errTruncated = ModelError("truncated protobuf field")

// wireReader walks one protobuf message in the binary wire format
// (protobuf.dev "Encoding": a key varint field<<3|type, then the value).
// Every length is checked against the bytes that remain.
type wireReader struct {
	b   []byte
	err error
}

// field is one decoded key/value: for wire type 0 and the fixed types the
// value is in num, for wire type 2 (length-delimited) the bytes are in buf.
type field struct {
	num  int
	typ  int
	val  uint64
	data []byte
}

func (r *wireReader) varint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errTruncated
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// next returns the following field, or false at the end of the message or
// on an error (kept in r.err).
func (r *wireReader) next() (field, bool) {
	if r.err != nil || len(r.b) == 0 {
		return field{}, false
	}
	key := r.varint()
	if r.err != nil {
		return field{}, false
	}
	f := field{num: int(key >> 3), typ: int(key & 7)}
	if key>>3 == 0 || key>>3 > math.MaxInt32 {
		r.err = ModelError("bad protobuf field number")
		return field{}, false
	}
	switch f.typ {
	case 0: // varint
		f.val = r.varint()
	case 1: // fixed64
		if len(r.b) < 8 {
			r.err = errTruncated
			return field{}, false
		}
		f.val = binary.LittleEndian.Uint64(r.b)
		r.b = r.b[8:]
	case 2: // length-delimited
		n := r.varint()
		if r.err == nil && n > uint64(len(r.b)) {
			r.err = errTruncated
		}
		if r.err != nil {
			return field{}, false
		}
		f.data = r.b[:n]
		r.b = r.b[n:]
	case 5: // fixed32
		if len(r.b) < 4 {
			r.err = errTruncated
			return field{}, false
		}
		f.val = uint64(binary.LittleEndian.Uint32(r.b))
		r.b = r.b[4:]
	default: // groups (3, 4) are not used by onnx.proto
		r.err = fmt.Errorf("%w: protobuf wire type %d", ModelError("unsupported encoding"), f.typ)
		return field{}, false
	}
	return f, r.err == nil
}

// int64s appends a repeated int64 field, packed (type 2) or not (type 0).
func appendInt64s(dst []int64, f field) ([]int64, error) {
	if f.typ == 0 {
		return append(dst, int64(f.val)), nil
	}
	if f.typ != 2 {
		return dst, ModelError("bad repeated int64 encoding")
	}
	r := wireReader{b: f.data}
	for len(r.b) > 0 && r.err == nil {
		v := r.varint()
		dst = append(dst, int64(v))
	}
	return dst, r.err
}

// appendFloats appends a repeated float field, packed (type 2) or not (type 5).
func appendFloats(dst []float32, f field) ([]float32, error) {
	if f.typ == 5 {
		return append(dst, math.Float32frombits(uint32(f.val))), nil
	}
	if f.typ != 2 || len(f.data)%4 != 0 {
		return dst, ModelError("bad repeated float encoding")
	}
	for i := 0; i < len(f.data); i += 4 {
		dst = append(dst, math.Float32frombits(binary.LittleEndian.Uint32(f.data[i:])))
	}
	return dst, nil
}

func wantBytes(f field) error {
	if f.typ != 2 {
		return ModelError("expected a length-delimited field")
	}
	return nil
}
