//go:build linux && x11

package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <poll.h>

// veilWaitX11 returns once the X server has sent something, wakefd is
// readable, or ms milliseconds have passed. It reads no event: XPending
// sends what is buffered and moves what has arrived into Xlib's queue,
// where GLFW finds it; the events are left for the toolkit's next poll.
static int veilWaitX11(Display *d, int wakefd, int ms) {
	if (XPending(d) > 0) {
		return 1;
	}
	struct pollfd fds[2] = {
		{ .fd = ConnectionNumber(d), .events = POLLIN },
		{ .fd = wakefd, .events = POLLIN },
	};
	return poll(fds, 2, ms);
}
*/
import "C"

import (
	"errors"
	"syscall"
	"time"
	"unsafe"

	"github.com/go-gl/glfw/v3.4/glfw"

	"veil/app/ui"
)

// x11Loop waits for the X server without taking its events: Fyne's own
// poll reads and handles them afterwards, in their order, as it always
// does. (GLFW's own wait would hand a click to Fyne before the pointer
// move that came with it, which Fyne applies only after.)
type x11Loop struct {
	wake [2]int // a pipe: Wake writes a byte, Wait drains it
}

// idleLoop returns the X11 wait, or nil to poll as Fyne does should the
// pipe not open.
func idleLoop() ui.EventLoop {
	l := &x11Loop{}
	if err := syscall.Pipe2(l.wake[:], syscall.O_NONBLOCK|syscall.O_CLOEXEC); err != nil {
		return nil
	}
	return l
}

// Wait sleeps until the X server sends something, Wake, or d. Main thread
// only. It asks GLFW for the display each time: once GLFW has ended (the
// window closed) that is GLFW's error, a panic the sleeper recovers from,
// never a call on a display already closed.
func (l *x11Loop) Wait(d time.Duration) {
	display := (*C.Display)(unsafe.Pointer(glfw.GetX11Display()))
	if display == nil {
		panic(errors.New("no X11 display"))
	}
	C.veilWaitX11(display, C.int(l.wake[0]), C.int(d.Milliseconds()))
	var buf [64]byte
	for {
		if n, err := syscall.Read(l.wake[0], buf[:]); n <= 0 || err != nil {
			return
		}
	}
}

// Wake ends a Wait in progress. Any goroutine; a full pipe already wakes.
func (l *x11Loop) Wake() {
	_, _ = syscall.Write(l.wake[1], []byte{1})
}
