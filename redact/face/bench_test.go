package face

import (
	"image"
	"image/color"
	"os"
	"runtime"
	"testing"
)

// photo12MP returns a 4000×3000 4:2:0 YCbCr image (what a phone JPEG
// decodes to) holding the astronaut photo enlarged to fill it.
func photo12MP(tb testing.TB) *image.YCbCr {
	tb.Helper()
	src, err := decodeFile("testdata/astronaut.png")
	if err != nil {
		tb.Fatal(err)
	}
	return toYCbCr(src, 4000, 3000)
}

// BenchmarkDetect12MP measures detection on a decoded 12-megapixel photo.
func BenchmarkDetect12MP(b *testing.B) {
	d := newTestDetector(b)
	img := photo12MP(b)
	// One detection first fills the Detector's workspace pool, so that the
	// figures show the steady state of an app detecting photo after photo.
	if _, err := d.Detect(img); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := d.Detect(img); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time per detection: on a shared machine wall time varies with
	// the load, CPU time much less.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// toYCbCr resamples src (nearest pixel) to a w×h 4:2:0 YCbCr image.
func toYCbCr(src image.Image, w, h int) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	sb := src.Bounds()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, b, _ := src.At(sb.Min.X+x*sb.Dx()/w, sb.Min.Y+y*sb.Dy()/h).RGBA()
			yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(b>>8))
			img.Y[img.YOffset(x, y)] = yy
			if x%2 == 0 && y%2 == 0 {
				ci := img.COffset(x, y)
				img.Cb[ci], img.Cr[ci] = cb, cr
			}
		}
	}
	return img
}

// TestPeakMemoryOf12MPDetection builds the 12-megapixel photo of the
// benchmark and, when $VEIL_FACE_PEAK is "detect", detects on it once. It
// exists to measure peak memory from outside: the maximum resident size of
// `VEIL_FACE_PEAK=detect` minus that of `VEIL_FACE_PEAK=image` is what
// detection adds (go test -c, then /usr/bin/time -v ./face.test -test.run
// PeakMemory). It is skipped when the variable is unset.
func TestPeakMemoryOf12MPDetection(t *testing.T) {
	mode := os.Getenv("VEIL_FACE_PEAK")
	if mode == "" {
		t.Skip("VEIL_FACE_PEAK not set")
	}
	d := newTestDetector(t)
	img := photo12MP(t)
	runtime.GC()
	if mode != "detect" {
		return
	}
	faces, err := d.Detect(img)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d faces", len(faces))
}
