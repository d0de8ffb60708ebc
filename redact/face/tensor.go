package face

import (
	"runtime"
	"sync"
)

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

// maxWorkers caps the goroutines one layer uses; the machine is shared
// with the user interface, so detection never takes more than 4 cores.
func maxWorkers() int {
	return min(runtime.GOMAXPROCS(0), 4)
}

// parallel runs fn over [0,n) split into contiguous chunks, one per worker,
// like imaging's parallel helper. Small jobs run on the calling goroutine.
func parallel(n, minChunk int, fn func(lo, hi int)) {
	workers := min(maxWorkers(), n/max(minChunk, 1))
	if workers <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	step := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}
