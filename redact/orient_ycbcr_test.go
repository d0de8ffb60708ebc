package redact

import (
	"fmt"
	"image"
	"testing"
)

// Turned in its own planes, a YCbCr photo shows exactly the pixels Orient
// gives, for every orientation and every subsampling it takes.
func TestOrientYCbCrShowsWhatOrientShows(t *testing.T) {
	for _, rt := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio420,
		image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio440} {
		src := testYCbCr(36, 20, rt)
		for o := 1; o <= 8; o++ {
			t.Run(fmt.Sprintf("%v orientation %d", rt, o), func(t *testing.T) {
				got, ok := OrientYCbCr(src, o)
				if !ok {
					t.Fatal("refused")
				}
				want := Orient(src, o)
				if got.Rect != want.Rect {
					t.Fatalf("bounds %v, want %v", got.Rect, want.Rect)
				}
				shown := Orient(got, 1)
				for y := range want.Rect.Dy() {
					for x := range want.Rect.Dx() {
						if g, w := shown.NRGBAAt(x, y), want.NRGBAAt(x, y); g != w {
							t.Fatalf("(%d,%d) is %v, want %v", x, y, g, w)
						}
					}
				}
			})
		}
	}
}

func TestOrientYCbCrRefusesWhatItCannotTurnExactly(t *testing.T) {
	if _, ok := OrientYCbCr(testYCbCr(35, 20, image.YCbCrSubsampleRatio420), 2); ok {
		t.Error("turned a 4:2:0 picture of odd width")
	}
	if _, ok := OrientYCbCr(testYCbCr(36, 20, image.YCbCrSubsampleRatio411), 6); ok {
		t.Error("turned a 4:1:1 picture")
	}
}
