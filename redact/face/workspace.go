package face

import (
	"slices"
	"sync"
)

// workspace holds the float buffers of one Detect call. Detectors keep
// workspaces in a sync.Pool, so repeated detections on photos of the same
// size allocate nothing large, while concurrent calls each take their own.
type workspace struct {
	mu   sync.Mutex
	free [][]float32 // released buffers, any order
}

// get returns a buffer of n values (contents undefined): the smallest
// released buffer that is large enough, or a new one. A nil workspace always allocates.
func (ws *workspace) get(n int) []float32 {
	if ws == nil {
		return make([]float32, n)
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	best := -1
	for i, b := range ws.free {
		if cap(b) >= n && (best < 0 || cap(b) < cap(ws.free[best])) {
			best = i
		}
	}
	if best < 0 {
		return make([]float32, n)
	}
	b := ws.free[best]
	ws.free = slices.Delete(ws.free, best, best+1)
	return b[:n]
}

// put releases a buffer for a later get.
func (ws *workspace) put(b []float32) {
	if ws == nil || cap(b) == 0 {
		return
	}
	ws.mu.Lock()
	ws.free = append(ws.free, b)
	ws.mu.Unlock()
}

func (ws *workspace) tensor(c, h, w int) *tensor {
	return &tensor{c: c, h: h, w: w, data: ws.get(c * h * w)}
}
