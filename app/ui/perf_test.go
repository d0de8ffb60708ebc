package ui

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"veil/app"
	"veil/redact/face"
)

// BenchmarkDropToShown12MP measures what a person waits for after dropping
// a 12 MP JPEG: from the drop until the photo's pixels are on screen (the
// window starts face detection once they are). It reports the median in ms.
func BenchmarkDropToShown12MP(b *testing.B) {
	img := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Y {
		img.Y[i] = uint8(i%4000/16 + r.IntN(24))
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(100+r.IntN(8)), uint8(150+r.IntN(8))
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	dir := b.TempDir()
	var times []time.Duration
	for i := range b.N {
		p := filepath.Join(dir, "p"+string(rune('a'+i%26))+".jpg")
		os.WriteFile(p, buf.Bytes(), 0o600)
		v, _ := newTestShell(b)
		var shown time.Duration
		start := time.Now()
		v.detect = func(ph *app.Photo) ([]face.Face, error) {
			v.editor.prev.wait()
			shown = time.Since(start)
			return ph.Faces()
		}
		v.dropURIs([]fyne.URI{storage.NewFileURI(p)})
		v.editor.prev.wait()
		if v.editor.prev.img == nil {
			b.Fatal("the photo was never shown")
		}
		times = append(times, shown)
	}
	slicesSort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-to-shown")
}

func slicesSort(d []time.Duration) {
	for i := range d {
		for j := i + 1; j < len(d); j++ {
			if d[j] < d[i] {
				d[i], d[j] = d[j], d[i]
			}
		}
	}
}
