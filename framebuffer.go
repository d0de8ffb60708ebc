package main

import "github.com/go-gl/glfw/v3.4/glfw"

// noDepthBuffer asks GLFW for a window with neither a depth nor a stencil
// buffer. Fyne paints flat, back to front, and uses neither, but GLFW asks
// for both unless told otherwise: 4 bytes a pixel that nothing reads. With
// software rendering (Mesa's llvmpipe: virtual machines, remote desktops,
// Xvfb) they are ordinary memory, 4 MB for the 1280×800 window and four
// times that maximised on a HiDPI screen.
//
// GLFW reads its hints when it makes a window, which Fyne does when the
// window is first shown: call noDepthBuffer on the main goroutine after
// the window is built (GLFW has started) and before it is shown. The hints
// are wishes: GLFW takes the closest configuration the system offers.
func noDepthBuffer() {
	glfw.WindowHint(glfw.DepthBits, 0)
	glfw.WindowHint(glfw.StencilBits, 0)
}
