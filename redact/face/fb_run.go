package face

import (
	"fmt"

	"veil/internal/parallel"
)

// run evaluates the network on a standardised planar RGB input and returns
// the head tensors (NCHW) in the order compileFB was given. Buffers come
// from ws and go back as soon as no later step reads them; the caller
// releases the heads (and the input).
func (n *fbNet) run(input *tensor, ws *workspace) ([]*tensor, error) {
	vals := make([]*tensor, n.nslots)
	vals[0] = input
	last := n.lastUses()
	release := func() {
		for s := 1; s < len(vals); s++ {
			if vals[s] != nil {
				ws.put(vals[s].data)
				vals[s] = nil
			}
		}
	}
	for i := range n.steps {
		st := &n.steps[i]
		ins := make([]*tensor, len(st.in))
		for j, s := range st.in {
			ins[j] = vals[s]
		}
		c, h, w, err := st.outShape(ins)
		if err != nil {
			release()
			return nil, fmt.Errorf("%w (step %d)", err, i)
		}
		out := ws.tensor(c, h, w)
		st.exec(ins, out, ws)
		vals[st.out] = out
		releaseDead(vals, last, i, ws)
	}
	outs := make([]*tensor, len(n.heads))
	for i, s := range n.heads {
		outs[i] = vals[s]
	}
	return outs, nil
}

// lastUses returns, per slot, the index of the last step reading it; head
// slots are never released.
func (n *fbNet) lastUses() []int {
	last := make([]int, n.nslots)
	for i, st := range n.steps {
		for _, s := range st.in {
			last[s] = i
		}
	}
	for _, s := range n.heads {
		last[s] = len(n.steps)
	}
	return last
}

// outShape checks the step's inputs and returns its output shape. "SAME"
// padding was fixed at compile time for inputs that are a multiple of the
// stride, so any other size is refused.
func (st *fbStep) outShape(ins []*tensor) (c, h, w int, err error) {
	in := ins[0]
	c, h, w = in.c, in.h, in.w
	switch st.kind {
	case fbConv:
		if in.c != st.conv.ci {
			return 0, 0, 0, ModelError(fmt.Sprintf("conv: %d input channels, weights want %d", in.c, st.conv.ci))
		}
		if in.h%st.conv.stride != 0 || in.w%st.conv.stride != 0 {
			return 0, 0, 0, ModelError("conv: input not a multiple of the stride")
		}
		c = st.conv.co
		h, w = st.conv.outSize(in.h, in.w)
	case fbPool:
		if in.h%st.pool.stride != 0 || in.w%st.pool.stride != 0 {
			return 0, 0, 0, ModelError("pool: input not a multiple of the stride")
		}
		h, w = st.pool.outSize(in.h, in.w)
	case fbConcat:
		c = 0
		for _, t := range ins {
			if t.h != in.h || t.w != in.w {
				return 0, 0, 0, ModelError("concat: inputs differ in size")
			}
			c += t.c
		}
	}
	if h < 1 || w < 1 {
		return 0, 0, 0, ModelError("input too small for the network")
	}
	return c, h, w, nil
}

func (st *fbStep) exec(ins []*tensor, out *tensor, ws *workspace) {
	switch st.kind {
	case fbConv:
		st.conv.run(ins[0], nil, out, ws)
	case fbPool:
		st.pool.run(ins[0], out, ws)
	case fbConcat:
		off := 0
		for _, t := range ins {
			off += copy(out.data[off:], t.data[:t.c*t.h*t.w])
		}
	case fbNeg:
		for i, v := range ins[0].data[:len(out.data)] {
			out.data[i] = -v
		}
	case fbRelu:
		copy(out.data, ins[0].data)
		reluRow(out.data)
	}
}

// padPool is a max pool over a k×k window at a stride, with padBefore and
// padAfter positions of padding on each axis that never win (TensorFlow's
// "SAME" max pool ignores them).
type padPool struct {
	k, stride           int
	padBefore, padAfter int
}

func (p *padPool) outSize(h, w int) (int, int) {
	pad := p.padBefore + p.padAfter - p.k
	return (h+pad)/p.stride + 1, (w+pad)/p.stride + 1
}

func (p *padPool) run(in, out *tensor, ws *workspace) {
	parallel.For(0, in.c, 1, func(lo, hi int) {
		rows := ws.get(in.h * out.w)
		defer ws.put(rows)
		for ch := lo; ch < hi; ch++ {
			p.plane(in.plane(ch), in.h, in.w, out.plane(ch), out.h, out.w, rows)
		}
	})
}

// plane pools one channel: for each output pixel, the maximum over the
// window's positions that fall inside the input. The window is separable:
// each input row is first reduced to its horizontal window maxima (in a
// rows, scratch of ih·ow values), then those are combined vertically.
func (p *padPool) plane(src []float32, ih, iw int, dst []float32, oh, ow int, rows []float32) {
	for y := range ih {
		srow, hrow := src[y*iw:(y+1)*iw], rows[y*ow:(y+1)*ow]
		for x := range ow {
			x0 := x*p.stride - p.padBefore
			xa, xb := max(x0, 0), min(x0+p.k, iw)
			best := srow[xa]
			for _, v := range srow[xa+1 : xb] {
				best = max(best, v)
			}
			hrow[x] = best
		}
	}
	for y := range oh {
		y0 := y*p.stride - p.padBefore
		ya, yb := max(y0, 0), min(y0+p.k, ih)
		drow := dst[y*ow : (y+1)*ow]
		copy(drow, rows[ya*ow:(ya+1)*ow])
		for yy := ya + 1; yy < yb; yy++ {
			for x, v := range rows[yy*ow : (yy+1)*ow] {
				drow[x] = max(drow[x], v)
			}
		}
	}
}
