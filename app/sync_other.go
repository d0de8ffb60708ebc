//go:build !linux

package app

// syncOutputs flushes a batch's files one by one where there is no
// syncfs(2), and returns each one's error.
func syncOutputs(names []string) []error {
	errs := make([]error, len(names))
	for i, n := range names {
		errs[i] = syncFile(n)
	}
	return errs
}
