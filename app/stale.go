package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Where unnamed files are not available (no /proc, FAT and exFAT), a copy
// is written under a hidden temporary name, .veil-DIGITS.tmp, until it is
// checked and named. A process killed in between leaves that file behind.
// The first named temporary of a run in a folder removes the ones a dead
// run left there: on Unix a live writer holds a lock on its file (flock),
// which the kernel drops when the process dies; on Windows an open file
// cannot be removed at all.

// staleSwept holds the folders already swept in this run.
var staleSwept sync.Map

// sweepStale removes, once per run and folder, the temporary files of
// writers that are gone. Errors are ignored: a file left is only clutter.
func sweepStale(dir string) {
	if _, done := staleSwept.LoadOrStore(dir, true); done {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		if isTempName(n) {
			removeIfAbandoned(filepath.Join(dir, n))
		}
	}
}

// isTempName reports whether n is a name os.CreateTemp gives for the
// pattern of createNamedTemp: ".veil-", decimal digits, ".tmp".
func isTempName(n string) bool {
	mid, ok := strings.CutPrefix(n, ".veil-")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, ".tmp")
	if !ok || mid == "" {
		return false
	}
	return strings.Trim(mid, "0123456789") == ""
}
