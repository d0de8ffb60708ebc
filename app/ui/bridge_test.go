package ui

import (
	"strings"
	"testing"
)

func TestAFaultInTheWindowKeepsTheEditsAndSaysSo(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut)...)
	v.editor.ToggleCovered(0) // an edit not stored anywhere else yet
	v.restoring = true        // as if the fault came before the editor told the window
	faults := []struct {
		name string
		run  func()
	}{
		{"in background work handed back", func() { v.post(func() { panic("a widget failed") }) }},
		{"in a button's callback", func() { v.safe(func() { panic("a widget failed") })() }},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			f.run() // must not panic
			if e := v.entries[0]; e.edits == nil || len(e.edits.covered) != 1 || e.edits.covered[0] {
				t.Fatal("the edit made before the fault was not kept")
			}
			if text := textUnder(t, topDialog(t, v)); !strings.Contains(text, "Your photos and your changes are kept") {
				t.Errorf("the person is not told: %q", text)
			}
		})
	}
	v.restoring = false
	if v.faults != 2 || len(v.win.Canvas().Overlays().List()) != 1 {
		t.Errorf("%d faults, %d messages: want 2 faults, one message", v.faults, len(v.win.Canvas().Overlays().List()))
	}
}
