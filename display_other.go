//go:build !unix || darwin || android || ios

package main

// hasDisplay reports whether there is a display to open the window on:
// always, on systems whose programs run inside their desktop.
func hasDisplay() bool { return true }
