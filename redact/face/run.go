package face

import "fmt"

// run evaluates the network on a planar RGB input and returns the head
// tensors in graph order (still NCHW; see head). Buffers of values that are
// no longer read are reused for later steps.
func (n *network) run(input *tensor) ([]*tensor, error) {
	vals := make([]*tensor, n.nslots)
	vals[0] = input
	last := n.lastUses()
	var free []*tensor
	for i := range n.steps {
		st := &n.steps[i]
		in := vals[st.in]
		var res *tensor
		if st.res >= 0 {
			res = vals[st.res]
		}
		c, h, w, err := st.outShape(in, res)
		if err != nil {
			return nil, fmt.Errorf("%w (step %d)", err, i)
		}
		out, rest := takeTensor(free, c, h, w)
		free = rest
		st.exec(in, res, out)
		vals[st.out] = out
		for s, l := range last {
			if l == i && s != 0 && vals[s] != nil {
				free = append(free, vals[s])
				vals[s] = nil
			}
		}
	}
	outs := make([]*tensor, len(n.heads))
	for i, h := range n.heads {
		outs[i] = vals[h.slot]
	}
	return outs, nil
}

// lastUses returns, per slot, the index of the last step reading it; head
// slots are never released.
func (n *network) lastUses() []int {
	last := make([]int, n.nslots)
	for i, st := range n.steps {
		last[st.in] = i
		if st.res >= 0 {
			last[st.res] = i
		}
	}
	for _, h := range n.heads {
		last[h.slot] = len(n.steps)
	}
	return last
}

// takeTensor reuses a released buffer that is large enough, or allocates.
func takeTensor(free []*tensor, c, h, w int) (*tensor, []*tensor) {
	need := c * h * w
	for i, t := range free {
		if cap(t.data) >= need {
			free[i] = free[len(free)-1]
			return &tensor{c: c, h: h, w: w, data: t.data[:need]}, free[:len(free)-1]
		}
	}
	return newTensor(c, h, w), free
}

// outShape checks the step's inputs and returns its output shape.
func (st *step) outShape(in, res *tensor) (c, h, w int, err error) {
	switch st.kind {
	case stepConv:
		if in.c != st.conv.ci {
			return 0, 0, 0, ModelError(fmt.Sprintf("Conv: %d input channels, weights want %d", in.c, st.conv.ci))
		}
		h, w = st.conv.outSize(in.h, in.w)
		c = st.conv.co
	case stepPool:
		h, w = st.pool.outSize(in.h, in.w)
		c = in.c
	case stepPadChannels:
		c, h, w = in.c+st.extra, in.h, in.w
	case stepAdd:
		c, h, w = in.c, in.h, in.w
	}
	if h < 1 || w < 1 {
		return 0, 0, 0, ModelError("input too small for the network")
	}
	if res != nil && (res.c != c || res.h != h || res.w != w) {
		return 0, 0, 0, ModelError(fmt.Sprintf("Add: shapes %dx%dx%d and %dx%dx%d differ", c, h, w, res.c, res.h, res.w))
	}
	return c, h, w, nil
}

func (st *step) exec(in, res, out *tensor) {
	switch st.kind {
	case stepConv:
		st.conv.run(in, res, out)
	case stepPool:
		st.pool.run(in, out)
	case stepPadChannels:
		padChannels(in, out)
	case stepAdd:
		if res == nil {
			copy(out.data, in.data)
			reluRow(out.data)
			return
		}
		addRelu(in, res, out, st.relu)
	}
}
