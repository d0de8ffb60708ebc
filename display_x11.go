//go:build unix && !darwin && !android && !ios

package main

import "os"

// hasDisplay reports whether there is a display to open the window on: on
// Linux and the BSDs, an X11 or Wayland display named in the environment.
func hasDisplay() bool {
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
