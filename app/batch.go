package app

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// Job is one file of a batch and what to do to it.
type Job struct {
	Path string
	Plan Plan
}

// CleanAll cleans every file following the plan, several at once
// (Settings.Jobs), and returns the results in the order of paths. A failure
// never stops the others. progress, when not nil, is called once per
// finished file, from the worker goroutines, one call at a time. A single
// file is synced before it gets its name, as Clean does; a batch syncs its
// files once at its end instead.
func CleanAll(paths []string, s Settings, pl Plan, progress func(done, total int, r Result)) []Result {
	jobs := make([]Job, len(paths))
	for i, p := range paths {
		jobs[i] = Job{Path: p, Plan: pl}
	}
	return CleanEach(jobs, s, progress)
}

// CleanEach is CleanAll with a plan for each file (the window's Save all:
// each photo with its own covers and crop). A plan that asks for faces
// finds them before the photo is written, as on the command line.
func CleanEach(jobs []Job, s Settings, progress func(done, total int, r Result)) []Result {
	results := make([]Result, len(jobs))
	var next atomic.Int64 // the index of the next file to take
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < min(s.jobs(), max(len(jobs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // one buffer per worker, reused file after file
			for i := int(next.Add(1) - 1); i < len(jobs); i = int(next.Add(1) - 1) {
				results[i], buf = clean(jobs[i].Path, s, jobs[i].Plan, len(jobs) == 1, buf)
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(jobs), results[i])
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(jobs) > 1 {
		syncAll(results)
	}
	return results
}

// syncAll puts a batch's copies on disk. A copy whose sync failed may not
// be there as it was checked: it is removed, and its result becomes a
// failure, so that "checked" always means checked and on disk.
func syncAll(results []Result) {
	var names []string
	var idx []int
	for i, r := range results {
		if r.Output != "" {
			names = append(names, r.Output)
			idx = append(idx, i)
		}
	}
	if len(names) == 0 {
		return
	}
	for k, err := range syncOutputs(names) {
		if err != nil {
			r := &results[idx[k]]
			os.Remove(r.Output)
			r.Output, r.Lossless = "", false
			r.Err = &FileError{r.File, fmt.Errorf("the clean copy could not be saved to the disk and was removed: %w", plainOSError(err))}
		}
	}
}
