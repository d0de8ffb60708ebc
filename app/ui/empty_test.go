package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestTheEmptyWindowDrawsTextInTwoStylesOnly keeps the empty window to
// plain and bold text (the buttons' labels): Fyne holds a whole parsed font
// in memory for each style on screen, some 3 MB, so an italic line would
// cost the idle window that much.
func TestTheEmptyWindowDrawsTextInTwoStylesOnly(t *testing.T) {
	v, _ := newTestShell(t)
	v.win.Resize(fyne.NewSize(1280, 800))
	styles := map[fyne.TextStyle][]string{}
	for _, o := range test.LaidOutObjects(v.win.Content()) {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() && txt.Text != "" {
			styles[txt.TextStyle] = append(styles[txt.TextStyle], txt.Text)
		}
	}
	for style, texts := range styles {
		if style != (fyne.TextStyle{}) && style != (fyne.TextStyle{Bold: true}) {
			t.Errorf("the empty window draws %q in style %+v: neither plain nor bold", texts, style)
		}
	}
	if len(styles) == 0 {
		t.Error("the empty window draws no text at all")
	}
}

// variantTheme is the default theme held to one variant, as a desktop's
// light or dark setting would have it.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// TestTheDropAreaFollowsAThemeChangedAfterStart: a desktop's light or dark
// setting reaches Fyne after the window is up; the drop area, drawn with
// the theme's colours, must change with it, not stay in the first one.
func TestTheDropAreaFollowsAThemeChangedAfterStart(t *testing.T) {
	v, a := newTestShell(t)
	v.win.Resize(fyne.NewSize(1280, 800))
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a.Settings().SetTheme(veilTheme{variantTheme{theme.DefaultTheme(), variant}})
		want := theme.DefaultTheme().Color(theme.ColorNameInputBackground, variant)
		found := false
		for _, o := range test.LaidOutObjects(v.win.Content()) {
			if r, ok := o.(*canvas.Rectangle); ok && r.CornerRadius == 16 {
				found = true
				if !sameColour(r.FillColor, want) {
					t.Errorf("variant %v: the drop area is %v, want the theme's %v", variant, r.FillColor, want)
				}
			}
		}
		if !found {
			t.Fatal("no drop area on the empty window")
		}
	}
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
