package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// walk calls f on o and on everything under it: container children, scroll
// contents and the objects a widget renders (but not an infinite progress
// bar's, since making its renderer starts it).
func walk(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(t, c, f)
		}
	case *container.Scroll:
		walk(t, x.Content, f)
	case *widget.ProgressBarInfinite:
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			walk(t, c, f)
		}
	}
}

// buttonNamed returns the button under o whose text is text, or fails.
func buttonNamed(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(t, o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// textUnder is every label's text under o, one a line.
func textUnder(t *testing.T, o fyne.CanvasObject) string {
	var out []string
	walk(t, o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		}
	})
	return strings.Join(out, "\n")
}

// topDialog is the top overlay of the window, or fails.
func topDialog(t *testing.T, v *shell) fyne.CanvasObject {
	t.Helper()
	o := v.win.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog on the window")
	}
	return o
}

// copyAs copies the fixture src into a fresh folder as name.
func copyAs(t *testing.T, src, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
