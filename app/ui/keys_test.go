package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEscapeClosesAboutAndSettings(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	escape := func() { v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	v.editor.prev.wait()
	test.Tap(buttonNamed(t, v.root, "About"))
	escape()
	if o := v.win.Canvas().Overlays().Top(); o != nil {
		t.Errorf("Escape left About open")
	}
	test.Tap(buttonNamed(t, v.root, "Settings"))
	settingsRadio(t, v).SetSelected("Next to the original")
	before := v.prefs
	escape()
	if o := v.win.Canvas().Overlays().Top(); o != nil || v.prefs != before {
		t.Errorf("Escape left Settings open, or changed them")
	}
}

func TestTheKeyboardReachesTheListAndTheFaces(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	c := v.win.Canvas()
	reached := map[string]bool{}
	for range 60 {
		c.FocusNext()
		switch f := c.Focused().(type) {
		case *keyList:
			reached["list"] = true
		case *focusCheck:
			if f == v.legend.checks[0] {
				reached["face"] = true
			}
		}
		if reached["list"] && reached["face"] {
			break
		}
	}
	if !reached["list"] || !reached["face"] {
		t.Fatalf("Tab reached %v, want the list and the face", reached)
	}
	c.Focus(v.legend.checks[0])
	c.Focused().TypedRune(' ')
	if v.editor.Covered(0) {
		t.Error("Space on the focused face did not uncover it")
	}
}

func TestEscapeAnswersLookBeforeSendingWithReviewThem(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	pressKeys(t, v.win.Canvas(), fyne.KeyS, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if v.saver.asking == nil {
		t.Fatal("Save all did not ask about the photo with no face")
	}
	v.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if o := v.win.Canvas().Overlays().Top(); o != nil || v.saver.asking != nil {
		t.Fatal("Escape left the question open")
	}
	if v.selected != v.entries[1] || v.entries[1].state == stSaved {
		t.Errorf("after Escape %s is on screen, %s", v.selected.name(), v.entries[1].statusText())
	}
}
