package exif

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// heicWant is a finding a test expects: its category, and text its label
// and value must contain.
type heicWant struct {
	cat   Category
	label string
	value string
}

func hasHEICFinding(fs []Finding, w heicWant) bool {
	for _, f := range fs {
		if f.Category == w.cat && strings.Contains(f.Label, w.label) && strings.Contains(f.Value, w.value) {
			return true
		}
	}
	return false
}

func readHEIC(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "heic", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHEICInspectFixtures(t *testing.T) {
	tests := []struct {
		name, file string
		w, h       int
		want       []heicWant
	}{
		{"an iPhone-style photo is upright through irot, its EXIF Orientation unused", "iphone-style.heic", 128, 192, []heicWant{
			{Location, "GPS", "48.8584 N, 2.2945 E"},
			{Device, "", "VEIL-MARKER Phone"},
			{Device, "", "VEIL-MARKER-0042"},
			{Time, "", "2024-05-06 07:08:09"},
			{People, "Artist", "VEIL-MARKER"},
			{People, "Creator", "VEIL-MARKER"},
			{HiddenPictures, "Thumbnail", "32×20"},
			{Other, "Colour profile", ""},
		}},
		{"a photo with EXIF Orientation 6 and no irot keeps its stored size", "metadata.heic", 192, 128, []heicWant{
			{Location, "GPS", "48.8584 N"},
			{HiddenPictures, "Thumbnail", ""},
		}},
		{"two master pictures list the second", "two-pictures.heic", 192, 128, []heicWant{
			{HiddenPictures, "Another picture", "160×128"},
		}},
		{"bytes after the last box are listed", "trailer.heic", 192, 128, []heicWant{
			{"", "", ""}, // filled below: any finding placed after the last box
		}},
		{"a photo without metadata lists nothing", "plain.heic", 192, 128, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(readHEIC(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != HEIC || info.Width != tt.w || info.Height != tt.h || info.Orientation != 1 {
				t.Errorf("got %s %dx%d orientation %d, want heic %dx%d orientation 1",
					info.Format, info.Width, info.Height, info.Orientation, tt.w, tt.h)
			}
			if tt.file == "trailer.heic" {
				if len(info.Findings) != 1 || info.Findings[0].Where != "after the last HEIC box" {
					t.Errorf("findings %v, want one trailer", info.Findings)
				}
				return
			}
			if tt.want == nil && len(info.Findings) != 0 {
				t.Errorf("findings %v, want none", info.Findings)
			}
			for _, w := range tt.want {
				if !hasHEICFinding(info.Findings, w) {
					t.Errorf("no finding %+v in %+v", w, info.Findings)
				}
			}
		})
	}
}

func TestHEICRefusesBadFixtures(t *testing.T) {
	tests := []struct {
		file string
		want error
	}{
		{"bad-cut-mdat.heic", FormatError{}},
		{"bad-meta-size.heic", FormatError{}},
		{"bad-extent-outside.heic", FormatError{}},
		{"bad-av1-tiles.heic", ErrUnsupported},
		{"bad-no-meta.heic", ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := Inspect(readHEIC(t, tt.file))
			var fe FormatError
			switch {
			case err == nil:
				t.Fatal("inspected a malformed file")
			case tt.want == ErrUnsupported && !errors.Is(err, ErrUnsupported):
				t.Errorf("error %v does not wrap ErrUnsupported", err)
			case tt.want != ErrUnsupported && !errors.As(err, &fe):
				t.Errorf("error %v is not a FormatError", err)
			}
			if !strings.HasPrefix(err.Error(), "exif: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestHEICIsNeverStrippedInPlace(t *testing.T) {
	data := readHEIC(t, "iphone-style.heic")
	if f, err := Sniff(data); err != nil || f != HEIC {
		t.Fatalf("Sniff = %q, %v", f, err)
	}
	if out, err := Strip(data, Options{}); !errors.Is(err, ErrReencode) || out != nil {
		t.Errorf("Strip = %d bytes, %v; want ErrReencode", len(out), err)
	}
	if err := Verify(data, Options{}); !errors.Is(err, ErrNotClean) {
		t.Errorf("Verify = %v; want ErrNotClean", err)
	}
}

func TestHEICSniff(t *testing.T) {
	ftyp := func(brands ...string) []byte {
		return hbox("ftyp", []byte(brands[0]), be32(0), []byte(strings.Join(brands[1:], "")))
	}
	tests := []struct {
		name string
		head []byte
		want Format // "" for neither
	}{
		{"the iPhone brand heic is HEIC", ftyp("heic", "mif1"), HEIC},
		{"the sequence brand msf1 is HEIC", ftyp("msf1", "mif1"), HEIC},
		{"the generic brand mif1 is HEIC", ftyp("mif1", "mif1"), HEIC},
		{"the brand avif is AVIF", ftyp("avif", "mif1"), AVIF},
		{"the sequence brand avis is AVIF", ftyp("avis", "msf1"), AVIF},
		{"mif1 with avif compatible is AVIF", ftyp("mif1", "mif1", "miaf", "avif"), AVIF},
		{"mif1 with heic compatible before avif is HEIC", ftyp("mif1", "heic", "avif"), HEIC},
		{"an MP4 video is a video, neither HEIC nor AVIF", ftyp("mp42", "isom"), MP4},
		{"a file shorter than an ftyp header is neither", []byte("\x00\x00\x00\x18ftyp"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (heicHandler{}).sniff(tt.head); got != (tt.want == HEIC) {
				t.Errorf("HEIC sniff = %v", got)
			}
			if got := (avifHandler{}).sniff(tt.head); got != (tt.want == AVIF) {
				t.Errorf("AVIF sniff = %v", got)
			}
			f, err := Sniff(tt.head)
			if tt.want == "" && !errors.Is(err, ErrUnsupported) {
				t.Errorf("Sniff = %v, %v", f, err)
			}
			if tt.want != "" && f != tt.want {
				t.Errorf("Sniff = %v, %v; want %v", f, err, tt.want)
			}
		})
	}
}

// TestHEICOrientationIsNeverReported proves the contract with the app:
// whatever irot and the EXIF Orientation say, Info.Orientation is 1,
// because the decoder has already turned the picture.
func TestHEICOrientationIsNeverReported(t *testing.T) {
	for angle := byte(0); angle < 4; angle++ {
		h := heicHandmade{width: 40, height: 30, exif: orientationEXIF(6),
			extraProps: [][]byte{hbox("irot", []byte{angle})}, primaryProps: []byte{0x83}}
		info, err := Inspect(h.build())
		if err != nil {
			t.Fatal(err)
		}
		w, ht := 40, 30
		if angle%2 == 1 {
			w, ht = 30, 40
		}
		if info.Orientation != 1 || info.Width != w || info.Height != ht {
			t.Errorf("irot %d: orientation %d, %dx%d; want 1, %dx%d", angle, info.Orientation, info.Width, info.Height, w, ht)
		}
	}
}

func TestHEICTruncationSweep(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "heic", "*.heic"))
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
		}
	}
}

func FuzzHEIC(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "heic", "*.heic"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	for _, h := range heicHandmadeCases() {
		f.Add(h.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(data)
		if err != nil {
			return
		}
		if info.Format == HEIC && (info.Orientation != 1 || info.Width <= 0 || info.Height <= 0) {
			t.Fatalf("inspect gave %+v", info)
		}
		if info.Format == HEIC {
			if _, err := Strip(data, Options{}); !errors.Is(err, ErrReencode) {
				t.Fatalf("Strip = %v", err)
			}
		}
	})
}

func TestHEICFindingsAreSafeText(t *testing.T) {
	info, err := Inspect(readHEIC(t, "iphone-style.heic"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range info.Findings {
		if strings.ContainsAny(f.Value+f.Label+f.Where, "\x00\r\n") {
			t.Errorf("finding %+v holds control characters", f)
		}
	}
	if !bytes.Contains(readHEIC(t, "iphone-style.heic"), []byte("VEIL-MARKER")) {
		t.Error("the fixture lost its marker")
	}
}
