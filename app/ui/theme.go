package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// veilTheme is Fyne's theme with a focus mark that can be seen: the
// widget the keyboard is on is tinted with the accent colour at twice
// Fyne's strength, so that a person working with Tab always knows where
// they are.
type veilTheme struct{ fyne.Theme }

func (t veilTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		c := color.NRGBAModel.Convert(t.Theme.Color(theme.ColorNamePrimary, v)).(color.NRGBA)
		c.A = 0x99
		return c
	}
	return t.Theme.Color(n, v)
}
