package ui

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeLoop is an EventLoop whose Wait ends on Wake or at its timeout, and
// which counts both.
type fakeLoop struct {
	waits, wakes atomic.Int32
	wake         chan struct{}
	fail         bool
	waiting      chan time.Duration // each Wait's timeout, as it starts
}

func newFakeLoop() *fakeLoop {
	return &fakeLoop{wake: make(chan struct{}, 1), waiting: make(chan time.Duration, 100)}
}

func (l *fakeLoop) Wait(d time.Duration) {
	if l.fail {
		panic(errors.New("the library is not initialized"))
	}
	l.waits.Add(1)
	l.waiting <- d
	select {
	case <-l.wake:
	case <-time.After(d):
	}
}

func (l *fakeLoop) Wake() {
	l.wakes.Add(1)
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// mainThread runs functions one at a time on one goroutine, as the
// toolkit's loop does, and waits for each.
func mainThread(t *testing.T) func(func()) {
	jobs := make(chan func())
	done := make(chan struct{})
	go func() {
		for {
			select {
			case f := <-jobs:
				f()
				done <- struct{}{}
			case <-time.After(5 * time.Second):
				return
			}
		}
	}()
	var mu sync.Mutex
	return func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		jobs <- f
		<-done
	}
}

func quickSleeper(t *testing.T, loop EventLoop, busy func() bool) *sleeper {
	s := newSleeper(loop, mainThread(t), busy)
	s.after, s.nap = 30*time.Millisecond, 200*time.Millisecond
	t.Cleanup(s.stop)
	return s
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestAnIdleWindowSleepsInTheLoopsWait(t *testing.T) {
	loop := newFakeLoop()
	s := quickSleeper(t, loop, nil)
	go s.run()
	if d := <-loop.waiting; d != s.nap {
		t.Fatalf("a sleep of %v, want the nap %v", d, s.nap)
	}
}

func TestAResultHandedBackWakesTheSleepAndKeepsTheWindowAwake(t *testing.T) {
	loop := newFakeLoop()
	s := quickSleeper(t, loop, nil)
	s.nap = 2 * time.Second // only a wake ends this sleep in time
	go s.run()
	<-loop.waiting
	woken := time.Now()
	s.touch()
	if loop.wakes.Load() != 1 {
		t.Fatalf("touch during a sleep woke the loop %d times, want 1", loop.wakes.Load())
	}
	<-loop.waiting // the next sleep
	if since := time.Since(woken); since < s.after {
		t.Fatalf("slept again %v after activity, before the window was idle for %v", since, s.after)
	}
}

func TestTouchingAnAwakeWindowDoesNotWakeTheLoop(t *testing.T) {
	loop := newFakeLoop()
	s := quickSleeper(t, loop, nil)
	s.touch()
	if loop.wakes.Load() != 0 {
		t.Fatal("Wake was called with no Wait in progress (it could follow the loop's end)")
	}
}

func TestAMovingBarKeepsTheWindowAwake(t *testing.T) {
	loop := newFakeLoop()
	var moving atomic.Bool
	moving.Store(true)
	s := quickSleeper(t, loop, moving.Load)
	go s.run()
	time.Sleep(10 * s.after)
	if n := loop.waits.Load(); n != 0 {
		t.Fatalf("slept %d times while a bar was moving", n)
	}
	moving.Store(false)
	waitFor(t, "a sleep once the bar stopped", func() bool { return loop.waits.Load() > 0 })
}

func TestAFailingWaitStopsTheSleeperForGood(t *testing.T) {
	loop := newFakeLoop()
	loop.fail = true
	s := quickSleeper(t, loop, nil)
	ended := make(chan struct{})
	go func() { s.run(); close(ended) }()
	select {
	case <-ended:
	case <-time.After(3 * time.Second):
		t.Fatal("the sleeper went on after its wait failed")
	}
	s.touch()
	if loop.wakes.Load() != 0 {
		t.Fatal("a stopped sleeper woke the loop")
	}
}

func TestStopEndsTheSleeper(t *testing.T) {
	s := quickSleeper(t, newFakeLoop(), nil)
	s.stop()
	ended := make(chan struct{})
	go func() { s.run(); close(ended) }()
	select {
	case <-ended:
	case <-time.After(3 * time.Second):
		t.Fatal("run went on after stop")
	}
}

func TestWithoutALoopNothingSleeps(t *testing.T) {
	var s *sleeper
	s.touch() // the test driver's windows have none: no panic
	s.stop()
}

func TestPostWakesASleepingWindow(t *testing.T) {
	v, _ := newTestShell(t)
	loop := newFakeLoop()
	v.idle = newSleeper(loop, mainThread(t), nil)
	v.idle.sleeping = true // as during Wait
	v.post(func() {})
	if loop.wakes.Load() != 1 {
		t.Fatalf("a result handed back woke the loop %d times, want 1", loop.wakes.Load())
	}
}

func TestInputThatEndsASleepKeepsTheWindowAwake(t *testing.T) {
	loop := newFakeLoop()
	s := quickSleeper(t, loop, nil)
	s.nap = 2 * time.Second
	go s.run()
	<-loop.waiting
	input := time.Now()
	loop.wake <- struct{}{} // an event from the system, not a Wake
	<-loop.waiting
	if since := time.Since(input); since < s.after {
		t.Fatalf("slept again %v after input, before the window was idle for %v", since, s.after)
	}
}
