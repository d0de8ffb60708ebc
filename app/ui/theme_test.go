package ui

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

func TestTheFocusMarkIsNotTheAccentColour(t *testing.T) {
	_, a := newTestShell(t)
	th := a.Settings().Theme()
	focus, accent := th.Color(theme.ColorNameFocus, theme.VariantDark), th.Color(theme.ColorNamePrimary, theme.VariantDark)
	if _, _, _, al := focus.RGBA(); al < 0x8000 {
		t.Errorf("the focus mark is only %d/65535 opaque", al)
	}
	if opaque(focus) == opaque(accent) {
		t.Error("the focus mark is the accent colour: a focused button looks like the main one")
	}
}
