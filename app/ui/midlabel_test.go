package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestLongFileNamesAreShortenedInTheMiddle(t *testing.T) {
	test.NewTempApp(t)
	name := "IMG_20240612_221530_holiday_beach.jpg"
	l := newMidLabel(fyne.TextStyle{Bold: true})
	l.SetFull(name)
	tests := []struct {
		name  string
		width float32
		whole bool
	}{
		{"shown whole where there is room", 600, true},
		{"shortened in the middle where there is not", 140, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l.Resize(fyne.NewSize(tt.width, l.MinSize().Height))
			if tt.whole != (l.Text == name) {
				t.Fatalf("at %v: %q", tt.width, l.Text)
			}
			if !tt.whole && (!strings.HasPrefix(l.Text, "IMG_2") || !strings.HasSuffix(l.Text, ".jpg") || !strings.Contains(l.Text, "…")) {
				t.Errorf("at %v: %q does not keep the start and the end", tt.width, l.Text)
			}
			if w := l.measure(l.Text) + 2*theme.InnerPadding(); w > tt.width {
				t.Errorf("%q is %v wide, more than %v", l.Text, w, tt.width)
			}
		})
	}
}
