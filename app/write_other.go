//go:build !linux

package app

import (
	"errors"
	"os"
)

// createTemp makes a hidden temporary file in dir.
func createTemp(dir string) (*tempFile, error) { return createNamedTemp(dir) }

// linkUnnamed is never called: there are no unnamed files here.
func linkUnnamed(f *os.File, final string) error {
	return errors.New("no unnamed files on this system")
}

// unnamedFailed is never called: there are no unnamed files here.
func unnamedFailed() bool { return false }

// startWriteback does nothing here: the sync does all the work.
func startWriteback(f *os.File, off, n int) {}
