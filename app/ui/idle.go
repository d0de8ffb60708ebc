package ui

import (
	"sync"
	"time"
)

// EventLoop is the toolkit's own wait for input, which package main gives
// the window (GLFW's on the desktop). Fyne's loop polls sixty times a
// second even when nothing happens, about 1 % of a core for a window the
// person is not touching; the sleeper below uses this wait instead while
// the window is idle, so an idle Veil costs nothing.
type EventLoop interface {
	// Wait sleeps until an input event arrives, Wake is called, or d has
	// passed, and hands the events that woke it to the window. It runs on
	// the main thread only, from a function the loop itself runs.
	Wait(d time.Duration)
	// Wake makes a Wait in progress return at once. Any goroutine.
	Wake()
}

const (
	// idleAfter is how long the window must have had nothing to do (no
	// input, no result handed back, nothing moving) before it sleeps:
	// long enough for a double-click and a button's press to finish.
	idleAfter = time.Second
	// napAtMost bounds one sleep: something Fyne itself posts without a
	// wake (a theme change from the system, its preferences read back)
	// waits at most this long. Each sleep costs about a millisecond of the
	// Go runtime's time as it ends, so it is not much shorter.
	napAtMost = 2 * time.Second
)

// sleeper lets the window's loop sleep in EventLoop.Wait while the window
// is idle. Every result handed back (shell.post) touches it, which wakes a
// sleep in progress; input wakes the loop by itself. Should Wait ever fail
// (the loop gone at exit), the sleeper stops for good and the loop goes on
// polling as Fyne does.
type sleeper struct {
	loop   EventLoop
	onMain func(func()) // runs a function in the loop and waits for it
	busy   func() bool  // on the main thread: something is moving on screen
	after  time.Duration
	nap    time.Duration

	mu       sync.Mutex
	last     time.Time // the last sign of activity
	sleeping bool      // the main thread is in Wait
	stopped  bool
}

// newSleeper returns a sleeper for loop; start it with go s.run().
func newSleeper(loop EventLoop, onMain func(func()), busy func() bool) *sleeper {
	return &sleeper{loop: loop, onMain: onMain, busy: busy, after: idleAfter, nap: napAtMost, last: time.Now()}
}

// touch records activity and wakes the loop if it sleeps. A nil sleeper
// (the test driver, a platform without a wait) does nothing.
func (s *sleeper) touch() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = time.Now()
	if s.sleeping {
		s.loop.Wake() // only while Wait runs: never after the loop is gone
	}
}

// stop ends the sleeping for good; the loop polls as Fyne does.
func (s *sleeper) stop() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
}

// run waits for the window to go idle and then has the loop sleep, again
// and again, until stop.
func (s *sleeper) run() {
	for {
		s.mu.Lock()
		stopped, idle := s.stopped, time.Since(s.last)
		s.mu.Unlock()
		switch {
		case stopped:
			return
		case idle < s.after:
			time.Sleep(s.after - idle)
		default:
			s.onMain(s.napOnce)
		}
	}
}

// napOnce runs on the main thread, in the loop: it sleeps in Wait unless
// the window has become busy meanwhile. A Wait that ends early was ended
// by input or a wake, which counts as activity.
func (s *sleeper) napOnce() {
	if s.busy != nil && s.busy() {
		s.touch() // look again once the moving thing may have stopped
		return
	}
	s.mu.Lock()
	if s.stopped || time.Since(s.last) < s.after {
		s.mu.Unlock()
		return
	}
	s.sleeping = true
	s.mu.Unlock()

	start := time.Now()
	ok := s.wait()
	slept := time.Since(start)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.sleeping = false
	s.stopped = s.stopped || !ok
	if slept < s.nap*9/10 {
		s.last = time.Now()
	}
}

// wait calls the loop's Wait, turning a failure into false: after the
// toolkit has ended, a late call finds it gone and must not take the
// process down with it.
func (s *sleeper) wait() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	s.loop.Wait(s.nap)
	return true
}
