package redact

import (
	"runtime"
	"sync"
	"testing"
)

func TestParallelCoversEveryRowOnce(t *testing.T) {
	tests := []struct {
		name        string
		start, stop int
		procs       int
	}{
		{"an empty range calls nothing", 5, 5, 4},
		{"a reversed range calls nothing", 9, 3, 4},
		{"a single row runs inline", 0, 1, 4},
		{"a few rows run on one worker", 10, 25, 2},
		{"many rows split over two workers", 0, 1000, 2},
		{"many rows split over many workers", -50, 4321, 64},
		{"odd counts leave no gaps", 3, 104, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(tt.procs))
			var mu sync.Mutex
			seen := map[int]int{}
			parallel(tt.start, tt.stop, func(lo, hi int) {
				mu.Lock()
				defer mu.Unlock()
				for y := lo; y < hi; y++ {
					seen[y]++
				}
			})
			for y := tt.start; y < tt.stop; y++ {
				if seen[y] != 1 {
					t.Errorf("row %d visited %d times, want 1", y, seen[y])
				}
			}
			if want := max(0, tt.stop-tt.start); len(seen) != want {
				t.Errorf("visited %d distinct rows, want %d", len(seen), want)
			}
		})
	}
}

func TestParallelCapsWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(64))
	var mu sync.Mutex
	calls := 0
	parallel(0, 100000, func(lo, hi int) {
		mu.Lock()
		calls++
		mu.Unlock()
	})
	if calls > maxWorkers {
		t.Errorf("parallel used %d workers, want at most %d", calls, maxWorkers)
	}
}
