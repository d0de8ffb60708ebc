//go:build unix && !darwin && !android && !ios

package main

import (
	"os"
	"strings"
)

// hasDisplay reports whether there is a display to open the window on: on
// Linux and the BSDs, the X server named by DISPLAY (Veil is built for X11
// only; on a Wayland desktop, XWayland sets DISPLAY). A local display
// (":0", "unix:0") must have its socket in /tmp/.X11-unix, so that a
// DISPLAY naming no server gets the one sentence instead of the toolkit's
// log lines; a remote one ("host:10", as ssh -X sets) is left to the
// toolkit to reach.
func hasDisplay() bool {
	return displayReachable(os.Getenv("DISPLAY"), func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	})
}

// displayReachable applies hasDisplay's rule to the DISPLAY value d, with
// exists telling whether a path exists.
func displayReachable(d string, exists func(string) bool) bool {
	host, rest, ok := strings.Cut(d, ":")
	if !ok || rest == "" {
		return false
	}
	if host != "" && host != "unix" {
		return true
	}
	num, _, _ := strings.Cut(rest, ".")
	if num == "" || strings.Trim(num, "0123456789") != "" {
		return false
	}
	return exists("/tmp/.X11-unix/X" + num)
}
