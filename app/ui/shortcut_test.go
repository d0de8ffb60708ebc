package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
)

// typeShortcut delivers s to the canvas as a keyboard would: through the
// canvas's own shortcut table, so only what the window registered fires.
// Fyne 2.8's test canvas wraps the software canvas, which holds that
// table, in a struct that does not forward TypedShortcut; reach it.
func typeShortcut(t *testing.T, c fyne.Canvas, s fyne.Shortcut) {
	t.Helper()
	if sc, ok := c.(fyne.Shortcutable); ok {
		sc.TypedShortcut(s)
		return
	}
	v := reflect.ValueOf(c)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	inner := v.FieldByName("WindowlessCanvas")
	if !inner.IsValid() || !inner.CanInterface() {
		t.Fatalf("the test canvas %T takes no shortcuts", c)
	}
	sc, ok := inner.Interface().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the test canvas %T takes no shortcuts", c)
	}
	sc.TypedShortcut(s)
}
