//go:build !linux

package app

// namedTemporariesOnly changes nothing here: every temporary file is named.
func namedTemporariesOnly() (restore func()) { return func() {} }
