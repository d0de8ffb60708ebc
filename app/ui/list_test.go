package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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
