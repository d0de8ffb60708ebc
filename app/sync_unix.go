//go:build unix

package app

import "syscall"

// syncOutputs flushes a batch's files with one system-wide sync.
func syncOutputs(names []string) { syscall.Sync() }
