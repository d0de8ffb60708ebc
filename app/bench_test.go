package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"veil/redact"
)

// photoLike fills a w×h image with smooth gradients and fine noise, so that
// it compresses and decodes like a photo rather than a flat colour.
func photoLike(w, h int) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	r := rand.New(rand.NewPCG(1, 2))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[y*img.YStride+x] = uint8((x*255/w+y*255/h)/2 + r.IntN(24))
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(100+r.IntN(8)), uint8(150+r.IntN(8))
	}
	return img
}

// BenchmarkOpenDetectRedactSave12MP times the whole edited save of a 12 MP
// JPEG, as the window does it: open, decode upright, detect faces, cover
// them and one more area, crop, encode, write, read back and verify.
func BenchmarkOpenDetectRedactSave12MP(b *testing.B) {
	dir := b.TempDir()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photoLike(4000, 3000), &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(dir, "photo.jpg")
	if err := os.WriteFile(src, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		p, err := Open(src)
		if err != nil {
			b.Fatal(err)
		}
		img, err := p.Image()
		if err != nil {
			b.Fatal(err)
		}
		faces, err := p.Faces()
		if err != nil {
			b.Fatal(err)
		}
		regions := append(FaceRegions(faces, img.Bounds(), redact.Blur),
			redact.Region{Rect: image.Rect(1000, 1000, 1600, 1500), Shape: redact.Ellipse, Style: redact.Pixelate})
		r := p.Save(Edits{Regions: regions, Crop: image.Rect(100, 100, 3900, 2900)}, Settings{OutDir: out})
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		os.Remove(r.Output)
	}
}
