package face

import "fmt"

// run evaluates the network on a planar RGB input and returns the head
// tensors in graph order (still NCHW; see head). Buffers come from ws and
// go back to it as soon as no later step reads them; the caller releases
// the heads.
func (n *network) run(input *tensor, ws *workspace) ([]*tensor, error) {
	vals := make([]*tensor, n.nslots)
	vals[0] = input
	last := n.lastUses()
	release := func() {
		for s := 1; s < len(vals); s++ {
			if vals[s] != nil {
				ws.put(vals[s].data)
			}
		}
	}
	for i := range n.steps {
		st := &n.steps[i]
		in := vals[st.in]
		var res *tensor
		if st.res >= 0 {
			res = vals[st.res]
		}
		c, h, w, err := st.outShape(in, res)
		if err != nil {
			release()
			return nil, fmt.Errorf("%w (step %d)", err, i)
		}
		out := ws.tensor(c, h, w)
		st.exec(in, res, out, ws)
		vals[st.out] = out
		releaseDead(vals, last, i, ws)
	}
	outs := make([]*tensor, len(n.heads))
	for i, h := range n.heads {
		outs[i] = vals[h.slot]
	}
	return outs, nil
}

// releaseDead returns to ws the values whose last reader was step i (see
// lastUses); slot 0, the input canvas, belongs to the caller.
func releaseDead(vals []*tensor, last []int, i int, ws *workspace) {
	for s, l := range last {
		if l == i && s != 0 && vals[s] != nil {
			ws.put(vals[s].data)
			vals[s] = nil
		}
	}
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

// outShape checks the step's inputs and returns its output shape.
func (st *step) outShape(in, res *tensor) (c, h, w int, err error) {
	switch st.kind {
	case stepConv:
		ci, h0, w0 := st.conv.ci, in.h, in.w
		if pre := st.conv.pre; pre != nil {
			ci = pre.ci
			h0, w0 = pre.outSize(h0, w0)
		}
		if in.c != ci {
			return 0, 0, 0, ModelError(fmt.Sprintf("Conv: %d input channels, weights want %d", in.c, ci))
		}
		h, w = st.conv.outSize(h0, w0)
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

func (st *step) exec(in, res, out *tensor, ws *workspace) {
	switch st.kind {
	case stepConv:
		st.conv.run(in, res, out, ws)
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
