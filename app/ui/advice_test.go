package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTabOnAQuestionBeforeSendingScrollsItIntoSight(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, gpsJPEG)...)
	v.win.Resize(fyne.NewSize(1024, 640))
	v.win.Content().Refresh() // the driver's next frame (see TestTheWindowRenders)
	c := v.win.Canvas()
	d := fyne.CurrentApp().Driver()
	for i := range v.checks.checks {
		t.Run(checklistItems()[i], func(t *testing.T) {
			for range 50 { // Tab, as a person would, until the box has the keyboard
				if c.Focused() == v.checks.checks[i] {
					break
				}
				c.FocusNext()
			}
			if c.Focused() != v.checks.checks[i] {
				t.Fatal("Tab never reaches the box")
			}
			box := d.AbsolutePositionForObject(v.checks.checks[i]).Y
			view := d.AbsolutePositionForObject(v.sideScroll).Y
			if box < view || box+v.checks.checks[i].Size().Height > view+v.sideScroll.Size().Height {
				t.Errorf("the box is at %v, out of the column shown from %v to %v", box, view, view+v.sideScroll.Size().Height)
			}
		})
	}
}

func TestTheCountOfQuestionsLeadsToTheFirstNotTicked(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, gpsJPEG)...)
	v.win.Resize(fyne.NewSize(1280, 800))
	test.Tap(v.checks.checks[0])
	test.Tap(v.saver.checked)
	if got := v.win.Canvas().Focused(); got != v.checks.checks[1] {
		t.Errorf("after a tap on %q the keyboard is on %v, want the second question", v.saver.checked.Text, got)
	}
}
