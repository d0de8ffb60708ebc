package exif

import (
	"bytes"
	"errors"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/webp"
)

func readWebP(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "webp", name))
	webpMust(t, err)
	return b
}

// goodWebP are the fixtures that must clean. where lists the places the
// findings must name; foreign says whether the input holds anything
// outside the keep-list (so Verify must reject it); a colour profile counts
// only when it is to be dropped.
var goodWebP = []struct {
	name        string
	w, h        int
	orientation int
	animated    bool
	foreign     bool
	layout      string // chunk IDs of the clean copy with default options, comma separated
	where       []string
}{
	{"simple-lossy.webp", 32, 24, 1, false, false, "VP8 ", nil},
	{"lossy-exif-xmp.webp", 32, 24, 1, false, true, "VP8X,VP8 ", []string{webpWhereEXIF, webpWhereXMP}},
	{"lossless-icc.webp", 32, 24, 1, false, false, "VP8X,ICCP,VP8L", []string{webpWhereICC}},
	{"alpha-vp8x.webp", 32, 24, 1, false, true, "VP8X,ALPH,VP8 ", []string{webpWhereXMP}},
	{"animated-two-frames.webp", 32, 24, 1, true, true, "VP8X,ANIM,ANMF,ANMF", []string{webpWhereEXIF}},
	{"exif-orientation-8.webp", 32, 24, 8, false, true, "VP8X,VP8 ,EXIF", []string{webpWhereEXIF}},
	{"exif-with-jpeg-prefix.webp", 32, 24, 6, false, true, "VP8X,VP8 ,EXIF", []string{webpWhereEXIF}},
	{"exif-before-image.webp", 32, 24, 3, false, true, "VP8X,VP8 ,EXIF", []string{webpWhereEXIF}},
	{"simple-with-stray-exif.webp", 32, 24, 1, false, true, "VP8 ", []string{`WebP "EXIF" chunk after the image`}},
	{"unknown-chunk.webp", 32, 24, 1, false, true, "VP8X,ALPH,VP8 ", []string{`WebP "VEIL" chunk`, `WebP "ZZZZ" chunk`}},
	{"unknown-chunk-inside-anmf.webp", 32, 24, 1, true, true, "VP8X,ANIM,ANMF,ANMF", []string{webpWhereFrame}},
	{"trailer-after-riff.webp", 32, 24, 1, false, true, "VP8 ", []string{webpWhereTrailer}},
}

func TestWebPInspectReportsSizeOrientationAndFindings(t *testing.T) {
	for _, tc := range goodWebP {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(readWebP(t, tc.name))
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != WebP || info.Width != tc.w || info.Height != tc.h || info.Animated != tc.animated {
				t.Errorf("got %s %dx%d animated=%v, want webp %dx%d animated=%v",
					info.Format, info.Width, info.Height, info.Animated, tc.w, tc.h, tc.animated)
			}
			if info.Orientation != tc.orientation {
				t.Errorf("orientation %d, want %d", info.Orientation, tc.orientation)
			}
			for _, where := range tc.where {
				if !webpHasWhere(info.Findings, where) {
					t.Errorf("no finding from %q in %+v", where, info.Findings)
				}
			}
		})
	}
}

func webpHasWhere(fs []Finding, where string) bool {
	for _, f := range fs {
		if f.Where == where {
			return true
		}
	}
	return false
}

func TestWebPStripKeepsOnlyTheImage(t *testing.T) {
	for _, tc := range goodWebP {
		for _, opt := range []Options{{}, {DropICC: true}} {
			t.Run(tc.name+webpDropName(opt), func(t *testing.T) {
				in := readWebP(t, tc.name)
				out, err := Strip(in, opt)
				if err != nil {
					t.Fatal(err)
				}
				checkCleanWebP(t, in, out, opt)
				layout := tc.layout
				if opt.DropICC {
					layout = strings.ReplaceAll(layout, "ICCP,", "")
				}
				if got := webpLayout(t, out); got != layout {
					t.Errorf("clean copy holds %q, want %q", got, layout)
				}
				info, err := Inspect(out)
				if err != nil {
					t.Fatal(err)
				}
				if info.Orientation != tc.orientation || info.Width != tc.w || info.Height != tc.h || info.Animated != tc.animated {
					t.Errorf("clean copy is %dx%d orientation %d animated=%v, want %dx%d orientation %d animated=%v",
						info.Width, info.Height, info.Orientation, info.Animated, tc.w, tc.h, tc.orientation, tc.animated)
				}
				foreign := tc.foreign || opt.DropICC && strings.Contains(tc.layout, "ICCP")
				if err := Verify(in, opt); foreign && !errors.Is(err, ErrNotClean) {
					t.Errorf("Verify(input) = %v, want ErrNotClean", err)
				}
				if tc.animated {
					checkSameFrames(t, in, out)
				} else {
					checkSamePixels(t, in, out)
				}
				checkWebPInfo(t, out)
			})
		}
	}
}

func webpDropName(opt Options) string {
	if opt.DropICC {
		return " without colour profile"
	}
	return ""
}

// checkCleanWebP checks what every clean copy must satisfy: it verifies,
// cleaning it again changes nothing, no marker survives, and a colour
// profile to be dropped is gone.
func checkCleanWebP(t *testing.T, in, out []byte, opt Options) {
	t.Helper()
	if err := Verify(out, opt); err != nil {
		t.Errorf("Verify(clean copy): %v", err)
	}
	again, err := Strip(out, opt)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("cleaning twice changed the file (err %v)", err)
	}
	var icc []byte
	for _, c := range webpChunks(t, out) {
		if c.id == "ICCP" {
			icc = c.data
		}
	}
	if i := bytes.Index(out, []byte(webpMarker)); i >= 0 {
		t.Errorf("marker left at byte %d", i)
	}
	if opt.DropICC && icc != nil {
		t.Error("colour profile kept although dropped")
	}
}

// webpLayout lists the top-level chunk IDs of a file, comma separated.
func webpLayout(t testing.TB, b []byte) string {
	var ids []string
	for _, c := range webpChunks(t, b) {
		ids = append(ids, c.id)
	}
	return strings.Join(ids, ",")
}

// checkSamePixels decodes both files with golang.org/x/image/webp and
// compares every pixel.
func checkSamePixels(t *testing.T, in, out []byte) {
	t.Helper()
	a, errA := webp.Decode(bytes.NewReader(in))
	b, errB := webp.Decode(bytes.NewReader(out))
	if errA != nil || errB != nil {
		t.Fatalf("decode input: %v, clean copy: %v", errA, errB)
	}
	if a.Bounds() != b.Bounds() {
		t.Fatalf("bounds %v, want %v", b.Bounds(), a.Bounds())
	}
	if !webpSamePixels(a, b) {
		t.Error("decoded pixels differ")
	}
}

func webpSamePixels(a, b image.Image) bool {
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

// checkSameFrames compares each animation frame: its header (reserved
// bits aside) and its ALPH/VP8/VP8L bytes. golang.org/x/image/webp does not
// decode animations, so the bitstreams stand in for the pixels.
func checkSameFrames(t *testing.T, in, out []byte) {
	t.Helper()
	a, b := webpFrames(t, in), webpFrames(t, out)
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d frames, want %d", len(b), len(a))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("frame %d changed", i)
		}
	}
}

func webpFrames(t testing.TB, b []byte) []string {
	var frames []string
	for _, c := range webpChunks(t, b) {
		if c.id != "ANMF" {
			continue
		}
		f := string(c.data[:15])
		for _, s := range webpSubChunks(t, c.data[16:]) {
			if s.id == "ALPH" || s.id == "VP8 " || s.id == "VP8L" {
				f += s.id + string(s.data)
			}
		}
		frames = append(frames, f)
	}
	return frames
}

// checkWebPInfo runs libwebp's webpinfo on the clean copy when installed.
func checkWebPInfo(t *testing.T, b []byte) {
	t.Helper()
	if _, err := exec.LookPath("webpinfo"); err != nil {
		return
	}
	name := filepath.Join(t.TempDir(), "clean.webp")
	webpWriteFile(t, name, b)
	out, err := exec.Command("webpinfo", name).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("warning")) {
		t.Errorf("webpinfo: %v\n%s", err, out)
	}
}

func TestWebPRefusesBrokenFiles(t *testing.T) {
	for _, tc := range []struct {
		name     string
		tooLarge bool
	}{
		{"bad-riff-size.webp", false},
		{"bad-odd-riff-size.webp", false},
		{"bad-chunk-length.webp", false},
		{"bad-truncated.webp", false},
		{"bad-vp8x-flags-no-image.webp", false},
		{"bad-canvas-size-mismatch.webp", false},
		{"bad-alph-without-alpha-flag.webp", false},
		{"bad-second-vp8x.webp", false},
		{"bad-two-images.webp", false},
		{"bad-first-chunk-unknown.webp", false},
		{"bad-anim-flag-without-frames.webp", false},
		{"bad-anmf-without-anim.webp", false},
		{"bad-anmf-outside-canvas.webp", false},
		{"bad-not-keyframe.webp", false},
		{"bad-huge-canvas.webp", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := readWebP(t, tc.name)
			_, err := Inspect(in)
			var fe FormatError
			if tc.tooLarge && !errors.Is(err, ErrTooLarge) || !tc.tooLarge && !errors.As(err, &fe) {
				t.Errorf("Inspect: %v", err)
			}
			if out, err := Strip(in, Options{}); err == nil || out != nil {
				t.Errorf("Strip wrote %d bytes", len(out))
			}
			if Verify(in, Options{}) == nil {
				t.Error("Verify passed")
			}
		})
	}
}

// webpFixtures lists every fixture, good and bad.
func webpFixtures(t testing.TB) map[string][]byte {
	names, err := filepath.Glob(filepath.Join("testdata", "webp", "*.webp"))
	webpMust(t, err)
	fs := map[string][]byte{}
	for _, n := range names {
		fs[filepath.Base(n)] = readWebP(t, filepath.Base(n))
	}
	if len(fs) == 0 {
		t.Fatal("no fixtures")
	}
	return fs
}

// TestWebPTruncationsFailOrClean cuts every fixture at every length, once
// as is and once with the RIFF size patched to match the cut, so the chunk
// walk itself meets the cut: each must fail or clean, never panic.
func TestWebPTruncationsFailOrClean(t *testing.T) {
	for name, b := range webpFixtures(t) {
		for n := range len(b) {
			cut := append([]byte{}, b[:n]...)
			checkFailsOrCleans(t, name, cut)
			if n >= 8 {
				checkFailsOrCleans(t, name, webpPatch32(cut, 4, uint32(n-8)))
			}
		}
	}
}

func checkFailsOrCleans(t *testing.T, name string, b []byte) {
	t.Helper()
	h := webpHandler{}
	if _, err := h.inspect(b); err != nil {
		return
	}
	out, err := h.strip(b, Options{})
	if err != nil {
		t.Fatalf("%s cut to %d bytes: inspect passed, strip failed: %v", name, len(b), err)
	}
	if err := h.verify(out, Options{}); err != nil {
		t.Fatalf("%s cut to %d bytes: clean copy fails: %v", name, len(b), err)
	}
}
