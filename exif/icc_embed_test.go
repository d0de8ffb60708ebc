package exif

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/HugoSmits86/nativewebp"
	_ "golang.org/x/image/webp"
)

func TestEmbedProfileTravelsThroughStrip(t *testing.T) {
	icc, err := neutralICC(iccFixture("Display P3"))
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	var j, p, w, wa bytes.Buffer
	jpeg.Encode(&j, img, nil)
	png.Encode(&p, img)
	nativewebp.Encode(&w, img, nil)
	translucent := image.NewNRGBA(img.Rect)
	copy(translucent.Pix, img.Pix)
	translucent.Pix[3] = 10
	nativewebp.Encode(&wa, translucent, nil)
	for name, data := range map[string][]byte{"JPEG": j.Bytes(), "PNG": p.Bytes(), "WebP": w.Bytes(), "WebP with alpha": wa.Bytes()} {
		t.Run(name, func(t *testing.T) {
			with, err := EmbedProfile(data, icc)
			if err != nil {
				t.Fatal(err)
			}
			clean, err := Strip(with, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := Profile(clean); !bytes.Equal(got, icc) {
				t.Errorf("profile after strip: %d bytes, want %d", len(got), len(icc))
			}
			dropped, err := Strip(with, Options{DropICC: true})
			if err != nil || Profile(dropped) != nil {
				t.Errorf("DropICC kept the embedded profile (err %v)", err)
			}
			a, _, _ := image.Decode(bytes.NewReader(data))
			b, _, _ := image.Decode(bytes.NewReader(clean))
			if a == nil || b == nil || !samePixels(a, b) {
				t.Error("embedding the profile changed the pixels")
			}
			if err := Verify(clean, Options{}); err != nil {
				t.Error(err)
			}
			checkOracle(t, clean)
		})
	}
}

func TestProfileReadsEveryContainer(t *testing.T) {
	tests := []struct {
		file string
		want bool
	}{
		{"testdata/jpeg/icc-profile.jpg", true},
		{"testdata/jpeg/plain.jpg", false},
		{"testdata/png/iccp.png", true},
		{"testdata/webp/lossless-icc.webp", true},
		{"testdata/heic/metadata.heic", true},
		{"testdata/gif/comment-extension.gif", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			icc := Profile(data)
			if (icc != nil) != tt.want {
				t.Fatalf("profile found %v, want %v", icc != nil, tt.want)
			}
			if icc != nil && (!iccNeutral(icc) || bytes.Contains(icc, []byte("VEIL-MARKER"))) {
				t.Error("the profile still holds words")
			}
		})
	}
}
