//go:build !(linux && x11) && !windows

package main

import "veil/app/ui"

// idleLoop is nil where Veil has no wait of its own for the toolkit's
// events (macOS, a Linux build for Wayland): the window polls as
// Fyne does, about 1 % of a core while idle.
func idleLoop() ui.EventLoop { return nil }
