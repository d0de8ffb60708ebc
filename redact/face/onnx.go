package face

import (
	"encoding/binary"
	"fmt"
	"math"
)

// The structures below hold the part of onnx.proto (ONNX IR spec,
// github.com/onnx/onnx/blob/main/onnx/onnx.proto) that a plain inference
// graph needs. Field numbers are cited beside each parse function.

type onnxGraph struct {
	nodes   []onnxNode
	inits   map[string]*onnxTensor
	inputs  []onnxValue
	outputs []onnxValue
}

type onnxNode struct {
	op, name string
	inputs   []string
	outputs  []string
	attrs    map[string]onnxAttr
}

type onnxAttr struct {
	f    float32
	i    int64
	s    []byte
	ints []int64
	t    *onnxTensor
}

type onnxValue struct {
	name string
	dims []int64 // -1 for a symbolic dimension
}

// onnxTensor holds float or integer data; dims multiply to the data length.
type onnxTensor struct {
	name  string
	dims  []int64
	float []float32
	ints  []int64
}

const (
	onnxFloat = 1 // TensorProto.DataType FLOAT
	onnxInt32 = 6 // INT32
	onnxInt64 = 7 // INT64
)

// parseModel reads a ModelProto: graph is field 7.
func parseModel(b []byte) (*onnxGraph, error) {
	r := wireReader{b: b}
	var g *onnxGraph
	for f, ok := r.next(); ok; f, ok = r.next() {
		if f.num != 7 {
			continue
		}
		if err := wantBytes(f); err != nil {
			return nil, err
		}
		var err error
		if g, err = parseGraph(f.data); err != nil {
			return nil, err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if g == nil {
		return nil, ModelError("no graph")
	}
	return g, nil
}

// parseGraph reads a GraphProto: node 1, initializer 5, input 11, output 12.
func parseGraph(b []byte) (*onnxGraph, error) {
	g := &onnxGraph{inits: map[string]*onnxTensor{}}
	r := wireReader{b: b}
	for f, ok := r.next(); ok; f, ok = r.next() {
		if f.num != 1 && f.num != 5 && f.num != 11 && f.num != 12 {
			continue
		}
		if err := wantBytes(f); err != nil {
			return nil, err
		}
		switch f.num {
		case 1:
			n, err := parseNode(f.data)
			if err != nil {
				return nil, err
			}
			g.nodes = append(g.nodes, n)
		case 5:
			t, err := parseTensor(f.data)
			if err != nil {
				return nil, err
			}
			g.inits[t.name] = t
		case 11, 12:
			v, err := parseValueInfo(f.data)
			if err != nil {
				return nil, err
			}
			if f.num == 11 {
				g.inputs = append(g.inputs, v)
			} else {
				g.outputs = append(g.outputs, v)
			}
		}
	}
	return g, r.err
}

// parseNode reads a NodeProto: input 1, output 2, name 3, op_type 4, attribute 5.
func parseNode(b []byte) (onnxNode, error) {
	n := onnxNode{attrs: map[string]onnxAttr{}}
	r := wireReader{b: b}
	for f, ok := r.next(); ok; f, ok = r.next() {
		if f.num > 5 {
			continue
		}
		if err := wantBytes(f); err != nil {
			return n, err
		}
		switch f.num {
		case 1:
			n.inputs = append(n.inputs, string(f.data))
		case 2:
			n.outputs = append(n.outputs, string(f.data))
		case 3:
			n.name = string(f.data)
		case 4:
			n.op = string(f.data)
		case 5:
			name, a, err := parseAttr(f.data)
			if err != nil {
				return n, err
			}
			n.attrs[name] = a
		}
	}
	return n, r.err
}

// parseAttr reads an AttributeProto: name 1, f 2, i 3, s 4, t 5, floats 7, ints 8.
func parseAttr(b []byte) (string, onnxAttr, error) {
	var name string
	var a onnxAttr
	var err error
	r := wireReader{b: b}
	for f, ok := r.next(); ok && err == nil; f, ok = r.next() {
		switch f.num {
		case 1:
			name = string(f.data)
		case 2:
			a.f = math.Float32frombits(uint32(f.val))
		case 3:
			a.i = int64(f.val)
		case 4:
			a.s = f.data
		case 5:
			if err = wantBytes(f); err == nil {
				a.t, err = parseTensor(f.data)
			}
		case 8:
			a.ints, err = appendInt64s(a.ints, f)
		}
	}
	if err == nil {
		err = r.err
	}
	return name, a, err
}

// parseValueInfo reads a ValueInfoProto (name 1, type 2) down to
// TypeProto.tensor_type (1) → shape (2) → dim (1) → dim_value (1).
func parseValueInfo(b []byte) (onnxValue, error) {
	var v onnxValue
	r := wireReader{b: b}
	for f, ok := r.next(); ok; f, ok = r.next() {
		switch {
		case f.num == 1 && f.typ == 2:
			v.name = string(f.data)
		case f.num == 2 && f.typ == 2:
			dims, err := nestedDims(f.data)
			if err != nil {
				return v, err
			}
			v.dims = dims
		}
	}
	return v, r.err
}

func nestedDims(b []byte) ([]int64, error) {
	tensorType := submessage(b, 1)
	shape := submessage(tensorType, 2)
	var dims []int64
	r := wireReader{b: shape}
	for f, ok := r.next(); ok; f, ok = r.next() {
		if f.num != 1 || f.typ != 2 {
			continue
		}
		d := int64(-1)
		dr := wireReader{b: f.data}
		for g, ok := dr.next(); ok; g, ok = dr.next() {
			if g.num == 1 && g.typ == 0 {
				d = int64(g.val)
			}
		}
		if dr.err != nil {
			return nil, dr.err
		}
		dims = append(dims, d)
	}
	return dims, r.err
}

// submessage returns the bytes of the first length-delimited field num, or nil.
func submessage(b []byte, num int) []byte {
	r := wireReader{b: b}
	for f, ok := r.next(); ok; f, ok = r.next() {
		if f.num == num && f.typ == 2 {
			return f.data
		}
	}
	return nil
}

// parseTensor reads a TensorProto: dims 1, data_type 2, float_data 4,
// int32_data 5, int64_data 7, name 8, raw_data 9 (little-endian).
func parseTensor(b []byte) (*onnxTensor, error) {
	t := &onnxTensor{}
	var dtype uint64
	var raw []byte
	var err error
	r := wireReader{b: b}
	for f, ok := r.next(); ok && err == nil; f, ok = r.next() {
		switch f.num {
		case 1:
			t.dims, err = appendInt64s(t.dims, f)
		case 2:
			dtype = f.val
		case 4:
			t.float, err = appendFloats(t.float, f)
		case 5, 7:
			t.ints, err = appendInt64s(t.ints, f)
		case 8:
			t.name = string(f.data)
		case 9:
			raw = f.data
		}
	}
	if err == nil {
		err = r.err
	}
	if err != nil {
		return nil, err
	}
	if err := t.decodeRaw(dtype, raw); err != nil {
		return nil, err
	}
	return t, t.checkSize()
}

func (t *onnxTensor) decodeRaw(dtype uint64, raw []byte) error {
	if raw == nil {
		return nil
	}
	switch dtype {
	case onnxFloat:
		if len(raw)%4 != 0 {
			return ModelError("tensor " + t.name + ": raw data not a multiple of 4 bytes")
		}
		t.float = make([]float32, len(raw)/4)
		for i := range t.float {
			t.float[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
		}
	case onnxInt64:
		if len(raw)%8 != 0 {
			return ModelError("tensor " + t.name + ": raw data not a multiple of 8 bytes")
		}
		t.ints = make([]int64, len(raw)/8)
		for i := range t.ints {
			t.ints[i] = int64(binary.LittleEndian.Uint64(raw[8*i:]))
		}
	case onnxInt32:
		if len(raw)%4 != 0 {
			return ModelError("tensor " + t.name + ": raw data not a multiple of 4 bytes")
		}
		t.ints = make([]int64, len(raw)/4)
		for i := range t.ints {
			t.ints[i] = int64(int32(binary.LittleEndian.Uint32(raw[4*i:])))
		}
	default:
		return ModelError(fmt.Sprintf("tensor %s: unsupported data type %d", t.name, dtype))
	}
	return nil
}

// checkSize verifies that the dimensions describe exactly the data held.
func (t *onnxTensor) checkSize() error {
	n := int64(1)
	for _, d := range t.dims {
		if d < 0 || d > 1<<31 || (d > 0 && n > math.MaxInt32/d) {
			return ModelError("tensor " + t.name + ": bad dimensions")
		}
		n *= d
	}
	if n != int64(len(t.float)) && n != int64(len(t.ints)) {
		return ModelError(fmt.Sprintf("tensor %s: %d values for dimensions %v", t.name, max(len(t.float), len(t.ints)), t.dims))
	}
	return nil
}
