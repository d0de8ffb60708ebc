package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"veil/app"
)

// TestAboutShowsVersionAndEveryComponent checks the About dialog's text:
// the version, and each bundled component with its licence.
func TestAboutShowsVersionAndEveryComponent(t *testing.T) {
	a := test.NewTempApp(t)
	text := strings.Join(aboutLabels(t, aboutContent(a)), "\n")
	want := []string{"Veil " + app.Version, "BlazeFace face detection weights", "Apache-2.0", "goexif", "Fyne"}
	for _, c := range components {
		want = append(want, c.name+" — "+c.licence+" · "+c.holder)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the About dialog does not say %q", w)
		}
	}
}

// TestComponentsAreCompleteAndUnique checks every row has a name, a licence
// and a holder, and no module is listed twice.
func TestComponentsAreCompleteAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range components {
		if c.name == "" || c.licence == "" || c.holder == "" {
			t.Errorf("incomplete row %+v", c)
		}
		if c.module != "" && seen[c.module] {
			t.Errorf("module %s listed twice", c.module)
		}
		seen[c.module] = true
	}
}

// TestShowAboutOpensADialog opens the dialog over a window.
func TestShowAboutOpensADialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("behind"))
	showAbout(w)
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog on the window")
	}
	if text := strings.Join(aboutLabels(t, overlay), "\n"); !strings.Contains(text, "About Veil") {
		t.Errorf("dialog text %q has no title", text)
	}
}

// aboutLabels returns the text of every label and rich text under o, walking into
// containers, scrolls and the objects other widgets render.
func aboutLabels(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		out = append(out, v.Text)
	case *widget.RichText:
		out = append(out, v.String())
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, aboutLabels(t, c)...)
		}
	case *container.Scroll:
		out = append(out, aboutLabels(t, v.Content)...)
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, v).Objects() {
			out = append(out, aboutLabels(t, c)...)
		}
	}
	return out
}
