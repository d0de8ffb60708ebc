package face

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"

	"veil/assets"
)

func TestHalfToFloat(t *testing.T) {
	tests := []struct {
		name string
		h    uint16
		want float32
	}{
		{"zero is zero", 0x0000, 0},
		{"one is one", 0x3c00, 1},
		{"minus two is minus two", 0xc000, -2},
		{"the largest half is 65504", 0x7bff, 65504},
		{"the smallest subnormal is 2^-24", 0x0001, float32(math.Ldexp(1, -24))},
		{"the largest subnormal keeps its mantissa", 0x03ff, float32(math.Ldexp(1023, -24))},
		{"1/255 rounds as the converter stored it", 0x1c04, float32(math.Ldexp(1028, -18))},
		{"infinity stays infinite", 0x7c00, float32(math.Inf(1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := halfToFloat(tt.h); got != tt.want {
				t.Errorf("halfToFloat(%#04x) = %v, want %v", tt.h, got, tt.want)
			}
		})
	}
	if v := halfToFloat(0x7e00); !math.IsNaN(float64(v)) {
		t.Errorf("NaN decodes to %v", v)
	}
}

// tinyModel returns a model.json with one node and its shard: a float16
// scalar "a" (1.5) and an int32 pair "b".
func tinyModel() ([]byte, []byte) {
	js := `{"format":"graph-model","modelTopology":{"node":[{"name":"a","op":"Const"}]},
"weightsManifest":[{"paths":["m.bin"],"weights":[
 {"name":"a","shape":[],"dtype":"float32","quantization":{"dtype":"float16","original_dtype":"float32"}},
 {"name":"b","shape":[2],"dtype":"int32"}]}]}`
	shard := binary.LittleEndian.AppendUint16(nil, 0x3e00) // 1.5
	shard = binary.LittleEndian.AppendUint32(shard, 7)
	shard = binary.LittleEndian.AppendUint32(shard, 0xffffffff) // −1
	return []byte(js), shard
}

func TestParseTFGraphReadsTheManifest(t *testing.T) {
	js, shard := tinyModel()
	g, err := parseTFGraph(js, shard)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := g.scalar("a"); err != nil || v != 1.5 {
		t.Errorf("a = %v, %v; want 1.5", v, err)
	}
	if b := g.weights["b"]; b == nil || len(b.ints) != 2 || b.ints[0] != 7 || b.ints[1] != -1 {
		t.Errorf("b = %+v, want [7 -1]", b)
	}
}

func TestParseTFGraphRefusesBadFiles(t *testing.T) {
	js, shard := tinyModel()
	tests := []struct {
		name  string
		js    string
		shard []byte
		want  string
	}{
		{"text that is not JSON is refused", "{", shard, "model.json"},
		{"a layers model is refused", strings.Replace(string(js), "graph-model", "layers-model", 1), shard, "format"},
		{"a short weights file is refused", string(js), shard[:5], "too short"},
		{"a long weights file is refused", string(js), append(shard, 0), "manifest describes"},
		{"uint8 quantisation is refused", strings.Replace(string(js), `"dtype":"float16"`, `"dtype":"uint8"`, 1), shard, "unsupported type"},
		{"a negative dimension is refused", strings.Replace(string(js), `"shape":[2]`, `"shape":[-2]`, 1), shard, "bad shape"},
		{"a huge shape is refused", strings.Replace(string(js), `"shape":[2]`, `"shape":[65536,65536]`, 1), shard, "bad shape"},
		{"a repeated node is refused", strings.Replace(string(js), `{"name":"a","op":"Const"}`, `{"name":"a","op":"Const"},{"name":"a","op":"Const"}`, 1), shard, "repeated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseTFGraph([]byte(tt.js), tt.shard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestNewFaceBoxesRefusesAnAlteredGraph(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"an unknown operator is refused", `"op":"MaxPool"`, `"op":"AvgPool"`, "unsupported operator"},
		{"a dilated convolution is refused", `"dilations":{"list":{"i":["1","1","1","1"]}}`, `"dilations":{"list":{"i":["1","2","2","1"]}}`, "dilation"},
		{"a pool over channels is refused", `"ksize":{"list":{"i":["1","3","3","1"]}}`, `"ksize":{"list":{"i":["1","3","3","2"]}}`, "ksize"},
		{"a cycle is refused", `"input":["conv1/CRelu"]`, `"input":["conv1/CRelu/Relu"]`, "cycle"},
		{"a missing input is refused", `"input":["conv1/CRelu"]`, `"input":["nowhere"]`, "unknown node"},
		{"a concatenation along rows is refused", `"conv1/CRelu/Neg","conv1/CRelu/axis"`, `"conv1/CRelu/Neg","strided_slice/stack_1"`, "axis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js := string(assets.FaceBoxesGraph)
			if !strings.Contains(js, tt.old) {
				t.Fatalf("the graph has no %s", tt.old)
			}
			_, err := newFaceBoxesFrom([]byte(strings.Replace(js, tt.old, tt.new, 1)), assets.FaceBoxesWeights)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// FuzzParseTFGraph feeds hostile model files to the parser and compiler:
// they must fail with an error, never panic.
func FuzzParseTFGraph(f *testing.F) {
	js, shard := tinyModel()
	f.Add(js, shard)
	f.Add(assets.FaceBoxesGraph[:4096], assets.FaceBoxesWeights[:64])
	f.Fuzz(func(t *testing.T, js, shard []byte) {
		g, err := parseTFGraph(js, shard)
		if err != nil {
			return
		}
		_, _ = compileFB(g, fbInput, []string{"a", "b"})
	})
}
