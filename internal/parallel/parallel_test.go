package parallel

import (
	"runtime"
	"sync"
	"testing"
)

func TestForCoversEveryIndexOnce(t *testing.T) {
	tests := []struct {
		name             string
		start, stop, min int
		procs, wantBands int
	}{
		{"an empty range calls nothing", 5, 5, 1, 4, 0},
		{"a reversed range calls nothing", 9, 3, 1, 4, 0},
		{"a single index runs inline", 0, 1, 1, 4, 1},
		{"a job under two chunks is one band", 10, 25, 16, 2, 1},
		{"many indices split over two workers", 0, 1000, 16, 2, 2},
		{"many indices split over at most Max workers", -50, 4321, 16, 64, Max},
		{"odd counts leave no gaps", 3, 104, 1, 7, Max},
		{"one processor runs one band", 0, 1000, 1, 1, 1},
		{"a zero chunk counts as one", 0, 3, 0, 8, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(tt.procs))
			var mu sync.Mutex
			seen, bands := map[int]int{}, 0
			For(tt.start, tt.stop, tt.min, func(lo, hi int) {
				mu.Lock()
				defer mu.Unlock()
				bands++
				for i := lo; i < hi; i++ {
					seen[i]++
				}
			})
			for i := tt.start; i < tt.stop; i++ {
				if seen[i] != 1 {
					t.Errorf("index %d visited %d times, want 1", i, seen[i])
				}
			}
			if want := max(0, tt.stop-tt.start); len(seen) != want {
				t.Errorf("visited %d distinct indices, want %d", len(seen), want)
			}
			if bands != tt.wantBands {
				t.Errorf("%d bands, want %d", bands, tt.wantBands)
			}
		})
	}
}

func TestSplitKeepsEachBandAtLeastMinChunk(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(64))
	for _, n := range []int{1, 15, 16, 31, 32, 33, 64, 100, 1 << 20} {
		bands := Split(0, n, 16)
		if len(bands) > 1 {
			for _, b := range bands[:len(bands)-1] {
				if b.Hi-b.Lo < 16 {
					t.Errorf("n=%d: band %v is shorter than 16", n, b)
				}
			}
		}
		if len(bands) > Max {
			t.Errorf("n=%d: %d bands, over the cap of %d", n, len(bands), Max)
		}
	}
}

func TestRunGivesEachBandItsIndex(t *testing.T) {
	bands := []Band{{0, 2}, {2, 5}, {5, 9}}
	got := make([]Band, len(bands))
	Run(bands, func(i int, b Band) { got[i] = b })
	for i := range bands {
		if got[i] != bands[i] {
			t.Errorf("band %d: got %v, want %v", i, got[i], bands[i])
		}
	}
}
