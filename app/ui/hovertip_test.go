package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// manualClock stands in for the tip's timer: what is waited for runs when
// the test says the time has passed.
type manualClock struct {
	pending []func()
	delays  []time.Duration
}

func (c *manualClock) after(d time.Duration, f func()) func() {
	i := len(c.pending)
	c.pending, c.delays = append(c.pending, f), append(c.delays, d)
	return func() { c.pending[i] = nil }
}

// elapse runs every timer not stopped.
func (c *manualClock) elapse() {
	for i, f := range c.pending {
		if f != nil {
			c.pending[i] = nil
			f()
		}
	}
}

// rowNamed is the list's name label showing the photo called name.
func rowNamed(t *testing.T, v *shell, name string) *midLabel {
	t.Helper()
	for _, r := range v.list.rows {
		if r.name.full == name && r.name.Visible() {
			return r.name
		}
	}
	t.Fatalf("no row shows %q", name)
	return nil
}

// pointAt is a point inside the label, in the canvas's coordinates.
func pointAt(l *midLabel) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Add(fyne.NewPos(10, l.Size().Height/2))
}

func TestTheWholeFileNameShowsWhenThePointerRestsOnIt(t *testing.T) {
	v, _ := newTestShell(t)
	clock := &manualClock{}
	v.tip.after = clock.after
	long := "IMG_20240612_221530_holiday_at_the_beach_with_everyone.jpg"
	drop(v, copyAs(t, gpsJPEG, long), copyAs(t, gpsJPEG, "a.jpg"))
	c := v.win.Canvas()
	name, short := rowNamed(t, v, long), rowNamed(t, v, "a.jpg")
	if name.Text == long {
		t.Fatalf("the list is wide enough for %q: the test needs a shortened name", long)
	}

	test.MoveMouse(c, pointAt(name))
	if v.tip.shown() != "" {
		t.Error("the tip shows before the pointer has rested")
	}
	if len(clock.delays) != 1 || clock.delays[0] != tipDelay {
		t.Errorf("the tip waits %v, want %v", clock.delays, tipDelay)
	}
	clock.elapse()
	t.Run("the whole name shows after a moment", func(t *testing.T) {
		if v.tip.shown() != long {
			t.Fatalf("the tip shows %q, want %q", v.tip.shown(), long)
		}
	})
	t.Run("the tip stays inside the window and starts where the name does", func(t *testing.T) {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.tip.box)
		end := pos.Add(v.tip.box.Size())
		if pos.X < 0 || pos.Y < 0 || end.X > c.Size().Width || end.Y > c.Size().Height {
			t.Errorf("the tip spans %v to %v, outside the %v window", pos, end, c.Size())
		}
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(name)
		if pos != at {
			t.Errorf("the tip is at %v, the name at %v", pos, at)
		}
		if v.tip.box.Size().Width <= name.Size().Width {
			t.Errorf("the tip is %v wide, no wider than the shortened name (%v)", v.tip.box.Size().Width, name.Size().Width)
		}
	})
	t.Run("a click on the tip reaches the list under it", func(t *testing.T) {
		v.list.list.Select(1)
		test.TapCanvas(c, pointAt(name))
		if v.selected != v.entries[0] {
			t.Error("the photo under the tip was not selected")
		}
	})
	t.Run("the tip goes when the pointer leaves the name", func(t *testing.T) {
		test.MoveMouse(c, pointAt(short))
		clock.elapse()
		if v.tip.shown() != "" {
			t.Errorf("the tip still shows %q", v.tip.shown())
		}
	})
	t.Run("a name shown whole has no tip", func(t *testing.T) {
		test.MoveMouse(c, pointAt(short).Add(fyne.NewPos(1, 0)))
		clock.elapse()
		if v.tip.shown() != "" {
			t.Errorf("the tip shows %q", v.tip.shown())
		}
	})
	t.Run("a timer that fires after the pointer left shows nothing", func(t *testing.T) {
		test.MoveMouse(c, pointAt(name))
		late := clock.pending[len(clock.pending)-1]
		test.MoveMouse(c, fyne.NewPos(c.Size().Width-5, c.Size().Height-5))
		late()
		if v.tip.shown() != "" {
			t.Errorf("the tip shows %q", v.tip.shown())
		}
	})
}

func TestATipTooWideForTheWindowIsBrokenIntoLines(t *testing.T) {
	test.NewTempApp(t)
	tip := newHoverTip(func(f func()) { f() })
	w := test.NewTempWindow(t, tip.layer)
	w.Resize(fyne.NewSize(300, 200))
	long := "a_name_far_too_long_for_a_window_three_hundred_units_wide_0123456789.jpg"
	tip.show(long, fyne.TextStyle{Bold: true}, fyne.NewPos(250, 10))
	pos, size := fyne.CurrentApp().Driver().AbsolutePositionForObject(tip.box), tip.box.Size()
	if pos.X < 0 || pos.X+size.Width > w.Canvas().Size().Width {
		t.Errorf("the tip spans x %v to %v in a %v wide window", pos.X, pos.X+size.Width, w.Canvas().Size().Width)
	}
	if oneLine := newMidLabel(fyne.TextStyle{Bold: true}).MinSize().Height; size.Height < 1.5*oneLine {
		t.Errorf("the tip is %v high: not broken into lines", size.Height)
	}
}

func TestTheWholeNameGoesWhenTheArrowsMoveTheList(t *testing.T) {
	v, _ := newTestShell(t)
	clock := &manualClock{}
	v.tip.after = clock.after
	long := "IMG_20240612_221530_holiday_at_the_beach_with_everyone.jpg"
	drop(v, copyAs(t, gpsJPEG, long), copyAs(t, gpsJPEG, "a.jpg"))
	test.MoveMouse(v.win.Canvas(), pointAt(rowNamed(t, v, long)))
	clock.elapse()
	if v.tip.shown() != long {
		t.Fatalf("the tip shows %q, want %q", v.tip.shown(), long)
	}
	v.list.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := v.tip.shown(); got != "" {
		t.Errorf("after Down the tip still shows %q over a list that moved", got)
	}
}

func TestTheWholeNameGoesWhenTheWheelScrollsTheList(t *testing.T) {
	v, _ := newTestShell(t)
	clock := &manualClock{}
	v.tip.after = clock.after
	long := "IMG_20240612_221530_holiday_at_the_beach_with_everyone.jpg"
	var paths []string
	for i := range 8 {
		paths = append(paths, copyAs(t, gpsJPEG, fmt.Sprintf("%d-%s", i, long)))
	}
	drop(v, paths...)
	v.win.Resize(fyne.NewSize(1024, 640))
	v.win.Content().Refresh()
	name := "0-" + long
	test.MoveMouse(v.win.Canvas(), pointAt(rowNamed(t, v, name)))
	clock.elapse()
	if v.tip.shown() != name {
		t.Fatalf("the tip shows %q, want %q", v.tip.shown(), name)
	}
	clock.elapse() // a check with nothing moved
	if v.tip.shown() != name {
		t.Fatalf("with nothing moved the tip went")
	}
	v.list.list.ScrollToOffset(100) // as the wheel does, the pointer resting
	clock.elapse()
	if got := v.tip.shown(); got != "" {
		t.Errorf("after the list scrolled the tip still shows %q", got)
	}
}
