//go:build !unix

package app

import "os"

// lockTemp does nothing here: Windows refuses to remove an open file,
// which is lock enough.
func lockTemp(f *os.File) {}

// removeIfAbandoned removes the temporary file at path; the removal fails
// while its writer still has it open.
func removeIfAbandoned(path string) {
	if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() {
		_ = os.Remove(path)
	}
}
