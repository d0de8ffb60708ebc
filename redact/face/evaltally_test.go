package face

import (
	"strings"
	"testing"
)

func TestHitAcceptsOverlapOrNestedCentresOfSimilarWidth(t *testing.T) {
	g := [4]float64{100, 100, 100, 120}
	tests := []struct {
		name string
		d    [4]float64
		want bool
	}{
		{"the same box", g, true},
		{"a box shifted by a third", [4]float64{133, 100, 100, 120}, true},
		{"a square inside a tall face", [4]float64{110, 130, 80, 80}, true},
		{"a box twice as wide around the face", [4]float64{50, 60, 200, 200}, true},
		{"a box three times as wide around the face", [4]float64{0, 10, 300, 300}, false},
		{"a small box on the chin", [4]float64{140, 200, 20, 20}, false},
		{"a box beside the face", [4]float64{210, 100, 100, 120}, false},
	}
	for _, tt := range tests {
		if got := hit(g, tt.d); got != tt.want {
			t.Errorf("%s: hit = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTallyCountsMissesFalsePositivesAndIgnoresWhatItShould(t *testing.T) {
	want := truth{
		Faces:    [][4]float64{{0, 0, 50, 50}, {100, 0, 50, 50}},
		Category: "photo",
		Ignore:   [][4]float64{{200, 0, 50, 50}},
	}
	got := []Face{
		{X: 2, Y: 2, W: 48, H: 48, Score: 0.9},     // first face
		{X: 210, Y: 10, W: 30, H: 30, Score: 0.8},  // in the ignore box
		{X: 300, Y: 300, W: 40, H: 40, Score: 0.7}, // nothing there
	}
	var tl tally
	tl.score("p.png", want, got)
	if tl.found != 1 || tl.faces != 2 || tl.falsePos != 1 {
		t.Errorf("found %d of %d, %d false positives; want 1 of 2, 1", tl.found, tl.faces, tl.falsePos)
	}
	tl.score("painting.png", truth{Faces: [][4]float64{{0, 0, 9, 9}}, Category: "nonphoto"}, nil)
	if tl.faces != 2 {
		t.Errorf("a painting's face counted towards recall: %d faces", tl.faces)
	}
	var b strings.Builder
	report(&b, map[string]*tally{"plain": &tl})
	if !strings.Contains(b.String(), "recall 1/2 (50.0%), false positives 1") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestKindOfReadsTheVariantSuffix(t *testing.T) {
	for name, want := range map[string]string{
		"a_rot180.png": "rot180", "a_tilt-45.png": "tilt-45", "a_f2_cuttop.png": "cuttop",
		"a_q30.jpg": "q30", "a.jpg": "plain", "tilt30.png": "plain",
	} {
		if got := kindOf(name); got != want {
			t.Errorf("kindOf(%q) = %q, want %q", name, got, want)
		}
	}
}
