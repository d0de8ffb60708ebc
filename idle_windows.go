//go:build windows

package main

import (
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"veil/app/ui"
)

// Flags of MsgWaitForMultipleObjectsEx (winuser.h).
const (
	// qsWake is QS_ALLINPUT (0x04FF) but QS_TIMER (0x0010): every input,
	// paint, posted and sent message wakes the window, but a timer's
	// WM_TIMER waits for the next poll (neither GLFW nor Fyne sets one;
	// under Wine one arrives five times a second for nothing).
	qsWake             = 0x04EF
	mwmoInputAvailable = 0x0004 // return even for messages already peeked at
)

var msgWait = windows.NewLazySystemDLL("user32.dll").NewProc("MsgWaitForMultipleObjectsEx")

// winLoop waits for the thread's message queue without taking a message:
// Fyne's own poll (GLFW's PeekMessage loop) reads and handles them
// afterwards, in their order, as it always does.
type winLoop struct {
	wake windows.Handle // an auto-reset event: Wake sets it
}

// idleLoop returns the Windows wait, or nil to poll as Fyne does should
// the event or the function not be there.
func idleLoop() ui.EventLoop {
	if msgWait.Find() != nil {
		return nil
	}
	h, err := windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		return nil
	}
	return &winLoop{wake: h}
}

// Wait sleeps until a message arrives for the window's thread, Wake, or
// d. Main thread only: it is the thread whose queue is watched.
func (l *winLoop) Wait(d time.Duration) {
	_, _, _ = msgWait.Call(1, uintptr(unsafe.Pointer(&l.wake)), uintptr(d.Milliseconds()), qsWake, mwmoInputAvailable)
}

// Wake ends a Wait in progress. Any goroutine.
func (l *winLoop) Wake() { _ = windows.SetEvent(l.wake) }
