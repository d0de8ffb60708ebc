package exif

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"
)

func readAVIF(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "avif", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAVIFInspectFixtures(t *testing.T) {
	tests := []struct {
		name, file string
		w, h       int
		want       []heicWant
	}{
		{"a plain picture gives nothing away", "plain.avif", 192, 128, nil},
		{"Exif and XMP items are listed", "metadata.avif", 192, 128, []heicWant{
			{Location, "GPS", "48.8584 N, 2.2945 E"},
			{Device, "", "VEIL-MARKER Phone"},
			{Device, "", "VEIL-MARKER-0042"},
			{People, "Artist", "VEIL-MARKER"},
			{People, "Creator", "VEIL-MARKER"},
		}},
		{"irot turns the reported size", "rotated.avif", 128, 192, []heicWant{{Location, "GPS", "48.8584 N"}}},
		{"clap crops the reported size", "cropped.avif", 96, 64, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(readAVIF(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != AVIF || info.Orientation != 1 || info.Width != tt.w || info.Height != tt.h {
				t.Fatalf("got %+v", info)
			}
			for _, w := range tt.want {
				if !hasHEICFinding(info.Findings, w) {
					t.Errorf("no finding %+v in %+v", w, info.Findings)
				}
			}
			if len(tt.want) == 0 && len(info.Findings) > 0 {
				t.Errorf("findings %+v", info.Findings)
			}
		})
	}
}

func TestAVIFIsNeverStrippedInPlace(t *testing.T) {
	data := readAVIF(t, "metadata.avif")
	if _, err := Strip(data, Options{}); !errors.Is(err, ErrReencode) {
		t.Errorf("Strip = %v, want ErrReencode", err)
	}
	if err := Verify(data, Options{}); !errors.Is(err, ErrNotClean) {
		t.Errorf("Verify = %v, want ErrNotClean", err)
	}
}

func TestHEIFTransformsReadClapIrotImir(t *testing.T) {
	tests := []struct {
		file string
		want HEIFTransform
	}{
		{"plain.avif", HEIFTransform{Stored: image.Pt(192, 128), Crop: image.Rect(0, 0, 192, 128)}},
		{"rotated.avif", HEIFTransform{Stored: image.Pt(192, 128), Crop: image.Rect(0, 0, 192, 128), Turns: 3}},
		{"mirror-0.avif", HEIFTransform{Stored: image.Pt(192, 128), Crop: image.Rect(0, 0, 192, 128), Mirror: MirrorTopBottom}},
		{"mirror-1.avif", HEIFTransform{Stored: image.Pt(192, 128), Crop: image.Rect(0, 0, 192, 128), Mirror: MirrorLeftRight}},
		{"cropped.avif", HEIFTransform{Stored: image.Pt(192, 128), Crop: image.Rect(48, 32, 144, 96)}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := HEIFTransforms(readAVIF(t, tt.file))
			if err != nil || got != tt.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestAVIFCodingIsChecked(t *testing.T) {
	for _, f := range []string{"plain.avif", "rotated.avif", "cropped.avif", "grey.avif"} {
		if err := CheckHEIFCoding(readAVIF(t, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestAVIFTruncationSweep(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "avif", "*.avif"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for n := range len(data) {
			info, err := Inspect(data[:n])
			if err == nil && (info.Width <= 0 || info.Orientation != 1) {
				t.Fatalf("%s cut at %d: %+v", file, n, info)
			}
			if err == nil {
				_ = CheckHEIFCoding(data[:n])
				_, _ = HEIFTransforms(data[:n])
			}
		}
	}
}

func FuzzAVIF(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "avif", "*.avif"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(data)
		if err != nil || info.Format != AVIF {
			return
		}
		if info.Orientation != 1 || info.Width <= 0 || info.Height <= 0 {
			t.Fatalf("inspect gave %+v", info)
		}
		_ = CheckHEIFCoding(data)
		if tr, err := HEIFTransforms(data); err == nil && !tr.Crop.In(image.Rectangle{Max: tr.Stored}) {
			t.Fatalf("crop %v outside %v", tr.Crop, tr.Stored)
		}
	})
}
