package face

import (
	"fmt"
	"slices"
)

// fbNet is the convolutional part of a TensorFlow graph compiled into a
// flat list of steps over numbered value slots, from the standardised
// input image (slot 0, planar RGB in [−1, 1]) to the prediction heads.
type fbNet struct {
	steps  []fbStep
	nslots int
	heads  []int // slots of the head outputs, in the order asked for
}

type fbKind int

const (
	fbConv   fbKind = iota // _FusedConv2D: convolution + bias (+ ReLU)
	fbPool                 // MaxPool with "SAME" padding (+ ReLU)
	fbConcat               // ConcatV2 along channels
	fbNeg                  // Neg
	fbRelu                 // Relu
)

// fbStep computes slot out from the slots in.
type fbStep struct {
	kind fbKind
	in   []int
	out  int
	conv *conv
	pool *padPool
}

// fbCompiler resolves node names to slots while compiling.
type fbCompiler struct {
	g    *tfGraph
	net  *fbNet
	slot map[string]int
}

// compileFB compiles the nodes that the named head nodes depend on, back
// to the node named input (whose output the caller supplies), refusing
// any operator or attribute outside what this interpreter implements.
func compileFB(g *tfGraph, input string, heads []string) (*fbNet, error) {
	c := &fbCompiler{g: g, net: &fbNet{nslots: 1}, slot: map[string]int{input: 0}}
	for _, h := range heads {
		s, err := c.value(h, 0)
		if err != nil {
			return nil, err
		}
		c.net.heads = append(c.net.heads, s)
	}
	return c.net, nil
}

// maxFBDepth bounds the recursion through a hostile graph.
const maxFBDepth = 200

// value returns the slot holding node name's output, compiling the node
// (after its inputs) the first time it is asked for.
func (c *fbCompiler) value(name string, depth int) (int, error) {
	if s, ok := c.slot[name]; ok {
		if s < 0 {
			return 0, ModelError("graph has a cycle through " + name)
		}
		return s, nil
	}
	n := c.g.nodes[name]
	if n == nil {
		return 0, ModelError("unknown node " + name)
	}
	if depth > maxFBDepth {
		return 0, ModelError("graph too deep")
	}
	c.slot[name] = -1
	st, err := c.node(n, depth)
	if err != nil {
		return 0, fmt.Errorf("%w (node %q)", err, name)
	}
	st.out = c.net.nslots
	c.net.nslots++
	c.net.steps = append(c.net.steps, st)
	c.slot[name] = st.out
	return st.out, nil
}

// inputs compiles the first k inputs of n and returns their slots.
func (c *fbCompiler) inputs(n *tfNode, k, depth int) ([]int, error) {
	var out []int
	for i := range k {
		name, err := n.inputName(i)
		if err != nil {
			return nil, err
		}
		s, err := c.value(name, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (c *fbCompiler) node(n *tfNode, depth int) (fbStep, error) {
	switch n.Op {
	case "_FusedConv2D":
		return c.conv(n, depth)
	case "MaxPool":
		return c.maxPool(n, depth)
	case "ConcatV2":
		return c.concat(n, depth)
	case "Neg", "Relu":
		in, err := c.inputs(n, 1, depth)
		kind := map[string]fbKind{"Neg": fbNeg, "Relu": fbRelu}[n.Op]
		return fbStep{kind: kind, in: in}, err
	}
	return fbStep{}, ModelError("unsupported operator " + n.Op)
}

// sameSplit returns TensorFlow's "SAME" padding for a k-wide window at
// stride s over an input whose size is a multiple of s: k−s values in
// all, the smaller half before (tensorflow/core/framework/kernel_shape_util.cc,
// GetWindowedOutputSizeVerbose). The network checks the multiple at run time.
func sameSplit(k, s int) (before, after int) {
	total := max(k-s, 0)
	return total / 2, total - total/2
}

// conv compiles a _FusedConv2D: NHWC data, HWIO weights, "BiasAdd" or
// "BiasAdd, Relu" fused, no dilation.
func (c *fbCompiler) conv(n *tfNode, depth int) (fbStep, error) {
	if len(n.Input) != 3 {
		return fbStep{}, ModelError("_FusedConv2D: want input, weights, bias")
	}
	cv, err := c.convWeights(n)
	if err != nil {
		return fbStep{}, err
	}
	if err := fbConvAttrs(n, cv); err != nil {
		return fbStep{}, err
	}
	in, err := c.inputs(n, 1, depth)
	return fbStep{kind: fbConv, in: in, conv: cv}, err
}

// convWeights reorders HWIO weights [k, k, ci, co] into conv's
// [co][ci·k·k] and reads the bias.
func (c *fbCompiler) convWeights(n *tfNode) (*conv, error) {
	wn, err := n.inputName(1)
	if err != nil {
		return nil, err
	}
	bn, err := n.inputName(2)
	if err != nil {
		return nil, err
	}
	wt, bt := c.g.weights[wn], c.g.weights[bn]
	if wt == nil || len(wt.shape) != 4 || wt.float == nil || bt == nil || bt.float == nil {
		return nil, ModelError("_FusedConv2D: weights or bias are not float constants")
	}
	k, ci, co := wt.shape[0], wt.shape[2], wt.shape[3]
	if wt.shape[1] != k || k < 1 || k > 7 || ci < 1 || co < 1 || len(bt.float) != co {
		return nil, ModelError(fmt.Sprintf("_FusedConv2D: unsupported weights %v, bias %d", wt.shape, len(bt.float)))
	}
	w := make([]float32, len(wt.float))
	for ky := range k {
		for kx := range k {
			for i := range ci {
				for o := range co {
					w[o*ci*k*k+(i*k+ky)*k+kx] = wt.float[((ky*k+kx)*ci+i)*co+o]
				}
			}
		}
	}
	return &conv{ci: ci, co: co, k: k, stride: 1, w: w, bias: bt.float}, nil
}

func fbConvAttrs(n *tfNode, cv *conv) error {
	var ops []string
	for _, s := range n.Attr["fused_ops"].List.S {
		ops = append(ops, string(s))
	}
	switch {
	case slices.Equal(ops, []string{"BiasAdd"}):
	case slices.Equal(ops, []string{"BiasAdd", "Relu"}):
		cv.relu = true
	default:
		return ModelError(fmt.Sprintf("_FusedConv2D: fused ops %q unsupported", ops))
	}
	if d, err := n.ints("dilations"); err != nil || slices.ContainsFunc(d, func(v int) bool { return v != 1 }) {
		return ModelError("_FusedConv2D: dilation unsupported")
	}
	s, err := nhwcWindow(n, "strides")
	if err != nil {
		return err
	}
	cv.stride = s
	switch string(n.Attr["padding"].S) {
	case "SAME":
		cv.padT, cv.padB = sameSplit(cv.k, s)
		cv.padL, cv.padR = cv.padT, cv.padB
	case "VALID":
	default:
		return ModelError("_FusedConv2D: padding " + string(n.Attr["padding"].S) + " unsupported")
	}
	return nil
}

// nhwcWindow reads a [1, s, s, 1] attribute of an NHWC node.
func nhwcWindow(n *tfNode, name string) (int, error) {
	if f := string(n.Attr["data_format"].S); f != "" && f != "NHWC" {
		return 0, ModelError(n.Op + ": data format " + f + " unsupported")
	}
	v, err := n.ints(name)
	if err != nil || len(v) != 4 || v[0] != 1 || v[3] != 1 || v[1] != v[2] || v[1] < 1 || v[1] > 8 {
		return 0, ModelError(fmt.Sprintf("%s: %s %v unsupported", n.Op, name, v))
	}
	return v[1], nil
}

func (c *fbCompiler) maxPool(n *tfNode, depth int) (fbStep, error) {
	k, err := nhwcWindow(n, "ksize")
	if err != nil {
		return fbStep{}, err
	}
	s, err := nhwcWindow(n, "strides")
	if err != nil {
		return fbStep{}, err
	}
	p := &padPool{k: k, stride: s}
	switch string(n.Attr["padding"].S) {
	case "SAME":
		p.padBefore, p.padAfter = sameSplit(k, s)
	case "VALID":
	default:
		return fbStep{}, ModelError("MaxPool: padding unsupported")
	}
	in, err := c.inputs(n, 1, depth)
	return fbStep{kind: fbPool, in: in, pool: p}, err
}

// concat compiles a ConcatV2 whose last input is the constant axis 3
// (channels, in NHWC).
func (c *fbCompiler) concat(n *tfNode, depth int) (fbStep, error) {
	k := len(n.Input) - 1
	if k < 2 || k > 8 {
		return fbStep{}, ModelError("ConcatV2: want 2 to 8 inputs")
	}
	an, err := n.inputName(k)
	if err != nil {
		return fbStep{}, err
	}
	if a := c.g.weights[an]; a == nil || len(a.ints) != 1 || (a.ints[0] != 3 && a.ints[0] != -1) {
		return fbStep{}, ModelError("ConcatV2: only the channel axis is supported")
	}
	in, err := c.inputs(n, k, depth)
	return fbStep{kind: fbConcat, in: in}, err
}
