package face

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// tfGraph is the part of a TensorFlow.js graph model (model.json, format
// "graph-model") that the FaceBoxes port reads: the nodes of the frozen
// TensorFlow graph and the weights of its Const nodes, decoded from the
// binary shard by the weights manifest.
type tfGraph struct {
	nodes   map[string]*tfNode
	weights map[string]*tfWeight
}

// tfNode is one NodeDef: its inputs name other nodes ("name" or
// "name:k" for output k; "^name" is a control input).
type tfNode struct {
	Name  string            `json:"name"`
	Op    string            `json:"op"`
	Input []string          `json:"input"`
	Attr  map[string]tfAttr `json:"attr"`
}

// tfAttr is an AttrValue: a string (base64 in JSON, decoded by
// encoding/json), an integer (as a decimal string) or a list of either.
type tfAttr struct {
	S    []byte `json:"s"`
	I    string `json:"i"`
	List struct {
		I []string `json:"i"`
		S [][]byte `json:"s"`
	} `json:"list"`
}

// tfWeight is one constant: its shape and values (floats or integers).
type tfWeight struct {
	shape []int
	float []float32
	ints  []int32
}

type tfManifestEntry struct {
	Name         string `json:"name"`
	Shape        []int  `json:"shape"`
	Dtype        string `json:"dtype"`
	Quantization *struct {
		Dtype string `json:"dtype"`
	} `json:"quantization"`
}

type tfModelJSON struct {
	Format   string `json:"format"`
	Topology struct {
		Node []*tfNode `json:"node"`
	} `json:"modelTopology"`
	Manifest []struct {
		Paths   []string          `json:"paths"`
		Weights []tfManifestEntry `json:"weights"`
	} `json:"weightsManifest"`
}

// maxTFValues bounds one weight's element count (the largest FaceBoxes
// weight has 294 912).
const maxTFValues = 1 << 24

// parseTFGraph reads a model.json and its single weights shard. Every size
// comes from the file and is checked before use.
func parseTFGraph(modelJSON, shard []byte) (*tfGraph, error) {
	var m tfModelJSON
	if err := json.Unmarshal(modelJSON, &m); err != nil {
		return nil, ModelError("model.json: " + err.Error())
	}
	if m.Format != "graph-model" {
		return nil, ModelError(fmt.Sprintf("model.json: format %q, want graph-model", m.Format))
	}
	if len(m.Manifest) != 1 || len(m.Manifest[0].Paths) != 1 {
		return nil, ModelError("model.json: want one weights group in one file")
	}
	g := &tfGraph{nodes: map[string]*tfNode{}, weights: map[string]*tfWeight{}}
	for _, n := range m.Topology.Node {
		if n == nil || n.Name == "" || g.nodes[n.Name] != nil {
			return nil, ModelError("model.json: unnamed or repeated node")
		}
		g.nodes[n.Name] = n
	}
	off := 0
	for _, e := range m.Manifest[0].Weights {
		w, size, err := decodeTFWeight(e, shard[min(off, len(shard)):])
		if err != nil {
			return nil, err
		}
		g.weights[e.Name] = w
		off += size
	}
	if off != len(shard) {
		return nil, ModelError(fmt.Sprintf("weights: manifest describes %d bytes, file has %d", off, len(shard)))
	}
	return g, nil
}

// decodeTFWeight decodes one manifest entry from the front of b and
// returns it with the number of bytes it occupies.
func decodeTFWeight(e tfManifestEntry, b []byte) (*tfWeight, int, error) {
	n := 1
	for _, d := range e.Shape {
		if d < 0 || d > maxTFValues || n*max(d, 1) > maxTFValues {
			return nil, 0, ModelError("weight " + e.Name + ": bad shape")
		}
		n *= d
	}
	w := &tfWeight{shape: e.Shape}
	kind := e.Dtype
	if e.Quantization != nil {
		kind = e.Dtype + "/" + e.Quantization.Dtype
	}
	size := map[string]int{"float32": 4, "int32": 4, "float32/float16": 2}[kind]
	if size == 0 {
		return nil, 0, ModelError(fmt.Sprintf("weight %s: unsupported type %s", e.Name, kind))
	}
	if len(b) < n*size {
		return nil, 0, ModelError("weight " + e.Name + ": file too short")
	}
	switch kind {
	case "float32":
		w.float = make([]float32, n)
		for i := range w.float {
			w.float[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
	case "float32/float16":
		w.float = make([]float32, n)
		for i := range w.float {
			w.float[i] = halfToFloat(binary.LittleEndian.Uint16(b[2*i:]))
		}
	case "int32":
		w.ints = make([]int32, n)
		for i := range w.ints {
			w.ints[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
		}
	}
	return w, n * size, nil
}

// halfToFloat converts an IEEE 754 binary16 value to float32 exactly.
func halfToFloat(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := int(h>>10) & 0x1f
	frac := uint32(h & 0x3ff)
	switch {
	case exp == 0x1f: // infinity or NaN
		return math.Float32frombits(sign | 0x7f800000 | frac<<13)
	case exp == 0: // zero or subnormal: frac · 2⁻²⁴
		v := float32(frac) / (1 << 24)
		if sign != 0 {
			v = -v
		}
		return v
	}
	return math.Float32frombits(sign | uint32(exp-15+127)<<23 | frac<<13)
}

// inputName returns the node name of input i, without an output index;
// control inputs ("^name") are refused.
func (n *tfNode) inputName(i int) (string, error) {
	if i >= len(n.Input) {
		return "", ModelError(n.Op + " " + n.Name + ": missing input")
	}
	s := n.Input[i]
	if s == "" || s[0] == '^' {
		return "", ModelError(n.Op + " " + n.Name + ": control input")
	}
	for j := len(s) - 1; j > 0; j-- {
		if s[j] == ':' {
			if s[j+1:] != "0" {
				return "", ModelError(n.Op + " " + n.Name + ": reads a second output of " + s[:j])
			}
			return s[:j], nil
		}
	}
	return s, nil
}

// ints returns the integer list of attribute name.
func (n *tfNode) ints(name string) ([]int, error) {
	var out []int
	for _, s := range n.Attr[name].List.I {
		v, err := strconv.Atoi(s)
		if err != nil {
			return nil, ModelError(n.Name + ": attribute " + name + " is not an integer list")
		}
		out = append(out, v)
	}
	return out, nil
}

// scalar returns the value of a float constant with one element.
func (g *tfGraph) scalar(name string) (float32, error) {
	w := g.weights[name]
	if w == nil || len(w.float) != 1 {
		return 0, ModelError("constant " + name + " is not one float")
	}
	return w.float[0], nil
}
