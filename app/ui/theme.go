package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// veilTheme is Fyne's theme with a focus mark that can be seen: the
// widget the keyboard is on is tinted amber, strongly, a colour no button
// has otherwise (Fyne's own mark is a faint tint of the accent colour,
// easily taken for a highlighted button), so that a person working with
// Tab always knows where they are.
type veilTheme struct{ fyne.Theme }

// focusAmber is the focus mark, two thirds opaque.
var focusAmber = color.NRGBA{R: 0xFF, G: 0xB3, B: 0x00, A: 0xAA}

func (t veilTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusAmber
	}
	return t.Theme.Color(n, v)
}
