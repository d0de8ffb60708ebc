package redact

import (
	"runtime"
	"sync"
)

// minRowsPerWorker keeps tiny jobs on the calling goroutine: starting a
// goroutine costs more than painting a few short rows.
const minRowsPerWorker = 16

// maxWorkers caps the goroutines one call starts, whatever GOMAXPROCS says.
const maxWorkers = 16

// parallel calls fn on consecutive slices [lo, hi) that together cover
// [start, stop) exactly once, on up to min(GOMAXPROCS, maxWorkers)
// goroutines, and returns when all calls have returned. Like imaging's
// parallel (utils.go), but in contiguous bands, so each worker walks memory
// in order.
func parallel(start, stop int, fn func(lo, hi int)) {
	n := stop - start
	if n <= 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), maxWorkers, (n+minRowsPerWorker-1)/minRowsPerWorker)
	if workers <= 1 {
		fn(start, stop)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo := start + n*w/workers
		hi := start + n*(w+1)/workers
		wg.Go(func() { fn(lo, hi) })
	}
	wg.Wait()
}
