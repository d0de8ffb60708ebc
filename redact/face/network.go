package face

import "fmt"

// network is the graph compiled into a flat list of steps over numbered
// value slots. Slot 0 is the input image (planar RGB).
type network struct {
	steps  []step
	nslots int
	heads  []head
}

type stepKind int

const (
	stepConv stepKind = iota
	stepPool
	stepPadChannels
	stepAdd
)

// step computes slot out from slot in (and res, or -1).
type step struct {
	kind    stepKind
	in, res int
	out     int
	conv    *conv
	pool    *maxPool
	extra   int  // stepPadChannels: zero channels appended
	relu    bool // stepAdd
}

// head is one graph output: a Conv whose NCHW result the graph transposes
// to NHWC and reshapes to [1, h·w·c/k, k]. k is 1 for scores, 16 for boxes.
type head struct {
	name string
	slot int
	k    int
}

// builder tracks, while compiling, which slot each ONNX value name lives in
// and how many nodes read it (a fusion needs a single reader).
type builder struct {
	g       *onnxGraph
	net     *network
	slot    map[string]int
	readers map[string]int
	prod    map[int]int    // slot → index of the step producing it
	nhwc    map[string]int // transposed-to-NHWC names → slot
	zeros   map[string]int // ConstantOfShape outputs → zero channel count
}

// compile turns the parsed graph into a network, refusing any operator or
// attribute outside what this interpreter implements.
func compile(g *onnxGraph) (*network, error) {
	if len(g.inputs) != 1 {
		return nil, ModelError(fmt.Sprintf("%d graph inputs, want 1", len(g.inputs)))
	}
	b := &builder{g: g, net: &network{nslots: 1}, slot: map[string]int{g.inputs[0].name: 0},
		readers: map[string]int{}, prod: map[int]int{}, nhwc: map[string]int{}, zeros: map[string]int{}}
	for _, n := range g.nodes {
		for _, in := range n.inputs {
			b.readers[in]++
		}
	}
	for _, n := range g.nodes {
		if err := b.node(n); err != nil {
			return nil, fmt.Errorf("%w (node %q)", err, n.name)
		}
	}
	if len(b.net.heads) == 0 || len(b.net.heads) != len(g.outputs) {
		return nil, ModelError("graph outputs are not all detection heads")
	}
	b.net.fuseDepthwise()
	return b.net, nil
}

func (b *builder) node(n onnxNode) error {
	if len(n.outputs) != 1 {
		return ModelError(n.op + ": want one output")
	}
	switch n.op {
	case "Conv":
		return b.conv(n)
	case "Relu":
		return b.relu(n)
	case "Add":
		return b.add(n)
	case "MaxPool":
		return b.maxPool(n)
	case "Transpose":
		return b.transpose(n)
	case "ConstantOfShape":
		return b.constantOfShape(n)
	case "Concat":
		return b.concat(n)
	case "Reshape":
		return b.reshape(n)
	}
	return ModelError("unsupported operator " + n.op)
}

// input returns the slot holding value name.
func (b *builder) input(n onnxNode, i int) (int, error) {
	if i >= len(n.inputs) {
		return 0, ModelError(n.op + ": missing input")
	}
	s, ok := b.slot[n.inputs[i]]
	if !ok {
		return 0, ModelError(n.op + ": unknown input " + n.inputs[i])
	}
	return s, nil
}

func (b *builder) emit(s step, name string) {
	s.out = b.net.nslots
	b.net.nslots++
	b.slot[name] = s.out
	b.prod[s.out] = len(b.net.steps)
	b.net.steps = append(b.net.steps, s)
}

// fusable returns the step producing value name when only one node reads it.
func (b *builder) fusable(name string) *step {
	s, ok := b.slot[name]
	if !ok || b.readers[name] != 1 {
		return nil
	}
	i, ok := b.prod[s]
	if !ok {
		return nil
	}
	return &b.net.steps[i]
}

func (b *builder) relu(n onnxNode) error {
	in, err := b.input(n, 0)
	if err != nil {
		return err
	}
	if st := b.fusable(n.inputs[0]); st != nil && (st.kind == stepConv || st.kind == stepAdd) {
		if st.kind == stepConv {
			st.conv.relu = true
		} else {
			st.relu = true
		}
		b.slot[n.outputs[0]] = in
		return nil
	}
	// A Relu on something else: an Add of the value to nothing, rectified.
	b.emit(step{kind: stepAdd, in: in, res: -1, relu: true}, n.outputs[0])
	return nil
}

func (b *builder) add(n onnxNode) error {
	if len(n.inputs) != 2 {
		return ModelError("Add: want two inputs")
	}
	x, err := b.input(n, 0)
	if err != nil {
		return err
	}
	y, err := b.input(n, 1)
	if err != nil {
		return err
	}
	for i, other := range []int{y, x} {
		st := b.fusable(n.inputs[i])
		if st != nil && st.kind == stepConv && st.res < 0 && !st.conv.relu {
			st.res = other
			b.slot[n.outputs[0]] = st.out
			return nil
		}
	}
	b.emit(step{kind: stepAdd, in: x, res: y}, n.outputs[0])
	return nil
}

func (b *builder) maxPool(n onnxNode) error {
	in, err := b.input(n, 0)
	if err != nil {
		return err
	}
	k, s := n.attrs["kernel_shape"].ints, n.attrs["strides"].ints
	if len(k) != 2 || k[0] != k[1] || k[0] < 1 || k[0] > 8 || len(s) != 2 || s[0] != s[1] || s[0] < 1 || s[0] > 8 {
		return ModelError("MaxPool: unsupported window")
	}
	for _, p := range n.attrs["pads"].ints {
		if p != 0 {
			return ModelError("MaxPool: padding unsupported")
		}
	}
	b.emit(step{kind: stepPool, in: in, res: -1, pool: &maxPool{k: int(k[0]), stride: int(s[0])}}, n.outputs[0])
	return nil
}
