package main

import (
	"math"
	"testing"
)

func TestTiltedTurnsFaceCentresClockwiseAboutTheCentre(t *testing.T) {
	e := entry{Faces: []rect{{90, 40, 40, 20}}, Category: "photo"} // centre (110, 50), 30 px mean side
	// 200×100 turned 90° clockwise is 100×200; right of centre goes below it.
	got := tilted(90, 200, 100)(e, t.TempDir(), "none.png").Faces[0]
	want := rect{50 - 15, 110 - 15, 30, 30}
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Fatalf("turned box %v, want %v", got, want)
		}
	}
}

func TestFaceVariantsCutThroughTheFaceAndIgnoreTheOthers(t *testing.T) {
	e := entry{Faces: []rect{{100, 200, 100, 100}, {400, 50, 60, 60}}, Category: "photo"}
	vs := faceVariants(e, 0, 800, 600)
	tests := []struct {
		suffix string
		face   rect
		ignore rect
	}{
		{"_cuttop.png", rect{100, 0, 100, 55}, rect{400, 50 - 245, 60, 60}},  // cut at y 245
		{"_cutright.png", rect{100, 200, 55, 100}, rect{400, 50, 60, 60}},    // cut at x 155
		{"_cutleft.png", rect{0, 200, 55, 100}, rect{400 - 145, 50, 60, 60}}, // cut at x 145
		{"_cutbottom.png", rect{100, 200, 100, 55}, rect{400, 50, 60, 60}},   // cut at y 255
		{"_phone.png", rect{100, 200, 100, 100}, rect{400, 50, 60, 60}},
	}
	for i, tt := range tests {
		v := vs[i]
		if v.suffix != tt.suffix || v.entry.Faces[0] != tt.face || len(v.entry.Ignore) != 1 || v.entry.Ignore[0] != tt.ignore {
			t.Errorf("%s: faces %v ignore %v, want %v and %v", v.suffix, v.entry.Faces, v.entry.Ignore, tt.face, tt.ignore)
		}
	}
}
