package exif

import (
	"bytes"
	"errors"
	"image/gif"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// gifGood lists the well-formed fixtures of testdata/gif and what must be
// true of each.
var gifGood = []struct {
	file     string
	dirty    bool     // foreign metadata: Verify of the input fails
	animated bool     // more than one image
	labels   []string // findings the input must list
}{
	{file: "clean-still.gif"},
	{file: "comment-extension.gif", dirty: true, labels: []string{"Comment"}},
	{file: "xmp-app-extension.gif", dirty: true, labels: []string{"Creator", "City"}},
	{file: "animated-loop.gif", dirty: true, animated: true, labels: []string{"Comment"}},
	{file: "plain-text-extension.gif", dirty: true, labels: []string{"Text drawn on the picture"}},
	{file: "trailer-after-end.gif", dirty: true, labels: []string{"Data after the image"}},
	{file: "icc-app-extension.gif", dirty: true, labels: []string{"Colour profile"}},
	{file: "unknown-app-extension.gif", dirty: true, labels: []string{"Application data"}},
	{file: "loop-with-extra-data.gif", dirty: true, labels: []string{"Extra data in the animation loop block"}},
}

func readGIFFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "gif", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGIFFixturesAreStrippedClean(t *testing.T) {
	for _, tc := range gifGood {
		t.Run("stripping "+tc.file+" leaves only the keep-list", func(t *testing.T) {
			in := readGIFFixture(t, tc.file)
			info, err := Inspect(in)
			if err != nil {
				t.Fatalf("Inspect: %v", err)
			}
			if info.Format != GIF || info.Width != 16 || info.Height != 12 || info.Animated != tc.animated || info.Orientation != 1 {
				t.Errorf("Inspect = %+v", info)
			}
			for _, l := range tc.labels {
				if !slices.ContainsFunc(info.Findings, func(f Finding) bool { return f.Label == l }) {
					t.Errorf("no finding %q in %+v", l, info.Findings)
				}
			}
			if tc.dirty {
				if !bytes.Contains(in, []byte(gifMarker)) {
					t.Errorf("the fixture holds no %s", gifMarker)
				}
				if err := Verify(in, Options{}); !errors.Is(err, ErrNotClean) {
					t.Errorf("Verify(input) = %v, want ErrNotClean", err)
				}
			} else if len(info.Findings) > 0 {
				t.Errorf("a clean file gives away %+v", info.Findings)
			}
			out, err := Strip(in, Options{})
			if err != nil {
				t.Fatalf("Strip: %v", err)
			}
			checkGIFClean(t, in, out)
		})
	}
}

// checkGIFClean asserts what the metadata policy (docs/ARCHITECTURE.md) asks
// of every clean copy.
func checkGIFClean(t *testing.T, in, out []byte) {
	t.Helper()
	if bytes.Contains(out, []byte(gifMarker)) {
		t.Errorf("clean copy still holds %s", gifMarker)
	}
	info, err := Inspect(out)
	if err != nil {
		t.Fatalf("Inspect(clean): %v", err)
	}
	if len(info.Findings) > 0 {
		t.Errorf("clean copy still gives away %+v", info.Findings)
	}
	if err := Verify(out, Options{}); err != nil {
		t.Errorf("Verify(clean): %v", err)
	}
	again, err := Strip(out, Options{})
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("stripping twice changed the file (err %v)", err)
	}
	b, err := gif.DecodeAll(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("clean copy does not decode: %v", err)
	}
	a, err := gif.DecodeAll(bytes.NewReader(in))
	if err != nil {
		t.Fatalf("input does not decode: %v", err)
	}
	if len(a.Image) != len(b.Image) || a.LoopCount != b.LoopCount || !slices.Equal(a.Delay, b.Delay) ||
		!slices.Equal(a.Disposal, b.Disposal) || a.BackgroundIndex != b.BackgroundIndex {
		t.Fatalf("animation differs: %d/%d frames, loop %d/%d, delays %v/%v",
			len(a.Image), len(b.Image), a.LoopCount, b.LoopCount, a.Delay, b.Delay)
	}
	for i := range a.Image {
		if !pgSamePixels(a.Image[i], b.Image[i]) || !bytes.Equal(a.Image[i].Pix, b.Image[i].Pix) {
			t.Errorf("frame %d pixels differ", i)
		}
	}
}

func TestBadGIFFixturesAreRefused(t *testing.T) {
	for _, tc := range []struct {
		file string
		want error // nil means a FormatError
	}{
		{"bad-truncated-subblock.gif", nil},
		{"bad-no-trailer.gif", nil},
		{"bad-unknown-block.gif", nil},
		{"bad-graphic-control-size.gif", nil},
		{"bad-too-large.gif", ErrTooLarge},
	} {
		t.Run(tc.file+" is refused", func(t *testing.T) {
			in := readGIFFixture(t, tc.file)
			_, err := Strip(in, Options{})
			var fe FormatError
			if tc.want == nil && !errors.As(err, &fe) || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Strip error = %v, want %v", err, tc.want)
			}
			if _, err2 := Inspect(in); err2 == nil {
				t.Error("Inspect succeeded")
			}
			if err != nil && !strings.HasPrefix(err.Error(), "exif: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestTruncatedGIFsNeverPanic(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "gif", "*.gif"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		in, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(in); n++ {
			pgCheckNoPanic(t, in[:n], filepath.Base(file))
		}
	}
}

func FuzzGIF(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "gif", "*.gif"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		(gifHandler{}).inspect(data)
		(gifHandler{}).strip(data, Options{})
		pgCheckNoPanic(t, data, "fuzz input")
	})
}
