// Package parallel is Veil's one way of spreading a loop over goroutines,
// with one cap on how many one call starts: covering a region, turning a
// photo, a layer of the face detector, the window's preview and reading a
// large file all go through it (as imaging's utils.go parallel does for
// that library).
package parallel

import (
	"runtime"
	"sync"
)

// Max caps the goroutines one call starts, whatever GOMAXPROCS says. The
// loops it runs are bound by memory more than by arithmetic, and the
// computer is shared with the window, which must stay responsive while a
// photo is covered or its faces are looked for.
const Max = 4

// Workers is how many goroutines one call may start: GOMAXPROCS, at most Max.
func Workers() int { return min(runtime.GOMAXPROCS(0), Max) }

// Band is the half-open range [Lo, Hi).
type Band struct{ Lo, Hi int }

// Split cuts [start, stop) into at most Workers() consecutive bands of equal
// size (the last may be shorter) that together cover it exactly once, each
// at least minChunk long, so that a small job stays one band. An empty or
// reversed range gives no band.
func Split(start, stop, minChunk int) []Band {
	n := stop - start
	if n <= 0 {
		return nil
	}
	workers := max(1, min(Workers(), n/max(minChunk, 1)))
	step := (n + workers - 1) / workers
	bands := make([]Band, 0, workers)
	for lo := start; lo < stop; lo += step {
		bands = append(bands, Band{lo, min(lo+step, stop)})
	}
	return bands
}

// Run calls fn for each band, each on its own goroutine (one band runs on
// the caller's), and returns when every call has returned. Bands from
// Split keep to the cap.
func Run(bands []Band, fn func(i int, b Band)) {
	if len(bands) == 1 {
		fn(0, bands[0])
		return
	}
	var wg sync.WaitGroup
	for i, b := range bands {
		wg.Go(func() { fn(i, b) })
	}
	wg.Wait()
}

// For calls fn on the bands of Split(start, stop, minChunk), in parallel,
// and returns when every call has returned. Each band walks memory in
// order.
func For(start, stop, minChunk int, fn func(lo, hi int)) {
	Run(Split(start, stop, minChunk), func(_ int, b Band) { fn(b.Lo, b.Hi) })
}
