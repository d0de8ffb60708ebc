package face

// tensor is one image-shaped activation in planar (NCHW, batch 1) layout:
// channel c, row y, column x lives at data[(c*h+y)*w+x].
type tensor struct {
	c, h, w int
	data    []float32
}

func newTensor(c, h, w int) *tensor {
	return &tensor{c: c, h: h, w: w, data: make([]float32, c*h*w)}
}

// plane returns channel c as one slice of h*w values.
func (t *tensor) plane(c int) []float32 {
	n := t.h * t.w
	return t.data[c*n : (c+1)*n]
}
