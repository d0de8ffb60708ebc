package face

import ("testing";"fmt")

func TestZZLayers(t *testing.T) {
	d := newTestDetector(t)
	c, h, w := 3, 768, 1024
	shapes := map[int][3]int{0: {c, h, w}}
	var tot, tot1, totd, tots float64
	for i, st := range d.net.steps {
		in := shapes[st.in]
		var out [3]int
		switch st.kind {
		case stepConv:
			oh, ow := st.conv.outSize(in[1], in[2])
			out = [3]int{st.conv.co, oh, ow}
			var macs float64
			if st.conv.depthwise { macs = float64(st.conv.co*oh*ow*st.conv.k*st.conv.k); totd += macs } else if st.conv.k == 1 { macs = float64(st.conv.co*st.conv.ci*oh*ow); tot1 += macs } else { macs = float64(st.conv.co*st.conv.ci*oh*ow*st.conv.k*st.conv.k); tots += macs }
			tot += macs
			fmt.Printf("%2d conv in=%v out=%v k=%d s=%d dw=%v res=%d relu=%v pads=%d%d%d%d MMAC=%.1f\n", i, in, out, st.conv.k, st.conv.stride, st.conv.depthwise, st.res, st.conv.relu, st.conv.padT, st.conv.padL, st.conv.padB, st.conv.padR, macs/1e6)
		case stepPool:
			oh, ow := st.pool.outSize(in[1], in[2]); out = [3]int{in[0], oh, ow}
			fmt.Printf("%2d pool in=%v out=%v\n", i, in, out)
		case stepPadChannels:
			out = [3]int{in[0] + st.extra, in[1], in[2]}
			fmt.Printf("%2d pad in=%v out=%v\n", i, in, out)
		case stepAdd:
			out = in
			fmt.Printf("%2d add in=%v res=%d relu=%v\n", i, in, st.res, st.relu)
		}
		shapes[st.out] = out
	}
	fmt.Printf("total %.0f MMAC (1x1 %.0f, dw %.0f, other %.0f)\n", tot/1e6, tot1/1e6, totd/1e6, tots/1e6)
}
