package face

import (
	"fmt"
	"slices"
)

// conv compiles an ONNX Conv: weights [co, ci/group, k, k], optional bias
// [co], square kernel, equal strides, no dilation, group 1 or depthwise.
func (b *builder) conv(n onnxNode) error {
	in, err := b.input(n, 0)
	if err != nil {
		return err
	}
	if len(n.inputs) < 2 {
		return ModelError("Conv: no weights")
	}
	wt := b.g.inits[n.inputs[1]]
	if wt == nil || len(wt.dims) != 4 || len(wt.float) == 0 {
		return ModelError("Conv: weights are not a constant 4-D float tensor")
	}
	co, cig, k := int(wt.dims[0]), int(wt.dims[1]), int(wt.dims[2])
	if int(wt.dims[3]) != k || k < 1 || k > 7 || co < 1 {
		return ModelError("Conv: unsupported kernel shape")
	}
	c := &conv{co: co, ci: cig, k: k, stride: 1, w: wt.float}
	if err := c.attrs(n, k); err != nil {
		return err
	}
	if g := n.attrs["group"].i; g > 1 {
		if g != int64(co) || cig != 1 {
			return ModelError("Conv: only depthwise groups are supported")
		}
		c.depthwise, c.ci = true, co
	}
	if len(n.inputs) > 2 {
		bt := b.g.inits[n.inputs[2]]
		if bt == nil || len(bt.float) != co {
			return ModelError("Conv: bias is not a constant of one value per output channel")
		}
		c.bias = bt.float
	}
	b.emit(step{kind: stepConv, in: in, res: -1, conv: c}, n.outputs[0])
	return nil
}

func (c *conv) attrs(n onnxNode, k int) error {
	if s := n.attrs["strides"].ints; len(s) > 0 {
		if len(s) != 2 || s[0] != s[1] || s[0] < 1 || s[0] > 4 {
			return ModelError("Conv: unsupported strides")
		}
		c.stride = int(s[0])
	}
	for _, d := range n.attrs["dilations"].ints {
		if d != 1 {
			return ModelError("Conv: dilation unsupported")
		}
	}
	if ks := n.attrs["kernel_shape"].ints; len(ks) > 0 && !slices.Equal(ks, []int64{int64(k), int64(k)}) {
		return ModelError("Conv: kernel_shape disagrees with the weights")
	}
	if a, ok := n.attrs["auto_pad"]; ok && len(a.s) > 0 && string(a.s) != "NOTSET" {
		return ModelError("Conv: auto_pad unsupported")
	}
	if p := n.attrs["pads"].ints; len(p) > 0 {
		if len(p) != 4 {
			return ModelError("Conv: want 4 pads")
		}
		for _, v := range p {
			if v < 0 || v >= int64(k) {
				return ModelError("Conv: bad padding")
			}
		}
		c.padT, c.padL, c.padB, c.padR = int(p[0]), int(p[1]), int(p[2]), int(p[3])
	}
	return nil
}

// transpose accepts the two layout changes of a converted TensorFlow graph:
// NHWC→NCHW on the graph input (our input is already planar) and
// NCHW→NHWC before a head's Reshape (done when the head is read).
func (b *builder) transpose(n onnxNode) error {
	in, err := b.input(n, 0)
	if err != nil {
		return err
	}
	perm := n.attrs["perm"].ints
	switch {
	case in == 0 && slices.Equal(perm, []int64{0, 3, 1, 2}):
		b.slot[n.outputs[0]] = 0
	case slices.Equal(perm, []int64{0, 2, 3, 1}):
		b.nhwc[n.outputs[0]] = in
	default:
		return ModelError(fmt.Sprintf("Transpose: unsupported permutation %v", perm))
	}
	return nil
}

// constantOfShape records a zero tensor [1, c, h, w] that a Concat will
// append as extra channels; its spatial size follows the input at run time.
func (b *builder) constantOfShape(n onnxNode) error {
	if len(n.inputs) != 1 {
		return ModelError("ConstantOfShape: want one input")
	}
	shape := b.g.inits[n.inputs[0]]
	if shape == nil || len(shape.ints) != 4 || shape.ints[1] < 1 || shape.ints[1] > 4096 {
		return ModelError("ConstantOfShape: shape is not a constant [1,c,h,w]")
	}
	if v := n.attrs["value"].t; v != nil && slices.ContainsFunc(v.float, func(f float32) bool { return f != 0 }) {
		return ModelError("ConstantOfShape: only zeros are supported")
	}
	b.zeros[n.outputs[0]] = int(shape.ints[1])
	return nil
}

func (b *builder) concat(n onnxNode) error {
	if n.attrs["axis"].i != 1 || len(n.inputs) != 2 {
		return ModelError("Concat: only a channel concatenation with zeros is supported")
	}
	extra, ok := b.zeros[n.inputs[1]]
	if !ok {
		return ModelError("Concat: second input is not ConstantOfShape")
	}
	in, err := b.input(n, 0)
	if err != nil {
		return err
	}
	b.emit(step{kind: stepPadChannels, in: in, res: -1, extra: extra}, n.outputs[0])
	return nil
}

// reshape ends a head: [1,c,h,w] transposed to NHWC, reshaped to [1,n,k].
func (b *builder) reshape(n onnxNode) error {
	if len(n.inputs) != 2 {
		return ModelError("Reshape: want two inputs")
	}
	in, ok := b.nhwc[n.inputs[0]]
	shape := b.g.inits[n.inputs[1]]
	if !ok || shape == nil || len(shape.ints) != 3 {
		return ModelError("Reshape: only NHWC heads reshaped to [1,n,k] are supported")
	}
	k := shape.ints[2]
	pi, ok := b.prod[in]
	if !ok || k < 1 || k > 64 || b.net.steps[pi].kind != stepConv || b.net.steps[pi].conv.co%int(k) != 0 {
		return ModelError("Reshape: head is not a convolution with a multiple of its width")
	}
	b.net.heads = append(b.net.heads, head{name: n.outputs[0], slot: in, k: int(k)})
	return nil
}

// fuseDepthwise joins each 3×3 stride-1 depthwise convolution (padded by
// one, without residual or ReLU) to the 1×1 convolution that alone reads
// its output, the pattern of every BlazeFace block.
func (n *network) fuseDepthwise() {
	readers := make([]int, n.nslots)
	for _, st := range n.steps {
		readers[st.in]++
		if st.res >= 0 {
			readers[st.res]++
		}
	}
	for _, h := range n.heads {
		readers[h.slot]++
	}
	for i := 0; i+1 < len(n.steps); i++ {
		dw, pw := &n.steps[i], &n.steps[i+1]
		if dw.kind != stepConv || pw.kind != stepConv || pw.in != dw.out || readers[dw.out] != 1 {
			continue
		}
		d, p := dw.conv, pw.conv
		if !d.depthwise || d.k != 3 || d.stride != 1 || d.padT != 1 || d.padL != 1 || d.padB != 1 || d.padR != 1 ||
			dw.res >= 0 || d.relu || p.depthwise || p.k != 1 || p.stride != 1 || p.padT+p.padL+p.padB+p.padR != 0 ||
			p.pre != nil || d.co != p.ci {
			continue
		}
		p.pre = d
		pw.in = dw.in
		n.steps = append(n.steps[:i], n.steps[i+1:]...)
	}
}
