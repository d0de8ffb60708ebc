package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestPhotosFromOneCameraAreToldApartInTheListAt1024(t *testing.T) {
	v, _ := newTestShell(t)
	names := []string{"IMG_20240612_221530.jpg", "IMG_20240612_221547.jpg"}
	drop(v, copyAs(t, gpsJPEG, names[0]), copyAs(t, gpsJPEG, names[1]))
	v.win.Resize(fyne.NewSize(1024, 640))
	v.win.Content().Refresh() // the driver's next frame (see TestTheWindowRenders)
	a, b := rowNamed(t, v, names[0]).Text, rowNamed(t, v, names[1]).Text
	if a == b {
		t.Fatalf("both photos are listed as %q", a)
	}
	for i, shown := range []string{a, b} {
		if end := names[i][len(names[i])-8:]; !strings.HasSuffix(shown, end) {
			t.Errorf("%q is listed as %q: the numbers that tell it apart (%q) are cut", names[i], shown, end)
		}
	}
}

func TestPhotosDroppedOnALongListArriveInSight(t *testing.T) {
	v, _ := newTestShell(t)
	var many []string
	for i := range 9 {
		many = append(many, copyAs(t, gpsJPEG, fmt.Sprintf("photo-%d.jpg", i)))
	}
	drop(v, many...)
	v.win.Resize(fyne.NewSize(1024, 640))
	v.win.Content().Refresh()
	tests := []struct {
		name, dropped string
	}{
		{"a new photo is scrolled to", copyAs(t, gpsJPEG, "late.jpg")},
		{"a photo listed already is scrolled back to", many[8]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v.list.list.ScrollToTop()
			drop(v, tt.dropped)
			v.win.Content().Refresh()
			if !inSight(v, filepath.Base(tt.dropped)) {
				t.Error("its row is out of sight")
			}
			if v.selected != v.entries[0] {
				t.Errorf("the photo on screen changed to %s", v.selected.name())
			}
		})
	}
}

// inSight reports whether the first line of the row of the photo called
// name (its name) is within the part of the list on screen.
func inSight(v *shell, name string) bool {
	y := float32(0)
	for i, e := range v.entries {
		if e.name() == name {
			off := v.list.list.GetScrollOffset()
			return y >= off && y+theme.TextSize()*2 <= off+v.list.list.Size().Height
		}
		y += v.list.heights[i] + theme.Padding() // the list's separator
	}
	return false
}

func TestTheListIsFramedWhileItHasTheKeyboard(t *testing.T) {
	v, _ := newTestShell(t)
	drop(v, copyFixtures(t, astronaut, gpsJPEG)...)
	c := v.win.Canvas()
	tests := []struct {
		name  string
		focus func()
		want  bool
	}{
		{"Tab reaches the list: framed", func() { c.Focus(v.list.list) }, true},
		{"Tab leaves it: not framed", func() { c.FocusNext() }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.focus()
			if v.list.ring.Visible() != tt.want {
				t.Errorf("the frame shows: %v, want %v", v.list.ring.Visible(), tt.want)
			}
		})
	}
}
