package exif

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pngGood lists the well-formed fixtures of testdata/png and what must be
// true of each.
var pngGood = []struct {
	file        string
	dirty       bool     // foreign metadata: Verify of the input fails
	orientation int      // EXIF orientation the clean copy keeps
	animated    bool     // APNG
	labels      []string // findings the input must list
	keeps       []string // chunks the clean copy must still hold
}{
	{file: "clean-gradient.png", orientation: 1},
	{file: "text-after-idat.png", dirty: true, orientation: 1, labels: []string{"Author", "Comment"}},
	{file: "itxt-xmp.png", dirty: true, orientation: 1, labels: []string{"Description", "Creator", "City"}},
	{file: "ztxt-comment.png", dirty: true, orientation: 1, labels: []string{"Comment"}},
	{file: "exif-orientation-6.png", dirty: true, orientation: 6, labels: []string{"Artist"}, keeps: []string{"eXIf"}},
	{file: "iccp.png", dirty: true, orientation: 1, labels: []string{"Colour profile"}, keeps: []string{"iCCP"}},
	{file: "time-and-phys.png", dirty: true, orientation: 1, labels: []string{"Last modified", "Pixel density", "Created"}},
	{file: "apng-two-frames.png", dirty: true, orientation: 1, animated: true, labels: []string{"Title"},
		keeps: []string{"acTL", "fcTL", "fdAT"}},
	{file: "unknown-ancillary-chunk.png", dirty: true, orientation: 1, labels: []string{"Other data stored in the file"}},
	{file: "trailer-after-iend.png", dirty: true, orientation: 1, labels: []string{"Data after the image"}},
	{file: "palette-trns.png", dirty: true, orientation: 1, labels: []string{"Comment"}, keeps: []string{"PLTE", "tRNS"}},
	{file: "colour-chunks.png", dirty: true, orientation: 1, labels: []string{"Software"},
		keeps: []string{"sRGB", "gAMA", "cHRM", "sBIT"}},
	{file: "gama-with-extra-bytes.png", dirty: true, orientation: 1, labels: []string{"Other data stored in the file"}},
	{file: "c2pa-cabx.png", dirty: true, orientation: 1, labels: []string{"Content credentials (C2PA)"}},
	{file: "raw-profile-exif.png", dirty: true, orientation: 1, labels: []string{"Artist"}},
	{file: "imagemagick-notes.png", dirty: true, orientation: 1, labels: []string{"Date created", "Colour profile name",
		"Comment", "GPS position", "Camera maker", "Other EXIF data", "Technical detail “IHDR.bit-depth-orig”",
		"A note named “" + pngMarker + ":note”", "Hidden XMP data"}},
}

func readPNGFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "png", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pgFindingsText joins every label and value, to look for the marker.
func pgFindingsText(fs []Finding) string {
	var s strings.Builder
	for _, f := range fs {
		s.WriteString(f.Label + "=" + f.Value + "\n")
	}
	return s.String()
}

// pngChunkTypes lists the chunk types of a well-formed PNG in order.
func pngChunkTypes(t *testing.T, b []byte) []string {
	t.Helper()
	f, err := parsePNG(b)
	if err != nil {
		t.Fatal(err)
	}
	var ts []string
	for _, c := range f.chunks {
		ts = append(ts, c.typ)
	}
	return ts
}

// pgSamePixels compares two decoded images pixel by pixel.
func pgSamePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

func TestPNGFixturesAreStrippedClean(t *testing.T) {
	for _, tc := range pngGood {
		t.Run("stripping "+tc.file+" leaves only the keep-list", func(t *testing.T) {
			in := readPNGFixture(t, tc.file)
			opt := Options{}
			info, err := Inspect(in)
			if err != nil {
				t.Fatalf("Inspect: %v", err)
			}
			if info.Format != PNG || info.Width != 16 || info.Height != 12 || info.Animated != tc.animated {
				t.Errorf("Inspect = %s %dx%d animated %v", info.Format, info.Width, info.Height, info.Animated)
			}
			for _, l := range tc.labels {
				if !slices.ContainsFunc(info.Findings, func(f Finding) bool { return f.Label == l }) {
					t.Errorf("no finding %q in %+v", l, info.Findings)
				}
			}
			if tc.dirty {
				if !bytes.Contains(in, []byte(pngMarker)) && !strings.Contains(pgFindingsText(info.Findings), pngMarker) {
					t.Errorf("the fixture shows no %s, raw or in its findings", pngMarker)
				}
				if err := Verify(in, opt); !errors.Is(err, ErrNotClean) {
					t.Errorf("Verify(input) = %v, want ErrNotClean", err)
				}
			}
			out, err := Strip(in, opt)
			if err != nil {
				t.Fatalf("Strip: %v", err)
			}
			checkPNGClean(t, in, out, opt, tc.orientation)
			types := pngChunkTypes(t, out)
			for _, k := range tc.keeps {
				if !slices.Contains(types, k) {
					t.Errorf("clean copy lost %s: %v", k, types)
				}
			}
		})
	}
}

// checkPNGClean asserts what the metadata policy (docs/ARCHITECTURE.md) asks
// of every clean copy.
func checkPNGClean(t *testing.T, in, out []byte, opt Options, orientation int) {
	t.Helper()
	if bytes.Contains(out, []byte(pngMarker)) {
		t.Errorf("clean copy still holds %s", pngMarker)
	}
	info, err := Inspect(out)
	if err != nil {
		t.Fatalf("Inspect(clean): %v", err)
	}
	for _, f := range info.Findings {
		if f.Label != "Colour profile" {
			t.Errorf("clean copy still gives away %+v", f)
		}
	}
	if info.Orientation != orientation {
		t.Errorf("clean orientation = %d, want %d", info.Orientation, orientation)
	}
	if err := Verify(out, opt); err != nil {
		t.Errorf("Verify(clean): %v", err)
	}
	again, err := Strip(out, opt)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("stripping twice changed the file (err %v)", err)
	}
	a, errA := png.Decode(bytes.NewReader(in))
	b, errB := png.Decode(bytes.NewReader(out))
	if errA != nil || errB != nil || !pgSamePixels(a, b) {
		t.Errorf("decoded pixels differ (decode errors %v, %v)", errA, errB)
	}
}

func TestBadPNGFixturesAreRefused(t *testing.T) {
	for _, tc := range []struct {
		file string
		want error // nil means a FormatError
	}{
		{"bad-crc.png", nil},
		{"bad-chunk-length.png", nil},
		{"bad-no-iend.png", nil},
		{"bad-ihdr-not-first.png", nil},
		{"bad-idat-split-by-text.png", nil},
		{"bad-unknown-critical.png", ErrUnsupported},
		{"bad-too-large.png", ErrTooLarge},
	} {
		t.Run(tc.file+" is refused", func(t *testing.T) {
			in := readPNGFixture(t, tc.file)
			_, err := Strip(in, Options{})
			var fe FormatError
			if tc.want == nil && !errors.As(err, &fe) || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Strip error = %v, want %v", err, tc.want)
			}
			if _, err2 := Inspect(in); err2 == nil {
				t.Error("Inspect succeeded")
			}
			if !strings.HasPrefix(err.Error(), "exif: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestPNGColourProfilePolicy(t *testing.T) {
	in := readPNGFixture(t, "iccp.png")
	kept, err := Strip(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pngChunkTypes(t, kept), "iCCP") {
		t.Error("the colour profile was dropped by default")
	}
	if bytes.Contains(kept, []byte(pngMarker+" profile")) {
		t.Error("the profile's free-text name survived")
	}
	if err := Verify(kept, Options{DropICC: true}); !errors.Is(err, ErrNotClean) {
		t.Errorf("Verify with DropICC accepted an iCCP: %v", err)
	}
	dropped, err := Strip(in, Options{DropICC: true})
	if err != nil || slices.Contains(pngChunkTypes(t, dropped), "iCCP") {
		t.Errorf("DropICC kept the colour profile (err %v)", err)
	}
	f, _ := parsePNG(kept)
	g, _ := parsePNG(in)
	orig, err := inflateBounded(g.chunks[1].data[len(pngMarker+" profile\x00\x00"):])
	if err != nil {
		t.Fatal(err)
	}
	want, err := neutralICC(orig)
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.chunks {
		if f.chunks[i].typ != "iCCP" {
			continue
		}
		got, err := inflateBounded(f.chunks[i].data[len(pngICCName):])
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("the kept profile is not the original without its words (err %v)", err)
		}
	}
}

func TestTruncatedPNGsNeverPanic(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "png", "*.png"))
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

// pgCheckNoPanic runs every entry point on data: each may fail, but
// a successful Strip must give a copy that verifies.
func pgCheckNoPanic(t testing.TB, data []byte, name string) {
	t.Helper()
	Inspect(data)
	Verify(data, Options{})
	for _, opt := range []Options{{}, {DropICC: true}} {
		out, err := Strip(data, opt)
		if err != nil {
			continue
		}
		if err := Verify(out, opt); err != nil {
			t.Fatalf("%s (%d bytes): stripped copy does not verify: %v", name, len(data), err)
		}
	}
}

func FuzzPNG(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "png", "*.png"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		(pngHandler{}).inspect(data)
		(pngHandler{}).strip(data, Options{})
		pgCheckNoPanic(t, data, "fuzz input")
	})
}
